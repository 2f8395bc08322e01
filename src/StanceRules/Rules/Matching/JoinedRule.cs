using System.Linq.Expressions;
using StanceRules.Rules.Binding;

namespace StanceRules.Rules.Matching;

/// <summary>
/// A rule the indexed matcher runs by nested loops rather than by hash lookup: several patterns
/// joined by their conditions, a pattern over facts other rules assert, or a rule that asserts.
/// Its positive patterns bind a tuple, slot by slot in the order they are written; each slot's
/// candidates pass the pattern's tests against constants (its alpha tests), then its tests against
/// earlier slots (its joins). On a match it runs the rule's outcome (<see cref="LoadedRule.Outcome"/>),
/// the body of the action NRules runs, so it makes exactly the facts and signals NRules would.
/// </summary>
/// <remarks>Immutable once built (its delegates are compiled on first use) and safe to share between threads.</remarks>
internal sealed class JoinedRule
{
    private readonly Slot[] _slots;
    private readonly GroupTest[] _groups;
    private readonly MatchCompiler _compile;
    private Func<object[], object?>? _outcome;

    public JoinedRule(LoadedRule rule, MatchCompiler compile)
    {
        Rule = rule;
        _compile = compile;
        var positives = rule.Rule.Positives;
        var slots = positives.Select((p, i) => (p, i)).ToDictionary(x => x.p.Variable, x => (x.i, x.p), StringComparer.Ordinal);
        _slots = positives.Select(p => new Slot(
            p.Type,
            new PatternPredicate(rule, p, compile, constantOnly: true),
            p.Tests.Any(IsJoin) ? new TuplePredicate(rule, p, slots, compile, IsJoin) : null)).ToArray();
        _groups = rule.Rule.When.OfType<BoundGroup>()
            .Select(g => GroupTest.Of(rule, g, slots, compile))
            .ToArray();
        Produces = rule.Rule.Then is BoundAssert assert ? assert.Type.Name : null;
    }

    public LoadedRule Rule { get; }

    public string Id => Rule.Id;

    /// <summary>The type of fact the rule asserts, or null for a rule that emits.</summary>
    public string? Produces { get; }

    /// <summary>How many facts a match binds.</summary>
    public int Arity => _slots.Length;

    /// <summary>The fact type of a slot.</summary>
    public FactType TypeOf(int slot) => _slots[slot].Type;

    /// <summary>Whether a candidate passes the slot's tests against constants.</summary>
    public bool PassesAlpha(int slot, Fact fact) => _slots[slot].Alpha.Holds(fact);

    /// <summary>Whether a candidate that passed the slot's tests against constants joins the tuple bound so far.</summary>
    public bool Joins(int slot, Fact fact, object[] tuple) => _slots[slot].Join is not { } join || join.Holds(fact, tuple);

    /// <summary>Whether every <c>not</c>/<c>exists</c> group holds for a whole tuple.</summary>
    public bool GroupsPass(object[] tuple, IReadOnlyList<Fact> facts, ref long work)
    {
        foreach (var group in _groups)
        {
            if (!group.Passes(tuple, facts, ref work))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>What the rule produces on a match (a signal, an unattributed signal, a derived fact), or null.</summary>
    public object? Fire(object[] tuple) => (_outcome ??= CompileOutcome())(tuple);

    private Func<object[], object?> CompileOutcome()
    {
        if (_compile.Closures)
        {
            return Rule.OutcomeClosure;
        }

        var tuple = Expression.Parameter(typeof(object[]), "tuple");
        var arguments = _slots.Select((s, i) => Expression.Convert(Expression.ArrayIndex(tuple, Expression.Constant(i)), s.Type.ClrType));
        return CheckedCompile.As<Func<object[], object?>>(_compile.Compile, TrimSafeExpressions.Lambda(Expression.Invoke(Rule.Outcome, arguments), [tuple]));
    }

    private static bool IsJoin(BoundFieldTest test) => test.Conditions.Any(c => c.Operand is FieldOperand);

    private sealed record Slot(FactType Type, PatternPredicate Alpha, TuplePredicate? Join);
}
