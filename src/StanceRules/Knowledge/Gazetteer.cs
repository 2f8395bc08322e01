using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace StanceRules.Knowledge;

/// <summary>A country of the gazetteer.</summary>
internal sealed record Country(string Iso3, string Iso2, string Name);

/// <summary>What kind of name a country alias is.</summary>
internal enum AliasKind
{
    Code,
    Name,
    Capital,
    Seat,
    Demonym,
    Official,
}

/// <summary>An entry of the gazetteer's dictionary: what one normalized name stands for.</summary>
internal abstract class GazetteerEntry
{
    protected GazetteerEntry(string text) => Text = text;

    /// <summary>The name as the data writes it.</summary>
    public string Text { get; }
}

/// <summary>A name of a country: its name, code, capital, seat of government, demonym or an undated official.</summary>
internal sealed class CountryAlias(string text, Country country, AliasKind kind) : GazetteerEntry(text)
{
    public Country Country { get; } = country;

    public AliasKind Kind { get; } = kind;

    /// <summary>For a code: the country also lists it as a name ("US"), so it counts inside a phrase when written in capitals.</summary>
    public bool AlsoName { get; set; }

    public string Description => $"{Kind.ToString().ToLowerInvariant()} '{Text}' of {Country.Iso3}";
}

/// <summary>A name (full name, surname, nickname) of a person who held a dated office.</summary>
internal sealed class PersonAlias(string text, Person person) : GazetteerEntry(text)
{
    public Person Person { get; } = person;

    /// <summary>Set when the same name is also one of the country's undated officials: it always resolves to the country.</summary>
    public Country? Undated { get; set; }
}

/// <summary>A name of something that is not a country: an organization, a group of countries, a non-state actor.</summary>
internal sealed class NonCountryEntry(string text, string reason, ResolutionKind kind) : GazetteerEntry(text)
{
    public string Reason { get; } = reason;

    public ResolutionKind Kind { get; } = kind;

    /// <summary>A non-state actor that became a country's government on a date (the Taliban, 2021-08-15).</summary>
    public (Country Country, DateOnly From)? Becomes { get; init; }

    public bool IsCountryOn(DateOnly? date) => Becomes is { } b && (date is not { } d || d >= b.From);
}

/// <summary>A non-country entry as one of its names matched it (in the actor's normalized text).</summary>
internal sealed record NonCountryMatch(NonCountryEntry Entry, string Text);

/// <summary>How an actor resolved: to a country, to several (a joint statement), or not, with the reason.</summary>
/// <param name="Kind">What the actor is.</param>
/// <param name="Country">The one country (kind Country).</param>
/// <param name="Countries">The countries of a joint statement, in ISO3 order (kind JointStatement).</param>
/// <param name="Reason">Why the actor is not one country.</param>
/// <param name="Match">What matched: a <see cref="CountryAlias"/>, an <see cref="OfficeTerm"/>, a <see cref="Person"/> or a <see cref="NonCountryEntry"/>; null when nothing did.</param>
internal readonly record struct Resolution(ResolutionKind Kind, Country? Country, Country[]? Countries, string? Reason, object? Match)
{
    public static Resolution Resolved(Country country, object? match) => new(ResolutionKind.Country, country, null, null, match);

    public static Resolution Unresolved(ResolutionKind kind, string reason, object? match = null) => new(kind, null, null, reason, match);
}

/// <summary>
/// Resolves an actor as written ("Kremlin", "Chinese Foreign Ministry", "TÜRKİYE", "141 countries",
/// "former Kenyan President Uhuru Kenyatta") on a date to a country, to several countries (a joint
/// statement), or to the reason it is not one. Officials of the offices data resolve to their
/// country only during a term (widened by <see cref="TermGraceDays"/> at both ends).
/// </summary>
internal sealed partial class Gazetteer
{
    public const string GroupReason = "group of unnamed countries";
    public const string NonStateReason = "non-state actor";
    public const string UnknownReason = "not a known country, capital, seat of government, demonym or official";
    public const string FormerReason = "former official: the actor is described as former";

    /// <summary>
    /// Days a term is widened by at each end: news published a day or two after a change of
    /// office still quotes what the outgoing holder said in office, and a holder sworn in on a
    /// weekend is quoted as such the Friday before.
    /// </summary>
    public const int TermGraceDays = 3;

