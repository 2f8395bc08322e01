using BenchmarkDotNet.Attributes;
using StanceRules.Benchmarks.Peers;
using StanceRules.Benchmarks.Workloads;

namespace StanceRules.Benchmarks.Suites;

/// <summary>
/// Start-up cost: loading and compiling a rule set (the default rules; 1,000 generated rules),
/// and time to first result (compile, then infer the seed article). NRules' fluent rules are
/// compiled with the framework's expression compiler and with FastExpressionCompiler plugged in
/// as NRules' <c>IExpressionCompiler</c>, and so is StanceRules (through
/// <see cref="StanceEngineOptions.ExpressionCompiler"/>, a plain function).
/// </summary>
[Config(typeof(StartupConfig))]
public class StartupBenchmarks
{
    private const int ManyRules = 1_000;
    private IReadOnlyList<KeyValuePair<string, string>> _defaultFiles = null!;
    private IReadOnlyList<KeyValuePair<string, string>> _generatedFiles = null!;
    private IReadOnlyList<GenRule> _specs = null!;
    private ArticleFacts _seed = null!;

    /// <summary>
    /// Prepares inputs only (rule text, rule specs, the seed facts as objects), so a cold
    /// measurement finds nothing of StanceRules or NRules compiled yet.
    /// </summary>
    [GlobalSetup]
    public void Setup()
    {
        _defaultFiles = RuleFiles.Default;
        _specs = GeneratedRules.Create(ManyRules);
        _generatedFiles = RuleFiles.With("generated.yaml", GeneratedRules.ToYaml(_specs));
        _seed = new ArticleFacts("seed", [new Vote { Id = "f1", Actor = "China", Choice = VoteChoice.Abstain, Issue = "russia-ukraine-war", YesMeans = Stance.Condemns }]);
    }

    /// <summary>
    /// The fluent and RulesEngine peers resolve actors with the library's gazetteer, which they
    /// reach through a compiled default StanceEngine: built here, outside the measurement. In a
    /// cold process that also JIT-compiles part of NRules' compiler ahead of the measured call,
    /// which flatters those peers' cold first result (see the README).
    /// </summary>
    [GlobalSetup(Targets = [nameof(Fluent_FirstResult), nameof(FluentFec_FirstResult), nameof(RulesEngine_FirstResult)])]
    public void SetupPeers()
    {
        Setup();
        _ = PeerKnowledge.Default;
    }

    [Benchmark(Baseline = true), BenchmarkCategory("compile-default")]
    public object Fluent_Default() => FluentPeer.Compile(RuleSetKind.Default, 0);

    [Benchmark, BenchmarkCategory("compile-default")]
    public object FluentFec_Default() => FluentPeer.Compile(RuleSetKind.Default, 0, new FastCompiler());

    [Benchmark, BenchmarkCategory("compile-default")]
    public object StanceRules_Default() => StanceEngine.FromYaml(_defaultFiles);

    [Benchmark, BenchmarkCategory("compile-default")]
    public object StanceRulesFec_Default() => StanceEngine.FromYaml(_defaultFiles, new StanceEngineOptions { ExpressionCompiler = new FastCompiler().Compile });

    [Benchmark(Baseline = true), BenchmarkCategory("compile-1000")]
    public object Fluent_1000() => FluentPeer.Compile(RuleSetKind.Generated, ManyRules, specs: _specs);

    [Benchmark, BenchmarkCategory("compile-1000")]
    public object FluentFec_1000() => FluentPeer.Compile(RuleSetKind.Generated, ManyRules, new FastCompiler(), _specs);

    [Benchmark, BenchmarkCategory("compile-1000")]
    public object StanceRules_1000() => StanceEngine.FromYaml(_generatedFiles);

    [Benchmark, BenchmarkCategory("compile-1000")]
    public object StanceRulesFec_1000() => StanceEngine.FromYaml(_generatedFiles, new StanceEngineOptions { ExpressionCompiler = new FastCompiler().Compile });

    [Benchmark(Baseline = true), BenchmarkCategory("first-result")]
    public object Fluent_FirstResult() => new FluentPeer(RuleSetKind.Default, 0).Infer(_seed);

    [Benchmark, BenchmarkCategory("first-result")]
    public object FluentFec_FirstResult() => new FluentPeer(RuleSetKind.Default, 0, new FastCompiler()).Infer(_seed);

    [Benchmark, BenchmarkCategory("first-result")]
    public object StanceRules_FirstResult() => StanceEngine.FromYaml(_defaultFiles).Infer(_seed);

    [Benchmark, BenchmarkCategory("first-result")]
    public object StanceRulesFec_FirstResult() => StanceEngine.FromYaml(_defaultFiles, new StanceEngineOptions { ExpressionCompiler = new FastCompiler().Compile }).Infer(_seed);

    [Benchmark, BenchmarkCategory("first-result")]
    public object RulesEngine_FirstResult() => new RulesEnginePeer(RuleSetKind.Default, 0).Infer(_seed);
}
