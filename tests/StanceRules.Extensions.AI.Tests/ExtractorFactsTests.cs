namespace StanceRules.Extensions.AI.Tests;

/// <summary>The model's answers are checked against the same contract the text extractor writes: what it writes, the checker keeps.</summary>
public sealed class ExtractorFactsTests
{
    private static readonly StanceEngine Engine = StanceEngine.CreateDefault();

    private static readonly DateOnly Published = new(2023, 3, 21);

    [Theory]
    [InlineData("Russian troops shelled Kharkiv in the war in Ukraine.")]   // an agent with a material act
    [InlineData("Ukrainians condemned the war in Ukraine.")]               // a people: resolution gives no country
    [InlineData("Syrian rebels condemned the war in Ukraine.")]            // a non-state agent
    public void EveryFactTheTextExtractorWrites_IsKept(string article)
    {
        var extracted = Engine.Extract(article, "a", Published).Facts;
        Assert.NotEmpty(extracted.Facts);
        var diagnostics = new List<Diagnostic>();

        var kept = new AnswerChecker(Engine, new ExtractionPrompt(Engine, null), article).Check(extracted, "{}", "answer.json", Published, diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal(extracted.Facts.Count, kept.Count);
        Assert.Empty(Engine.Infer(new ArticleFacts("a", kept.Select(k => k.Fact).ToList(), Published)).Stances);
    }
}