    /// <summary>Resolutions memoized per gazetteer (each of the two memos): more distinct actors than a day of world news names.</summary>
    public const int ResolutionCacheSize = 8_192;

    private static readonly FrozenSet<string> FormerWords = FrozenSet.ToFrozenSet(["former", "ex", "late"], StringComparer.Ordinal);

    // Words that make the words after "former" a former office holder ("former President", "ex-PM").
    private static readonly FrozenSet<string> TitleWords = FrozenSet.ToFrozenSet(
    [
        "president", "presidents", "prime", "premier", "pm", "chancellor", "minister", "ministers", "secretary", "king", "queen",
        "emperor", "emir", "sultan", "prince", "monarch", "leader", "leaders", "head", "ruler", "dictator", "strongman", "spokesman",
        "spokeswoman", "spokesperson", "ambassador", "envoy", "diplomat", "official", "officials", "foreign", "chief", "vice",
        "deputy", "taoiseach", "pope", "shah", "premiers", "counterpart", "representative", "junta", "general", "governor",
    ], StringComparer.Ordinal);

    // Words that make an organization named with one country that country's envoy ("Russia's UN ambassador").
    private static readonly FrozenSet<string> RepresentativeWords = FrozenSet.ToFrozenSet(
        ["ambassador", "ambassadors", "envoy", "envoys", "representative", "representatives", "mission", "delegation", "delegate", "delegates", "emissary"],
        StringComparer.Ordinal);

    // Words that make an organization its members ("NATO allies", "EU leaders", "ASEAN foreign ministers"): a group.
    private static readonly FrozenSet<string> MemberWords = FrozenSet.ToFrozenSet(
    [
        "members", "member", "leaders", "heads", "countries", "states", "nations", "governments", "allies", "partners", "ministers",
        "presidents", "premiers", "economies", "powers", "capitals", "signatories", "nation", "summit", "summits",
    ], StringComparer.Ordinal);

    // Singular nouns after a regional adjective that name one country ("the Gulf state of Qatar").
    private static readonly FrozenSet<string> SingularNouns = FrozenSet.ToFrozenSet(
        ["state", "nation", "country", "kingdom", "emirate", "republic", "island", "monarchy", "neighbour", "neighbor", "archipelago", "sultanate"],
        StringComparer.Ordinal);

    private readonly FrozenDictionary<string, Country> _countries;
    // A plain Dictionary: with thousands of names a FrozenDictionary's string strategies measured
    // slower here than ordinal hashing.
    private readonly Dictionary<string, GazetteerEntry> _entries;
#if NET9_0_OR_GREATER
    private readonly Dictionary<string, GazetteerEntry>.AlternateLookup<ReadOnlySpan<char>> _spans;
#endif
    private readonly int _maxAliasWords;
    private readonly string[] _namesWithAnd;

    // The memo of Resolve: by actor text when no dated entry took part, else by (text, date).
    private readonly BoundedCache<string, Resolution> _undated = new(ResolutionCacheSize, StringComparer.Ordinal);
    private readonly BoundedCache<(string Actor, DateOnly? Date), Resolution> _dated = new(ResolutionCacheSize);

    [ThreadStatic]
    private static bool t_datedEntryFound;

    public Gazetteer(IEnumerable<Country> countries, IReadOnlyDictionary<string, GazetteerEntry> entries, IReadOnlyList<Person> people, IReadOnlyList<OfficeCoverage> coverage)
    {
        _countries = countries.ToFrozenDictionary(c => c.Iso3, StringComparer.Ordinal);
        _entries = new Dictionary<string, GazetteerEntry>(entries, StringComparer.Ordinal);
#if NET9_0_OR_GREATER
        _spans = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
#endif
        _namesWithAnd = _entries.Keys.Where(k => k.Contains(" and ", StringComparison.Ordinal)).ToArray();
        _maxAliasWords = _entries.Keys.Select(k => k.Count(c => c == ' ') + 1).DefaultIfEmpty(1).Max();
        People = people;
        Coverage = coverage;
    }

    public int CountryCount => _countries.Count;

    public IEnumerable<Country> Countries => _countries.Values;

    /// <summary>Everyone the offices data lists, with their terms.</summary>
    public IReadOnlyList<Person> People { get; }

    /// <summary>Each country's entry of the offices data: what it claims to cover.</summary>
    public IReadOnlyList<OfficeCoverage> Coverage { get; }

