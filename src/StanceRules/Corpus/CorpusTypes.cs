using System.Globalization;

namespace StanceRules;

/// <summary>The time windows a <see cref="StanceCorpus"/> groups articles by.</summary>
public enum CorpusWindow
{
    /// <summary>One calendar day.</summary>
    Day,

    /// <summary>An ISO 8601 week: Monday to Sunday, numbered within its ISO year (2022-W09).</summary>
    Week,

    /// <summary>A calendar month.</summary>
    Month,

    /// <summary>A calendar quarter: January to March is Q1.</summary>
    Quarter,

    /// <summary>A calendar year.</summary>
    Year,
}

/// <summary>One time window: the window kind and the first and last days it covers.</summary>
public readonly record struct CorpusPeriod
{
    private CorpusPeriod(CorpusWindow window, DateOnly start, DateOnly end)
    {
        Window = window;
        Start = start;
        End = end;
    }

    /// <summary>The window kind.</summary>
    public CorpusWindow Window { get; }

    /// <summary>The first day of the window.</summary>
    public DateOnly Start { get; }

    /// <summary>The last day of the window (inclusive).</summary>
    public DateOnly End { get; }

    /// <summary>The window's name: <c>2022-03-02</c>, <c>2022-W09</c>, <c>2022-03</c>, <c>2022-Q1</c>, <c>2022</c>.</summary>
    public string Label => Window switch
    {
        CorpusWindow.Day => Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        CorpusWindow.Week => string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(Start.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(Start.ToDateTime(TimeOnly.MinValue)):00}"),
        CorpusWindow.Month => Start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        CorpusWindow.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Start.Year}-Q{((Start.Month - 1) / 3) + 1}"),
        _ => Start.Year.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The window of kind <paramref name="window"/> that holds <paramref name="date"/>.</summary>
    /// <remarks>
    /// A window that would run past <see cref="DateOnly.MaxValue"/> (the ISO week of 9999-12-31 ends in
    /// 10000) ends on that day; none can start before <see cref="DateOnly.MinValue"/>, a Monday.
    /// </remarks>
    public static CorpusPeriod Of(CorpusWindow window, DateOnly date)
    {
        switch (window)
        {
            case CorpusWindow.Day:
                return new(window, date, date);
            case CorpusWindow.Week:
                // ISO weeks start on Monday; the week of 1 January may belong to the previous ISO year.
                var monday = date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
                return new(window, monday, EndAfter(monday, 7));
            case CorpusWindow.Month:
                var month = new DateOnly(date.Year, date.Month, 1);
                return new(window, month, month.AddDays(DateTime.DaysInMonth(date.Year, date.Month) - 1));
            case CorpusWindow.Quarter:
                var quarter = new DateOnly(date.Year, (((date.Month - 1) / 3) * 3) + 1, 1);
                return new(window, quarter, new DateOnly(date.Year, quarter.Month + 2, DateTime.DaysInMonth(date.Year, quarter.Month + 2)));
            case CorpusWindow.Year:
                return new(window, new DateOnly(date.Year, 1, 1), new DateOnly(date.Year, 12, 31));
            default:
                throw new ArgumentOutOfRangeException(nameof(window), window, null);
        }
    }

    /// <summary>The last of <paramref name="days"/> days from <paramref name="start"/>, or the last representable day.</summary>
    private static DateOnly EndAfter(DateOnly start, int days) =>
        start.DayNumber > DateOnly.MaxValue.DayNumber - (days - 1) ? DateOnly.MaxValue : start.AddDays(days - 1);

    /// <inheritdoc />
    public override string ToString() => Label;
}

/// <summary>Which part of a corpus a question looks at; every criterion left null selects everything.</summary>
public sealed record CorpusFilter
{
    /// <summary>Only these countries (ISO alpha-3, case ignored).</summary>
    public IReadOnlyCollection<string>? Countries { get; init; }

    /// <summary>Only these issues (ids, ordinal).</summary>
    public IReadOnlyCollection<string>? Issues { get; init; }

    /// <summary>
    /// Only articles published on or after this day; windows are cut to the range. A corpus whose
    /// <see cref="CorpusOptions.Resolution"/> is coarser than a day takes only the first day of one of its windows.
    /// </summary>
    public DateOnly? Since { get; init; }

