using System.Linq.Expressions;
using NRules.Extensibility;

namespace StanceRules.Tests;

public class ExpressionCompilerTests
{
    private sealed class CountingCompiler : IExpressionCompiler
    {
        private int _count;

        public int Count => _count;

        public TDelegate Compile<TDelegate>(Expression<TDelegate> expression)
            where TDelegate : Delegate
        {
            Interlocked.Increment(ref _count);
            return expression.Compile();
        }
    }

    [Fact]
    public void CustomExpressionCompiler_IsUsedForTheRules_AndGivesTheSameReport()
    {
        var compiler = new CountingCompiler();
        var engine = StanceEngine.Load(Repo.Rules, new StanceEngineOptions { ExpressionCompiler = compiler });

        var report = engine.Infer(ArticleFacts.Load(Repo.SeedFacts));

        Assert.True(compiler.Count > 0);
        Assert.Equal(StanceEngine.CreateDefault().Infer(ArticleFacts.Load(Repo.SeedFacts)).ToJson(), report.ToJson());
    }
}
