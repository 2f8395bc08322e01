using System.Linq.Expressions;

namespace StanceRules.Rules;

/// <summary>A condition as a closure: over the candidate fact and the tuple of facts bound before it (null when it joins nothing).</summary>
internal delegate bool ConditionClosure(object fact, object[]? tuple);

/// <summary>Binds a condition's closure to where its joined variables are: each one's slot in the tuple, -1 for the candidate itself.</summary>
internal delegate ConditionClosure ClosureBinder(Func<string, int> slotOf);

/// <summary>
/// A condition (a field test, or one comparison of it) as the lowering made it, to evaluate outside
/// Rete: on a candidate fact of the pattern, with the facts already bound to the variables it joins.
/// Compiled on first use; the same lambda NRules gets, so it cannot disagree with the engine.
/// The lowering also gives it as a closure over the bound model (<see cref="Closure"/>), which the
/// indexed matcher runs where expression trees are only interpreted (NativeAOT).
/// </summary>
internal sealed class ConditionPredicate
{
    private readonly IReadOnlyList<ParameterExpression> _parameters;
    private Func<object[], bool>? _compiled;

    /// <param name="body">The test, over <paramref name="parameters"/>.</param>
    /// <param name="parameters">The pattern's own fact first, then the joined variables, each named after its variable.</param>
    /// <param name="closure">The same test as a closure over the bound model (no expression tree).</param>
    public ConditionPredicate(Expression body, IReadOnlyList<ParameterExpression> parameters, ClosureBinder closure)
    {
        _parameters = parameters;
        Closure = closure;
        Lambda = TrimSafeExpressions.Lambda(body, parameters);
        Variables = parameters.Select(p => p.Name!).ToArray();
    }

    /// <summary>The lambda, for checks of what the compiled rules may call.</summary>
    public LambdaExpression Lambda { get; }

    /// <summary>The same test as <see cref="Lambda"/>, as a closure: what the indexed matcher runs when conditions run as closures.</summary>
    public ClosureBinder Closure { get; }

    /// <summary>The variables it reads: the pattern's own first, then the joined ones.</summary>
    public IReadOnlyList<string> Variables { get; }

    /// <summary>Whether every joined variable is bound.</summary>
    public bool CanEvaluate(IReadOnlyDictionary<string, object> bound)
    {
        for (var i = 1; i < Variables.Count; i++)
        {
            if (!bound.ContainsKey(Variables[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether it holds for <paramref name="fact"/> with <paramref name="bound"/> (which must hold every joined variable); false if it throws.</summary>
    public bool Holds(object fact, IReadOnlyDictionary<string, object> bound)
    {
        var arguments = new object[Variables.Count];
        arguments[0] = fact;
        for (var i = 1; i < arguments.Length; i++)
        {
            arguments[i] = bound[Variables[i]];
        }

        _compiled ??= Compile();
        try
        {
            return _compiled(arguments);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or InsufficientExecutionStackException))
        {
            return false;
        }
    }

    /// <summary><c>args => lambda((T0)args[0], (T1)args[1], ...)</c>.</summary>
    private Func<object[], bool> Compile()
    {
        var arguments = Expression.Parameter(typeof(object[]), "args");
        var call = Expression.Invoke(Lambda, _parameters.Select((p, i) => Expression.Convert(Expression.ArrayIndex(arguments, Expression.Constant(i)), p.Type)));
        return Expression.Lambda<Func<object[], bool>>(call, arguments).Compile();
    }
}