    /// <summary>Every normalized name and what it stands for.</summary>
    public IReadOnlyDictionary<string, GazetteerEntry> Entries => _entries;

    public Country? ByIso3(string iso3) => _countries.GetValueOrDefault(iso3.ToUpperInvariant());

    /// <summary>Resolves an actor with no date: officials by their latest office.</summary>
    public Resolution Resolve(string actor) => Resolve(actor, null);

    /// <summary>
    /// Resolves an actor on a date, through a memo of earlier resolutions: by the text alone when
    /// no entry that depends on the date (a person's office, a group that became a government)
    /// took part, by text and date otherwise. Articles repeat the same actors, and every caller
    /// (inference, <c>StanceEngine.Resolve</c>, explain) shares the memo.
    /// </summary>
    public Resolution Resolve(string actor, DateOnly? date)
    {
        if (actor.Length > BoundedCache<string, Resolution>.MaxTextLength)
        {
            return ResolveUncached(actor, date);
        }

        if (_undated.TryGet(actor, out var resolution) || _dated.TryGet((actor, date), out resolution))
        {
            return resolution;
        }

        t_datedEntryFound = false;
        resolution = ResolveUncached(actor, date);
        if (t_datedEntryFound)
        {
            _dated.Add((actor, date), resolution);
        }
        else
        {
            _undated.Add(actor, resolution);
        }

        return resolution;
    }

    private Resolution ResolveUncached(string actor, DateOnly? date)
    {
        var key = TextKey.Of(actor);
        if (key.Length == 0)
        {
            return Resolution.Unresolved(ResolutionKind.Unknown, UnknownReason);
        }

        // The common case: the whole actor is one name ("Kremlin", "Putin", "the EU").
        if (_entries.TryGetValue(key, out var exact))
        {
            return Single(Found(exact), date);
        }

        if (GroupPattern().IsMatch(key))
        {
            return Resolution.Unresolved(ResolutionKind.Group, GroupReason);
        }

        return Scan(actor, key, date, allowJoint: true);
    }

    private static Resolution Single(GazetteerEntry entry, DateOnly? date) => entry switch
    {
        CountryAlias alias => Resolution.Resolved(alias.Country, alias),
        PersonAlias person => person.Person.On(date, person.Undated),
        NonCountryEntry other when other.IsCountryOn(date) => Resolution.Resolved(other.Becomes!.Value.Country, other),
        NonCountryEntry other => Resolution.Unresolved(other.Kind, other.Reason, other),
        _ => Resolution.Unresolved(ResolutionKind.Unknown, UnknownReason),
    };

    [ThreadStatic]
    private static List<(int Start, int Length, GazetteerEntry Entry)>? _hitBuffer;

