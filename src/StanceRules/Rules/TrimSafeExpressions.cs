using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Linq.Expressions;

namespace StanceRules.Rules;

/// <summary>
/// The expression-tree factories the rule language needs whose analyzers warn under NativeAOT, in one
/// place with the reason each is safe. Every lambda the rule language builds takes fact types (classes)
/// and NRules' <c>IContext</c> (an interface) and returns bool, object or nothing; every array it builds
/// is an <c>object[]</c>. Generic instantiations over reference types share one canonical body, which a
/// NativeAOT image always holds, so the Func/Action types these need exist at run time.
/// </summary>
internal static class TrimSafeExpressions
{
    /// <summary><see cref="Expression.Lambda(Expression, IEnumerable{ParameterExpression})"/> over reference-typed parameters.</summary>
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Parameters are reference types (facts, IContext): Func<...>/Action<...> over them use shared canonical code.")]
    public static LambdaExpression Lambda(Expression body, IEnumerable<ParameterExpression> parameters)
    {
        var list = parameters as IReadOnlyCollection<ParameterExpression> ?? parameters.ToArray();
        Debug.Assert(list.All(p => !p.Type.IsValueType), "the rule language's lambdas take reference types only");
        return Expression.Lambda(body, list);
    }

    /// <summary>An <c>object[]</c> of the given values.</summary>
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "object[] is a reference-type array every image holds.")]
    public static NewArrayExpression ObjectArray(IEnumerable<Expression> values) => Expression.NewArrayInit(typeof(object), values);
}
