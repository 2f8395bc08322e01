namespace StanceRules.Cli;

/// <summary>
/// The corpus's answers to a query, for every output format, each computed when first needed. By
/// day over years an answer is hundreds of thousands of windows: the stances and the changes are
/// computed again (country, issue) by (country, issue) each time they are written (<see cref="StancesToWrite"/>,
/// <see cref="Changes"/>) rather than held as one list beside the corpus; only what a format
/// needs whole (the HTML page's windows, the agreement) is computed whole, and then held.
/// </summary>
internal sealed class CorpusAnswers
{
    private IReadOnlyList<WindowStance>? _stances;
    private IReadOnlyList<CountryAgreement>? _agreements;
    private IReadOnlyDictionary<string, IReadOnlyList<CountryAgreement>>? _closest;
    private CorpusOverview? _overview;

    private CorpusAnswers(StanceCorpus corpus, CorpusQuery query, int failed) => (Corpus, Query, Failed) = (corpus, query, failed);

    public StanceCorpus Corpus { get; }

    public CorpusQuery Query { get; }

    public int Failed { get; }

    /// <summary>Every window's stance as one list (the library's <see cref="StanceCorpus.Stances"/>), computed on first read and held: for the HTML page, which draws them all.</summary>
    public IReadOnlyList<WindowStance> Stances => _stances ??= Corpus.Stances(Query.By, Query.Filter);

    /// <summary>The agreement of every pair of countries among the windows, computed on first read (from <see cref="Stances"/> when held, else by the corpus, which holds no list of every window).</summary>
    public IReadOnlyList<CountryAgreement> Agreements => _agreements ??= _stances is { } held ? StanceCorpus.AgreementsOf(held) : Corpus.Agreements(Query.By, Query.Filter);

    /// <summary>The closest countries to each one named by <c>--country</c>, among every country (none when none is named).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<CountryAgreement>> Closest => _closest ??= ClosestToNamed();

    /// <summary>How many countries, issues and changes the answer has, and its first and last window: one pass, (country, issue) by (country, issue).</summary>
    public CorpusOverview Overview => _overview ??= Survey();

    public static CorpusAnswers Ask(StanceCorpus corpus, CorpusQuery query, int failed) => new(corpus, query, failed);

    public bool Shows(string section) => Query.Show.Contains(section);

    /// <summary>
    /// <see cref="Stances"/>, in the same order, for writing each window with its articles: asked of
    /// the corpus (country, issue) by (country, issue) on each enumeration, each one's windows let go
    /// once written. A window holds the articles it builds when first read (<see cref="WindowStance.Articles"/>),
    /// so a list of every window, written, would hold every window's articles (by day over years:
    /// hundreds of thousands of windows, five articles each, with their evidence).
    /// </summary>
    public IEnumerable<WindowStance> StancesToWrite() => BySeries().SelectMany(windows => windows);

    /// <summary>
    /// The library's <see cref="StanceCorpus.ChangesOf"/> of <see cref="Stances"/>, in its order,
    /// computed (country, issue) by (country, issue) on each enumeration (a change never spans two),
    /// so no list of every window is held while they are written.
    /// </summary>
    public IEnumerable<StanceChange> Changes() => BySeries().SelectMany(StanceCorpus.ChangesOf);

    /// <summary>The windows of <see cref="Stances"/>, one (country, issue)'s at a time, in the same order (country, then issue, ordinal).</summary>
    private IEnumerable<IReadOnlyList<WindowStance>> BySeries()
    {
        var named = Query.Filter.Countries is { } countries ? new HashSet<string>(countries, StringComparer.OrdinalIgnoreCase) : null;
        var issues = Query.Filter.Issues is { } asked ? Corpus.Issues.Where(new HashSet<string>(asked, StringComparer.Ordinal).Contains).ToArray() : Corpus.Issues;
        foreach (var country in Corpus.Countries)
        {
            if (named is not null && !named.Contains(country))
            {
                continue;
            }

            foreach (var issue in issues)
            {
                // The filter matches countries ignoring case: a code that differs only in case comes in its own turn.
                var windows = Corpus.Stances(Query.By, Query.Filter with { Countries = [country], Issues = [issue] });
                yield return windows.All(w => string.Equals(w.Country, country, StringComparison.Ordinal))
                    ? windows
                    : windows.Where(w => string.Equals(w.Country, country, StringComparison.Ordinal)).ToArray();
            }
        }
    }

    private CorpusOverview Survey()
    {
        var (countries, changes) = (0, 0);
        var issues = new HashSet<string>(StringComparer.Ordinal);
        CorpusPeriod? first = null, last = null;
        string? counted = null;
        foreach (var windows in BySeries())
        {
            if (windows.Count == 0)
            {
                continue;
            }

            // The series come country by country: a country is counted at its first window.
            countries += windows[0].Country == counted ? 0 : 1;
            counted = windows[0].Country;
            changes += StanceCorpus.ChangesOf(windows).Count;
            foreach (var window in windows)
            {
                issues.Add(window.Issue);
                first = first is { } f && f.Start <= window.Period.Start ? f : window.Period;
                last = last is { } l && l.Start >= window.Period.Start ? l : window.Period;
            }
        }

        return new CorpusOverview(countries, issues.Count, changes, first, last);
    }

    private Dictionary<string, IReadOnlyList<CountryAgreement>> ClosestToNamed()
    {
        var closest = new Dictionary<string, IReadOnlyList<CountryAgreement>>(StringComparer.Ordinal);
        if (Query.Filter.Countries is { } countries)
        {
            // Closest looks at every other country, so it reads the stances without the country selection.
            var everyone = Corpus.Agreements(Query.By, Query.Filter with { Countries = null });
            foreach (var country in countries)
            {
                closest[country] = StanceCorpus.ClosestOf(country, everyone, Query.Top);
            }
        }

        return closest;
    }
}

/// <summary>The size of an answer: its countries, issues and changes, and its first and last windows (null when it has none).</summary>
internal sealed record CorpusOverview(int Countries, int Issues, int Changes, CorpusPeriod? First, CorpusPeriod? Last);
