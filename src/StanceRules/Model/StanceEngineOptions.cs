namespace StanceRules;

/// <summary>Options for compiling a rule set and running inferences (a record: <c>options with { ExtendDefaultRules = true }</c>).</summary>
public sealed record StanceEngineOptions
{
    private readonly int _maxRuleFirings = 100_000;

    /// <summary>
    /// What a rules folder given to <see cref="StanceEngine.Load"/> or <see cref="StanceEngine.TryLoad"/> is.
    /// False, the default: the whole rule set (it needs its own gazetteer, lexicon and issue catalogue).
    /// True: a layer on top of the embedded default rule set: the default files are read first, a folder
    /// file with the name of a default file (<c>stances.yaml</c>, <c>gazetteer.yaml</c>, <c>lexicon.yaml</c>,
    /// <c>issues.yaml</c>) replaces it, and every other folder file adds to them.
    /// </summary>
    public bool ExtendDefaultRules { get; init; }

    /// <summary>The fact types rules may match and documents may hold. Default: <see cref="FactTypes.Default"/>.</summary>
    public FactTypes FactTypes { get; init; } = FactTypes.Default;

    /// <summary>
    /// The most rule firings one inference may take before it is stopped with
    /// <see cref="InferenceLimitException"/> (a guard against rules that keep asserting facts). Default 100,000.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Less than 1.</exception>
    public int MaxRuleFirings
    {
        get => _maxRuleFirings;
        init
        {
            _maxRuleFirings = OptionRange.Check(value, 1, int.MaxValue, nameof(StanceEngineOptions), nameof(MaxRuleFirings));
        }
    }

    /// <summary>
    /// Turns the rules' expression trees into delegates; null for the framework's
    /// <see cref="System.Linq.Expressions.LambdaExpression.Compile()"/>. Plug in a faster one (for example
    /// FastExpressionCompiler: <c>e =&gt; e.CompileFast()</c>) to cut load and hot-reload time. The
    /// delegate it returns must have the lambda's own type; the expressions it receives are the
    /// closed set the rule language builds. Where dynamic code is not compiled (NativeAOT), the rules
    /// run outside NRules evaluate closures instead of compiled trees, so it serves only the rules
    /// left to NRules.
    /// </summary>
    public Func<System.Linq.Expressions.LambdaExpression, Delegate>? ExpressionCompiler { get; init; }

    /// <summary>
    /// How rules are matched. <see cref="RuleMatching.Indexed"/>, the default, runs the rules that need
    /// no Rete network through hash lookups and the rest through NRules; <see cref="RuleMatching.Reference"/>
    /// runs every rule through NRules. Both give the same reports and explanations.
    /// </summary>
    public RuleMatching Matching { get; init; } = RuleMatching.Indexed;

    /// <summary>
    /// Whether the indexed matcher runs the lowering's closures rather than compiled expression trees;
    /// null (the default) for closures exactly where dynamic code is not compiled (NativeAOT). Tests set
    /// it to prove both forms give the same results under the JIT.
    /// </summary>
    internal bool? ConditionClosures { get; init; }

    /// <summary>Bounds on the rule files this engine loads, the documents its batches read, and each inference's matches. Default: <see cref="StanceLimits.Default"/>.</summary>
    public StanceLimits Limits { get; init; } = StanceLimits.Default;
}
