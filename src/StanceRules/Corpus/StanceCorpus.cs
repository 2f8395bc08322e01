using StanceRules.Inference;

namespace StanceRules;

/// <summary>
/// Stances across many articles: per (country, issue) per time window, the changes from one
/// window to the next, and how alike countries' stances are. Definitions: docs/corpus.md.
/// </summary>
/// <remarks>
/// <para><b>Incremental and mergeable</b>: <see cref="Add(StanceReport)"/> one report at a time;
/// <see cref="Merge"/> adds another corpus built from other articles. Any split of the articles
/// into corpora, merged in any order, answers every question exactly as one corpus of all of them
/// does: each (country, issue, window) keeps a multiset of the confidences its articles gave per
/// stance (with counts) and the strongest and earliest articles under a total order, and every
/// answer is computed from those alone. Corpora merge only at the same
/// <see cref="CorpusOptions.Resolution"/> (equal options).</para>
/// <para><b>Memory</b> grows with the (country, issue, window) cells, not with the articles: a cell
/// keeps counts per distinct confidence and at most <see cref="CorpusOptions.ArticlesPerCell"/>
/// articles per stance. The windows are of <see cref="CorpusOptions.Resolution"/> (days by
/// default): over years of articles, a corpus built by year or month holds a small fraction of
/// the cells of one built by day, and answers by that window alike. With <see cref="CorpusOptions.DeduplicateArticles"/> (the default) it also
/// keeps a 64-bit fingerprint of each article id, so a repeated article is not counted twice.</para>
/// <para><b>Dates</b>: a report without <see cref="StanceReport.Published"/> cannot be placed in a
/// window; it is skipped and counted in <see cref="Undated"/>.</para>
/// <para>Not thread-safe: build one corpus per thread or partition, then merge.</para>
/// </remarks>
public sealed partial class StanceCorpus
{
    // The cells of each (country, issue), by the day number of their window's start.
    private readonly Dictionary<(string Country, string Issue), Series> _series = [];
    private int _cells;
    // Article id fingerprint -> fingerprint of what its first report said (date and stances).
    private readonly FingerprintTable _seen = new();
    private readonly List<string> _conflicting = [];
    // The kept articles' evidence texts, with CorpusOptions.EvidenceInTemporaryFile.
    private readonly EvidenceFile? _evidenceFile;

    /// <summary>An empty corpus.</summary>
    /// <param name="options">Limits; defaults when null.</param>
    public StanceCorpus(CorpusOptions? options = null)
    {
        // CorpusOptions checks its values when they are set.
        Options = options ?? new CorpusOptions();
        _evidenceFile = Options.EvidenceInTemporaryFile ? new EvidenceFile() : null;
    }

    /// <summary>The corpus's limits.</summary>
    public CorpusOptions Options { get; }

    /// <summary>How many articles the corpus counts (dated, not repeated).</summary>
    public long Articles { get; private set; }

    /// <summary>How many reports were skipped because they have no date.</summary>
    public long Undated { get; private set; }

    /// <summary>How many reports were skipped because their article id was already added.</summary>
    public long Repeated { get; private set; }

    /// <summary>
    /// How many of the <see cref="Repeated"/> reports said something else than the first report of
    /// their article id (another date or other stances): two articles under one id, or a changed
    /// extraction. Only the first counts; <see cref="ConflictingArticles"/> names them.
    /// </summary>
    public long Conflicting { get; private set; }

    /// <summary>The ids of the first <see cref="MaxConflictingListed"/> <see cref="Conflicting"/> reports, in the order added.</summary>
    public IReadOnlyList<string> ConflictingArticles => _conflicting;

    /// <summary>How many conflicting article ids <see cref="ConflictingArticles"/> lists at most (memory stays bounded).</summary>
    public const int MaxConflictingListed = 100;

    /// <summary>How many (country, issue, window of <see cref="CorpusOptions.Resolution"/>) cells hold a stance: what memory grows with.</summary>
    public int Cells => _cells;

    /// <summary>The countries with a stance, ordered.</summary>
    public IReadOnlyList<string> Countries => _series.Keys.Select(k => k.Country).Distinct().Order(StringComparer.Ordinal).ToArray();

