using System.Linq.Expressions;
using StanceRules.Rules.Binding;
using StanceRules.Rules.Syntax;

namespace StanceRules.Rules.Matching;

/// <summary>
/// Decides the <see cref="MatchPlan"/> of a rule set: which rules run outside NRules, and how.
/// </summary>
/// <remarks>
/// A rule runs outside NRules when its result cannot depend on the order rules fire in, so the
/// facts and signals it makes are the ones NRules' agenda and truth maintenance end with:
/// <list type="bullet">
/// <item>its <c>when</c> is positive patterns over input facts or over facts only such rules assert,
/// with <c>not</c>/<c>exists</c> groups of one pattern over input facts (which never change);</item>
/// <item>nothing tests the absence of, or matches inside a group, what it produces (NRules would
/// retract a fact whose support a later fact removes);</item>
/// <item>every rule that asserts or matches a fact type it asserts runs there too, and no chain of
/// them loops.</item>
/// </list>
/// Monotone rules like these fire once per match whatever the order, so running producers before
/// consumers gives every match NRules would fire. Of them, a rule that emits from one pattern over
/// a type no rule asserts, without joins, runs by hash lookup (<see cref="MatchRoute.Indexed"/>);
/// the others by nested loops (<see cref="MatchRoute.Joined"/>). The rest (and rules over signals)
/// stay in NRules (<see cref="MatchRoute.Rete"/>), gated by <see cref="ReteGates"/>.
/// </remarks>
internal static class MatchPlanner
{
    public static MatchPlan Plan(IReadOnlyList<LoadedRule> rules, MatchCompiler compile)
    {
        // A fact some rule asserts can appear during inference, besides in the document: only a type
        // no rule asserts is fixed by the document (and can be indexed, or tested by a not/exists group).
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
        return new MatchPlan(rules, indexed, joined, rete, ReteGates.Of(rete, compile));
    }

    /// <summary>
    /// The rules that can run here (see <see cref="MatchPlanner"/>), every rule that asserts what one
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

    /// <summary>Whether a rule's shape alone lets it run here (see <see cref="MatchPlanner"/>).</summary>
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
    internal static BoundPattern? GroupPattern(BoundElement element) => element switch
    {
        BoundGroup { Role: PatternRole.Not or PatternRole.Exists, Elements: [BoundPattern only] } => only,
        _ => null,
    };

    private static bool HasJoin(BoundPattern pattern) => pattern.Conditions.Any(c => c.Operand is FieldOperand);
}
