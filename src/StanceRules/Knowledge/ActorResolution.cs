using StanceRules.Knowledge;

namespace StanceRules;

/// <summary>What an actor as written turned out to be on a date.</summary>
public enum ResolutionKind
{
    /// <summary>One country: its name, code, capital, seat of government, demonym, or an official in office.</summary>
    Country,

    /// <summary>Several countries listed as joint actors ("France, Germany and Britain"): one signal each.</summary>
    JointStatement,

    /// <summary>A person who held a national office but not on the date (former, or not yet in office).</summary>
    FormerOfficial,

    /// <summary>An international organization or court, or one of its officials.</summary>
    Organization,

    /// <summary>A group of countries named by a regional word, a bloc or a number ("Arab states", "G7 leaders", "141 countries").</summary>
    Group,

    /// <summary>A non-state armed or political group (militias, insurgents, mercenary companies, parties).</summary>
    NonState,

    /// <summary>Names several countries without listing them as joint actors ("Russia's ambassador to China").</summary>
    Ambiguous,

    /// <summary>Nothing the gazetteer knows.</summary>
    Unknown,
}

/// <summary>
/// How <see cref="StanceEngine.Resolve(string, DateOnly?)"/> resolved an actor: the country or
/// countries it speaks for, or the reason it speaks for none, and what matched.
/// </summary>
public sealed class ActorResolution
{
    private readonly Resolution _resolution;
    private IReadOnlyList<string>? _countries;
    private string? _matched;

    internal ActorResolution(string actor, DateOnly? date, Resolution resolution)
    {
        // Resolution is on the hot path of callers that resolve every fact: keep construction to
        // this one object; the lists and texts are built when first read.
        Actor = actor;
        Date = date;
        _resolution = resolution;
    }

    /// <summary>The actor as given.</summary>
    public string Actor { get; }

    /// <summary>The date it was resolved on; null resolves officials by their latest office.</summary>
    public DateOnly? Date { get; }

    /// <summary>What the actor is.</summary>
    public ResolutionKind Kind => _resolution.Kind;

    /// <summary>The ISO 3166-1 alpha-3 code of the one country (kind <see cref="ResolutionKind.Country"/>); null otherwise.</summary>
    public string? Country => _resolution.Country?.Iso3;

    /// <summary>The countries the actor speaks for, in ISO3 order: one, several for a joint statement, none otherwise.</summary>
    public IReadOnlyList<string> Countries => _countries ??= _resolution.Countries is { } several ? several.Select(c => c.Iso3).ToArray()
        : _resolution.Country is { } one ? [one.Iso3]
        : [];

    /// <summary>Why the actor is not one country (null when it is); e.g. "former head of state and head of government of USA, term ended 2021-01-20".</summary>
    public string? Reason => _resolution.Reason;

    /// <summary>
    /// Set when the actor resolved through an office term that is open in the data and the date is
    /// after the offices entry's <c>checked</c> date ("unconfirmed: the term is open in the data,
    /// last checked 2025-05-01"), or when the date is in the month a term began or ended in and the
    /// data gives only the month ("unconfirmed: the term began in 2019-03, day not known"): the
    /// holder still speaks for the country, but the data does not confirm it on that day; null otherwise.
    /// </summary>
    public string? Unconfirmed => _resolution.Match is OfficeTerm term ? term.UnconfirmedOn(Date) : null;

    /// <summary>The countries of <see cref="Countries"/> that are not UN member states (Taiwan, TWN; Kosovo, XKX), so a caller can filter them; empty otherwise.</summary>
    public IReadOnlyList<string> NotUnMembers => _resolution.Countries is { } several ? several.Where(c => !c.UnMember).Select(c => c.Iso3).ToArray()
        : _resolution.Country is { UnMember: false } one ? [one.Iso3]
        : [];

    /// <summary>What matched: the alias ("seat 'Kremlin' of RUS"), the office and term ("Joe Biden, head of state ... 2021-01-20 to 2025-01-20"), or the organization or group; null when nothing did.</summary>
    public string? Matched => _matched ??= Describe(_resolution.Match);

    /// <summary>One line: "RUS (seat 'Kremlin' of RUS)", "unresolved: former head of state of USA, term ended 2021-01-20".</summary>
    public override string ToString()
    {
        var what = Kind switch
        {
            ResolutionKind.Country => Countries[0],
            ResolutionKind.JointStatement => "joint statement: " + string.Join(", ", Countries),
            _ => $"unresolved ({KindName(Kind)}): {Reason}",
        };
        if (NotUnMembers.Count > 0)
        {
            what += $" (not a UN member state: {string.Join(", ", NotUnMembers)})";
        }

        if (Unconfirmed is { } unconfirmed)
        {
            what += $" ({unconfirmed})";
        }

        return Matched is null ? what : $"{what} [{Matched}]";
    }

    internal static string KindName(ResolutionKind kind) => kind switch
    {
        ResolutionKind.JointStatement => "joint statement",
        ResolutionKind.FormerOfficial => "former official",
        ResolutionKind.NonState => "non-state actor",
        _ => kind.ToString().ToLowerInvariant(),
    };

    internal static string? Describe(object? match) => match switch
    {
        CountryAlias alias => alias.Description,
        OfficeTerm term => $"{term.Person.Name}, {term.Description}",
        Person person => person.Then is { } then ? $"{person.Name}, {then.Organization} from {then.From:yyyy-MM-dd}" : person.Name,
        NonCountryMatch hit => $"'{hit.Text}' ({hit.Entry.Reason})",
        NonCountryEntry other => other.Becomes is { } becomes ? $"'{other.Text}' ({other.Reason}; {becomes.Country.Iso3} from {becomes.From:yyyy-MM-dd})" : $"'{other.Text}' ({other.Reason})",
        _ => null,
    };
}