    /// <summary>
    /// Finds every name inside the text on word boundaries, longest first (so "Papua New Guinea"
    /// hides "Guinea" and "Latin American" hides "American"), then decides in this order: former
    /// officials, non-state actors, groups, officials out of office, organizations, then one
    /// country, a joint statement, or an ambiguous actor.
    /// </summary>
    private Resolution Scan(string actor, string key, DateOnly? date, bool allowJoint)
    {
        Span<int> starts = stackalloc int[64];
        Span<int> ends = stackalloc int[64];
        var wordCount = 0;
        for (var i = 0; i < key.Length;)
        {
            var end = key.IndexOf(' ', i);
            end = end < 0 ? key.Length : end;
            if (wordCount == starts.Length)
            {
                return Resolution.Unresolved(ResolutionKind.Unknown, UnknownReason); // 64 words: not an actor
            }

            starts[wordCount] = i;
            ends[wordCount] = end;
            wordCount++;
            i = end + 1;
        }

        Span<bool> covered = stackalloc bool[wordCount];
        var hits = _hitBuffer ??= [];
        hits.Clear();
        for (var length = Math.Min(_maxAliasWords, wordCount); length >= 1; length--)
        {
            for (var start = 0; start + length <= wordCount; start++)
            {
                if (covered.Slice(start, length).Contains(true))
                {
                    continue;
                }

                var span = key.AsSpan(starts[start], ends[start + length - 1] - starts[start]);
                if (Lookup(span) is not { } entry)
                {
                    continue;
                }

                if (entry is CountryAlias { Kind: AliasKind.Code } code && (!code.AlsoName || !IsUpperCaseWord(actor, entry.Text)))
                {
                    continue; // codes count only on their own ("CHN"), names like "US" in capitals: "us officials" is not the USA
                }

                hits.Add((start, length, entry));
                covered.Slice(start, length).Fill(true);
            }
        }

        hits.Sort((a, b) => a.Start.CompareTo(b.Start));

        // 1. "former Kenyan President Uhuru Kenyatta", "ex-PM", "the late Queen": never the country.
        for (var w = 0; w < wordCount; w++)
        {
            if (!covered[w] && IsWordIn(FormerWords, key, starts[w], ends[w]) && IsOfficeAfter(key, starts, ends, covered, w + 1, wordCount, hits))
            {
                var of = hits.Find(h => h.Start > w && h.Entry is PersonAlias).Entry as PersonAlias;
                return Resolution.Unresolved(ResolutionKind.FormerOfficial, of is null ? FormerReason : $"{FormerReason} ({of.Person.Name}, {OfficeNames.Describe(of.Person.Terms[^1].Offices)} of {of.Person.Country.Iso3})", of?.Person);
            }
        }

        // 2. A non-state actor anywhere ("Iran-backed Houthi rebels", "Wagner fighters").
        foreach (var (_, _, entry) in hits)
        {
            if (entry is NonCountryEntry { Kind: ResolutionKind.NonState } nonState && !nonState.IsCountryOn(date))
            {
                return Resolution.Unresolved(ResolutionKind.NonState, nonState.Reason, nonState);
            }
        }

        // 3. Groups: a regional or bloc word, or an organization named by its members ("EU leaders").
        var memberWord = false;
        var representativeWord = false;
        for (var w = 0; w < wordCount; w++)
        {
            if (!covered[w])
            {
                memberWord |= IsWordIn(MemberWords, key, starts[w], ends[w]);
                representativeWord |= IsWordIn(RepresentativeWords, key, starts[w], ends[w]);
            }
        }

        var countryHits = 0;
        Country? firstCountry = null;
        var severalCountries = false;
        foreach (var (_, _, entry) in hits)
        {
            var country = entry switch
            {
                CountryAlias a => a.Country,
                NonCountryEntry n when n.IsCountryOn(date) => n.Becomes!.Value.Country,
                _ => null,
            };
            if (country is not null)
            {
                countryHits++;
                severalCountries |= firstCountry is not null && firstCountry != country;
                firstCountry ??= country;
            }
        }

        for (var h = 0; h < hits.Count; h++)
        {
            var (start, length, entry) = hits[h];
            if (entry is not NonCountryEntry group || group.IsCountryOn(date))
            {
                continue;
            }

            if (group.Kind == ResolutionKind.Group)
            {
                // "the Gulf state of Qatar", "the Baltic nation Estonia": one named country.
                var next = start + length;
                if (next < wordCount && IsWordIn(SingularNouns, key, starts[next], ends[next]) && countryHits > 0 && !severalCountries)
                {
                    continue;
                }

                // The words that matched ("latin american"), not the entry's first name: one entry holds many regional words.
                return Resolution.Unresolved(ResolutionKind.Group, group.Reason, new NonCountryMatch(group, key[starts[start]..ends[start + length - 1]]));
            }

            if (group.Kind == ResolutionKind.Organization && memberWord && !representativeWord)
            {
                return Resolution.Unresolved(ResolutionKind.Group, $"group of countries: members of {group.Text}", group);
            }
        }

        // 4. People: in office they are their country; out of office, former; moved, the organization.
        Resolution? person = null;
        var countries = new CountrySet();
        foreach (var (_, _, entry) in hits)
        {
            switch (entry)
            {
                case PersonAlias p:
                    var on = p.Person.On(date, p.Undated);
                    if (on.Country is { } c)
                    {
                        countries.Add(c);
                        person ??= on;
                    }
                    else if (on.Kind == ResolutionKind.FormerOfficial && on.Match is OfficeTerm term && date < term.From
                        && hits.Exists(x => x.Entry is CountryAlias alias && alias.Country == term.Country))
                    {
                        // Not yet in a listed office but named with the country ("Saudi Crown
                        // Prince Mohammed bin Salman" before he became prime minister): an
                        // official of the country in another role.
                        countries.Add(term.Country);
                        person ??= Resolution.Resolved(term.Country, p.Person);
                    }
                    else
                    {
                        return on; // former, not yet in office, or now at an organization
                    }

                    break;
                case CountryAlias a:
                    countries.Add(a.Country);
                    break;
                case NonCountryEntry n when n.IsCountryOn(date):
                    countries.Add(n.Becomes!.Value.Country);
                    break;
            }
        }

        // 5. Organizations: their officials never speak for a home country ("Portuguese UN chief",
        // "UN envoy for Yemen"), but a country named before the organization does ("Russia's UN
        // ambassador", "Russia at the UN Security Council"; a demonym only with an envoy's title),
        // as does an official in office.
        for (var h = 0; h < hits.Count; h++)
        {
            if (hits[h].Entry is NonCountryEntry { Kind: ResolutionKind.Organization } organization && countries.Count <= 1)
            {
                var national = person is not null;
                for (var before = 0; before < h && !national; before++)
                {
                    national = hits[before].Entry is CountryAlias alias && (alias.Kind != AliasKind.Demonym || representativeWord);
                }

                if (countries.Count == 1 && national)
                {
                    break;
                }

                return Resolution.Unresolved(organization.Kind, organization.Reason, organization);
            }
        }

        if (countries.Count == 1 && allowJoint && OtherNamedPart(actor, date) is { } notCountry)
        {
            // "Serbia and Kosovo": a listed territory that is not a state of the gazetteer.
            return Resolution.Unresolved(ResolutionKind.Ambiguous, $"names {countries.Single!.Iso3} and '{notCountry}', which is not a country");
        }

        if (countries.Count == 1)
        {
            var match = person is { } p ? p.Match : hits.Find(x => x.Entry is CountryAlias).Entry;
            return Resolution.Resolved(countries.Single!, match ?? hits.Find(x => x.Entry is NonCountryEntry).Entry);
        }

        if (countries.Count == 0)
        {
            foreach (var (_, _, entry) in hits)
            {
                if (entry is NonCountryEntry other)
                {
                    return Resolution.Unresolved(other.Kind, other.Reason, other);
                }
            }

            return Resolution.Unresolved(ResolutionKind.Unknown, UnknownReason);
        }

        // 6. Several countries: a list of them is a joint statement, anything else ambiguous.
        var names = countries.ToSortedArray();
        if (allowJoint && JointCountries(actor, date) is { } joint)
        {
            return new Resolution(ResolutionKind.JointStatement, null, joint, null, null);
        }

        return Resolution.Unresolved(ResolutionKind.Ambiguous, $"names more than one country ({string.Join(", ", names.Select(c => c.Iso3))}) without listing them as joint actors");
    }

