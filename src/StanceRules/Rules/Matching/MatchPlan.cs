using System.Linq.Expressions;

namespace StanceRules.Rules.Matching;

/// <summary>How a rule runs.</summary>
internal enum MatchRoute
{
    /// <summary>By hash lookup, fact by fact (<see cref="IndexedRule"/>).</summary>
    Indexed,

    /// <summary>By nested loops over the facts, producers before consumers (<see cref="JoinedRule"/>).</summary>
    Joined,

    /// <summary>In an NRules session, gated by <see cref="ReteGates"/>.</summary>
    Rete,
}

/// <summary>
/// The match plan of a rule set: for every rule, how it runs (<see cref="MatchRoute"/>), and what
/// gates the rules left to NRules (whether a session is needed, which facts enter it). Built once
/// per rule set by <see cref="MatchPlanner"/>, immutable and shared by every inference;
/// <see cref="IndexedMatcher"/> only runs it. Reference mode is the plan with every rule in Rete
/// (<see cref="AllInRete"/>).
/// </summary>
internal sealed class MatchPlan
{
    private readonly Dictionary<string, MatchRoute> _routes;

    internal MatchPlan(IReadOnlyList<LoadedRule> rules, IReadOnlyList<IndexedRule> indexed, IReadOnlyList<JoinedRule> joined, IReadOnlyList<LoadedRule> rete, ReteGates gates)
    {
        Rules = rules;
        Indexed = indexed;
        Joined = joined;
        Rete = rete;
        Gates = gates;
        _routes = rules.ToDictionary(r => r.Id, _ => MatchRoute.Rete, StringComparer.Ordinal);
        foreach (var rule in indexed)
        {
            _routes[rule.Id] = MatchRoute.Indexed;
        }

        foreach (var rule in joined)
        {
            _routes[rule.Id] = MatchRoute.Joined;
        }

        SignalsFeedRete = rete.Count < rules.Count && rete.Any(r => r.Rule.Patterns.Any(p => p.Type.ClrType == typeof(StanceSignal)));
    }

    /// <summary>Every rule, in rule-set order.</summary>
    public IReadOnlyList<LoadedRule> Rules { get; }

    /// <summary>The rules run by hash lookup, in rule-set order.</summary>
    public IReadOnlyList<IndexedRule> Indexed { get; }

    /// <summary>The rules run by nested loops, producers of a fact type before its consumers (else in rule-set order).</summary>
    public IReadOnlyList<JoinedRule> Joined { get; }

    /// <summary>The rules left to NRules, in rule-set order.</summary>
    public IReadOnlyList<LoadedRule> Rete { get; }

    /// <summary>What gates the Rete rules: whether one can match an article, and which facts enter its session.</summary>
    public ReteGates Gates { get; }

    /// <summary>Whether every rule runs in NRules (reference mode, or a rule set none of whose rules can run outside it).</summary>
    public bool AllRete => Rete.Count == Rules.Count;

    /// <summary>Whether some Rete rule matches signals, so the signals made outside Rete must enter the session.</summary>
    public bool SignalsFeedRete { get; }

    /// <summary>How a rule runs.</summary>
    public MatchRoute RouteOf(string ruleId) => _routes[ruleId];

    /// <summary>The plan of reference mode: every rule in NRules, ungated.</summary>
    public static MatchPlan AllInRete(IReadOnlyList<LoadedRule> rules) => new(rules, [], [], rules, ReteGates.None);

    /// <summary>The plan that runs every rule it can outside NRules (see <see cref="MatchPlanner"/>).</summary>
    /// <param name="rules">Every rule, in rule-set order.</param>
    /// <param name="compile">The expression compiler (null for <see cref="LambdaExpression.Compile()"/>).</param>
    /// <param name="closures">Whether conditions, field reads and outcomes run as the lowering's closures rather than compiled trees (see <see cref="MatchCompiler"/>).</param>
    public static MatchPlan Build(IReadOnlyList<LoadedRule> rules, Func<LambdaExpression, Delegate>? compile, bool closures) =>
        MatchPlanner.Plan(rules, new MatchCompiler(compile ?? (l => l.Compile()), closures));

    /// <summary>The plan, one rule a line (<c>id: route</c>), for tests and diagnostics.</summary>
    public override string ToString() => string.Join('\n', Rules.Select(r => $"{r.Id}: {RouteOf(r.Id)}"));
}
