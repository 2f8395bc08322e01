using System.Text;

namespace StanceRules.Tests.Streams;

/// <summary><see cref="FactDocument.ReadAllAsync"/>: JSON Lines, one YAML or JSON document, sniffed or named, with every bad line at its number.</summary>
public class FactDocumentStreamTests
{
    internal static string JsonLine(string id, string actor = "India", string act = "condemn", string issue = "war") =>
        $$"""{"article": {"id": "{{id}}", "published": "2023-03-01"}, "facts": [{"type": "statement", "actor": "{{actor}}", "act": "{{act}}", "issue": "{{issue}}"}]}""";

    private static async Task<List<(FactDocument Document, ArticleFacts? Article, IReadOnlyList<Diagnostic> Diagnostics)>> ReadAll(string text, string name = "<stdin>", FactStreamFormat format = FactStreamFormat.Auto, StanceLimits? limits = null)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        var result = new List<(FactDocument, ArticleFacts?, IReadOnlyList<Diagnostic>)>();
        await foreach (var document in FactDocument.ReadAllAsync(stream, name, format, limits))
        {
            document.TryRead(out var article, out var diagnostics, limits: limits);
            result.Add((document, article, diagnostics));
        }

        return result;
    }

    [Fact]
    public async Task JsonLines_EveryLineIsADocument_BlankLinesSkipped_SourcesNameTheLine()
    {
        var documents = await ReadAll(JsonLine("a1") + "\n\n" + JsonLine("a2") + "\r\n" + JsonLine("a3"), "docs.jsonl");

        Assert.Equal(["a1", "a2", "a3"], documents.Select(d => d.Article!.Id));
        Assert.Equal(["docs.jsonl:1", "docs.jsonl:3", "docs.jsonl:4"], documents.Select(d => d.Document.Source));
        Assert.Equal([1L, 3L, 4L], documents.Select(d => d.Document.Line));
    }

    [Fact]
    public async Task JsonLines_ABadLine_FailsAtItsLineAndColumn_TheOthersAreRead()
    {
        var text = JsonLine("a1") + "\n" + """{"article": {"id": "a2"}, "facts": [{"type": "statement", "actor": "India", "act": "condemn", "colour": "red"}]}""" + "\n{\"article\": \n" + JsonLine("a4") + "\n";

        var documents = await ReadAll(text, "docs.ndjson");

        Assert.Equal(4, documents.Count);
        Assert.Equal(["a1", null, null, "a4"], documents.Select(d => d.Article?.Id));
        var unknown = Assert.Single(documents[1].Diagnostics);
        Assert.Equal(("docs.ndjson", 2, DiagnosticCodes.UnknownKey), (unknown.Location.File, unknown.Location.Line, unknown.Code));
        Assert.True(unknown.Location.Column > 60, unknown.ToString());
        Assert.All(documents[2].Diagnostics, d => Assert.Equal(("docs.ndjson", 3), (d.Location.File, d.Location.Line)));
        Assert.NotEmpty(documents[2].Diagnostics);
    }

    [Fact]
    public async Task JsonLines_ALineOverTheLimit_IsOneError_NotHeld_AndTheNextLineIsRead()
    {
        var limits = new StanceLimits { MaxFileBytes = 1_000 };
        var text = JsonLine("a1") + "\n" + "{\"x\": \"" + new string('x', 5_000) + "\"}\n" + JsonLine("a3");

        var documents = await ReadAll(text, "docs.jsonl", limits: limits);

        Assert.Equal(["a1", null, "a3"], documents.Select(d => d.Article?.Id));
        var tooLong = Assert.Single(documents[1].Diagnostics);
        Assert.Equal("docs.jsonl:2:1: error SR0006: line longer than 1,000 bytes (StanceLimits.MaxFileBytes); skipped", tooLong.ToString());
    }

    [Fact]
    public async Task JsonLines_ALineThatIsNotUtf8_IsAnErrorOfThatLineOnly()
    {
        var bytes = Encoding.UTF8.GetBytes(JsonLine("a1") + "\n").Concat(new byte[] { (byte)'{', 0xFF, 0xFE, (byte)'}', (byte)'\n' }).Concat(Encoding.UTF8.GetBytes(JsonLine("a3"))).ToArray();
        using var stream = new MemoryStream(bytes);
        var ids = new List<string?>();
        await foreach (var document in FactDocument.ReadAllAsync(stream, "docs.jsonl"))
        {
            ids.Add(document.TryRead(out var article, out var diagnostics) ? article.Id : diagnostics[0].ToString());
        }

        Assert.Equal(["a1", "docs.jsonl:2:1: error SR0006: the line is not valid UTF-8; skipped", "a3"], ids);
    }

    [Theory]
    [InlineData("article: { id: y1, published: 2023-03-01 }\nfacts:\n  - { type: statement, actor: India, act: condemn, issue: war }\n", FactStreamFormat.Auto)]
    [InlineData("{\n  \"article\": { \"id\": \"y1\" },\n  \"facts\": [ { \"type\": \"statement\", \"actor\": \"India\", \"act\": \"condemn\" } ]\n}\n", FactStreamFormat.Auto)]
    [InlineData("{article: {id: y1}, facts: [{type: statement, actor: India, act: condemn}]}", FactStreamFormat.Auto)]
    [InlineData("{\"article\": {\"id\": \"y1\"}, \"facts\": []}", FactStreamFormat.Json)]
    public async Task OneDocument_YamlOrJson_IsReadWhole(string text, FactStreamFormat format)
    {
        var document = Assert.Single(await ReadAll(text, format: format));

        Assert.Equal("y1", document.Article?.Id);
        Assert.Equal("<stdin>", document.Document.Source);
    }

    [Fact]
    public async Task OneYamlDocument_AnErrorIsAtItsLineInTheStream()
    {
        var document = Assert.Single(await ReadAll("article: { id: y1 }\n\n\nfacts:\n  - { type: statement, actor: India, act: condemn, colour: red }\n"));

        var error = Assert.Single(document.Diagnostics);
        Assert.Equal(("<stdin>", 5), (error.Location.File, error.Location.Line));
    }

    [Fact]
    public async Task StrictJsonByFlag_ATrailingCommaIsAnError()
    {
        var document = Assert.Single(await ReadAll("{\"article\": {\"id\": \"y1\"}, \"facts\": [],}", format: FactStreamFormat.Json));

        Assert.Null(document.Article);
        Assert.NotEmpty(document.Diagnostics);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n\n \t\n")]
    public async Task AnEmptyStream_IsOneFailedDocument_NeverNothing(string text)
    {
        var document = Assert.Single(await ReadAll(text));

        Assert.Equal("<stdin>:1:1: error SR0006: no fact document: the input is empty", Assert.Single(document.Diagnostics).ToString());
    }

    [Fact]
    public async Task JsonLines_AreInferredByTheBatch_InOrder_WithTheFailedLineAmongThem()
    {
        var engine = StanceEngine.CreateDefault();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(JsonLine("a1") + "\nnot json\n" + JsonLine("a3", "France", "welcome")));

        var results = new List<BatchResult>();
        await foreach (var result in engine.InferAllAsync(FactDocument.ReadAllAsync(stream, "docs.jsonl")))
        {
            results.Add(result);
        }

        Assert.Equal([true, false, true], results.Select(r => r.Succeeded));
        Assert.Equal("IND war condemns", $"{results[0].Report!.Stances[0].Country} {results[0].Report!.Stances[0].Issue} {results[0].Report!.Stances[0].Stance.ToName()}");
        Assert.StartsWith("docs.jsonl:2:", results[1].ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("FRA", results[2].Report!.Stances[0].Country);
    }
}
