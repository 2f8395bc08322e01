using BenchmarkDotNet.Attributes;
using StanceRules.Benchmarks.Peers;
using StanceRules.Benchmarks.Workloads;

namespace StanceRules.Benchmarks.Suites;

/// <summary>
/// Shared plumbing of the throughput suites: each process builds the baseline and the engine it
/// measures, checks that they agree on the whole workload, then times one pass over the corpus
/// per operation.
/// </summary>
public abstract class ThroughputSuite
{
    private Corpus _corpus = null!;
    private Peer _peer = null!;

    protected abstract RuleSetKind Kind { get; }

    protected virtual int Generated => 0;

    protected abstract Corpus CreateCorpus();

    [GlobalSetup(Target = nameof(NRulesFluent))]
    public void SetupFluent() => Setup(Peer.FluentName);

    [GlobalSetup(Target = nameof(StanceRules))]
    public void SetupStanceRules() => Setup(Peer.StanceRulesName);

    [GlobalSetup(Target = nameof(PlainCSharp))]
    public void SetupPlain() => Setup(Peer.PlainName);

    [GlobalSetup(Target = nameof(NRulesFluentReused))]
    public void SetupFluentReused() => Setup(Peer.FluentReusedName);

    [GlobalSetup(Target = nameof(StanceRulesReference))]
    public void SetupStanceRulesReference() => Setup(Peer.StanceRulesReferenceName);

    protected void Setup(string engine)
    {
        _corpus = CreateCorpus();
        var baseline = Peer.Create(Peer.FluentName, Kind, Generated);
        _peer = engine == Peer.FluentName ? baseline : Peer.Create(engine, Kind, Generated);
        Check.Verify(_corpus, Kind, Generated, engine == Peer.FluentName ? [baseline] : [baseline, _peer]);
    }

    /// <summary>The same rules by hand in NRules' fluent DSL.</summary>
    [Benchmark(Baseline = true)]
    public int NRulesFluent() => RunOnce();

    /// <summary>YAML rules, end to end through <see cref="StanceEngine.Infer"/>.</summary>
    [Benchmark]
    public int StanceRules() => RunOnce();

    /// <summary>Loops and dictionaries: the floor.</summary>
    [Benchmark]
    public int PlainCSharp() => RunOnce();

    /// <summary>A tuned NRules peer: the fluent rules with one session reused across articles (facts retracted after each).</summary>
    [Benchmark]
    public int NRulesFluentReused() => RunOnce();

    /// <summary>StanceRules with <c>RuleMatching.Reference</c>: every rule in NRules, no indexed matcher.</summary>
    [Benchmark]
    public int StanceRulesReference() => RunOnce();

    protected int RunOnce() => _peer.Run(_corpus);
}

/// <summary>A throughput suite that RulesEngine and the plain-C# floor peer can run too (the default and generated rules).</summary>
public abstract class ThroughputSuiteWithRulesEngine : ThroughputSuite
{
    [GlobalSetup(Target = nameof(RulesEngine))]
    public void SetupRulesEngine() => Setup(Peer.RulesEngineName);

    [GlobalSetup(Target = nameof(PlainCSharpFloor))]
    public void SetupPlainFloor() => Setup(Peer.PlainFloorName);

    /// <summary>The rules' decisions by hand inside StanceRules' own pipeline: the floor for StanceRules' matching.</summary>
    [Benchmark]
    public int PlainCSharpFloor() => RunOnce();

    /// <summary>Microsoft RulesEngine workflows.</summary>
    [Benchmark]
    public int RulesEngine() => RunOnce();
}

/// <summary>The seed article with the default rules.</summary>
[Config(typeof(ThroughputConfig))]
public class SeedBenchmarks : ThroughputSuiteWithRulesEngine
{
    public static int FactsPerOperation => Corpus.Seed().FactCount;

    protected override RuleSetKind Kind => RuleSetKind.Default;

    protected override Corpus CreateCorpus() => Corpus.Seed();
}

/// <summary>Synthetic articles (30 facts each) with the default rules, at 1k, 10k and 100k facts.</summary>
[Config(typeof(ThroughputConfig))]
public class CorpusBenchmarks : ThroughputSuiteWithRulesEngine
{
    [Params(1_000, 10_000, 100_000)]
    public int Facts { get; set; }

    protected override RuleSetKind Kind => RuleSetKind.Default;

    protected override Corpus CreateCorpus() => Corpus.Synthetic(Facts);
}

/// <summary>10, 100 and 1,000 generated rules over the same 3,000 facts.</summary>
[Config(typeof(ThroughputConfig))]
public class RuleCountBenchmarks : ThroughputSuiteWithRulesEngine
{
    public const int FactsPerOperation = Workload.RuleScalingFacts;

    [Params(10, 100, 1_000)]
    public int Rules { get; set; }

    protected override RuleSetKind Kind => RuleSetKind.Generated;

    protected override int Generated => Rules;

    protected override Corpus CreateCorpus() => Corpus.Synthetic(Workload.RuleScalingFacts);
}

/// <summary>The join-heavy rule set over 10,000 facts (RulesEngine cannot express it).</summary>
[Config(typeof(ThroughputConfig))]
public class JoinBenchmarks : ThroughputSuite
{
    public const int FactsPerOperation = Workload.JoinFacts;

    protected override RuleSetKind Kind => RuleSetKind.JoinHeavy;

    protected override Corpus CreateCorpus() => Corpus.Synthetic(Workload.JoinFacts);
}
