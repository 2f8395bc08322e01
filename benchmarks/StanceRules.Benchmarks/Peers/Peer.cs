using StanceRules.Benchmarks.Workloads;

namespace StanceRules.Benchmarks.Peers;

/// <summary>One engine, compiled for one rule set, that infers a report from an article's facts.</summary>
public abstract class Peer
{
    public const string StanceRulesName = "stancerules";
    public const string FluentName = "nrules-fluent";
    public const string RulesEngineName = "rulesengine";
    public const string PlainName = "plain-csharp";

    /// <summary>The floor: the rules' decisions by hand inside StanceRules' own pipeline (<see cref="PlainFloorPeer"/>).</summary>
    public const string PlainFloorName = "plain-csharp-floor";

    /// <summary>A tuned NRules peer: the fluent rules with one session reused across articles (not thread-safe; timing only).</summary>
    public const string FluentReusedName = "nrules-fluent-reused";

    /// <summary>StanceRules in reference mode: every rule through NRules (<see cref="RuleMatching.Reference"/>), the indexed matcher off.</summary>
    public const string StanceRulesReferenceName = "stancerules-reference";

    /// <summary>The engines, baseline first.</summary>
    public static readonly string[] Names = [FluentName, StanceRulesName, RulesEngineName, PlainName, FluentReusedName, StanceRulesReferenceName, PlainFloorName];

    public abstract string Name { get; }

    /// <summary>Infers one article: a <see cref="StanceReport"/> or a <see cref="PReport"/>.</summary>
    public abstract object Infer(ArticleFacts article);

    /// <summary>Runs every article of the corpus; returns the number of stances (so nothing is optimized away).</summary>
    public int Run(Corpus corpus)
    {
        var stances = 0;
        foreach (var article in corpus.Articles)
        {
            stances += Infer(article) switch
            {
                StanceReport r => r.Stances.Count,
                PReport p => p.Stances.Count,
                _ => 0,
            };
        }

        return stances;
    }

    /// <summary>Whether this engine can run the rule set (RulesEngine has no joins, and the floor peer writes only the default and generated rules by hand; see the README).</summary>
    public static bool Supports(string engine, RuleSetKind kind) => !(engine is RulesEngineName or PlainFloorName && kind == RuleSetKind.JoinHeavy);

    /// <summary>Builds and compiles an engine for a rule set (for <see cref="RuleSetKind.Generated"/>: <paramref name="generated"/> rules).</summary>
    public static Peer Create(string engine, RuleSetKind kind, int generated = 0) => engine switch
    {
        StanceRulesName => new StanceRulesPeer(kind, generated),
        StanceRulesReferenceName => new StanceRulesPeer(kind, generated, RuleMatching.Reference),
        FluentName => new FluentPeer(kind, generated),
        RulesEngineName => new RulesEnginePeer(kind, generated),
        PlainName => new PlainPeer(kind, generated),
        PlainFloorName => new PlainFloorPeer(kind, generated),
        FluentReusedName => new FluentPeer(kind, generated, reuseSession: true),
        _ => throw new ArgumentException($"Unknown engine '{engine}'; the engines are {string.Join(", ", Names)}.", nameof(engine)),
    };
}

/// <summary>StanceRules end to end: YAML rules compiled to expression trees on NRules; resolution inside Infer.</summary>
public sealed class StanceRulesPeer : Peer
{
    private readonly StanceEngine _engine;

    private readonly RuleMatching _matching;

    public StanceRulesPeer(RuleSetKind kind, int generated, RuleMatching matching = RuleMatching.Indexed)
    {
        _matching = matching;
        var options = new StanceEngineOptions { Matching = matching };
        _engine = kind switch
        {
            RuleSetKind.Default => StanceEngine.FromYaml(RuleFiles.Default, options),
            RuleSetKind.Generated => StanceEngine.FromYaml(RuleFiles.With("generated.yaml", GeneratedRules.ToYaml(GeneratedRules.Create(generated))), options),
            _ => StanceEngine.FromYaml(RuleFiles.With("joins.yaml", JoinRules.Yaml), options),
        };
    }

    public override string Name => _matching == RuleMatching.Reference ? StanceRulesReferenceName : StanceRulesName;

    public override object Infer(ArticleFacts article) => _engine.Infer(article);
}
