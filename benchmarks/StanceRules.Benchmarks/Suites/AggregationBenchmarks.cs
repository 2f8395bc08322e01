using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using StanceRules.Benchmarks.Workloads;

namespace StanceRules.Benchmarks.Suites;

/// <summary>
/// Aggregation of reports into a <see cref="StanceCorpus"/>: each operation is one report
/// (OperationsPerInvoke), so Mean is the time per report (reports/s = 1 s / Mean) and Allocated
/// the bytes allocated per report. The reports are made in the setup; only Add or Merge is timed.
/// Baseline: Add with the default options (article ids de-duplicated).
/// </summary>
[Config(typeof(AggregationConfig))]
public class AggregationBenchmarks
{
    public const int Reports = 20_000;

    private StanceReport[] _reports = null!;
    private StanceCorpus[] _partitions = null!;
    private StanceCorpus _whole = null!;

    [GlobalSetup]
    public void Setup()
    {
        _reports = AggregationReports.Generate(0, Reports).ToArray();
        _whole = StanceCorpus.FromReports(_reports);
        _partitions = Enumerable.Range(0, 4).Select(p => StanceCorpus.FromReports(_reports.Where((_, i) => i % 4 == p))).ToArray();
    }

    /// <summary>Add every report to a new corpus (default options: a repeated id counts once).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Reports)]
    public long Add() => StanceCorpus.FromReports(_reports).Articles;

    /// <summary>The same without de-duplication (ids known unique upstream).</summary>
    [Benchmark(OperationsPerInvoke = Reports)]
    public long AddWithoutDeduplication() => StanceCorpus.FromReports(_reports, new CorpusOptions { DeduplicateArticles = false }).Articles;

    /// <summary>Merge four corpora of a quarter of the reports each (per report of the total).</summary>
    [Benchmark(OperationsPerInvoke = Reports)]
    public long MergeFourPartitions()
    {
        var merged = new StanceCorpus();
        foreach (var partition in _partitions)
        {
            merged.Merge(partition);
        }

        return merged.Articles;
    }

    /// <summary>Stances per month, changes and agreement of the whole corpus (per report it holds).</summary>
    [Benchmark(OperationsPerInvoke = Reports)]
    public int QueryMonthly()
    {
        var corpus = _whole;
        return corpus.Stances(CorpusWindow.Month).Count + corpus.Changes(CorpusWindow.Month).Count + corpus.Agreements(CorpusWindow.Month).Count;
    }
}

/// <summary>
/// In process (no generated project to build: on a busy 2-core machine that build alone outran
/// BenchmarkDotNet's two-minute timeout), 3 warm-up and 5 measured iterations, memory diagnoser.
/// </summary>
public sealed class AggregationConfig : ManualConfig
{
    public AggregationConfig()
    {
        AddJob(Job.ShortRun.WithIterationCount(5).WithToolchain(BenchmarkDotNet.Toolchains.InProcess.Emit.InProcessEmitToolchain.Instance).WithId("in-process"));
        AddDiagnoser(MemoryDiagnoser.Default);
        WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared));
        HideColumns("Error", "StdDev", "Gen0", "Gen1", "Gen2");
    }
}
