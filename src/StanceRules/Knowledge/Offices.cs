namespace StanceRules.Knowledge;

/// <summary>The national offices the gazetteer knows holders of (rules/offices/*.yaml).</summary>
[Flags]
internal enum OfficeKinds
{
    None = 0,
    HeadOfState = 1,
    HeadOfGovernment = 2,
    ForeignMinister = 4,
    ForeignMinistrySpokesperson = 8,
    UnRepresentative = 16,
    DefenceMinister = 32,
    InteriorMinister = 64,
    NationalSecurityAdviser = 128,
    CabinetSecretary = 256,
    GovernmentSpokesperson = 512,
    PartyForeignAffairsChief = 1024,

    /// <summary>A member of the government, of no one office: the <c>GOV</c> roles of the <c>.actors</c> dictionaries.</summary>
    Government = 2048,
}

internal static class OfficeNames
{
    private static readonly (string Key, OfficeKinds Kind, string Text)[] All =
    [
        ("head-of-state", OfficeKinds.HeadOfState, "head of state"),
        ("head-of-government", OfficeKinds.HeadOfGovernment, "head of government"),
        ("foreign-minister", OfficeKinds.ForeignMinister, "foreign minister"),
        ("foreign-ministry-spokesperson", OfficeKinds.ForeignMinistrySpokesperson, "foreign ministry spokesperson"),
        ("un-representative", OfficeKinds.UnRepresentative, "UN representative"),
        ("defence-minister", OfficeKinds.DefenceMinister, "defence minister"),
        ("interior-minister", OfficeKinds.InteriorMinister, "interior minister"),
        ("national-security-adviser", OfficeKinds.NationalSecurityAdviser, "national security adviser"),
        ("cabinet-secretary", OfficeKinds.CabinetSecretary, "cabinet secretary or chief of staff"),
        ("government-spokesperson", OfficeKinds.GovernmentSpokesperson, "government spokesperson"),
        ("party-foreign-affairs-chief", OfficeKinds.PartyForeignAffairsChief, "foreign-affairs chief of the ruling party"),
        ("government", OfficeKinds.Government, "member of the government"),
    ];

    public static IEnumerable<string> Keys => All.Select(a => a.Key);

    public static bool TryParse(string key, out OfficeKinds kind)
    {
        foreach (var (k, v, _) in All)
        {
            if (k == key)
            {
                kind = v;
                return true;
            }
        }

        kind = OfficeKinds.None;
        return false;
    }

    /// <summary>"head of state and head of government".</summary>
    public static string Describe(OfficeKinds kinds) =>
        string.Join(" and ", All.Where(a => (kinds & a.Kind) != 0).Select(a => a.Text));
}

/// <summary>
/// One term of one person in one or more offices of one country. A boundary the data gives as a
/// month only (<c>from: 2019-03</c>) is some day of that month: <see cref="From"/> is the month's
/// first day and <see cref="To"/> its last, so the term holds over the whole month, and a date in
/// that month is <see cref="UnconfirmedOn"/>.
/// </summary>
internal sealed class OfficeTerm
{
    public OfficeTerm(Person person, Country country, OfficeKinds offices, DateOnly from, DateOnly? to, SourceLocation at, bool fromMonth = false, bool toMonth = false)
    {
        Person = person;
        Country = country;
        Offices = offices;
        From = from;
        To = to;
        At = at;
        FromMonth = fromMonth;
        ToMonth = toMonth && to is not null;
    }

    public Person Person { get; }

    public Country Country { get; }

    public OfficeKinds Offices { get; }

    /// <summary>The first day of the term; the first day of its month when <see cref="FromMonth"/>.</summary>
    public DateOnly From { get; }

    /// <summary>The last day of the term (the last day of its month when <see cref="ToMonth"/>); null while the holder is in office.</summary>
    public DateOnly? To { get; }

    /// <summary>The data gives only the month the term began in (YYYY-MM).</summary>
    public bool FromMonth { get; }

    /// <summary>The data gives only the month the term ended in.</summary>
    public bool ToMonth { get; }

    public SourceLocation At { get; }

    /// <summary>The offices entry's <c>checked</c> date: after it, an open term is no longer certain.</summary>
    public DateOnly? Checked { get; init; }

    /// <summary>
    /// Why the term does not certainly hold on the date though it speaks: the date is after
    /// <see cref="Checked"/> and the term open ("unconfirmed: the term is open in the data, last
    /// checked 2025-05-01"), or in a month the data gives without the day ("unconfirmed: the term
    /// began in 2019-03, day not known"); null otherwise.
    /// </summary>
    public string? UnconfirmedOn(DateOnly? date)
    {
        if (date is not { } day)
        {
            return null;
        }

        if (FromMonth && SameMonth(day, From))
        {
            return $"unconfirmed: the term began in {From:yyyy-MM}, day not known";
        }

        if (ToMonth && To is { } to && SameMonth(day, to))
        {
            return $"unconfirmed: the term ended in {to:yyyy-MM}, day not known";
        }

        return To is null && Checked is { } last && day > last ? $"unconfirmed: the term is open in the data, last checked {last:yyyy-MM-dd}" : null;
    }

