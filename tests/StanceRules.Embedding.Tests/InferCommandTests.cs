using System.Text.Json;
using StanceRules.Cli;
using StanceRules.Testing.Corpus;

namespace StanceRules.Embedding.Tests;

/// <summary><c>stance infer DIR</c> over the batch API: JSON Lines, per-file errors, the failure summary, exit codes.</summary>
public sealed class InferCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("stance-infer-dir-").FullName;

    [Fact]
    public void InferDirectory_FormatJsonl_PrintsOneReportPerLineInFileOrder()
    {
        var corpus = Write(SyntheticCorpus.Generate(40, malformedEvery: 0));

        var (exit, output, error) = StanceCli.Run("infer", _folder, "--format", "jsonl", "--workers", "3");

        Assert.Equal((0, string.Empty), (exit, error));
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(corpus.Select(d => Path.GetFileNameWithoutExtension(Path.GetFileNameWithoutExtension(d.Name))), lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("article").GetString()));
        var engine = StanceEngine.CreateDefault();
        Assert.Equal(engine.Infer(ArticleFacts.Parse(corpus[5].Text)).ToJson(indented: false), lines[5]);
    }

    [Fact]
    public void InferDirectory_WithMalformedFiles_PrintsTheOthersReportsEachErrorAndASummary_Exits1()
    {
        var corpus = Write(SyntheticCorpus.Generate(30, malformedEvery: 10));

        var (exit, output, error) = StanceCli.Run("infer", _folder, "--format", "jsonl");

        Assert.Equal(1, exit);
        Assert.Equal(27, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        foreach (var bad in corpus.Where(d => d.Malformed))
        {
            Assert.Matches($@"{System.Text.RegularExpressions.Regex.Escape(Path.Combine(_folder, bad.Name))}:\d+:\d+: error SR\d{{4}}: ", error);
        }

        Assert.Contains("stance: 3 of 30 articles failed; the others' reports are on stdout:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void InferDirectory_FormatJson_PrintsAnArrayOfTheReports()
    {
        Write(SyntheticCorpus.Generate(3, malformedEvery: 0));

        var (exit, output, _) = StanceCli.Run("infer", _folder, "--format", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(3, json.RootElement.GetArrayLength());
    }

    [Fact]
    public void Infer_WorkersNotAPositiveNumber_IsAUsageError()
    {
        var (exit, _, error) = StanceCli.Run("infer", "--workers", "0");

        Assert.Equal(2, exit);
        Assert.Contains("--workers", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Infer_SeedFile_FormatJson_StillPrintsTheGoldenReportObject()
    {
        var (exit, output, _) = StanceCli.Run("infer", Repo.SeedFacts, "--format", "json");

        Assert.Equal(0, exit);
        Assert.Equal(File.ReadAllText(Repo.SeedExpectedJson).ReplaceLineEndings("\n").TrimEnd(), output.ReplaceLineEndings("\n").TrimEnd());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private IReadOnlyList<SyntheticCorpus.Document> Write(IReadOnlyList<SyntheticCorpus.Document> corpus)
    {
        foreach (var document in corpus)
        {
            File.WriteAllText(Path.Combine(_folder, document.Name), document.Text);
        }

        return corpus;
    }
}
