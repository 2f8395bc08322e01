using System.Diagnostics;
using System.Globalization;
using StanceRules.Benchmarks.Workloads;

namespace StanceRules.Benchmarks;

/// <summary>
/// How a <see cref="StanceCorpus"/>'s memory grows with the reports it aggregates: the bytes it
/// retains (after a full collection) for 10k to 1M reports over the same 900 cells, with and
/// without the de-duplication fingerprints. Reports are made and dropped one at a time, so only
/// the corpus is retained.
/// </summary>
internal static class AggregationMemory
{
    public sealed record Point(int Reports, int Cells, long Bytes, long BytesWithoutDeduplication, double Seconds)
    {
        public double BytesPerCell => (double)BytesWithoutDeduplication / Cells;

        public double FingerprintBytesPerReport => (double)(Bytes - BytesWithoutDeduplication) / Reports;
    }

    public static Point Measure(int reports)
    {
        var clock = Stopwatch.StartNew();
        var (cells, bytes) = Retained(reports, new CorpusOptions());
        var seconds = clock.Elapsed.TotalSeconds;
        var (cellsWithout, without) = Retained(reports, new CorpusOptions { DeduplicateArticles = false });
        if (cells != cellsWithout)
        {
            throw new InvalidOperationException($"de-duplication changed the cells: {cells} and {cellsWithout}");
        }

        return new Point(reports, cells, bytes, without, seconds);
    }

    /// <summary><c>--aggregation</c>: the table for benchmarks/README.md (10k, 100k, 1M reports).</summary>
    public static int Run()
    {
        Console.WriteLine($"aggregation memory: {Environment.ProcessorCount} cores, .NET {Environment.Version}; {AggregationReports.StancesPerReport} stances per report over {AggregationReports.Countries} countries x {AggregationReports.Issues} issues x {AggregationReports.Days} days");
        Console.WriteLine("| reports | cells | retained | bytes per cell (no de-dup) | de-dup bytes per report | reports/s (one pass, incl. making them) |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var reports in new[] { 10_000, 100_000, 1_000_000 })
        {
            var p = Measure(reports);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {p.Reports:N0} | {p.Cells:N0} | {p.Bytes / 1048576.0:0.0} MiB | {p.BytesPerCell:N0} | {p.FingerprintBytesPerReport:0.0} | {p.Reports / p.Seconds:N0} |"));
        }

        return 0;
    }

    /// <summary>
    /// For <c>--check</c>: memory per cell flat from 30k to 100k reports (within 10%; by 30k every
    /// cell holds the most articles it keeps), the
    /// fingerprints under 48 bytes per report, and four merged partitions answering as one corpus.
    /// </summary>
    public static string Check()
    {
        var small = Measure(30_000);
        var large = Measure(100_000);
        if (small.Cells != large.Cells)
        {
            throw new InvalidOperationException($"aggregation: the cells did not fill by 30,000 reports ({small.Cells} then {large.Cells}); the workload cannot show flat memory");
        }

        if (large.BytesWithoutDeduplication > small.BytesWithoutDeduplication * 1.10)
        {
            throw new InvalidOperationException($"aggregation: memory per cell grew from {small.BytesPerCell:N0} to {large.BytesPerCell:N0} bytes between 30,000 and 100,000 reports");
        }

        if (large.FingerprintBytesPerReport > 48)
        {
            throw new InvalidOperationException($"aggregation: de-duplication keeps {large.FingerprintBytesPerReport:0.0} bytes per report (more than 48)");
        }

        var reports = AggregationReports.Generate(0, 8_000).ToArray();
        var whole = StanceCorpus.FromReports(reports);
        var merged = new StanceCorpus();
        foreach (var partition in Enumerable.Range(0, 4).Select(p => StanceCorpus.FromReports(reports.Where((_, i) => i % 4 == (p * 3) % 4).Reverse())))
        {
            merged.Merge(partition);
        }

        foreach (var by in Enum.GetValues<CorpusWindow>())
        {
            if (Describe(merged, by) != Describe(whole, by))
            {
                throw new InvalidOperationException($"aggregation: four merged partitions answer differently from one corpus (by {by})");
            }
        }

        // At every resolution: four merged partitions answer as one corpus at it, and as the daily corpus, by every window it answers by.
        foreach (var resolution in Enum.GetValues<CorpusWindow>())
        {
            var options = new CorpusOptions { Resolution = resolution };
            var wholeAt = StanceCorpus.FromReports(reports, options);
            var mergedAt = new StanceCorpus(options);
            foreach (var partition in Enumerable.Range(0, 4).Select(p => StanceCorpus.FromReports(reports.Where((_, i) => i % 4 == p), options)))
            {
                mergedAt.Merge(partition);
            }

            foreach (var by in Enum.GetValues<CorpusWindow>().Where(by => wholeAt.CanAnswer(by)))
            {
                if (Describe(mergedAt, by) != Describe(wholeAt, by) || Describe(wholeAt, by) != Describe(whole, by))
                {
                    throw new InvalidOperationException($"aggregation: at resolution {resolution}, by {by}, merged partitions or the corpus answer differently from the daily corpus");
                }
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{large.Cells:N0} cells, {small.BytesPerCell:N0} -> {large.BytesPerCell:N0} bytes per cell from 30k to 100k reports, de-dup {large.FingerprintBytesPerReport:0.0} bytes per report, merge exact (at every resolution too)");
    }

    private static string Describe(StanceCorpus corpus, CorpusWindow by) =>
        string.Join('\n', corpus.Stances(by).Select(s => $"{s} {s.DecidedBy.ToName()} {string.Join(",", s.Tallies)} {string.Join(",", s.Articles.Select(a => a.Id))} {s.FirstArticle.Id}"))
        + string.Join('\n', corpus.Changes(by)) + string.Join('\n', corpus.Agreements(by));

    private static (int Cells, long Bytes) Retained(int reports, CorpusOptions options)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var corpus = new StanceCorpus(options);
        foreach (var report in AggregationReports.Generate(0, reports))
        {
            corpus.Add(report);
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(corpus);
        return (corpus.Cells, after - before);
    }
}
