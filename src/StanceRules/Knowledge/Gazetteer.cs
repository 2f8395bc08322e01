using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace StanceRules.Knowledge;

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

    private readonly FrozenDictionary<string, Country> _countries;
    // A plain Dictionary: with thousands of names a FrozenDictionary's string strategies measured
    // slower here than ordinal hashing.
    private readonly Dictionary<string, GazetteerEntry> _entries;
#if NET9_0_OR_GREATER
    private readonly Dictionary<string, GazetteerEntry>.AlternateLookup<ReadOnlySpan<char>> _spans;
#endif
    private readonly int _maxAliasWords;
    private readonly string[] _namesWithAnd;

    // The memo of Resolve: when no dated entry took part, by actor text and the layers a miss may
    // consult (without a date, the historical layer after the hand-written data; with one from
    // 2015, the hand-written data only); else by (text, date).
    private readonly BoundedCache<(string Actor, bool AsksHistory), Resolution> _undated = new(ResolutionCacheSize);
    private readonly BoundedCache<(string Actor, DateOnly? Date), Resolution> _dated = new(ResolutionCacheSize);

    private readonly Lazy<Dictionary<string, Person[]>> _surnames;
    private readonly Lazy<HistoricalLayer>? _history;

    [ThreadStatic]
    private static bool t_datedEntryFound;

    // Set while an undated actor the hand-written data does not know is looked up in the historical layer.
    [ThreadStatic]
    private static bool t_undatedHistory;

    /// <summary>The gazetteer; <c>history</c> builds the historical layer (the <c>.actors</c> dictionaries) on the first resolution dated before <see cref="HistoricalLayer.Before"/>, null when the rule set has none.</summary>
    /// <remarks><paramref name="entries"/> (ordinal keys) is the gazetteer's own from then on: not copied, never to be changed by the caller.</remarks>
    public Gazetteer(IEnumerable<Country> countries, Dictionary<string, GazetteerEntry> entries, IReadOnlyList<Person> people, IReadOnlyList<OfficeCoverage> coverage, Func<Gazetteer, HistoricalLayer>? history = null)
    {
        _countries = countries.ToFrozenDictionary(c => c.Iso3, StringComparer.Ordinal);
        _entries = ReferenceEquals(entries.Comparer, StringComparer.Ordinal) ? entries : new Dictionary<string, GazetteerEntry>(entries, StringComparer.Ordinal);
#if NET9_0_OR_GREATER
        _spans = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
#endif
        // One pass over the names: those with "and" in them (lists), and the most words in one.
        var namesWithAnd = new List<string>();
        _maxAliasWords = 1;
        foreach (var key in _entries.Keys)
        {
            _maxAliasWords = Math.Max(_maxAliasWords, key.AsSpan().Count(' ') + 1);
            if (key.Contains(" and ", StringComparison.Ordinal))
            {
                namesWithAnd.Add(key);
            }
        }

        _namesWithAnd = [.. namesWithAnd];
        People = people;
        Coverage = coverage;
        _surnames = new Lazy<Dictionary<string, Person[]>>(() => SurnameIndex(People));
        _history = history is null ? null : new Lazy<HistoricalLayer>(() => history(this));
    }

    /// <summary>The historical layer, built now if not yet; null when the rule set has none.</summary>
    public HistoricalLayer? History => _history?.Value;

    /// <summary>
    /// Whether the historical layer answers for this date: one before <see cref="HistoricalLayer.Before"/>,
    /// or no date once the hand-written data has found nothing, when there is a layer.
    /// </summary>
    private bool IsHistorical(DateOnly? date) => _history is not null && (date is { } day ? day < HistoricalLayer.Before : t_undatedHistory);

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
    /// Resolves an actor on a date, through a memo of earlier resolutions: by the text (and
    /// whether a miss asks the historical layer: only without a date) when no entry that depends
    /// on the date (a person's office, a group that became a government) took part, by text and
    /// date otherwise. Articles repeat the same actors, and every caller
    /// (inference, <c>StanceEngine.Resolve</c>, explain) shares the memo.
    /// </summary>
    public Resolution Resolve(string actor, DateOnly? date)
    {
        if (actor.Length > BoundedCache<string, Resolution>.MaxTextLength)
        {
            return ResolveUncached(actor, date);
        }

        // Before the hand-written offices begin, the historical layer takes part in every
        // resolution: only the dated memo holds those. Without a date, a miss of the hand-written
        // data asks the historical layer too, so what a dated resolution found ("unknown") is
        // memoized apart from what an undated one finds.
        var historical = IsHistorical(date);
        var memo = (actor, date is null && _history is not null);
        if ((!historical && _undated.TryGet(memo, out var resolution)) || _dated.TryGet((actor, date), out resolution))
        {
            return resolution;
        }

        t_datedEntryFound = historical;
        resolution = ResolveUncached(actor, date);
        if (t_datedEntryFound)
        {
            _dated.Add((actor, date), resolution);
        }
        else
        {
            _undated.Add(memo, resolution);
        }

        return resolution;
    }

    private Resolution ResolveUncached(string actor, DateOnly? date)
    {
        var resolution = ResolveOnce(actor, date);
        if (date is null && _history is not null && !t_undatedHistory && resolution.Reason == UnknownReason)
        {
            // Without a date, officials resolve by their latest office; a name only the historical
            // layer knows ("President Bill Clinton", "Carlos Menem") too, read on the first such miss.
            t_undatedHistory = true;
            t_datedEntryFound = true;
            try
            {
                var old = ResolveOnce(actor, null);
                return old.Reason == UnknownReason ? resolution : old;
            }
            finally
            {
                t_undatedHistory = false;
            }
        }

        return resolution;
    }

    private Resolution ResolveOnce(string actor, DateOnly? date)
    {
        var key = TextKey.Of(actor);
        if (key.Length == 0)
        {
            return Resolution.Unresolved(ResolutionKind.Unknown, UnknownReason);
        }

        // The common case: the whole actor is one name ("Kremlin", "Putin", "the EU").
        if (Lookup(key, date) is { } exact)
        {
            return Single(exact, date);
        }

        if (PluralDemonym(actor, key) is { } plural)
        {
            return plural;
        }

        if (GroupPattern().IsMatch(key))
        {
            return Resolution.Unresolved(ResolutionKind.Group, GroupReason);
        }

        return Scan(actor, key, date, allowJoint: true);
    }

    /// <summary>One part of a list ("the Russians", "Syria's Assad"): a name, a plural demonym, or a scan.</summary>
    private Resolution Part(string part, string key, DateOnly? date) =>
        Lookup(key, date) is { } exact ? Single(exact, date) : PluralDemonym(part, key) ?? Scan(part, key, date, allowJoint: false);

    private static Resolution Single(GazetteerEntry entry, DateOnly? date) => entry switch
    {
        CountryAlias alias => Resolution.Resolved(alias.Country, alias),
        PersonAlias person => person.Person.On(date, person.Undated),
        NonCountryEntry other when other.IsCountryOn(date) => Resolution.Resolved(other.Becomes!.Value.Country, other),
        NonCountryEntry other => Resolution.Unresolved(other.Kind, other.Reason, other),
        _ => Resolution.Unresolved(ResolutionKind.Unknown, UnknownReason),
    };

    /// <summary>What a name stands for on a date: before the hand-written offices begin, the historical layer's entry first.</summary>
    private GazetteerEntry? Lookup(ReadOnlySpan<char> span, DateOnly? date)
    {
        if (IsHistorical(date) && _history!.Value.Lookup(span) is { } old)
        {
            return Found(old);
        }

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

}
