namespace StanceRules.Loading;

/// <summary>NRules' expression compiler seam, served by the plain function <see cref="StanceEngineOptions.ExpressionCompiler"/> (so NRules' interface stays out of the public API).</summary>
internal sealed class DelegatingExpressionCompiler(Func<System.Linq.Expressions.LambdaExpression, Delegate> compile) : NRules.Extensibility.IExpressionCompiler
{
    public TDelegate Compile<TDelegate>(System.Linq.Expressions.Expression<TDelegate> expression)
        where TDelegate : Delegate => Rules.CheckedCompile.As<TDelegate>(compile, expression);
}
