using System.Globalization;

namespace StanceRules;

// The windows a corpus tallies at (CorpusOptions.Resolution), which it can answer by, and merging its cells into them.
public sealed partial class StanceCorpus
{
    /// <summary>
    /// Whether <see cref="Stances"/> (and the answers built on it) can be asked by
    /// <paramref name="by"/> with <paramref name="filter"/>: each window of the corpus's
    /// <see cref="CorpusOptions.Resolution"/> must lie within one window of kind
    /// <paramref name="by"/>, and the filter's <see cref="CorpusFilter.Since"/> and
    /// <see cref="CorpusFilter.Until"/> must not cut one (a tally cannot be split by day).
    /// </summary>
    /// <param name="by">The window kind asked by.</param>
    /// <param name="filter">The filter asked with; null for none.</param>
    public bool CanAnswer(CorpusWindow by, CorpusFilter? filter = null) => WhyNot(by, filter) is null;

    /// <summary>Whether every window of kind <paramref name="resolution"/> lies within one window of kind <paramref name="by"/>.</summary>
    internal static bool Nests(CorpusWindow resolution, CorpusWindow by) => resolution switch
    {
        CorpusWindow.Day => true,
        CorpusWindow.Month => by is CorpusWindow.Month or CorpusWindow.Quarter or CorpusWindow.Year,
        CorpusWindow.Quarter => by is CorpusWindow.Quarter or CorpusWindow.Year,
        // ISO weeks straddle months and years; a year holds no whole number of weeks.
        _ => resolution == by,
    };

    /// <summary>Throws when <see cref="CanAnswer"/> is false, saying why.</summary>
    private void CheckAnswerable(CorpusWindow by, CorpusFilter? filter)
    {
        if (WhyNot(by, filter) is { } why)
        {
            throw new ArgumentException(why, Enum.IsDefined(by) && Nests(Options.Resolution, by) ? nameof(filter) : nameof(by));
        }
    }

    private string? WhyNot(CorpusWindow by, CorpusFilter? filter)
    {
        var resolution = Options.Resolution;
        if (!Enum.IsDefined(by))
        {
            return $"Unknown window kind {by}.";
        }

        if (!Nests(resolution, by))
        {
            return $"This corpus tallies by {Name(resolution)} ({nameof(CorpusOptions)}.{nameof(CorpusOptions.Resolution)}); it cannot answer by {Name(by)}: a {Name(resolution)} is not within one {Name(by)}. Build it with {nameof(CorpusOptions.Resolution)} = {by} (or {CorpusWindow.Day}).";
        }

        if (filter?.Since is { } since && CorpusPeriod.Of(resolution, since).Start != since)
        {
            return $"This corpus tallies by {Name(resolution)}; {nameof(CorpusFilter.Since)} {Day(since)} is not the first day of one, so it would cut a tally. Give the first day of a {Name(resolution)}, or build the corpus with a finer {nameof(CorpusOptions.Resolution)}.";
        }

        if (filter?.Until is { } until && CorpusPeriod.Of(resolution, until).End != until)
        {
            return $"This corpus tallies by {Name(resolution)}; {nameof(CorpusFilter.Until)} {Day(until)} is not the last day of one, so it would cut a tally. Give the last day of a {Name(resolution)}, or build the corpus with a finer {nameof(CorpusOptions.Resolution)}.";
        }

        return null;
    }

    /// <summary>The day number of the start of the window of the corpus's resolution that holds <paramref name="published"/>: a cell's key.</summary>
    private int CellStart(DateOnly published) =>
        Options.Resolution == CorpusWindow.Day ? published.DayNumber : CorpusPeriod.Of(Options.Resolution, published).Start.DayNumber;

    private static string Name(CorpusWindow window) => window.ToString().ToLowerInvariant();

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
