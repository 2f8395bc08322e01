using System.Linq.Expressions;
using StanceRules.Rules.Binding;
using StanceRules.Rules.Syntax;

namespace StanceRules.Rules.Matching;

/// <summary>
/// The rules that need no Rete network, matched by hash lookups: a rule of one pattern over input
/// facts that emits a signal. One equality or <c>in</c> condition of each rule (on a text, enum or
/// boolean field, against constants) becomes a key in a per-field hash table, so a fact meets only
/// the rules whose key its field holds (alpha hashing, as Drools does it); the rule's other
/// conditions are then tested on that fact alone. Everything else (joins, <c>not</c>/<c>exists</c>,
/// rules over derived facts or signals, assertions) stays in NRules.
/// </summary>
/// <remarks>
/// Conditions are the lowering's own lambdas (<see cref="LoadedRule.Predicate(BoundFieldTest)"/>),
/// the ones NRules evaluates, compiled on a rule's first match; signals are made by
/// <see cref="RuleActions.Signal"/>, as the Rete actions make them. Immutable once built and
/// safe to share between threads.
/// </remarks>
internal sealed class IndexedRules
{
    private static readonly object NullKey = new();

    private readonly Dictionary<Type, TypeIndex> _byClrType = [];
    private readonly Dictionary<string, TypeIndex> _byDeclaredName = new(StringComparer.Ordinal);
    private readonly ReteGate[] _gates;
    private readonly (FactType Type, LazyPredicate Passes)[] _retePatterns;

    private IndexedRules(IReadOnlyList<IndexedRule> rules, IReadOnlyList<LoadedRule> rete, ReteGate[] gates, (FactType Type, LazyPredicate Passes)[] retePatterns, bool signalsFeedRete)
    {
        Rules = rules;
        Rete = rete;
        _gates = gates;
        _retePatterns = retePatterns;
        SignalsFeedRete = signalsFeedRete;
        foreach (var rule in rules)
        {
            var type = rule.Pattern.Type;
            var index = type.IsDeclared
                ? (_byDeclaredName.TryGetValue(type.Name, out var d) ? d : _byDeclaredName[type.Name] = new TypeIndex())
                : (_byClrType.TryGetValue(type.ClrType, out var c) ? c : _byClrType[type.ClrType] = new TypeIndex());
            index.Add(rule);
        }
    }

    /// <summary>The rules this matcher runs, in rule-set order.</summary>
    public IReadOnlyList<IndexedRule> Rules { get; }

    /// <summary>The rules left to NRules, in rule-set order.</summary>
    public IReadOnlyList<LoadedRule> Rete { get; }

    /// <summary>Whether some Rete rule matches signals, so the signals this matcher makes must enter the session.</summary>
    public bool SignalsFeedRete { get; }

