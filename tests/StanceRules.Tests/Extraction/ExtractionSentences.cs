namespace StanceRules.Tests.Extraction;

/// <summary>
/// One sentence written for a test through the default engine, dated 2023-03-21: its extraction, its one
/// statement, or the stances `stance infer` gives on its facts. Shared by the extraction feature tests.
/// </summary>
internal static class ExtractionSentences
{
    public static readonly DateOnly Date = new(2023, 3, 21);

    // The engine is thread-safe and its results do not depend on what it read before: one serves every test.
    private static readonly StanceEngine Engine = StanceEngine.CreateDefault();

    public static ArticleExtraction Extract(string text) => Engine.Extract(text, "test", Date);

    public static Statement OnlyStatement(string text) => Assert.IsType<Statement>(Assert.Single(Extract(text).Facts.Facts));

    /// <summary>The (country, issue, stance) rows stance infer gives on the sentence's facts.</summary>
    public static string[] Stances(string text)
        => [.. Engine.Infer(Extract(text).Facts).Stances.Select(s => $"{s.Country} {s.Issue} {s.Stance.ToName()}").Order(StringComparer.Ordinal)];
}
