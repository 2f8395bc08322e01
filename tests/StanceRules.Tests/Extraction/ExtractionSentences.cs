namespace StanceRules.Tests.Extraction;

/// <summary>
/// One sentence written for a test through the default engine, dated 2023-03-21: its extraction, its one
/// statement, or the stances `stance infer` gives on its facts. Shared by the extraction feature tests.
/// </summary>
internal static class ExtractionSentences
{
    public static readonly DateOnly Date = new(2023, 3, 21);

    // The engine is thread-safe and its results do not depend on what it read before: one serves every test.
    public static readonly StanceEngine Engine = StanceEngine.CreateDefault();

    public static ArticleExtraction Extract(string text) => Engine.Extract(text, "test", Date);

    public static Statement OnlyStatement(string text) => Single(Extract(text));

    public static Statement Single(ArticleExtraction extraction) => Assert.IsType<Statement>(Assert.Single(extraction.Facts.Facts));

    /// <summary>
    /// The one diagnostic of loading the default rules extended by a file more-extraction.yaml holding
    /// <paramref name="yaml"/>; it must name that file.
    /// </summary>
    public static Diagnostic LoadError(string yaml)
    {
        var folder = Directory.CreateTempSubdirectory("stance-extract-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "more-extraction.yaml"), yaml);
            var error = Assert.Throws<StanceRulesException>(() => StanceEngine.Load(folder, new StanceEngineOptions { ExtendDefaultRules = true }));
            var diagnostic = Assert.Single(error.Diagnostics);
            Assert.Contains("more-extraction.yaml", diagnostic.Location.File, StringComparison.Ordinal);
            return diagnostic;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The (country, issue, stance) rows stance infer gives on the sentence's facts.</summary>
    public static string[] Stances(string text)
        => [.. Engine.Infer(Extract(text).Facts).Stances.Select(s => $"{s.Country} {s.Issue} {s.Stance.ToName()}").Order(StringComparer.Ordinal)];
}
