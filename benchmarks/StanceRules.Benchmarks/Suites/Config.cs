using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;

namespace StanceRules.Benchmarks.Suites;

/// <summary>
/// The throughput job: one process per benchmark, 3 warm-up and 5 measured iterations. Modest on
/// purpose: the suite has to fit in about 20 minutes on a 2-core machine that is often busy,
/// which is why every comparison is also made by quick mode's interleaved rounds.
/// </summary>
public sealed class ThroughputConfig : ManualConfig
{
    public ThroughputConfig()
    {
        AddJob(Job.ShortRun.WithIterationCount(5).WithId("short"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(new FactsPerSecondColumn(), new AllocatedPerFactColumn());
        WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared));
        HideColumns("Error", "StdDev", "Gen0", "Gen1", "Gen2");
    }
}

/// <summary>
/// Start-up: warm (the same process compiles again and again: what a service that reloads
/// rules pays) and cold (a new process for each measurement, the first call only: JIT and
/// type loading included, what a CLI or a serverless cold start pays).
/// </summary>
public sealed class StartupConfig : ManualConfig
{
    public StartupConfig()
    {
        AddJob(Job.ShortRun.WithIterationCount(5).WithId("warm"));
        AddJob(Job.Default.WithStrategy(RunStrategy.ColdStart).WithLaunchCount(5).WithWarmupCount(0).WithIterationCount(1).WithInvocationCount(1).WithUnrollFactor(1).WithId("cold"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByJob);
        WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared));
        HideColumns("Error", "StdDev", "Gen0", "Gen1", "Gen2");
    }
}
