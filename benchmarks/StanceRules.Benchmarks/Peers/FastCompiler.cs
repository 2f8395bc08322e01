using System.Linq.Expressions;
using FastExpressionCompiler;
using NRules.Extensibility;

namespace StanceRules.Benchmarks.Peers;

/// <summary>FastExpressionCompiler as NRules' expression compiler, falling back to the framework's compiler for trees it cannot handle.</summary>
public sealed class FastCompiler : IExpressionCompiler
{
    /// <summary>How many trees FastExpressionCompiler declined (compiled by Expression.Compile instead).</summary>
    public int Fallbacks { get; private set; }

    /// <summary>The same, as the plain function <see cref="StanceEngineOptions.ExpressionCompiler"/> takes.</summary>
    public Delegate Compile(LambdaExpression expression)
    {
        if (expression.CompileFast(ifFastFailedReturnNull: true) is { } compiled)
        {
            return compiled;
        }

        Fallbacks++;
        return expression.Compile();
    }

    public TDelegate Compile<TDelegate>(Expression<TDelegate> expression)
        where TDelegate : Delegate
    {
        if (expression.CompileFast(ifFastFailedReturnNull: true) is { } compiled)
        {
            return compiled;
        }

        Fallbacks++;
        return expression.Compile();
    }
}
