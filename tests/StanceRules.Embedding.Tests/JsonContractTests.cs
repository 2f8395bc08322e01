using System.Text;
using System.Text.Json;
using StanceRules.Testing.Corpus;

namespace StanceRules.Embedding.Tests;

/// <summary>The report's System.Text.Json contract and strict JSON fact documents.</summary>
public sealed class JsonContractTests
{
    private static readonly StanceEngine Engine = StanceEngine.CreateDefault();
    private static readonly JsonSerializerOptions Compact = new(StanceReportJsonContext.Default.Options) { WriteIndented = false };

    /// <summary>Every report the tests hold as golden (each seed's <c>*.expected.json</c>) or can make (a synthetic corpus's, dated and undated).</summary>
    public static TheoryData<string> GoldenReports()
    {
        var data = new TheoryData<string>();
        foreach (var golden in Directory.EnumerateFiles(Path.GetDirectoryName(Repo.SeedExpectedJson)!, "*.expected.json").Order(StringComparer.Ordinal))
        {
            data.Add(File.ReadAllText(golden).ReplaceLineEndings("\n").TrimEnd());
        }

        foreach (var document in SyntheticCorpus.Generate(40, malformedEvery: 0))
        {
            data.Add(Engine.Infer(ArticleFacts.Parse(document.Text, document.Name)).ToJson());
        }

        return data;
    }

    [Fact]
    public void SerializeWithTheContext_EqualsToJson_ForTheSeedReport()
    {
        var report = Engine.Infer(ArticleFacts.Load(Repo.SeedFacts));

        Assert.Equal(report.ToJson(), JsonSerializer.Serialize(report, StanceReportJsonContext.Default.StanceReport));
    }

    [Fact]
    public void SerializeWithDefaultOptions_EqualsCompactToJson()
    {
        var report = Engine.Infer(ArticleFacts.Load(Repo.SeedFacts));

        Assert.Equal(report.ToJson(indented: false), JsonSerializer.Serialize(report, Compact));
    }