    /// <summary>
    /// Whether this term, ending before <paramref name="next"/> of the same office begins, overlaps
    /// it: a handover day (one's last day the next one's first) is not an overlap, nor a shared
    /// month where either side gives only the month (the handover is some day of it).
    /// </summary>
    public bool Overlaps(OfficeTerm next)
    {
        if (To is not { } end)
        {
            return true;
        }

        return ToMonth || next.FromMonth
            ? end.Year * 12 + end.Month > next.From.Year * 12 + next.From.Month
            : end > next.From;
    }

    private static bool SameMonth(DateOnly a, DateOnly b) => a.Year == b.Year && a.Month == b.Month;

    private static string Day(DateOnly date, bool monthOnly) => monthOnly ? date.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) : date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    // The texts below are written when first read (most terms' never are): a load builds thousands of terms.
    private string? _description;
    private string? _endedReason;
    private string? _notYetReason;

    /// <summary>"head of state of USA, 2021-01-20 to 2025-01-20".</summary>
    public string Description => _description ??= To is { } last
        ? $"{OfficeNames.Describe(Offices)} of {Country.Iso3}, {Day(From, FromMonth)} to {Day(last, ToMonth)}"
        : $"{OfficeNames.Describe(Offices)} of {Country.Iso3} since {Day(From, FromMonth)}";

    /// <summary>"former head of state of USA, term ended 2021-01-20".</summary>
    public string EndedReason => _endedReason ??= To is { } last
        ? $"former {OfficeNames.Describe(Offices)} of {Country.Iso3}, term ended {Day(last, ToMonth)}"
        : $"former {OfficeNames.Describe(Offices)} of {Country.Iso3}";

    /// <summary>"not yet in office: head of state of USA from 2017-01-20".</summary>
    public string NotYetReason => _notYetReason ??= $"not yet in office: {OfficeNames.Describe(Offices)} of {Country.Iso3} from {Day(From, FromMonth)}";

    /// <summary>Whether the term, widened by <see cref="Gazetteer.TermGraceDays"/> at both ends, holds the date.</summary>
    public bool Holds(DateOnly date) =>
        date.DayNumber >= From.DayNumber - Gazetteer.TermGraceDays && (To is not { } to || date.DayNumber <= to.DayNumber + Gazetteer.TermGraceDays);
}

/// <summary>Where a person went after national office: an international organization, from a date.</summary>
internal sealed record MoveToOrganization(string Organization, DateOnly From, SourceLocation At);

/// <summary>A person who held a national office: their terms, in order, and where they went next.</summary>
internal sealed class Person
{
    private readonly List<OfficeTerm> _terms = [];
    private string? _organizationReason;

    public Person(string name, Country country)
    {
        Name = name;
        Country = country;
    }

    public string Name { get; }

    public Country Country { get; }

    public IReadOnlyList<OfficeTerm> Terms => _terms;

    public MoveToOrganization? Then { get; private set; }

    /// <summary>"official of NATO from 2024-10-01 (formerly head of government of NLD)".</summary>
    public string OrganizationReason => _organizationReason ??= Then is { } then
        ? $"official of {then.Organization} from {then.From:yyyy-MM-dd} (formerly {OfficeNames.Describe(_terms[^1].Offices)} of {Country.Iso3})"
        : string.Empty;

    public void Add(OfficeTerm term)
    {
        var at = _terms.FindLastIndex(t => t.From <= term.From);
        _terms.Insert(at + 1, term);
    }

    public void MoveTo(MoveToOrganization then) => Then ??= then;

    /// <summary>
    /// The person on a date: in office (the term), moved to an organization, or out of office
    /// (not yet, or former). Without a date: the latest office decides.
    /// </summary>
    public Resolution On(DateOnly? date, Country? undatedOverride)
    {
        if (undatedOverride is not null)
        {
            // Also listed under the country's undated `officials`: speaks for it in a role the offices do not list.
            return Resolution.Resolved(undatedOverride, this);
        }

        if (date is not { } day)
        {
            var latest = _terms[^1];
            return Then is { } moved && (latest.To is not null || moved.From > latest.From)
                ? new Resolution(ResolutionKind.Organization, null, null, OrganizationReason, this)
                : Resolution.Resolved(latest.Country, latest);
        }

        foreach (var term in _terms)
        {
            if (term.Holds(day))
            {
                return Resolution.Resolved(term.Country, term);
            }
        }

        if (Then is { } then && day >= then.From)
        {
            return new Resolution(ResolutionKind.Organization, null, null, OrganizationReason, this);
        }

        if (day < _terms[0].From)
        {
            return new Resolution(ResolutionKind.FormerOfficial, null, null, _terms[0].NotYetReason, _terms[0]);
        }

        var ended = _terms[0];
        foreach (var term in _terms)
        {
            if (term.To is { } to && to < day && (ended.To is not { } best || to >= best))
            {
                ended = term;
            }
        }

        return new Resolution(ResolutionKind.FormerOfficial, null, null, ended.EndedReason, ended);
    }
}

/// <summary>One country's entry of the offices data: the dates it claims complete coverage for.</summary>
internal sealed record OfficeCoverage(Country Country, DateOnly? Covers, DateOnly? Checked, string? HeadOfStateOf, SourceLocation At);
