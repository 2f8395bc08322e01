namespace StanceRules.Tests;

public class ConcurrencyTests
{
    [Fact]
    public void SixteenThreadsOnOneEngine_ProduceExactlyTheSequentialReports()
    {
        var engine = StanceEngine.CreateDefault();
        var articles = new List<ArticleFacts> { ArticleFacts.Load(Repo.SeedFacts) };
        foreach (var file in new[] { "es11-1.csv", "es11-4.csv", "es11-6.csv" })
        {
            articles.Add(ArticleFacts.Parse(UngaVotes.ToFactDocument(file, "A/RES/ES-11/x"), file));
        }

        var sequential = articles.Select(a => engine.Infer(a).ToJson()).ToArray();
        var concurrent = new string[16 * 8];
        Parallel.For(0, concurrent.Length, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
            concurrent[i] = engine.Infer(articles[i % articles.Count]).ToJson());

        for (var i = 0; i < concurrent.Length; i++)
        {
            Assert.Equal(sequential[i % articles.Count], concurrent[i]);
        }
    }
}