    /// <summary>Splits a rule set into the rules this matcher runs and the ones NRules must.</summary>
    /// <param name="rules">Every rule, in rule-set order.</param>
    /// <param name="compile">The expression compiler (null for <see cref="LambdaExpression.Compile()"/>).</param>
    public static IndexedRules Build(IReadOnlyList<LoadedRule> rules, Func<LambdaExpression, Delegate>? compile)
    {
        compile ??= l => l.Compile();

        // A fact some rule asserts can appear during inference: only Rete sees those.
        var derived = rules.Select(r => r.Rule.Then).OfType<BoundAssert>().Select(a => a.Type.Name).ToHashSet(StringComparer.Ordinal);
        bool IsInput(FactType type) => type.ClrType != typeof(StanceSignal) && !derived.Contains(type.Name) && (type.IsDeclared || type.ClrType.IsSealed);

        // How many distinct values the rules compare each (type, field) with: the selectivity of a key on it.
        var distinct = rules
            .SelectMany(r => r.Rule.Patterns.SelectMany(p => p.Conditions.Select(c => (p.Type, Condition: c))))
            .Select(x => (Key: (x.Type.Name, x.Condition.Field.Name), Values: IndexedRule.HashableValues(x.Condition)))
            .Where(x => x.Values is not null)
            .GroupBy(x => x.Key)
            .ToDictionary(g => g.Key, g => g.SelectMany(x => x.Values!).Distinct().Count());
        int DistinctValues(FactType type, FactField field) => distinct.GetValueOrDefault((type.Name, field.Name));

        var indexed = new List<IndexedRule>();
        var rete = new List<LoadedRule>();
        foreach (var rule in rules)
        {
            var groups = rule.Rule.When.Skip(1).ToArray();
            if (rule.Rule is { When.Count: > 0, Then: BoundEmit emit } && rule.Rule.When[0] is BoundPattern { Role: PatternRole.Match } pattern
                && IsInput(pattern.Type) && !HasJoin(pattern) && Array.TrueForAll(groups, g => GroupPattern(g) is { } p && IsInput(p.Type)))
            {
                var tests = groups.Select(g => new GroupTest(g.Role == PatternRole.Not, GroupPattern(g)!, new JoinPredicate(rule, GroupPattern(g)!, pattern, compile))).ToArray();
                indexed.Add(new IndexedRule(rule, pattern, tests, emit, indexed.Count, compile, DistinctValues));
            }
            else
            {
                rete.Add(rule);
            }
        }

        var signalsFeedRete = rete.Any(r => r.Rule.Patterns.Any(p => p.Type.ClrType == typeof(StanceSignal)));

        // Each Rete pattern's tests against constants (NRules' alpha tests), nested patterns too, made once:
        // the session gates read the top-level ones, and a fact none of them accepts stays out of the session.
        var alpha = rete.SelectMany(r => r.Rule.Patterns.Where(p => p.Type.ClrType != typeof(StanceSignal)).Select(p => (Pattern: p, Passes: new LazyPredicate(r, p, compile, constantOnly: true))))
            .ToDictionary(x => x.Pattern, x => x.Passes);
        var gates = ReteGate.Of(rete, IsInput, alpha);
        return new IndexedRules(indexed, rete, gates, alpha.Select(a => (a.Key.Type, a.Value)).ToArray(), signalsFeedRete);
    }

    /// <summary>The one pattern of a <c>not</c> or <c>exists</c> group (written alone or as a one-item list); null for anything else.</summary>
    private static BoundPattern? GroupPattern(BoundElement element) => element switch
    {
        BoundGroup { Role: PatternRole.Not or PatternRole.Exists, Elements: [BoundPattern only] } => only,
        _ => null,
    };

    private static bool HasJoin(BoundPattern pattern) => pattern.Conditions.Any(c => c.Operand is FieldOperand);

    /// <summary>
    /// Matches the facts against every indexed rule, adding what the rules produce (signals and
    /// unattributed signals) to <paramref name="produced"/> in fact order, then rule order.
    /// </summary>
    /// <returns>The number of firings (rules that matched a fact and produced something or nothing).</returns>
    public int Match(IReadOnlyList<Fact> facts, List<object> produced, ISet<string>? fired)
    {
        var firings = 0;
        var candidates = new List<IndexedRule>();
        foreach (var fact in facts)
        {
            var index = fact is DeclaredFact declared
                ? _byDeclaredName.GetValueOrDefault(declared.TypeName)
                : _byClrType.GetValueOrDefault(fact.GetType());
            if (index is null)
            {
                continue;
            }

            candidates.Clear();
            index.Candidates(fact, candidates);
            if (candidates.Count > 1)
            {
                candidates.Sort(static (a, b) => a.Order.CompareTo(b.Order));
            }

            foreach (var rule in candidates)
            {
                if (!rule.Matches(fact, facts))
                {
                    continue;
                }

                firings++;
                fired?.Add(rule.Id);
                if (rule.Produce(fact) is { } output)
                {
                    produced.Add(output);
                }
            }
        }

        return firings;
    }