    /// <summary>
    /// Only articles published on or before this day; windows are cut to the range. A corpus whose
    /// <see cref="CorpusOptions.Resolution"/> is coarser than a day takes only the last day of one of its windows.
    /// </summary>
    public DateOnly? Until { get; init; }
}

/// <summary>Limits of a <see cref="StanceCorpus"/>. Corpora merge only when their options are equal.</summary>
public sealed record CorpusOptions
{
    private readonly int _articlesPerCell = 5;
    private readonly int _evidencePerArticle = 2;
    private readonly CorpusWindow _resolution = CorpusWindow.Day;

    /// <summary>How many articles each (country, issue, window of <see cref="Resolution"/>, stance) keeps as evidence: the strongest (default 5).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Less than 1 or more than 1,000 (memory per cell stays bounded).</exception>
    public int ArticlesPerCell
    {
        get => _articlesPerCell;
        init => _articlesPerCell = OptionRange.Check(value, 1, 1_000, nameof(CorpusOptions), nameof(ArticlesPerCell));
    }

    /// <summary>How many evidence texts each kept article keeps (default 2).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative or more than 1,000.</exception>
    public int EvidencePerArticle
    {
        get => _evidencePerArticle;
        init => _evidencePerArticle = OptionRange.Check(value, 0, 1_000, nameof(CorpusOptions), nameof(EvidencePerArticle));
    }

    /// <summary>
    /// The finest window the corpus can answer by (default <see cref="CorpusWindow.Day"/>): it
    /// tallies each (country, issue) per window of this kind, so memory grows with these windows,
    /// not with days. A corpus answers <see cref="StanceCorpus.Stances"/> by this window and by
    /// every kind whose windows are unions of these (day: all; month: month, quarter, year;
    /// quarter: quarter, year; week and year: themselves only) and refuses the others
    /// (<see cref="StanceCorpus.CanAnswer"/>). Give the window you will ask by, up front, when the
    /// articles span years.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a <see cref="CorpusWindow"/>.</exception>
    public CorpusWindow Resolution
    {
        get => _resolution;
        init => _resolution = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(Resolution), value, $"{nameof(CorpusOptions)}.{nameof(Resolution)} must be a {nameof(CorpusWindow)}.");
    }

    /// <summary>
    /// Keep the kept articles' evidence texts in a temporary file instead of in memory (default
    /// false): most of a dense corpus by day over years is that text. Each kept article's texts are
    /// written to the file once, when it is kept, and read back when an answer builds its articles
    /// (<see cref="WindowStance.Articles"/>, <see cref="WindowStance.FirstArticle"/>); the answers are
    /// the same. The file is created in <see cref="System.IO.Path.GetTempPath"/> when the first text
    /// is kept and grows with the texts of every article kept at the time (an article later
    /// outranked stays in it); on Unix its name is removed at once (nothing is left behind even if
    /// the process is killed), on Windows it is deleted when closed; it is closed when the corpus
    /// and its answers are collected, or when the process ends. <see cref="StanceCorpus.Merge"/>
    /// copies the other corpus's texts into this one's file. Reading an answer's articles then
    /// reads the disk; an I/O error is thrown as <see cref="System.IO.IOException"/>.
    /// </summary>
    public bool EvidenceInTemporaryFile { get; init; }

    /// <summary>
    /// Ignore a report whose article id was already added (default true). This keeps one 64-bit
    /// fingerprint per article (about 20 bytes in memory); set false when ids are unique upstream
    /// and memory must not grow with the number of articles at all.
    /// </summary>
    public bool DeduplicateArticles { get; init; } = true;
}

/// <summary>An article behind an aggregate stance: its id, date, its stance and confidence there, and its evidence (bounded).</summary>
/// <param name="Id">The article id.</param>
/// <param name="Published">The article's date.</param>
/// <param name="Stance">The stance the article's report gives.</param>
/// <param name="Confidence">The report's confidence in it.</param>
/// <param name="Evidence">The first <see cref="CorpusOptions.EvidencePerArticle"/> evidence texts behind it.</param>
public sealed record CorpusArticle(string Id, DateOnly Published, Stance Stance, double Confidence, IReadOnlyList<string> Evidence);

