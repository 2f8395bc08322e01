using System.Linq.Expressions;

namespace StanceRules.Tests;

public class ExpressionCompilerTests
{
    [Fact]
    public void CustomExpressionCompiler_IsUsedForTheRules_AndGivesTheSameReport()
    {
        var count = 0;
        var engine = StanceEngine.Load(Repo.Rules, new StanceEngineOptions
        {
            ExpressionCompiler = e =>
            {
                Interlocked.Increment(ref count);
                return e.Compile();
            },
        });

        var report = engine.Infer(ArticleFacts.Load(Repo.SeedFacts));

        Assert.True(count > 0);
        Assert.Equal(StanceEngine.CreateDefault().Infer(ArticleFacts.Load(Repo.SeedFacts)).ToJson(), report.ToJson());
    }

    [Fact]
    public void ACompilerReturningTheWrongDelegateType_FailsTheLoad_WithAMessageThatSaysWhy()
    {
        Func<LambdaExpression, Delegate> wrong = _ => (Func<int>)(() => 0);

        var error = Assert.ThrowsAny<Exception>(() => StanceEngine.Load(Repo.Rules, new StanceEngineOptions { ExpressionCompiler = wrong }).Infer(ArticleFacts.Load(Repo.SeedFacts)));

        Assert.Contains("must return a delegate of the lambda's own type", error.ToString(), StringComparison.Ordinal);
    }
}
