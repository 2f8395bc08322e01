#if STANCE_CLI // runs the stance CLI, which targets net10.0 only
namespace StanceRules.Tests.Extraction;

/// <summary><c>stance extract</c>, and <c>stance infer</c>/<c>explain</c> on an article's text.</summary>
public sealed class ExtractCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("stance-extract-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Article(string text, string name = "a.article.txt")
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Theory]
    [InlineData("yaml", "x.facts.yaml")]
    [InlineData("json", "x.facts.json")]
    public void Extract_PrintsAFactDocument_ThatInferReadsToTheSameReport(string format, string name)
    {
        var article = Article("Published: 2023-03-21\n\nGermany, France and Poland condemned the invasion of Ukraine. India has yet to condemn the invasion of Ukraine.");

        var extract = StanceCli.Run("extract", article, "--format", format);
        Assert.Equal((0, ""), (extract.Exit, extract.Err));
        var document = Path.Combine(_folder, name);
        File.WriteAllText(document, extract.Out);

        var fromDocument = StanceCli.Run("infer", document, "--format", "json");
        var fromText = StanceCli.Run("infer", article, "--format", "json");
        Assert.Equal(0, fromDocument.Exit);
        Assert.Contains("\"published\": \"2023-03-21\"", fromText.Out, StringComparison.Ordinal);
        Assert.Contains("\"country\": \"POL\"", fromText.Out, StringComparison.Ordinal);
        Assert.Equal(fromText.Out, fromDocument.Out);
    }

    [Fact]
    public void Extract_Stdin_And_InferStdinText_ReadTheArticlePipedToThem_AsFromAFile()
    {
        const string text = "Published: 2023-03-21\n\nGermany, France and Poland condemned the invasion of Ukraine.";

        var extract = StanceCli.RunWithInput(text, "extract", "--stdin");
        var infer = StanceCli.RunWithInput(text, "infer", "--stdin-text", "--format", "json");
        var fromFile = StanceCli.Run("infer", Article(text, "stdin.txt"), "--format", "json");

        Assert.Equal((0, ""), (extract.Exit, extract.Err));
        Assert.Contains("id: \"stdin\"", extract.Out, StringComparison.Ordinal);
        Assert.Equal(0, infer.Exit);
        Assert.Contains("\"country\": \"POL\"", infer.Out, StringComparison.Ordinal);
        Assert.Equal(fromFile.Out, infer.Out);
    }

    [Fact]
    public void InferStdinText_WithAFileToo_IsABadUsage_NotAFileSilentlyIgnored()
    {
        var article = Article("France condemned the invasion of Ukraine.");

        var (exit, output, error) = StanceCli.RunWithInput("France condemned the invasion of Ukraine.", "infer", "--stdin-text", article);

        Assert.Equal((2, ""), (exit, output));
        Assert.Contains("--stdin-text reads one article from standard input; give no file", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_PublishedFlag_WinsOverTheHeader_AndABadDateIsAnError()
    {
        var article = Article("Published: 2023-03-21\n\nFrance condemned the invasion of Ukraine.");
        Assert.Contains("published: 2020-01-02", StanceCli.Run("extract", article, "--published", "2020-01-02").Out, StringComparison.Ordinal);
        var bad = StanceCli.Run("extract", article, "--published", "21/03/2023");
        Assert.Equal((1, ""), (bad.Exit, bad.Out));
        Assert.Contains("not an ISO date", bad.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_WhyNot_ListsTheSentencesThatGaveNoFact()
    {
        var article = Article("France condemned the weather. Brazil condemned the invasion of Ukraine.");
        var run = StanceCli.Run("extract", article, "--why-not");
        Assert.Equal(0, run.Exit);
        Assert.Contains("condemn: no issue of the catalogue", run.Err, StringComparison.Ordinal);
        Assert.Contains("1 facts from 2 sentences; 1 sentences gave none", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_ArticleOverTheSizeLimit_IsAnError_AndPrintsNothing()
    {
        var article = Path.Combine(_folder, "big.txt");
        using (var file = File.Create(article))
        {
            file.SetLength(100L << 20); // 100 MB (sparse)
        }

        var run = StanceCli.Run("extract", article);
        Assert.Equal((1, ""), (run.Exit, run.Out));
        Assert.Contains("SR0007", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_OnAnArticle_ShowsTheSentenceTheStanceRestsOn()
    {
        var article = Article("Published: 2023-03-21\n\nBrazil condemned the invasion of Ukraine on Monday.");
        var run = StanceCli.Run("explain", article, "--country", "BRA", "--issue", "russia-ukraine-war");
        Assert.Equal(0, run.Exit);
        Assert.Contains("\"Brazil condemned the invasion of Ukraine on Monday\"", run.Out, StringComparison.Ordinal);
    }
}
#endif