    /// <summary>The issues with a stance, ordered.</summary>
    public IReadOnlyList<string> Issues => _series.Keys.Select(k => k.Issue).Distinct().Order(StringComparer.Ordinal).ToArray();

    /// <summary>A corpus of the given reports.</summary>
    /// <param name="reports">The reports, in any order.</param>
    /// <param name="options">Limits; defaults when null.</param>
    public static StanceCorpus FromReports(IEnumerable<StanceReport> reports, CorpusOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var corpus = new StanceCorpus(options);
        foreach (var report in reports)
        {
            corpus.Add(report);
        }

        return corpus;
    }

    /// <summary>
    /// A corpus of the reports of a batch (<see cref="StanceEngine.InferAllAsync(IEnumerable{FactDocument}, BatchOptions?, CancellationToken)"/>);
    /// failed results carry no report and are skipped.
    /// </summary>
    /// <param name="results">The batch's results.</param>
    /// <param name="options">Limits; defaults when null.</param>
    /// <param name="cancellationToken">Stops reading the results.</param>
    public static async Task<StanceCorpus> FromResultsAsync(IAsyncEnumerable<BatchResult> results, CorpusOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(results);
        var corpus = new StanceCorpus(options);
        await foreach (var result in results.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (result.Report is { } report)
            {
                corpus.Add(report);
            }
        }

        return corpus;
    }

    /// <summary>
    /// Adds one article's stances. Returns false, and changes nothing but <see cref="Undated"/>,
    /// <see cref="Repeated"/> and <see cref="Conflicting"/>, when the report has no date or its article
    /// id was already added (the first report of an id counts; ids must name articles). A repeat
    /// that says something else than the first is counted in <see cref="Conflicting"/>: check it to
    /// report the conflict.
    /// </summary>
    /// <param name="report">The report.</param>
    public bool Add(StanceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Published is not { } published)
        {
            Undated++;
            return false;
        }

        if (Options.DeduplicateArticles && !_seen.TryAdd(Fingerprint(report.Article), ContentFingerprint(report), out var firstSaid))
        {
            Repeated++;
            if (firstSaid != ContentFingerprint(report))
            {
                Conflicting++;
                if (_conflicting.Count < MaxConflictingListed)
                {
                    _conflicting.Add(report.Article);
                }
            }

            return false;
        }

        Articles++;
        var day = CellStart(published);
        var limit = Options.ArticlesPerCell;
        foreach (var stance in report.Stances)
        {
            var tally = TallyOf(stance.Country, stance.Issue, day, stance.Stance);
            var level = CellTally.Level(stance.Confidence);
            tally.Add(level, 1);
            if (tally.WouldKeep(level, published, report.Article, limit))
            {
                tally.Keep(KeptArticle.Create(report.Article, published, level, EvidenceOf(stance), _evidenceFile), report.Article, limit);
            }
        }