    /// <summary>
    /// Whether some Rete rule could match these facts. A rule can match only if every top-level
    /// pattern of it can: one over input facts needs a fact that passes its tests against constants;
    /// one over a derived fact needs a rule that asserts such facts and can match itself; one over
    /// signals is assumed to. When no Rete rule can match, no session is needed.
    /// </summary>
    public bool ReteCanMatch(IReadOnlyList<Fact> facts)
    {
        var known = new Dictionary<ReteGate, bool>();
        foreach (var gate in _gates)
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
    /// its tests against constants, NRules' alpha conditions. Only such facts enter the session: the
    /// others would stop at the first alpha node, so leaving them out changes no match.
    /// </summary>
    public bool ReteCanUse(Fact fact)
    {
        foreach (var (type, passes) in _retePatterns)
        {
            if (IsOfType(fact, type) && passes.Holds(fact))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The rules of one fact type: by the value of an indexed field, and the rest to scan.</summary>
    private sealed class TypeIndex
    {
        private readonly List<FieldIndex> _fields = [];
        private readonly List<IndexedRule> _scan = [];

        public void Add(IndexedRule rule)
        {
            if (rule.Key is not { } key)
            {
                _scan.Add(rule);
                return;
            }

            var field = _fields.FirstOrDefault(f => f.Field == key.Field);
            if (field is null)
            {
                _fields.Add(field = new FieldIndex(key.Field, key.Reader));
            }

            foreach (var value in key.Values)
            {
                field.Add(value, rule);
            }
        }

        public void Candidates(Fact fact, List<IndexedRule> candidates)
        {
            foreach (var field in _fields)
            {
                if (field.Lookup(fact) is { } rules)
                {
                    candidates.AddRange(rules);
                }
            }

            candidates.AddRange(_scan);
        }
    }

    private sealed class FieldIndex(FactField field, FieldReader reader)
    {
        // Text compares case-insensitively in the rule language; enums and booleans by value.
        private readonly Dictionary<object, List<IndexedRule>> _rules = new(field.Kind == FieldKind.Text ? KeyComparer.IgnoreCase : KeyComparer.Exact);

        public FactField Field { get; } = field;

        public void Add(object? value, IndexedRule rule)
        {
            var key = value ?? NullKey;
            if (!_rules.TryGetValue(key, out var list))
            {
                _rules[key] = list = [];
            }

            if (!list.Contains(rule))
            {
                list.Add(rule);
            }
        }

        public List<IndexedRule>? Lookup(Fact fact) => _rules.GetValueOrDefault(reader.Read(fact) ?? NullKey);
    }

    private sealed class KeyComparer(bool ignoreCase) : IEqualityComparer<object>
    {
        public static readonly KeyComparer IgnoreCase = new(true);
        public static readonly KeyComparer Exact = new(false);

        public new bool Equals(object? x, object? y) => ignoreCase && x is string a && y is string b
            ? string.Equals(a, b, StringComparison.OrdinalIgnoreCase)
            : object.Equals(x, y);

        public int GetHashCode(object obj) => ignoreCase && obj is string s ? StringComparer.OrdinalIgnoreCase.GetHashCode(s) : obj.GetHashCode();
    }

    /// <summary>What a Rete rule needs before it can match (see <see cref="ReteCanMatch"/>).</summary>
    private sealed class ReteGate
    {
        private readonly List<(FactType Type, LazyPredicate Passes)> _inputs = [];
        private readonly List<ReteGate[]> _derived = [];

        public static ReteGate[] Of(List<LoadedRule> rete, Func<FactType, bool> isInput, Dictionary<BoundPattern, LazyPredicate> alpha)
        {
            var gates = rete.Select(_ => new ReteGate()).ToArray();
            for (var i = 0; i < rete.Count; i++)
            {
                foreach (var element in rete[i].Rule.When)
                {
                    if (element is not BoundPattern { Role: PatternRole.Match } pattern || pattern.Type.ClrType == typeof(StanceSignal))
                    {
                        continue;
                    }

                    if (isInput(pattern.Type))
                    {
                        // The pattern's tests against constants are necessary for the rule to match (its joins are left out).
                        gates[i]._inputs.Add((pattern.Type, alpha[pattern]));
                    }
                    else
                    {
                        gates[i]._derived.Add(rete.Select((r, k) => (r, k)).Where(x => x.r.Rule.Then is BoundAssert a && a.Type.Name == pattern.Type.Name).Select(x => gates[x.k]).ToArray());
                    }
                }
            }

            return gates;
        }

        public bool CanMatch(IReadOnlyList<Fact> facts, Dictionary<ReteGate, bool> known)
        {
            if (known.TryGetValue(this, out var answer))
            {
                return answer;
            }

            // Assume yes while deciding, so a cycle of rules deriving each other's facts is never ruled out.
            known[this] = true;
            answer = _inputs.TrueForAll(i => Passes(facts, i.Type, i.Passes)) && _derived.TrueForAll(producers => Array.Exists(producers, p => p.CanMatch(facts, known)));
            known[this] = answer;
            return answer;
        }

        private static bool Passes(IReadOnlyList<Fact> facts, FactType type, LazyPredicate predicate)
        {
            foreach (var fact in facts)
            {
                if (IsOfType(fact, type) && predicate.Holds(fact))
                {
                    return true;
                }
            }

            return false;
        }
    }

    internal static bool IsOfType(Fact fact, FactType type) => type.IsDeclared
        ? fact is DeclaredFact declared && declared.TypeName == type.Name
        : fact.GetType() == type.ClrType;

    /// <summary>
    /// All the field tests of a pattern as one delegate over the fact, compiled on first use (so rules
    /// that never meet a fact of their key cost no compile). Built from the lowering's lambdas.
    /// </summary>
    internal sealed class LazyPredicate(LoadedRule rule, BoundPattern pattern, Func<LambdaExpression, Delegate> compile, bool constantOnly = false)
    {
        private Func<object, bool>? _holds;

        public bool Holds(object fact) => (_holds ??= Compile())(fact);

        private Func<object, bool> Compile()
        {
            var parameter = Expression.Parameter(typeof(object), "fact");
            var typed = Expression.Convert(parameter, pattern.Type.ClrType);
            Expression? body = null;
            foreach (var test in pattern.Tests)
            {
                if (constantOnly && test.Conditions.Any(c => c.Operand is FieldOperand))
                {
                    continue;
                }

                var call = Expression.Invoke(rule.Predicate(test).Lambda, typed);
                body = body is null ? call : Expression.AndAlso(body, call);
            }

            return CheckedCompile.As<Func<object, bool>>(compile, TrimSafeExpressions.Lambda(body ?? Expression.Constant(true), [parameter]));
        }
    }

    /// <summary>A <c>not</c> or <c>exists</c> group of one pattern, tested against the facts with the rule's own fact bound.</summary>
    internal sealed record GroupTest(bool Negated, BoundPattern Pattern, JoinPredicate Holds)
    {
        public bool Passes(object bound, IReadOnlyList<Fact> facts)
        {
            var found = false;
            foreach (var fact in facts)
            {
                if (IsOfType(fact, Pattern.Type) && Holds.Holds(fact, bound))
                {
                    found = true;
                    break;
                }
            }

            return found != Negated;
        }
    }

    /// <summary>
    /// All the field tests of a group's pattern over a candidate fact and the rule's bound fact,
    /// compiled on first use from the lowering's lambdas (whose parameters name the variables they read).
    /// </summary>
    internal sealed class JoinPredicate(LoadedRule rule, BoundPattern pattern, BoundPattern bound, Func<LambdaExpression, Delegate> compile)
    {
        private Func<object, object, bool>? _holds;

        public bool Holds(object fact, object boundFact) => (_holds ??= Compile())(fact, boundFact);

        private Func<object, object, bool> Compile()
        {
            var candidate = Expression.Parameter(typeof(object), "fact");
            var other = Expression.Parameter(typeof(object), "bound");
            var typedCandidate = Expression.Convert(candidate, pattern.Type.ClrType);
            var typedOther = Expression.Convert(other, bound.Type.ClrType);
            Expression? body = null;
            foreach (var test in pattern.Tests)
            {
                // The predicate's variables, as the lowering named them: this pattern's own, or the rule's bound fact.
                var predicate = rule.Predicate(test);
                var call = Expression.Invoke(predicate.Lambda, predicate.Variables.Select(v => v == pattern.Variable ? (Expression)typedCandidate : typedOther));
                body = body is null ? call : Expression.AndAlso(body, call);
            }

            return CheckedCompile.As<Func<object, object, bool>>(compile, TrimSafeExpressions.Lambda(body ?? Expression.Constant(true), [candidate, other]));
        }
    }
}
