using System.Linq.Expressions;

namespace StanceRules.Rules;

/// <summary>Runs <see cref="StanceEngineOptions.ExpressionCompiler"/>, checking it kept its promise: NRules and the indexed matcher both compile through here.</summary>
internal static class CheckedCompile
{
    /// <summary>Compiles <paramref name="expression"/> with <paramref name="compile"/>; throws when the delegate is not of the lambda's own type.</summary>
    /// <exception cref="InvalidOperationException">The compiler returned another delegate type.</exception>
    public static TDelegate As<TDelegate>(Func<LambdaExpression, Delegate> compile, LambdaExpression expression)
        where TDelegate : Delegate =>
        compile(expression) as TDelegate
        ?? throw new InvalidOperationException($"StanceEngineOptions.ExpressionCompiler returned no {typeof(TDelegate).Name} for a rule expression; it must return a delegate of the lambda's own type.");
}