    /// <summary>
    /// "A, B and C", "A and B's foreign ministers", "the leaders of France, Germany and Britain":
    /// split at commas, "and", "&amp;" and "/"; every part must name exactly one country (or an
    /// official in office) and nothing else that is not a country.
    /// </summary>
    private Country[]? JointCountries(string actor, DateOnly? date)
    {
        var parts = ListParts(actor);
        if (parts.Count < 2)
        {
            return null;
        }

        var found = new CountrySet();
        var named = 0;
        foreach (var part in parts)
        {
            var key = TextKey.Of(part);
            if (key.Length == 0)
            {
                continue;
            }

            var resolution = _entries.TryGetValue(key, out var exact) ? Single(Found(exact), date) : Scan(part, key, date, allowJoint: false);
            if (resolution.Country is not { } country)
            {
                return null;
            }

            found.Add(country);
            named++;
        }

        return named >= 2 && found.Count >= 2 ? found.ToSortedArray() : null;
    }

    /// <summary>
    /// The parts of a list ("A, B and C"), with "and" inside a name kept ("Trinidad and Tobago",
    /// "Bosnia and Herzegovina"): parts joined back where a name with "and" spans the break.
    /// </summary>
    private List<string> ListParts(string actor)
    {
        var pieces = JointSeparator().Split(actor);
        var parts = new List<string>(pieces.Length);
        foreach (var piece in pieces)
        {
            if (parts.Count > 0 && SpansAnd(parts[^1], piece))
            {
                parts[^1] = parts[^1] + " and " + piece;
            }
            else
            {
                parts.Add(piece);
            }
        }

        return parts;
    }

