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
    /// <summary>
    /// How many candidate tests the joined rules may make for one article before the article goes to
    /// the reference path instead (every rule in NRules, whose budgets then decide): a cross product
    /// a hostile document builds is bounded there, by bytes, as it always was.
    /// </summary>
    internal const long MaxJoinWork = 4_000_000;

    private static readonly object NullKey = new();

    private readonly Dictionary<Type, TypeIndex> _byClrType = [];
    private readonly Dictionary<string, TypeIndex> _byDeclaredName = new(StringComparer.Ordinal);
    private readonly ReteGate[] _gates;
    private readonly (FactType Type, LazyPredicate Passes)[] _retePatterns;
    private readonly bool _hasGroups;

    private IndexedRules(IReadOnlyList<IndexedRule> rules, IReadOnlyList<JoinedRule> joined, IReadOnlyList<LoadedRule> rete, ReteGate[] gates, (FactType Type, LazyPredicate Passes)[] retePatterns, bool signalsFeedRete)
    {
        Rules = rules;
        Joined = joined;
        Rete = rete;
        _gates = gates;
        _retePatterns = retePatterns;
        SignalsFeedRete = signalsFeedRete;
        _hasGroups = rules.Any(r => r.HasGroups);
        foreach (var rule in rules)
        {
            var type = rule.Pattern.Type;
            var index = type.IsDeclared
                ? (_byDeclaredName.TryGetValue(type.Name, out var d) ? d : _byDeclaredName[type.Name] = new TypeIndex())
                : (_byClrType.TryGetValue(type.ClrType, out var c) ? c : _byClrType[type.ClrType] = new TypeIndex());
            index.Add(rule);
        }
    }

    /// <summary>The rules this matcher runs by hash lookup, in rule-set order.</summary>
    public IReadOnlyList<IndexedRule> Rules { get; }

    /// <summary>The rules this matcher runs by nested loops, producers of a fact type before its consumers (else in rule-set order).</summary>
    public IReadOnlyList<JoinedRule> Joined { get; }

    /// <summary>The rules left to NRules, in rule-set order.</summary>
    public IReadOnlyList<LoadedRule> Rete { get; }

    /// <summary>Whether some Rete rule matches signals, so the signals this matcher makes must enter the session.</summary>
    public bool SignalsFeedRete { get; }

    /// <summary>Splits a rule set into the rules this matcher runs and the ones NRules must.</summary>
    /// <param name="rules">Every rule, in rule-set order.</param>
    /// <param name="compile">The expression compiler (null for <see cref="LambdaExpression.Compile()"/>).</param>
    /// <remarks>
    /// This matcher runs a rule when its result cannot depend on the order rules fire in, so the
    /// facts and signals it makes are the ones NRules' agenda and truth maintenance end with:
    /// <list type="bullet">
    /// <item>its <c>when</c> is positive patterns over input facts or over facts only such rules assert,
    /// with <c>not</c>/<c>exists</c> groups of one pattern over input facts (which never change);</item>
    /// <item>nothing tests the absence of, or matches inside a group, what it produces (NRules would
    /// retract a fact whose support a later fact removes);</item>
    /// <item>every rule that asserts or matches a fact type it asserts runs here too, and no chain of
    /// them loops.</item>
    /// </list>
    /// Monotone rules like these fire once per match whatever the order, so running producers before
    /// consumers gives every match NRules would fire. The rest (and rules over signals) stay in NRules.
    /// </remarks>
    public static IndexedRules Build(IReadOnlyList<LoadedRule> rules, Func<LambdaExpression, Delegate>? compile)
    {
        compile ??= l => l.Compile();

        // A fact some rule asserts can appear during inference: it is not an input fact.
        var asserted = rules.Select(r => r.Rule.Then).OfType<BoundAssert>().Select(a => a.Type.Name).ToHashSet(StringComparer.Ordinal);
        bool IsInput(FactType type) => type.ClrType != typeof(StanceSignal) && !asserted.Contains(type.Name) && (type.IsDeclared || type.ClrType.IsSealed);

        var ordered = Settle(rules, IsInput, asserted);
        var here = ordered.ToHashSet();

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
            if (!here.Contains(rule))
            {
                rete.Add(rule);
            }
            else if (rule.Rule is { Positives: [var pattern], Then: BoundEmit emit } && IsInput(pattern.Type) && !HasJoin(pattern))
            {
                indexed.Add(new IndexedRule(rule, pattern, emit, indexed.Count, compile, DistinctValues));
            }
        }

        var byHash = indexed.Select(i => i.Rule).ToHashSet();
        var joined = ordered.Where(r => !byHash.Contains(r)).Select(r => new JoinedRule(r, compile)).ToArray();
        var signalsFeedRete = rete.Any(r => r.Rule.Patterns.Any(p => p.Type.ClrType == typeof(StanceSignal)));

        // Each Rete pattern's tests against constants (NRules' alpha tests), nested patterns too, made once:
        // the session gates read the top-level ones, and a fact none of them accepts stays out of the session.
        var alpha = rete.SelectMany(r => r.Rule.Patterns.Where(p => p.Type.ClrType != typeof(StanceSignal)).Select(p => (Pattern: p, Passes: new LazyPredicate(r, p, compile, constantOnly: true))))
            .ToDictionary(x => x.Pattern, x => x.Passes);
        var gates = ReteGate.Of(rete, alpha);
        return new IndexedRules(indexed, joined, rete, gates, alpha.Select(a => (a.Key.Type, a.Value)).ToArray(), signalsFeedRete);
    }

    /// <summary>
    /// The rules that can run here (see <see cref="Build"/>), every rule that asserts what one
    /// matches before it (else in rule-set order): those whose shape allows it, less every rule
    /// that feeds a group or a rule NRules runs, or is fed by one, or feeds itself through a loop,
    /// until none is left to take out. Linear in the rules but for the asserting ones.
    /// </summary>
    private static List<LoadedRule> Settle(IReadOnlyList<LoadedRule> rules, Func<FactType, bool> isInput, HashSet<string> asserted)
    {
        // Only asserted facts are produced for other rules to match here; signals go to NRules as they are made.
        var fed = rules.Where(r => r.Rule.Then is BoundAssert)
            .ToDictionary(r => r, r => rules.SelectMany(q => q.Rule.Patterns.Where(p => Feeds((BoundAssert)r.Rule.Then, p)).Select(p => (Rule: q, Pattern: p))).ToArray());
        var signalsInGroups = rules.Any(q => q.Rule.Patterns.Any(p => p.Type.ClrType == typeof(StanceSignal) && !q.Rule.Positives.Contains(p)));
        var here = rules.Where(r => CanRunHere(r, isInput, asserted)
            && (fed.TryGetValue(r, out var feeds) ? Array.TrueForAll(feeds, x => x.Rule.Rule.Positives.Contains(x.Pattern)) : !signalsInGroups)).ToHashSet();
        while (true)
        {
            var changed = false;
            foreach (var (producer, feeds) in fed)
            {
                if (here.Contains(producer))
                {
                    // A rule NRules runs gets only input facts and signals: what it matches must be made there too.
                    if (Array.Exists(feeds, x => !here.Contains(x.Rule)))
                    {
                        here.Remove(producer);
                        changed = true;
                    }
                }
                else
                {
                    foreach (var (consumer, _) in feeds)
                    {
                        changed |= here.Remove(consumer);
                    }
                }
            }

            if (changed)
            {
                continue;
            }

            var ordered = ProducersFirst(rules, here, fed, out var stuck);
            if (stuck.Count == 0)
            {
                return ordered;
            }

            here.ExceptWith(stuck);
        }
    }

    /// <summary>Kahn's order of the rules in <paramref name="here"/> by what they assert for each other, the lowest rule-set index first among the ready; <paramref name="stuck"/> gets the rules in a loop.</summary>
    private static List<LoadedRule> ProducersFirst(IReadOnlyList<LoadedRule> rules, HashSet<LoadedRule> here, Dictionary<LoadedRule, (LoadedRule Rule, BoundPattern Pattern)[]> fed, out List<LoadedRule> stuck)
    {
        var index = new Dictionary<LoadedRule, int>(rules.Count);
        for (var i = 0; i < rules.Count; i++)
        {
            index[rules[i]] = i;
        }

        var waiting = new int[rules.Count];
        var consumers = new Dictionary<LoadedRule, List<LoadedRule>>();
        foreach (var (producer, feeds) in fed)
        {
            if (!here.Contains(producer))
            {
                continue;
            }

            var list = consumers[producer] = [];
            foreach (var consumer in feeds.Select(x => x.Rule).Distinct())
            {
                list.Add(consumer);
                waiting[index[consumer]]++;
            }
        }

        var ready = new SortedSet<int>(rules.Where(r => here.Contains(r) && waiting[index[r]] == 0).Select(r => index[r]));
        var ordered = new List<LoadedRule>(here.Count);
        while (ready.Count > 0)
        {
            var next = rules[ready.Min];
            ready.Remove(ready.Min);
            ordered.Add(next);
            foreach (var consumer in consumers.GetValueOrDefault(next) ?? [])
            {
                if (--waiting[index[consumer]] == 0)
                {
                    ready.Add(index[consumer]);
                }
            }
        }

        stuck = ordered.Count == here.Count ? [] : rules.Where(here.Contains).Except(ordered).ToList();
        return ordered;
    }

    /// <summary>
    /// Whether a fact a rule asserts can match <paramref name="pattern"/>: a pattern of its type whose
    /// tests against constants on the fields the rule sets to constants do not rule it out
    /// (<c>claim: { name: approves }</c> never matches a rule's <c>claim: { name: ambivalent }</c>).
    /// </summary>
    private static bool Feeds(BoundAssert assert, BoundPattern pattern)
    {
        if (pattern.Type.Name != assert.Type.Name)
        {
            // A pattern over a CLR base type matches the asserted facts of its subtypes.
            return !pattern.Type.IsDeclared && !assert.Type.IsDeclared && pattern.Type.ClrType.IsAssignableFrom(assert.Type.ClrType);
        }

        foreach (var condition in pattern.Conditions)
        {
            if (IndexedRule.HashableValues(condition) is not { } values)
            {
                continue;
            }

            foreach (var (field, value) in assert.Fields)
            {
                if (field.Name == condition.Field.Name && value is ConstantOperand constant
                    && !values.Any(v => field.Kind == FieldKind.Text ? string.Equals(v as string, constant.Value as string, StringComparison.OrdinalIgnoreCase) : Equals(v, constant.Value)))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Whether a rule's shape alone lets it run here (see <see cref="Build"/>).</summary>
    private static bool CanRunHere(LoadedRule rule, Func<FactType, bool> isInput, HashSet<string> asserted)
    {
        var bound = rule.Rule;
        if (bound.Positives.Count == 0)
        {
            return false;
        }

        foreach (var element in bound.When)
        {
            var fits = element switch
            {
                BoundPattern { Role: PatternRole.Match } p => isInput(p.Type) || (asserted.Contains(p.Type.Name) && (p.Type.IsDeclared || p.Type.ClrType.IsSealed)),
                _ => GroupPattern(element) is { } g && isInput(g.Type),
            };
            if (!fits)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The one pattern of a <c>not</c> or <c>exists</c> group (written alone or as a one-item list); null for anything else.</summary>
    private static BoundPattern? GroupPattern(BoundElement element) => element switch
    {
        BoundGroup { Role: PatternRole.Not or PatternRole.Exists, Elements: [BoundPattern only] } => only,
        _ => null,
    };

    private static bool HasJoin(BoundPattern pattern) => pattern.Conditions.Any(c => c.Operand is FieldOperand);

    /// <summary>
    /// Matches the facts against every rule this matcher runs: the indexed rules fact by fact, then
    /// the joined rules in order. What they produce goes to <paramref name="produced"/>: signals and
    /// unattributed signals, and the facts the joined rules assert.
    /// </summary>
    /// <param name="facts">The article's resolved facts.</param>
    /// <param name="produced">Where the results go.</param>
    /// <param name="fired">Where the ids of the rules that fired go, when wanted.</param>
    /// <param name="maxFirings">The most firings allowed.</param>
    /// <param name="cancellationToken">Checked between joined rules.</param>
    /// <returns>The number of firings, or -1 when they pass <paramref name="maxFirings"/> or the joins pass
    /// <see cref="MaxJoinWork"/>: then the article must take the reference path, whose limits report it.</returns>
    public int Match(IReadOnlyList<Fact> facts, List<object> produced, ISet<string>? fired, int maxFirings, CancellationToken cancellationToken)
    {
        var firings = 0;
        var candidates = new List<IndexedRule>();
        var one = _hasGroups ? new object[1] : [];
        long work = 0;
        foreach (var fact in facts)
        {
            var index = fact is DeclaredFact declared
                ? _byDeclaredName.GetValueOrDefault(declared.TypeName)
                : _byClrType.GetValueOrDefault(fact.GetType());
            if (index is null)
            {
                continue;
            }

            foreach (var rule in index.Candidates(fact, candidates))
            {
                if (!rule.Matches(fact, facts, one, ref work))
                {
                    continue;
                }

                if (++firings > maxFirings)
                {
                    return -1;
                }

                fired?.Add(rule.Id);
                if (rule.Produce(fact) is { } output)
                {
                    produced.Add(output);
                }
            }
        }

        if (Joined.Count > 0)
        {
            var run = new JoinRun(facts, produced, fired, maxFirings - firings, cancellationToken) { Work = work };
            foreach (var rule in Joined)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!run.Match(rule))
                {
                    return -1;
                }
            }

            firings += run.Firings;
        }

        return firings;
    }

    /// <summary>One article's pass over the joined rules: the facts they asserted so far, by type, and the budgets.</summary>
    private sealed class JoinRun(IReadOnlyList<Fact> facts, List<object> produced, ISet<string>? fired, int maxFirings, CancellationToken cancellationToken)
    {
        private Dictionary<string, List<Fact>>? _asserted;
        private CollectingContext? _context;

        public int Firings { get; private set; }

        public long Work { get; set; }

        // Per slot after the first, the candidates that pass the slot's tests against constants,
        // found once per rule rather than once per tuple bound before them; reused from rule to rule.
        private readonly List<List<Fact>> _candidates = [];
        private int _filled;

        /// <summary>Fires the rule on every match; false when a budget ran out.</summary>
        public bool Match(JoinedRule rule)
        {
            _filled = 0;
            return Bind(rule, 0, new object[rule.Arity]);
        }

        private bool Bind(JoinedRule rule, int slot, object[] tuple)
        {
            if (slot == 0)
            {
                return Each(rule, slot, tuple, rule.TypeOf(slot));
            }

            var candidates = Candidates(rule, slot);
            for (var i = 0; i < candidates.Count; i++)
            {
                var fact = candidates[i];
                if (++Work > MaxJoinWork)
                {
                    return false;
                }

                if (rule.Joins(slot, fact, tuple) && !Bound(rule, slot, tuple, fact))
                {
                    return false;
                }
            }

            return true;
        }

        private List<Fact> Candidates(JoinedRule rule, int slot)
        {
            while (_candidates.Count < slot)
            {
                _candidates.Add([]);
            }

            var list = _candidates[slot - 1];
            if (_filled < slot)
            {
                // Slots fill in order: a later slot is only reached through the earlier ones.
                list.Clear();
                var type = rule.TypeOf(slot);
                foreach (var fact in facts)
                {
                    if (IsOfType(fact, type) && rule.PassesAlpha(slot, fact))
                    {
                        list.Add(fact);
                    }
                }

                if (_asserted?.GetValueOrDefault(type.Name) is { } asserted)
                {
                    foreach (var fact in asserted)
                    {
                        if (rule.PassesAlpha(slot, fact))
                        {
                            list.Add(fact);
                        }
                    }
                }

                Work += facts.Count;
                _filled = slot;
            }

            return list;
        }

        private bool Each(JoinedRule rule, int slot, object[] tuple, FactType type)
        {
            foreach (var fact in facts)
            {
                if (IsOfType(fact, type) && !Try(rule, slot, tuple, fact))
                {
                    return false;
                }
            }

            if (_asserted?.GetValueOrDefault(type.Name) is { } asserted)
            {
                // By index, up to the count at the start: the rule may assert facts of this type as it
                // fires, which it cannot match (else it would feed itself and run in NRules).
                for (int i = 0, count = asserted.Count; i < count; i++)
                {
                    if (!Try(rule, slot, tuple, asserted[i]))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        private bool Try(JoinedRule rule, int slot, object[] tuple, Fact fact)
        {
            if (++Work > MaxJoinWork)
            {
                return false;
            }

            return !rule.PassesAlpha(slot, fact) || !rule.Joins(slot, fact, tuple) || Bound(rule, slot, tuple, fact);
        }

        /// <summary>The slot holds the fact: bind the next, or test the groups and fire.</summary>
        private bool Bound(JoinedRule rule, int slot, object[] tuple, Fact fact)
        {
            tuple[slot] = fact;
            if (slot + 1 < rule.Arity)
            {
                return Bind(rule, slot + 1, tuple);
            }

            var work = Work;
            var passes = rule.GroupsPass(tuple, facts, ref work);
            Work = work;
            return !passes || Fire(rule, tuple);
        }

        private bool Fire(JoinedRule rule, object[] tuple)
        {
            if (++Firings > maxFirings || Work > MaxJoinWork)
            {
                return false;
            }

            fired?.Add(rule.Id);
            var context = _context ??= new CollectingContext(cancellationToken);
            context.Inserted.Clear();
            rule.Fire(context, tuple);
            foreach (var item in context.Inserted)
            {
                if (rule.Produces is { } type && item is Fact fact)
                {
                    _asserted ??= new Dictionary<string, List<Fact>>(StringComparer.Ordinal);
                    if (!_asserted.TryGetValue(type, out var list))
                    {
                        _asserted[type] = list = [];
                    }

                    list.Add(fact);
                }

                produced.Add(item);
            }

            return true;
        }
    }

    /// <summary>
    /// Whether some Rete rule could match these facts. A rule can match only if every top-level
    /// pattern of it can: one over input facts needs a fact that passes its tests against constants;
    /// one over a derived fact needs a rule that asserts such facts and can match itself; one over
    /// signals is assumed to. When no Rete rule can match, no session is needed.
    /// </summary>
    public bool ReteCanMatch(IReadOnlyList<Fact> facts)
    {
        if (_gates.Length == 0)
        {
            return false;
        }

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

        /// <summary>
        /// The rules the fact may match, in rule-set order: the one list that applies as it is stored
        /// (each is in rule-set order already), or, when several do, merged into <paramref name="merged"/>.
        /// </summary>
        public List<IndexedRule> Candidates(Fact fact, List<IndexedRule> merged)
        {
            List<IndexedRule>? only = null;
            var sources = 0;
            foreach (var field in _fields)
            {
                if (field.Lookup(fact) is { Count: > 0 } rules)
                {
                    (only, sources) = (rules, sources + 1);
                }
            }

            if (_scan.Count > 0)
            {
                (only, sources) = (_scan, sources + 1);
            }

            if (sources <= 1)
            {
                return only ?? _scan;
            }

            merged.Clear();
            foreach (var field in _fields)
            {
                if (field.Lookup(fact) is { } rules)
                {
                    merged.AddRange(rules);
                }
            }

            merged.AddRange(_scan);
            merged.Sort(static (a, b) => a.Order.CompareTo(b.Order));
            return merged;
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
        // Per top-level pattern: a fact of the document that passes its tests against constants, or a
        // match of one of the rules that assert its type (none for a type no rule asserts).
        private readonly List<(FactType Type, LazyPredicate Passes, ReteGate[] Producers)> _patterns = [];

        public static ReteGate[] Of(List<LoadedRule> rete, Dictionary<BoundPattern, LazyPredicate> alpha)
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

                    // The pattern's tests against constants are necessary for a document's fact to match it (its joins are left out);
                    // a fact some rule asserts may be in the document too.
                    var producers = rete.Select((r, k) => (r, k)).Where(x => x.r.Rule.Then is BoundAssert a && a.Type.Name == pattern.Type.Name).Select(x => gates[x.k]).ToArray();
                    gates[i]._patterns.Add((pattern.Type, alpha[pattern], producers));
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
            answer = _patterns.TrueForAll(p => Passes(facts, p.Type, p.Passes) || Array.Exists(p.Producers, producer => producer.CanMatch(facts, known)));
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

    /// <summary>A <c>not</c> or <c>exists</c> group of one pattern over input facts, tested with the rule's tuple bound.</summary>
    internal sealed record GroupTest(bool Negated, BoundPattern Pattern, TuplePredicate Holds)
    {
        public static GroupTest Of(LoadedRule rule, BoundGroup group, IReadOnlyDictionary<string, (int Slot, BoundPattern Pattern)> slots, Func<LambdaExpression, Delegate> compile)
        {
            var pattern = GroupPattern(group) ?? throw new ArgumentException("not a group of one pattern", nameof(group));
            return new GroupTest(group.Role == PatternRole.Not, pattern, new TuplePredicate(rule, pattern, slots, compile, static _ => true));
        }

        public bool Passes(object[] tuple, IReadOnlyList<Fact> facts, ref long work)
        {
            var found = false;
            foreach (var fact in facts)
            {
                work++;
                if (IsOfType(fact, Pattern.Type) && Holds.Holds(fact, tuple))
                {
                    found = true;
                    break;
                }
            }

            return found != Negated;
        }
    }
}