/// <summary>How many articles of a window gave one stance, and its combined score.</summary>
/// <param name="Stance">The stance.</param>
/// <param name="Articles">How many articles gave it.</param>
/// <param name="Score">1 − Π(1 − confidence) over those articles.</param>
public sealed record StanceTally(Stance Stance, long Articles, double Score);

/// <summary>A country's stance on an issue in one window, decided across the window's articles.</summary>
public sealed class WindowStance
{
    // An answer by day may hold hundreds of thousands of these: the window as its kind and first
    // day, the tallies built when first read unless there are several, and the kept articles as
    // the corpus holds them (shared, never changed), built into CorpusArticles when Articles is
    // first read. FirstArticle alone is built on each read, not held: a table of the changes by
    // day reads every window's, and would hold them all as long as the answer.
    private readonly int _start;
    private readonly byte _window;
    private readonly byte _stance;
    private readonly byte _decidedBy;
    private readonly ushort _keptCount;
    private readonly byte[]? _kept;
    private readonly KeptArticle _firstKept;
    // Where the kept articles' evidence is when not in their entries (CorpusOptions.EvidenceInTemporaryFile).
    private readonly EvidenceFile? _evidence;
    // The other stances' tallies (OtherTally[], null when none) until Tallies is read, then StanceTally[].
    private object? _tallies;
    private BuiltArticles? _built;

    // others: the tallies of the stances not chosen, in stance order; null when the chosen stance is the only one.
    // kept: the strongest articles, keptCount entries one after the other (KeptArticle), never changed.
    internal WindowStance(string country, string issue, CorpusWindow window, int start, Stance stance, DecisionStep decidedBy, long articleCount, double confidence, OtherTally[]? others, byte[]? kept, int keptCount, KeptArticle firstArticle, EvidenceFile? evidence)
    {
        Country = country;
        Issue = issue;
        // Enums of a few values, and at most CorpusOptions.ArticlesPerCell (1,000) kept.
        (_window, _stance, _decidedBy) = ((byte)window, (byte)stance, (byte)decidedBy);
        _start = start;
        Confidence = confidence;
        ArticleCount = articleCount;
        _tallies = others;
        _kept = kept;
        _keptCount = checked((ushort)keptCount);
        _firstKept = firstArticle;
        _evidence = evidence;
    }

    /// <summary>ISO 3166-1 alpha-3 code.</summary>
    public string Country { get; }

    /// <summary>The issue id.</summary>
    public string Issue { get; }

    /// <summary>The window.</summary>
    public CorpusPeriod Period => CorpusPeriod.Of((CorpusWindow)_window, DateOnly.FromDayNumber(_start));

    /// <summary>The stance the conflict policy chose across the window's articles.</summary>
    public Stance Stance => (Stance)_stance;

    /// <summary>Its combined score, 1 − Π(1 − confidence) over the articles that gave it (rounded to 4 places).</summary>
    public double Confidence { get; }

    /// <summary>
    /// The step of the conflict policy that decided: <see cref="DecisionStep.Unanimous"/>, <see cref="DecisionStep.Confidence"/>
    /// or <see cref="DecisionStep.Precedence"/> (never <see cref="DecisionStep.Unknown"/>).
    /// </summary>
    public DecisionStep DecidedBy => (DecisionStep)_decidedBy;

    /// <summary>Every stance the window's articles gave, the chosen one first, then by stance.</summary>
    public IReadOnlyList<StanceTally> Tallies
    {
        get
        {
            var others = Volatile.Read(ref _tallies);
            if (others is StanceTally[] built)
            {
                return built;
            }

            var compact = (OtherTally[]?)others ?? [];
            var tallies = new StanceTally[compact.Length + 1];
            tallies[0] = new StanceTally(Stance, ArticleCount, Confidence);
            for (var i = 0; i < compact.Length; i++)
            {
                tallies[i + 1] = new StanceTally(compact[i].Stance, compact[i].Articles, compact[i].Score);
            }

            // Threads that build at once all answer with the first published.
            return Interlocked.CompareExchange(ref _tallies, tallies, others) is var seen && ReferenceEquals(seen, others) ? tallies : (StanceTally[])seen!;
        }
    }

    /// <summary>How many articles gave the chosen stance.</summary>
    public long ArticleCount { get; }