        return true;
    }

    /// <summary>
    /// Adds the articles of another corpus (which is not changed). The two must have equal
    /// <see cref="Options"/> (the same <see cref="CorpusOptions.Resolution"/> among them) and, when they de-duplicate, no article in common: the counts behind
    /// each cell cannot tell which of its articles the other corpus holds too. Partition the
    /// articles by id (as a keyed reduce does) and merge the partitions.
    /// </summary>
    /// <param name="other">The other corpus.</param>
    /// <exception cref="ArgumentException">The options differ (a different resolution among them); nothing was changed.</exception>
    /// <exception cref="InvalidOperationException">The corpora share articles; nothing was changed.</exception>
    public void Merge(StanceCorpus other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(other, this))
        {
            throw new InvalidOperationException("A corpus cannot merge itself: every article would be in both.");
        }

        if (other.Options.Resolution != Options.Resolution)
        {
            throw new ArgumentException($"Corpora merge only at the same resolution: this corpus tallies by {Name(Options.Resolution)}, the other by {Name(other.Options.Resolution)}. Build every partial corpus with the same {nameof(CorpusOptions)}.{nameof(CorpusOptions.Resolution)}.", nameof(other));
        }

        if (other.Options != Options)
        {
            throw new ArgumentException($"Corpora merge only with equal options: {Options} and {other.Options}.", nameof(other));
        }

        if (Options.DeduplicateArticles && other._seen.Entries().Any(e => _seen.Contains(e.Key)))
        {
            var shared = other._seen.Entries().Count(e => _seen.Contains(e.Key));
            throw new InvalidOperationException($"The corpora share {shared} article(s); merge corpora of disjoint articles (partition by article id).");
        }

        foreach (var (id, content) in other._seen.Entries())
        {
            _seen.TryAdd(id, content, out _);
        }

        Articles += other.Articles;
        Undated += other.Undated;
        Repeated += other.Repeated;
        Conflicting += other.Conflicting;
        _conflicting.AddRange(other._conflicting.Take(MaxConflictingListed - _conflicting.Count));
        foreach (var series in other._series.Values)
        {
            foreach (var (day, theirs) in series.Cells)
            {
                for (var tally = theirs; tally is not null; tally = tally.Next)
                {
                    TallyOf(series.Country, series.Issue, day, tally.Stance).Merge(tally.WithEvidenceIn(_evidenceFile, other._evidenceFile), Options.ArticlesPerCell);
                }
            }
        }
    }

    /// <summary>
    /// The stance of each (country, issue) in each window of kind <paramref name="by"/> in which it
    /// took one, decided across the window's articles by the conflict policy (docs/corpus.md),
    /// ordered by country, issue, window.
    /// </summary>
    /// <param name="by">The window kind.</param>
    /// <param name="filter">Which countries, issues and days; all when null.</param>
    /// <exception cref="ArgumentException">
    /// The corpus's <see cref="CorpusOptions.Resolution"/> cannot answer by <paramref name="by"/>,
    /// or the filter's dates would cut one of its windows (<see cref="CanAnswer"/>).
    /// </exception>
    public IReadOnlyList<WindowStance> Stances(CorpusWindow by, CorpusFilter? filter = null)
    {
        CheckAnswerable(by, filter);
        var selected = SelectSeries(filter);
        // At most one window per cell: sized once, not grown by copies.
        var stances = new List<WindowStance>(selected.Sum(s => s.Cells.Count));
        stances.AddRange(Windows(by, filter, selected));
        return stances.ToArray();
    }

    /// <summary>The windows <see cref="Stances"/> answers, one at a time, in its order (the question was checked).</summary>
    private IEnumerable<WindowStance> Windows(CorpusWindow by, CorpusFilter? filter, Series[] selected)
    {
        var since = filter?.Since?.DayNumber ?? int.MinValue;
        var until = filter?.Until?.DayNumber ?? int.MaxValue;
        var days = new List<int>();
        foreach (var series in selected)
        {
            days.Clear();
            foreach (var day in series.Cells.Keys)
            {
                if (day >= since && day <= until)
                {
                    days.Add(day);
                }
            }

            days.Sort();
            // The cells of one window are consecutive in day order; a window of one cell (every
            // window when asked by the resolution) is decided from the cell itself, not a copy.
            for (var i = 0; i < days.Count;)
            {
                var start = WindowStart(by, days[i]);
                var cell = series.Cells[days[i]]!;
                var end = i + 1;
                for (; end < days.Count && WindowStart(by, days[end]) == start; end++)
                {
                    if (end == i + 1)
                    {
                        cell = CellTally.Copy(cell, Options.ArticlesPerCell);
                    }

                    for (var tally = series.Cells[days[end]]; tally is not null; tally = tally.Next)
                    {
                        CellTally.Find(ref cell!, tally.Stance).Merge(tally, Options.ArticlesPerCell);
                    }
                }

                yield return Decide(series.Country, series.Issue, by, start, cell, _evidenceFile);
                i = end;
            }
        }
    }

    /// <summary>
    /// Each (country, issue) whose stance in one window differs from its stance in the previous
    /// window in which it took one, ordered by country, issue, window. A window without a stance
    /// (no article, or only silence) is skipped: it is no change.
    /// </summary>
    /// <param name="by">The window kind.</param>
    /// <param name="filter">Which countries, issues and days; all when null.</param>
    /// <exception cref="ArgumentException">As <see cref="Stances"/>: the corpus cannot answer by this window or filter.</exception>
    public IReadOnlyList<StanceChange> Changes(CorpusWindow by, CorpusFilter? filter = null) => ChangesOf(Stances(by, filter));

    /// <summary>
    /// The agreement of every pair of countries that took a stance in at least one same (issue,
    /// window): share alike and S-score. Ordered by country, then the other (ordinal); each pair once.
    /// </summary>
    /// <param name="by">The window kind: each (issue, window) is one item compared.</param>
    /// <param name="filter">Which countries, issues and days; all when null.</param>
    /// <exception cref="ArgumentException">As <see cref="Stances"/>: the corpus cannot answer by this window or filter.</exception>
    public IReadOnlyList<CountryAgreement> Agreements(CorpusWindow by, CorpusFilter? filter = null)
    {
        // Each window is let go once its items are taken: no list of every window is held.
        CheckAnswerable(by, filter);
        return AgreementsOfWindows(Windows(by, filter, SelectSeries(filter)));
    }

    /// <summary>
    /// The countries whose stances are closest to <paramref name="country"/>'s: highest S-score,
    /// then most items compared, then code. <see cref="CountryAgreement.Country"/> is the one asked about.
    /// </summary>
    /// <param name="country">ISO alpha-3 code.</param>
    /// <param name="by">The window kind.</param>
    /// <param name="filter">Which issues and days (and which other countries); all when null.</param>
    /// <param name="count">At most this many.</param>
    /// <exception cref="ArgumentException">As <see cref="Stances"/>: the corpus cannot answer by this window or filter.</exception>
    public IReadOnlyList<CountryAgreement> Closest(string country, CorpusWindow by, CorpusFilter? filter = null, int count = 10)
    {
        ArgumentNullException.ThrowIfNull(country);
        var wide = filter?.Countries is null ? filter : filter with { Countries = [.. filter.Countries, country] };
        return ClosestOf(country, Agreements(by, wide), count);
    }

    private static int WindowStart(CorpusWindow by, int day) =>
        by == CorpusWindow.Day ? day : CorpusPeriod.Of(by, DateOnly.FromDayNumber(day)).Start.DayNumber;

    private static WindowStance Decide(string country, string issue, CorpusWindow by, int start, CellTally cell, EvidenceFile? evidence)
    {
        // The conflict policy's steps across articles: each article's stance is one signal; the
        // weight −ln(1 − score) orders stances as the score does without rounding to 1. Rule
        // priorities stay inside articles (the report does not carry them), so ties go to precedence.
        Span<Candidate> candidates = stackalloc Candidate[4];
        Span<double> weights = stackalloc double[4];
        var count = 0;
        for (var tally = cell; tally is not null; tally = tally.Next, count++)
        {
            weights[count] = tally.Weight();
            candidates[count] = new Candidate(tally.Stance, weights[count], 0);
        }

        var (winner, decidedBy) = ConflictPolicy.Choose(candidates[..count]);
        var chosen = cell;
        while (chosen.Stance != winner.Stance)
        {
            chosen = chosen.Next!;
        }

        var score = Math.Round(ConflictPolicy.ScoreOfWeight(winner.Score), 4);
        OtherTally[]? others = null;
        if (count > 1)
        {
            // The others in stance order (the chain's); the chosen one is the window's own.
            others = new OtherTally[count - 1];
            var (at, index) = (0, 0);
            for (var tally = cell; tally is not null; tally = tally.Next, index++)
            {
                if (tally != chosen)
                {
                    others[at++] = new OtherTally(tally.Stance, tally.Articles, Math.Round(ConflictPolicy.ScoreOfWeight(weights[index]), 4));
                }
            }
        }

        var (strongest, kept, first) = chosen.Snapshot();
        return new WindowStance(country, issue, by, start, chosen.Stance, decidedBy, chosen.Articles, score, others, strongest, kept, first, evidence);
    }
}