    private bool SpansAnd(string left, string right)
    {
        var leftKey = " " + TextKey.Of(left);
        var rightKey = TextKey.Of(right) + " ";
        foreach (var name in _namesWithAnd)
        {
            var split = name.IndexOf(" and ", StringComparison.Ordinal);
            if (leftKey.EndsWith(" " + name[..split], StringComparison.Ordinal) && rightKey.StartsWith(name[(split + 5)..] + " ", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>In a list naming one country, another part that names a territory that is not a state of the gazetteer ("Kosovo"); null when none.</summary>
    private string? OtherNamedPart(string actor, DateOnly? date)
    {
        if (actor.IndexOf(',') < 0 && actor.IndexOf('&') < 0 && actor.IndexOf(" and ", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return null;
        }

        var parts = ListParts(actor);
        if (parts.Count < 2)
        {
            return null;
        }

        foreach (var part in parts)
        {
            var trimmed = part.Trim();
            if (TextKey.Of(trimmed) is { Length: > 0 } key
                && (_entries.TryGetValue(key, out var exact) ? Single(Found(exact), date) : Scan(trimmed, key, date, allowJoint: false)) is { Kind: ResolutionKind.Unknown, Match: NonCountryEntry })
            {
                return trimmed;
            }
        }

        return null;
    }

    private GazetteerEntry? Lookup(ReadOnlySpan<char> span)
    {
#if NET9_0_OR_GREATER
        return _spans.TryGetValue(span, out var entry) ? Found(entry) : null;
#else
        return _entries.TryGetValue(span.ToString(), out var entry) ? Found(entry) : null;
#endif
    }

    /// <summary>Every entry a resolution reads passes here: the date matters only through these two kinds.</summary>
    private static GazetteerEntry Found(GazetteerEntry entry)
    {
        if (entry is PersonAlias or NonCountryEntry { Becomes: not null })
        {
            t_datedEntryFound = true;
        }

        return entry;
    }

    private static bool IsWordIn(FrozenSet<string> set, string key, int start, int end)
    {
#if NET9_0_OR_GREATER
        return set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(key.AsSpan(start, end - start));
#else
        return set.Contains(key.Substring(start, end - start));
#endif
    }

    private static bool IsOfficeAfter(string key, Span<int> starts, Span<int> ends, Span<bool> covered, int from, int count, List<(int Start, int Length, GazetteerEntry Entry)> hits)
    {
        for (var w = from; w < count; w++)
        {
            if (!covered[w] && IsWordIn(TitleWords, key, starts[w], ends[w]))
            {
                return true;
            }
        }

        return hits.Exists(h => h.Start >= from && h.Entry is PersonAlias or CountryAlias { Kind: AliasKind.Official });
    }

    // A code as a word of its own in capitals ("US officials"), so the pronoun "us" is not the USA.
    private static bool IsUpperCaseWord(string actor, string code)
    {
        for (var at = actor.IndexOf(code, StringComparison.Ordinal); at >= 0; at = actor.IndexOf(code, at + 1, StringComparison.Ordinal))
        {
            var before = at == 0 || !char.IsLetterOrDigit(actor[at - 1]);
            var after = at + code.Length == actor.Length || !char.IsLetterOrDigit(actor[at + code.Length]);
            if (before && after)
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|dozens of|dozen|scores of|hundreds of|many|several|some|most|other|a number of|a few|few|all|both|various|numerous|the other|fellow)( [a-z0-9]+){0,3} (countries|nations|states|governments|members|member states|capitals|leaders|powers|economies|allies|neighbours|neighbors)( .*)?$")]
    private static partial Regex GroupPattern();

    [GeneratedRegex(@"\s*(?:,|;|&|/|\band\b|\bas well as\b)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex JointSeparator();

    /// <summary>A tiny set of countries: most actors name one, so no allocation until a second.</summary>
    private struct CountrySet
    {
        private Country? _first;
        private List<Country>? _more;

        public readonly int Count => _first is null ? 0 : 1 + (_more?.Count ?? 0);

        public readonly Country? Single => _first;

        public void Add(Country country)
        {
            if (_first is null)
            {
                _first = country;
            }
            else if (_first != country && !(_more?.Contains(country) ?? false))
            {
                (_more ??= []).Add(country);
            }
        }

        public readonly Country[] ToSortedArray()
        {
            var all = new List<Country>();
            if (_first is not null)
            {
                all.Add(_first);
            }

            all.AddRange(_more ?? []);
            all.Sort((a, b) => string.CompareOrdinal(a.Iso3, b.Iso3));
            return [.. all];
        }
    }
}
