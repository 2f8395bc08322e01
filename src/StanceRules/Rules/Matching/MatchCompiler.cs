using System.Linq.Expressions;
using System.Runtime.CompilerServices;

namespace StanceRules.Rules.Matching;

/// <summary>
/// How the match plan turns the lowering's conditions into delegates. Under the JIT, compiled
/// expression trees (through <see cref="StanceEngineOptions.ExpressionCompiler"/> if given): the
/// same lambdas NRules gets, at machine-code speed. Where dynamic code is not compiled (NativeAOT),
/// <c>Compile()</c> returns an interpreter, several times slower than a closure; there the plan runs
/// the closures the lowering built from the same bound model (<see cref="ConditionPredicate.Closure"/>,
/// <see cref="LoadedRule.OutcomeClosure"/>).
/// </summary>
/// <param name="compile">The expression compiler.</param>
/// <param name="closures">Whether to run closures instead of compiling.</param>
internal sealed class MatchCompiler(Func<LambdaExpression, Delegate> compile, bool closures)
{
    /// <summary>Whether expression trees only run interpreted here, so closures are the faster form.</summary>
    public static bool ClosuresByDefault => !RuntimeFeature.IsDynamicCodeCompiled;

    public Func<LambdaExpression, Delegate> Compile { get; } = compile;

    public bool Closures { get; } = closures;

    /// <summary>Every test on the candidate alone, in order, short-circuiting.</summary>
    public static Func<object, bool> All(ConditionClosure[] tests) => tests.Length switch
    {
        0 => static _ => true,
        1 => fact => tests[0](fact, null),
        _ => fact =>
        {
            foreach (var test in tests)
            {
                if (!test(fact, null))
                {
                    return false;
                }
            }

            return true;
        },
    };
}
