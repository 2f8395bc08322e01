using System.Linq.Expressions;
using StanceRules.Rules.Binding;
using StanceRules.Rules.Syntax;

namespace StanceRules.Rules.Matching;

/// <summary>
/// What gates the rules a <see cref="MatchPlan"/> leaves to NRules, made once per rule set from
/// each Rete pattern's tests against constants (NRules' alpha tests), nested patterns too:
/// whether a session is needed at all for an article (<see cref="CanMatch"/>), and which facts
/// enter it (<see cref="CanUse"/>). Immutable once built (its delegates compile on first use).
/// </summary>
internal sealed class ReteGates
{
    /// <summary>No gates: reference mode, where every rule runs in one session and every fact enters it.</summary>
    public static readonly ReteGates None = new([], []);

    private readonly Gate[] _rules;
    private readonly PatternPredicate[] _patterns;

    private ReteGates(Gate[] rules, PatternPredicate[] patterns)
    {
        _rules = rules;
        _patterns = patterns;
    }

    /// <summary>The gates of the given Rete rules.</summary>
    public static ReteGates Of(IReadOnlyList<LoadedRule> rete, MatchCompiler compile)
    {
        var alpha = rete.SelectMany(r => r.Rule.Patterns.Where(p => p.Type.ClrType != typeof(StanceSignal)).Select(p => (Pattern: p, Passes: new PatternPredicate(r, p, compile, constantOnly: true))))
            .ToDictionary(x => x.Pattern, x => x.Passes);
        var gates = rete.Select(_ => new Gate()).ToArray();
        for (var i = 0; i < rete.Count; i++)
        {
            foreach (var element in rete[i].Rule.When)
            {
                if (element is not BoundPattern { Role: PatternRole.Match } pattern || pattern.Type.ClrType == typeof(StanceSignal))
                {
                    continue;
                }

                // A fact of the document that passes the pattern's tests against constants (its joins are left out),
                // or a match of a rule that asserts its type: a fact some rule asserts may be in the document too.
                var producers = Enumerable.Range(0, rete.Count).Where(k => rete[k].Rule.Then is BoundAssert a && a.Type.Name == pattern.Type.Name).Select(k => gates[k]).ToArray();
                gates[i].Patterns.Add((alpha[pattern], producers));
            }
        }

        return new ReteGates(gates, alpha.Values.ToArray());
    }

    /// <summary>
    /// Whether some Rete rule could match these facts. A rule can match only if every top-level
    /// pattern of it can: a pattern needs a fact of the document that passes its tests against
    /// constants, or a rule that asserts its type and can match itself; one over signals is assumed
    /// to. When no Rete rule can match, no session is needed.
    /// </summary>
    public bool CanMatch(IReadOnlyList<Fact> facts)
    {
        if (_rules.Length == 0)
        {
            return false;
        }

        var known = new Dictionary<Gate, bool>();
        foreach (var gate in _rules)
        {
            if (gate.CanMatch(facts, known))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether some pattern of some Rete rule (inside <c>not</c>/<c>exists</c> too) accepts the fact by
    /// its tests against constants. Only such facts enter the session: the others would stop at the
    /// first alpha node, so leaving them out changes no match.
    /// </summary>
    public bool CanUse(Fact fact)
    {
        foreach (var passes in _patterns)
        {
            if (FactKinds.IsOfType(fact, passes.Type) && passes.Holds(fact))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What one Rete rule needs before it can match: per top-level pattern, a passing fact or a producer that can match.</summary>
    private sealed class Gate
    {
        public List<(PatternPredicate Passes, Gate[] Producers)> Patterns { get; } = [];

        public bool CanMatch(IReadOnlyList<Fact> facts, Dictionary<Gate, bool> known)
        {
            if (known.TryGetValue(this, out var answer))
            {
                return answer;
            }

            // Assume yes while deciding, so a cycle of rules deriving each other's facts is never ruled out.
            known[this] = true;
            answer = Patterns.TrueForAll(p => AnyPasses(facts, p.Passes) || Array.Exists(p.Producers, producer => producer.CanMatch(facts, known)));
            known[this] = answer;
            return answer;
        }

        private static bool AnyPasses(IReadOnlyList<Fact> facts, PatternPredicate passes)
        {
            foreach (var fact in facts)
            {
                if (FactKinds.IsOfType(fact, passes.Type) && passes.Holds(fact))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