    /// <summary>The strongest articles behind the chosen stance (confidence, then earliest, then id), at most <see cref="CorpusOptions.ArticlesPerCell"/>.</summary>
    public IReadOnlyList<CorpusArticle> Articles => Built().Articles;

    /// <summary>The earliest article of the window that gave the chosen stance.</summary>
    /// <remarks>
    /// The same values on every read; once <see cref="Articles"/> was read, the same instance on
    /// every read, and the one in <see cref="Articles"/> when it is among them.
    /// </remarks>
    public CorpusArticle FirstArticle => Volatile.Read(ref _built)?.First ?? _firstKept.ToArticle(Stance, _evidence);

    private BuiltArticles Built()
    {
        if (Volatile.Read(ref _built) is { } built)
        {
            return built;
        }

        var first = _firstKept.ToArticle(Stance, _evidence);
        var articles = new CorpusArticle[_keptCount];
        for (var (i, at) = (0, 0); i < articles.Length; i++)
        {
            var kept = KeptArticle.Next(_kept!, ref at);
            articles[i] = kept.SameAs(_firstKept) ? first : kept.ToArticle(Stance, _evidence);
        }

        // Threads that build at once all answer with the first published: articles and earliest together.
        var mine = new BuiltArticles(articles, first);
        return Interlocked.CompareExchange(ref _built, mine, null) ?? mine;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Country} {Issue} {Period} {Stance.ToName()} {Confidence:0.##} ({ArticleCount} articles)";

    private sealed record BuiltArticles(CorpusArticle[] Articles, CorpusArticle First);
}

/// <summary>A stance's tally in a window where another was chosen: a struct until <see cref="WindowStance.Tallies"/> is read.</summary>
internal readonly record struct OtherTally(Stance Stance, long Articles, double Score);

/// <summary>A (country, issue) whose stance moved from one window to the next window in which it took a stance.</summary>
/// <param name="From">The stance in the earlier window.</param>
/// <param name="To">The stance in the later window.</param>
public sealed record StanceChange(WindowStance From, WindowStance To)
{
    /// <summary>ISO 3166-1 alpha-3 code.</summary>
    public string Country => To.Country;

    /// <summary>The issue id.</summary>
    public string Issue => To.Issue;

    /// <summary>The first article (earliest, then strongest, then id) of the later window that shows the new stance.</summary>
    public CorpusArticle FirstArticle => To.FirstArticle;

    /// <inheritdoc />
    public override string ToString() => $"{Country} {Issue} {From.Stance.ToName()} ({From.Period}) -> {To.Stance.ToName()} ({To.Period}) first in {FirstArticle.Id}";
}

/// <summary>
/// How alike two countries' stances are over the (issue, window) pairs both took a stance in:
/// the share alike and the S-score of Signorino and Ritter (see docs/corpus.md).
/// </summary>
/// <param name="Country">One country (the ordinally smaller code, or the country asked about).</param>
/// <param name="Other">The other country.</param>
/// <param name="Issues">How many (issue, window) pairs both took a stance in: what the figures rest on.</param>
/// <param name="Alike">In how many of them the two took the same stance.</param>
/// <param name="Distance">Σ <see cref="StanceDistance"/> over those pairs.</param>
public sealed record CountryAgreement(string Country, string Other, int Issues, int Alike, double Distance)
{
    /// <summary>Alike ÷ Issues.</summary>
    public double ShareAlike => (double)Alike / Issues;

    /// <summary>S = 1 − 2·(Σ d(x, y)) ÷ Issues, with d the stance <see cref="StanceDistance"/> (0 to 1): from −1 (opposed everywhere) to 1 (identical).</summary>
    public double SScore => 1 - (2 * Distance / Issues);

    /// <summary>
    /// The distance between two stances on one issue, 0 to 1: 0 for the same stance, ½ between
    /// abstains and any other stance, 1 between two different committed stances (supports,
    /// condemns, rejects). Between any two committed stances and abstains it is the ordinal scale
    /// of recorded votes (yes 0, abstain ½, no 1).
    /// </summary>
    public static double StanceDistance(Stance a, Stance b) =>
        a == b ? 0 : a == Stance.Abstains || b == Stance.Abstains ? 0.5 : 1;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Country} {Other} alike {Alike}/{Issues} S {SScore:0.###}");
}
