using System.Linq.Expressions;
using NRules.RuleModel;
using StanceRules.Rules.Binding;
using StanceRules.Rules.Syntax;

namespace StanceRules.Rules.Matching;

/// <summary>
/// A rule the indexed matcher runs by nested loops rather than by hash lookup: several patterns
/// joined by their conditions, a pattern over facts other rules assert, or a rule that asserts.
/// Its positive patterns bind a tuple, slot by slot in the order they are written; each slot's
/// candidates pass the pattern's tests against constants (its alpha tests), then its tests against
/// earlier slots (its joins). The action is the lowering's own, run with a context that collects
/// what it inserts, so it makes exactly the facts and signals NRules would.
/// </summary>
/// <remarks>Immutable once built (its delegates are compiled on first use) and safe to share between threads.</remarks>
internal sealed class JoinedRule
{
    private readonly Slot[] _slots;
    private readonly IndexedRules.GroupTest[] _groups;
    private readonly LambdaExpression _actionLambda;
    private readonly Func<LambdaExpression, Delegate> _compile;
    private Action<IContext, object[]>? _action;

    public JoinedRule(LoadedRule rule, Func<LambdaExpression, Delegate> compile)
    {
        Rule = rule;
        _compile = compile;
        _actionLambda = rule.Action;
        var positives = rule.Rule.Positives;
        var slots = positives.Select((p, i) => (p, i)).ToDictionary(x => x.p.Variable, x => (x.i, x.p), StringComparer.Ordinal);
        _slots = positives.Select(p => new Slot(
            p.Type,
            new IndexedRules.LazyPredicate(rule, p, compile, constantOnly: true),
            p.Tests.Any(IsJoin) ? new TuplePredicate(rule, p, slots, compile, IsJoin) : null)).ToArray();
        _groups = rule.Rule.When.OfType<BoundGroup>()
            .Select(g => IndexedRules.GroupTest.Of(rule, g, slots, compile))
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

    /// <summary>Runs the rule's action on a match, as NRules would fire it; what it inserts goes to <paramref name="context"/>.</summary>
    public void Fire(IContext context, object[] tuple) => (_action ??= CompileAction())(context, tuple);

    private Action<IContext, object[]> CompileAction()
    {
        var context = Expression.Parameter(typeof(IContext), "ctx");
        var tuple = Expression.Parameter(typeof(object[]), "tuple");
        var arguments = new List<Expression> { context };
        arguments.AddRange(_slots.Select((s, i) => Expression.Convert(Expression.ArrayIndex(tuple, Expression.Constant(i)), s.Type.ClrType)));
        return CheckedCompile.As<Action<IContext, object[]>>(_compile, TrimSafeExpressions.Lambda(Expression.Invoke(_actionLambda, arguments), [context, tuple]));
    }

    private static bool IsJoin(BoundFieldTest test) => test.Conditions.Any(c => c.Operand is FieldOperand);

    private sealed record Slot(FactType Type, IndexedRules.LazyPredicate Alpha, TuplePredicate? Join);
}

/// <summary>
/// Some field tests of a pattern over a candidate fact and the tuple of facts bound before it, compiled
/// on first use from the lowering's lambdas (whose variables say which slot each argument comes from).
/// </summary>
internal sealed class TuplePredicate(LoadedRule rule, BoundPattern pattern, IReadOnlyDictionary<string, (int Slot, BoundPattern Pattern)> slots, Func<LambdaExpression, Delegate> compile, Func<BoundFieldTest, bool> include)
{
    private Func<object, object[], bool>? _holds;

    public bool Holds(object fact, object[] tuple) => (_holds ??= Compile())(fact, tuple);

    private Func<object, object[], bool> Compile()
    {
        var candidate = Expression.Parameter(typeof(object), "fact");
        var tuple = Expression.Parameter(typeof(object[]), "tuple");
        var typedCandidate = Expression.Convert(candidate, pattern.Type.ClrType);
        Expression? body = null;
        foreach (var test in pattern.Tests.Where(include))
        {
            var predicate = rule.Predicate(test);
            var call = Expression.Invoke(predicate.Lambda, predicate.Variables.Select(v => v == pattern.Variable
                ? (Expression)typedCandidate
                : Expression.Convert(Expression.ArrayIndex(tuple, Expression.Constant(slots[v].Slot)), slots[v].Pattern.Type.ClrType)));
            body = body is null ? call : Expression.AndAlso(body, call);
        }

        return CheckedCompile.As<Func<object, object[], bool>>(compile, TrimSafeExpressions.Lambda(body ?? Expression.Constant(true), [candidate, tuple]));
    }
}

/// <summary>
/// The <see cref="IContext"/> a <see cref="JoinedRule"/>'s action runs with: it keeps what the action
/// inserts (every action inserts through <see cref="InsertLinked"/>) and supports nothing else.
/// One per inference; not shared.
/// </summary>
internal sealed class CollectingContext(CancellationToken cancellationToken) : IContext
{
    public List<object> Inserted { get; } = [];

    public CancellationToken CancellationToken => cancellationToken;

    public IRuleDefinition Rule => throw Unsupported();

    public IMatch Match => throw Unsupported();

    public void InsertLinked(object key, object fact) => Inserted.Add(fact);

    public void Halt() => throw Unsupported();

    public void Insert(object fact) => throw Unsupported();

    public void InsertAll(IEnumerable<object> facts) => throw Unsupported();

    public bool TryInsert(object fact) => throw Unsupported();

    public void Update(object fact) => throw Unsupported();

    public void UpdateAll(IEnumerable<object> facts) => throw Unsupported();

    public bool TryUpdate(object fact) => throw Unsupported();

    public void Retract(object fact) => throw Unsupported();

    public void RetractAll(IEnumerable<object> facts) => throw Unsupported();

    public bool TryRetract(object fact) => throw Unsupported();

    public object Resolve(Type serviceType) => throw Unsupported();

    public IReadOnlyCollection<object> GetLinkedKeys() => throw Unsupported();

    public object GetLinked(object key) => throw Unsupported();

    public void InsertAllLinked(IEnumerable<KeyValuePair<object, object>> keyedFacts) => throw Unsupported();

    public void UpdateLinked(object key, object fact) => throw Unsupported();

    public void UpdateAllLinked(IEnumerable<KeyValuePair<object, object>> keyedFacts) => throw Unsupported();

    public void RetractLinked(object key, object fact) => throw Unsupported();

    public void RetractAllLinked(IEnumerable<KeyValuePair<object, object>> keyedFacts) => throw Unsupported();

    private static NotSupportedException Unsupported() => new("rule actions outside Rete only insert linked facts");
}
