#if STANCE_CLI
namespace StanceRules.Tests.Streams;

/// <summary><c>-</c> and piped input for infer, explain and corpus: YAML, JSON and JSON Lines; never the seed when input was asked for.</summary>
public class StdinCliTests
{
    private const string Yaml = "article: { id: y1, published: 2023-03-01 }\nfacts:\n  - { type: statement, actor: India, act: condemn, issue: war }\n";
    private const string Json = "{\n  \"article\": { \"id\": \"y1\", \"published\": \"2023-03-01\" },\n  \"facts\": [ { \"type\": \"statement\", \"actor\": \"India\", \"act\": \"condemn\", \"issue\": \"war\" } ]\n}\n";

    private static readonly string JsonLines = string.Join("\n", FactDocumentStreamTests.JsonLine("j1"), FactDocumentStreamTests.JsonLine("j2", "France", "welcome"), FactDocumentStreamTests.JsonLine("j3", "Brazil", "reject")) + "\n";

    public static TheoryData<string, string> OneDocument => new() { { "yaml", Yaml }, { "json", Json } };

    [Theory]
    [MemberData(nameof(OneDocument))]
    public void Infer_Dash_ReadsOneYamlOrJsonDocumentFromStdin(string format, string input)
    {
        var (exit, output, error) = StanceCli.RunWithInput(input, "infer", "-", "--format", "jsonl");

        Assert.True(exit == 0, error);
        var report = StanceReport.FromJson(output.Trim());
        Assert.Equal(("y1", "IND", Stance.Condemns), (report.Article, report.Stances[0].Country, report.Stances[0].Stance));
        Assert.Equal(0, StanceCli.RunWithInput(input, "infer", "-", "--input-format", format).Exit);
    }

    [Fact]
    public void Infer_Dash_JsonLines_OneReportPerLine_InOrder()
    {
        var (exit, output, error) = StanceCli.RunWithInput(JsonLines, "infer", "-", "--format", "jsonl");

        Assert.True(exit == 0, error);
        Assert.Equal(["j1 IND", "j2 FRA", "j3 BRA"], output.Trim().Split('\n').Select(StanceReport.FromJson).Select(r => $"{r.Article} {r.Stances[0].Country}"));
    }

    [Fact]
    public void Infer_Dash_JsonLinesWithABadLine_NamesStdinAndTheLine_PrintsTheOthers_Exits1()
    {
        var input = FactDocumentStreamTests.JsonLine("j1") + "\n{\"article\": {\"id\": \"j2\"}, \"facts\": [{\"type\": \"statement\"}]}\n" + FactDocumentStreamTests.JsonLine("j3");

        var (exit, output, error) = StanceCli.RunWithInput(input, "infer", "-", "--format", "jsonl");

        Assert.Equal(1, exit);
        Assert.Contains("<stdin>:2:", error, StringComparison.Ordinal);
        Assert.Equal(2, output.Trim().Split('\n').Length);
    }

    [Fact]
    public void Infer_NoPath_WithPipedInput_InfersThePipedDocument_NotTheSeed()
    {
        var (exit, output, error) = StanceCli.RunWithInput(Yaml, "infer", "--format", "json");

        Assert.True(exit == 0, error);
        Assert.Equal("y1", StanceReport.FromJson(output).Article);
    }

    [Fact]
    public void Infer_NoPath_NothingPiped_InfersTheSeed()
    {
        var (exit, output, _) = StanceCli.RunWithInput(null, "infer", "--format", "json");

        Assert.Equal(0, exit);
        Assert.Equal("xi-moscow-2023-03-21", StanceReport.FromJson(output).Article);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("\n  \n")]
    public void Infer_Dash_WithNoInput_IsAnError_NeverTheSeed(string? input)
    {
        var (exit, output, error) = StanceCli.RunWithInput(input, "infer", "-");

        Assert.Equal(1, exit);
        Assert.DoesNotContain("xi-moscow", output, StringComparison.Ordinal);
        Assert.Contains("<stdin>:1:1: error SR0006: no fact document: the input is empty", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Infer_JsonlFile_IsReadAsJsonLines()
    {
        using var folder = new Security.TempFolder();
        var path = folder.File("docs.jsonl", JsonLines);

        var (exit, output, error) = StanceCli.Run("infer", path, "--format", "jsonl");

        Assert.True(exit == 0, error);
        Assert.Equal(3, output.Trim().Split('\n').Length);
    }

    [Fact]
    public void Infer_UnknownInputFormat_IsUsage()
    {
        var (exit, _, error) = StanceCli.RunWithInput(Yaml, "infer", "-", "--input-format", "xml");

        Assert.Equal(2, exit);
        Assert.Contains("unknown --input-format 'xml'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yaml")]
    [InlineData("json")]
    [InlineData("jsonl")]
    public void Explain_Dash_ReadsTheDocumentFromStdin(string format)
    {
        var input = format switch { "yaml" => Yaml, "json" => Json, _ => FactDocumentStreamTests.JsonLine("y1") + "\n" };

        var (exit, output, error) = StanceCli.RunWithInput(input, "explain", "-", "--country", "IND", "--issue", "war", "--expect", "condemns");

        Assert.True(exit == 0, error + output);
        Assert.Contains("condemns", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_Dash_SeveralJsonLines_IsAnError()
    {
        var (exit, _, error) = StanceCli.RunWithInput(JsonLines, "explain", "-", "--country", "IND", "--issue", "war");

        Assert.Equal(1, exit);
        Assert.Contains("<stdin>:2:1: error SR0005: stance explain explains one fact document", error, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, int> CorpusInputs => new()
    {
        { "yaml", Yaml, 1 },
        { "json", Json, 1 },
        { "jsonl", JsonLines, 3 },
    };

    [Theory]
    [MemberData(nameof(CorpusInputs))]
    public void Corpus_Dash_ReadsFactDocumentsFromStdin(string format, string input, int articles)
    {
        var (exit, output, error) = StanceCli.RunWithInput(input, "corpus", "-", "--format", "json");

        Assert.True(exit == 0, $"{format}: {error}");
        Assert.Contains($"\"articles\": {articles},", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Corpus_Dash_ReadsTheJsonlReportsOfInfer_AsPipedBetweenTheTwo()
    {
        var reports = StanceCli.RunWithInput(JsonLines, "infer", "-", "--format", "jsonl").Out;

        var (exit, output, error) = StanceCli.RunWithInput(reports, "corpus", "--format", "json");

        Assert.True(exit == 0, error);
        Assert.Contains("\"articles\": 3,", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Corpus_Dash_WithNoInput_IsAnError()
    {
        var (exit, _, error) = StanceCli.RunWithInput("", "corpus", "-", "--format", "json");

        Assert.Equal(1, exit);
        Assert.Contains("no fact document: the input is empty", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Corpus_AJsonlFileOfFactDocuments_IsInferred_NotReadAsReports()
    {
        using var folder = new Security.TempFolder();
        var path = folder.File("docs.jsonl", JsonLines);

        var (exit, output, error) = StanceCli.Run("corpus", path, "--format", "json");

        Assert.True(exit == 0, error);
        Assert.Contains("\"articles\": 3,", output, StringComparison.Ordinal);
    }
}
#endif