    [Theory]
    [MemberData(nameof(GoldenReports))]
    public void FromJson_RoundTripsEveryGoldenReportExactly(string json)
    {
        var report = StanceReport.FromJson(json);

        Assert.Equal(json, report.ToJson().ReplaceLineEndings("\n"));
        Assert.Equal(json, JsonSerializer.Serialize(report, StanceReportJsonContext.Default.StanceReport).ReplaceLineEndings("\n"));
        Assert.Equal(json, JsonSerializer.Deserialize(json, StanceReportJsonContext.Default.StanceReport)!.ToJson().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void FromJson_GivesTheStancesTheJsonHolds()
    {
        var report = StanceReport.FromJson(File.ReadAllText(Repo.SeedExpectedJson));

        Assert.Equal(new DateOnly(2023, 3, 21), report.Published);
        var ukraine = report.Find("UKR", "china-peace-plan")!;
        Assert.Equal((Stance.Rejects, 0.85), (ukraine.Stance, ukraine.Confidence));
        Assert.Equal(["f12"], ukraine.Facts);
        var overruled = Assert.Single(ukraine.Overruled);
        Assert.Equal((Stance.Supports, "statement-supports", "UKR"), (overruled.Stance, overruled.Rule, overruled.Country));
    }

    [Fact]
    public void FromJson_GivesAnUnknownDecisionStep_WhereInferenceGivesTheStepThatDecided()
    {
        var json = File.ReadAllText(Repo.SeedExpectedJson);
        var inferred = Engine.Infer(ArticleFacts.Load(Repo.SeedFacts)).Find("UKR", "china-peace-plan")!;

        var readBack = StanceReport.FromJson(json).Find("UKR", "china-peace-plan")!;

        Assert.Equal((DecisionStep.Confidence, "confidence"), (inferred.DecidedBy, inferred.DecidedBy.ToName()));
        Assert.Equal((DecisionStep.Unknown, "unknown"), (readBack.DecidedBy, readBack.DecidedBy.ToName()));
    }

    [Theory]
    [InlineData("{ \"article\": \"a\", \"stances\": [], \"unresolved\": [], }", 1, 52)]
    [InlineData("{ \"article\": \"a\",\n  \"stances\": [],\n  \"unresolved\": [],\n  \"extra\": 1 }", 4, 12)]
    [InlineData("{ \"article\": \"a\", \"unresolved\": [] }", 1, 36)]
    [InlineData("{ \"article\": \"a\", \"stances\": [ { \"stance\": \"maybe\" } ], \"unresolved\": [] }", 1, 44)]
    public void FromJson_RejectsWhatIsNotTheContract_WithLineAndColumn(string json, int line, int column)
    {
        var error = Assert.Throws<JsonException>(() => StanceReport.FromJson(json));

        Assert.Contains($"(line {line}, column {column})", error.Message, StringComparison.Ordinal);
        Assert.Equal(line - 1, error.LineNumber);
    }

    [Fact]
    public void JsonFactDocument_WithATrailingComma_IsAnErrorAtItsPosition()
    {
        const string Json = "{ \"article\": { \"id\": \"a\" },\n  \"facts\": [ { \"type\": \"vote\", \"actor\": \"India\", \"choice\": \"abstain\", \"issue\": \"x\", } ] }";

        Assert.True(ArticleFacts.TryParse(Json, "doc.yaml", out _, out _), "YAML reads it");
        Assert.False(ArticleFacts.TryParse(Json, "doc.facts.json", out _, out var diagnostics));

        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.YamlSyntax, error.Code);
        Assert.StartsWith("invalid JSON:", error.Message, StringComparison.Ordinal);
        Assert.Equal(("doc.facts.json", 2, 85), (error.Location.File, error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void JsonFactDocument_WithAComment_IsAnErrorWhenTheFormatSaysJson()
    {
        const string Json = "{ \"article\": { \"id\": \"a\" }, // the article\n  \"facts\": [] }";

        Assert.False(ArticleFacts.TryParse(Json, "request", out _, out var diagnostics, format: FactDocumentFormat.Json));

        Assert.Equal((1, 29), (diagnostics[0].Location.Line, diagnostics[0].Location.Column));
    }

    [Fact]
    public async Task LoadAsync_FromAStreamAndAReader_GivesWhatLoadGives()
    {
        var expected = Engine.Infer(ArticleFacts.Load(Repo.SeedFacts)).ToJson();

        await using (var stream = File.OpenRead(Repo.SeedFacts))
        {
            Assert.Equal(expected, Engine.Infer(await ArticleFacts.LoadAsync(stream, Repo.SeedFacts)).ToJson());
        }

        using var reader = new StringReader(await File.ReadAllTextAsync(Repo.SeedFacts));
        Assert.Equal(expected, Engine.Infer(await ArticleFacts.LoadAsync(reader, "seed.facts.yaml")).ToJson());
    }

    [Fact]
    public async Task LoadAsync_AStreamOverTheSizeLimit_IsALimitDiagnostic()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(new string('#', 2000)));

        var error = await Assert.ThrowsAsync<StanceRulesException>(() => ArticleFacts.LoadAsync(stream, "big.yaml", limits: new StanceLimits { MaxFileBytes = 1000 }));

        Assert.Equal(DiagnosticCodes.LimitExceeded, Assert.Single(error.Diagnostics).Code);
    }

    [Fact]
    public async Task LoadAsync_AStreamThatIsNotUtf8_IsANotReadableDiagnostic()
    {
        using var stream = new MemoryStream([0x61, 0x3A, 0x20, 0xFF, 0xFE]);

        var error = await Assert.ThrowsAsync<StanceRulesException>(() => ArticleFacts.LoadAsync(stream, "bad.yaml"));

        Assert.Equal(DiagnosticCodes.FileNotReadable, Assert.Single(error.Diagnostics).Code);
    }
}
