using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using StanceRules.Yaml;
using YamlDotNet.RepresentationModel;

namespace StanceRules.Tests.Streams;

/// <summary>
/// The System.Text.Json fact reader (<see cref="JsonFactReader"/>) against the reader it replaces
/// for JSON (the strict check, then the YAML reader in JSON mode, kept as the reference): every
/// fact document of the repository, as JSON, and thousands of broken variants of them give the
/// same facts and the same diagnostics, text, line, column and order.
/// </summary>
public class JsonFactReaderTests
{
    private static readonly StanceEngine Engine = WithDeclaredType();

    /// <summary>The default rules and a fact type declared in YAML, so declared fields (number, date, stance, boolean, text) are read too.</summary>
    private static StanceEngine WithDeclaredType()
    {
        var folder = Directory.CreateTempSubdirectory("stance-json-reader-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "speeches.yaml"), """
                types:
                  - name: speech
                    fields: { tone: text, applause: number, delivered: date, stance_taken: stance, televised: boolean }
                rules:
                  - id: warm-speech-supports
                    when:
                      - speech: { tone: warm }
                    then: { stance: supports, confidence: 0.7 }
                """);
            return StanceEngine.Load(folder, new StanceEngineOptions { ExtendDefaultRules = true });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A document written here: every kind of field of every input type, the declared one too.</summary>
    private const string EveryKind = """
        {"article": {"id": "every-kind", "published": "2023-03-21", "title": "Every kind"},
         "facts": [
          {"id": "s1", "type": "speech", "actor": "Kremlin", "tone": "warm", "applause": 12.5, "delivered": "2023-03-21", "stance_taken": "rejects", "televised": true, "issue": "china-peace-plan", "evidence": "a speech"},
          {"type": "vote", "actor": "India", "body": "UNGA", "motion": "A/RES/ES-11/1", "choice": "non_voting", "yes_means": "condemns", "issue": "russia-ukraine-war", "evidence_offset": 12},
          {"type": "statement", "actor": "Kyiv", "act": "welcome", "target": "the plan", "negated": false, "hedged": true},
          {"type": "claim", "actor": "Beijing", "name": "denies-court-authority", "stance": "rejects", "target": "the court"}]}
        """;

    private static (string Article, string Diagnostics) Reference(string json, string file, StanceLimits limits)
    {
        var list = new List<Diagnostic>();
        var article = StrictJson.Check(json, file, list) ? FactDocumentReader.Read(json, file, Engine.FactTypes, list, limits, json: true) : null;
        return (list.Count == 0 ? Describe(article) : "none", string.Join("\n", list));
    }

    private static (string Article, string Diagnostics) New(string json, string file, StanceLimits limits)
    {
        var list = new List<Diagnostic>();
        var article = JsonFactReader.Read(Encoding.UTF8.GetBytes(json), file, Engine.FactTypes, list, limits);
        return (list.Count == 0 ? Describe(article) : "none", string.Join("\n", list));
    }

    /// <summary>Everything the reader sets on an article and its facts, as text.</summary>
    private static string Describe(ArticleFacts? article)
    {
        if (article is null)
        {
            return "null";
        }

        var text = new StringBuilder($"{article.Id}|{article.Published}|{article.Title}");
        foreach (var fact in article.Facts)
        {
            text.Append("\n  ").Append(fact.GetType().Name);
            foreach (var property in fact.GetType().GetProperties().OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                text.Append($" {property.Name}={property.GetValue(fact)}");
            }

            if (fact is DeclaredFact declared)
            {
                text.Append($" {declared.TypeName}: {string.Join(", ", declared.Values)}");
            }
        }

        return text.ToString();
    }

    /// <summary>The repository's fact documents (seeds, fixtures) as JSON, and the documents the extractor writes for the seeds' articles.</summary>
    private static List<(string Name, JsonNode Json)> RepositoryDocuments()
    {
        var files = Directory.GetFiles(Path.Combine(Repo.Root, "seeds"), "*.facts.*")
            .Concat(Directory.GetFiles(Path.Combine(Repo.Root, "tests", "StanceRules.Tests", "Fixtures"), "*.facts.*", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(files.Count >= 8, string.Join(", ", files));
        var documents = files.Select(f => (Path.GetFileName(f), f.EndsWith(".json", StringComparison.Ordinal) ? JsonNode.Parse(File.ReadAllText(f))! : YamlToJson(File.ReadAllText(f)))).ToList();
        documents.Add(("every kind", JsonNode.Parse(EveryKind)!));
        foreach (var article in Directory.GetFiles(Path.Combine(Repo.Root, "seeds"), "*.article.txt").Order(StringComparer.Ordinal))
        {
            var extracted = Engine.Extract(File.ReadAllText(article), Path.GetFileName(article), new DateOnly(2023, 3, 21)).ToFactDocument(FactDocumentFormat.Json);
            documents.Add(("extracted " + Path.GetFileName(article), JsonNode.Parse(extracted)!));
        }

        return documents;
    }

    private static JsonNode YamlToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Convert(stream.Documents[0].RootNode)!;

        static JsonNode? Convert(YamlNode node) => node switch
        {
            YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, Convert(c.Value)))),
            YamlSequenceNode list => new JsonArray(list.Children.Select(Convert).ToArray()),
            YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "null" or "~" or "" } => null,
            YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "true" or "false" } s => JsonValue.Create(s.Value == "true"),
            YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } s when double.TryParse(s.Value, System.Globalization.CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
            YamlScalarNode s => JsonValue.Create(s.Value),
            _ => throw new InvalidOperationException(node.ToString()),
        };
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A document as a JSON Lines line (one line, escaped) and as an indented file (the columns and lines move).</summary>
    private static IEnumerable<string> Texts(JsonNode json)
    {
        yield return json.ToJsonString();
        yield return json.ToJsonString(Indented);
    }

    [Fact]
    public void Every_repository_document_reads_the_same_facts_through_both_readers()
    {
        var documents = RepositoryDocuments();
        var read = 0;
        foreach (var (name, json) in documents)
        {
            foreach (var text in Texts(json))
            {
                var expected = Reference(text, name + ".json", StanceLimits.Default);
                Assert.Equal(expected, New(text, name + ".json", StanceLimits.Default));
                Assert.Equal(string.Empty, expected.Diagnostics);
                read++;
            }
        }

        Assert.True(read >= 2 * 14, $"{read} documents");
    }

    /// <summary>Values that break a key in every way a document can: wrong kinds, blanks, bad dates, issues and enums, numbers as text.</summary>
    private static readonly Func<JsonNode?>[] Replacements =
    [
        () => null, () => JsonValue.Create(5), () => JsonValue.Create(1.5), () => JsonValue.Create(true), () => JsonValue.Create(""),
        () => JsonValue.Create("  "), () => JsonValue.Create("x"), () => new JsonObject { ["a"] = 1 }, () => new JsonArray(1, "b"),
        () => JsonValue.Create("2023-13-45"), () => JsonValue.Create("Bad Issue"), () => JsonValue.Create("condemns"), () => JsonValue.Create("true"),
        () => JsonValue.Create(1e300), () => JsonValue.Create(new string('é', 70) + "\ud83d\ude00"),
    ];

    /// <summary>Variants of a document: each key of the root, the article and the first facts dropped or given each value above, an unknown key, the type last, ids repeated, a fact that is not an object.</summary>
    private static IEnumerable<JsonNode> Variants(JsonNode whole)
    {
        // Four facts are enough to break; the reference reader is slow on long documents.
        var document = whole.DeepClone();
        var all = document["facts"]!.AsArray();
        while (all.Count > 4)
        {
            all.RemoveAt(all.Count - 1);
        }

        var objects = new List<Func<JsonNode, JsonObject?>> { d => d.AsObject(), d => d["article"] as JsonObject };
        for (var i = 0; i < Math.Min(2, document["facts"]!.AsArray().Count); i++)
        {
            var index = i;
            objects.Add(d => d["facts"]![index] as JsonObject);
        }

        foreach (var select in objects)
        {
            foreach (var key in select(document)!.Select(p => p.Key).Append("colour").ToList())
            {
                var dropped = document.DeepClone();
                select(dropped)!.Remove(key);
                yield return dropped;
                foreach (var replacement in Replacements)
                {
                    var changed = document.DeepClone();
                    select(changed)![key] = replacement();
                    yield return changed;
                }
            }

            // The keys in reverse order (the facts before the article, the type last), with an unknown key and a broken value.
            var reversed = document.DeepClone();
            if (select(reversed) is { } keys)
            {
                var entries = keys.Reverse().Select(p => (p.Key, p.Value?.DeepClone())).ToList();
                keys.Clear();
                foreach (var (key, value) in entries.Take(1).Append(("colour", JsonValue.Create(1))).Concat(entries.Skip(1)))
                {
                    keys[key] = value;
                }

                yield return reversed;
                keys[keys.Last().Key] = new JsonArray();
                yield return reversed;
            }

            var typeLast = document.DeepClone();
            if (select(typeLast) is { } target && target["type"] is { } type)
            {
                target.Remove("type");
                target["type"] = type.DeepClone();
                yield return typeLast;
            }
        }

        var facts = document["facts"]!.AsArray();
        if (facts.Count >= 2)
        {
            var repeated = document.DeepClone();
            repeated["facts"]![1]!["id"] = JsonValue.Create(facts[0]!["id"]?.GetValue<string>() ?? "f1");
            yield return repeated;
        }

        foreach (var replacement in Replacements)
        {
            var notAFact = document.DeepClone();
            notAFact["facts"]!.AsArray().Insert(0, replacement());
            yield return notAFact;
        }
    }

    [Fact]
    public void Broken_variants_of_every_document_give_the_same_diagnostics_in_the_same_order_through_both_readers()
    {
        var compared = 0;
        var failing = 0;
        foreach (var (name, json) in RepositoryDocuments())
        {
            foreach (var variant in Variants(json))
            {
                // One line or indented, in turn: both shapes, half the time.
                foreach (var text in Texts(variant).Skip(compared % 2).Take(1))
                {
                    var (expected, actual) = (Reference(text, "v.json", StanceLimits.Default), New(text, "v.json", StanceLimits.Default));
                    if (expected != actual)
                    {
                        Assert.Fail($"{name}:\n{text}\nexpected:\n{expected}\nactual:\n{actual}");
                    }

                    compared++;
                    failing += expected.Article == "none" ? 1 : 0;
                }
            }
        }

        Assert.True(compared > 2_000 && failing > compared / 2, $"{compared} compared, {failing} with errors");
    }

    /// <summary>Text-level breaks the tree cannot make: a repeated key, a trailing comma, a comment, a cut, a BOM, a byte that is not a value.</summary>
    public static TheoryData<string> TextBreaks => new()
    {
        """{"article": {"id": "a", "id": "b"}, "facts": []}""",
        """{"article": {"id": "a"}, "facts": [{"type": "statement", "actor": "x", "act": "y", "actor": {"a": [1, 2]}}]}""",
        """{"article": {"id": "a"}, "facts": [{"type": "statement", "actor": "x", "act": "y", "act\u0020": 1, "act": 2}]}""",
        """{"article": {"id": "a"}, "facts": [],}""",
        // Many facts (the reader keeps their ids in a dictionary past 16), an id repeated late and one given as a default id.
        "{\"article\": {\"id\": \"many\"}, \"facts\": [" + string.Join(", ", Enumerable.Range(1, 30).Select(i => $"{{\"id\": \"{(i == 25 ? "x3" : i == 28 ? "f2" : i == 29 ? null : "x" + i)}\", \"type\": \"statement\", \"actor\": \"Kremlin\", \"act\": \"welcome\"}}")) + "]}",
        "{\"article\": {\"id\": \"a\"}, // note\n \"facts\": []}",
        """{"article": {"id": "a"}, "facts": [{"type": "statement",""",
        "\uFEFF{\"article\": {\"id\": \"a\"}, \"facts\": []}",
        "",
        "null",
        "[1, 2]",
        "\"text\"",
        """{"facts": [], "article": {"title": "t", "id": "a", "published": "2023-02-30"}, "extra": {"x": 1}}""",
        """{"article": {"id": "a\ud83d\ude00b"}, "facts": [{"type": "statement", "actor": "\u00e9\ud83d\ude00", "act": "y", "bogus": 1}]}""",
        "{\"article\": {\"id\": \"é😀\", \"title\": \"日本\"}, \"facts\": [{\"type\": \"statement\", \"actor\": \"é😀\", \"act\": \"y\", \"bogus\": 1}, {\"type\": \"vote\", \"actor\": \"日本\", \"choice\": 3}]}",
        "{\n\t\"article\": {\"id\": \"t1\"},\r\n\t\"facts\": [\n\t\t{\"type\": \"statement\", \"bogus\": 1, \"actor\": \"Kremlin\", \"act\": \"welcome\"}, {\"type\": \"vote\"}\n\t]\n}",
        """{"article": {"id": "a"}, "facts": [{"type": "protest", "actor": "x"}, {"type": "signal", "actor": "x"}, {"type": {"t": 1}}, {"type": null}, {"id": null, "type": "statement", "actor": "x", "act": "y"}, {"id": "null", "type": "statement", "actor": "x", "act": "y"}]}""",
        """{"article": {"id": "a"}, "facts": [{"type": "vote", "actor": "x", "choice": "maybe", "yes_means": "CONDEMNS", "evidence_offset": 1.5}, {"type": "vote", "actor": "x", "choice": "non-voting", "evidence_offset": 2e0}]}""",
    };

    [Theory]
    [MemberData(nameof(TextBreaks))]
    public void Text_level_breaks_give_the_same_diagnostics_through_both_readers(string text) =>
        Assert.Equal(Reference(text, "t.json", StanceLimits.Default), New(text, "t.json", StanceLimits.Default));

    /// <summary>
    /// A valid document with one key written twice, at every level and for every key (the same value
    /// again, or after it a value that is fine alone): the one-pass read must see it, as the check
    /// pass does, and both readers give the same error; bytes after the document likewise.
    /// </summary>
    [Fact]
    public void A_key_given_twice_anywhere_or_bytes_after_the_document_give_the_same_error_through_both_readers()
    {
        var document = JsonNode.Parse(EveryKind)!;
        var objects = new List<JsonObject> { document.AsObject(), document["article"]!.AsObject() };
        objects.AddRange(document["facts"]!.AsArray().Select(f => f!.AsObject()));
        var compared = 0;
        foreach (var target in objects)
        {
            foreach (var key in target.Select(p => p.Key).ToList())
            {
                foreach (var again in new[] { target[key]?.DeepClone(), null })
                {
                    var text = WriteWithKeyTwice(document, target, key, again);
                    var expected = Reference(text, "k.json", StanceLimits.Default);
                    Assert.True(expected.Diagnostics.Contains("Duplicate key", StringComparison.Ordinal), $"{text}\n{expected.Diagnostics}");
                    Assert.Equal(expected, New(text, "k.json", StanceLimits.Default));
                    compared++;
                }
            }
        }

        foreach (var after in new[] { " {}", " 1", "x", "\n{\"article\": {\"id\": \"b\"}, \"facts\": []}", "]" })
        {
            var text = document.ToJsonString() + after;
            Assert.Equal(Reference(text, "k.json", StanceLimits.Default), New(text, "k.json", StanceLimits.Default));
            Assert.NotEqual(string.Empty, New(text, "k.json", StanceLimits.Default).Diagnostics);
        }

        Assert.True(compared >= 60, $"{compared} compared");
    }

    /// <summary>The document as one line, with <paramref name="key"/> of <paramref name="target"/> written a second time, after the first, with <paramref name="again"/>.</summary>
    private static string WriteWithKeyTwice(JsonNode document, JsonObject target, string key, JsonNode? again)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(document);

            void Write(JsonNode? node)
            {
                if (node is JsonObject map)
                {
                    writer.WriteStartObject();
                    foreach (var (name, value) in map)
                    {
                        writer.WritePropertyName(name);
                        Write(value);
                        if (ReferenceEquals(map, target) && name == key)
                        {
                            writer.WritePropertyName(name);
                            Write(again);
                        }
                    }

                    writer.WriteEndObject();
                }
                else if (node is JsonArray list)
                {
                    writer.WriteStartArray();
                    foreach (var item in list)
                    {
                        Write(item);
                    }

                    writer.WriteEndArray();
                }
                else if (node is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    node.WriteTo(writer);
                }
            }
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    [Fact]
    public void Every_limit_stops_at_the_same_place_with_the_same_error_through_both_readers()
    {
        StanceLimits[] limits =
        [
            new() { MaxStringLength = 6 }, new() { MaxNestingDepth = 2 }, new() { MaxNestingDepth = 3 }, new() { MaxFactsPerDocument = 2 },
            new() { MaxFileBytes = 300 }, new() { MaxFactsPerDocument = 2, MaxStringLength = 8 },
        ];
        var stopped = 0;
        foreach (var (name, json) in RepositoryDocuments().Take(6))
        {
            foreach (var limit in limits)
            {
                foreach (var text in Texts(json))
                {
                    var expected = Reference(text, "l.json", limit);
                    Assert.Equal(expected, New(text, "l.json", limit));
                    stopped += expected.Diagnostics.Contains("SR0007", StringComparison.Ordinal) ? 1 : 0;
                }
            }
        }

        Assert.True(stopped >= 40, $"{stopped} stopped by a limit");
    }

    [Theory]
    [InlineData("""{"article": {"id": "a", "id": "b"}, "facts": []}""", "d.json:1:25: error SR0001: invalid JSON: Duplicate key id")]
    [InlineData("""{"article": {"id": "a"}, "facts": [],}""", "d.json:1:38: error SR0001: invalid JSON: The JSON object contains a trailing comma at the end which is not supported in this mode. Change the reader options.")]
    [InlineData("{\"article\": {\"id\": \"a\"},\n \"facts\": [{\"type\": \"statement\", \"act\": \"y\", \"colour\": 1}]}", "d.json:2:46: error SR0002: unknown key 'colour' in a statement fact; expected one of: act, actor, evidence, evidence_offset, hedged, id, issue, negated, target, type\nd.json:2:12: error SR0003: 'actor' is required in a statement fact")]
    [InlineData("""{"article": {"id": "a"}, "facts": [{"type": "statement", "actor": "x", "act": "y", "negated": "yes"}]}""", "d.json:1:95: error SR0005: 'yes' is not a valid value for 'negated'; expected true or false")]
    [InlineData("""{"article": {"id": "a"}, "facts": [{"type": "protest", "actor": "x"}]}""", "d.json:1:45: error SR1001: unknown fact type 'protest'; known types: claim, event, speech, statement, vote")]
    [InlineData("""{"article": {"id": " "}, "facts": []}""", "d.json:1:20: error SR0003: 'id' is required in 'article'")]
    [InlineData("""{"article": {"id": "a"}, "facts": [{"id": "x", "type": "statement", "actor": "x", "act": "y"}, {"id": "x", "type": "statement", "actor": "x", "act": "y"}]}""", "d.json:1:96: error SR1002: duplicate fact id 'x' (first used on line 1)")]
    [InlineData("""{"article": {"id": "a"}, "facts": [{"id": null, "type": "statement", "actor": "x", "act": "y"}, {"id": "f1", "type": "statement", "actor": "x", "act": "y"}]}""", "d.json:1:97: error SR1002: duplicate fact id 'f1' (first used on line 1)")]
    public void Each_error_names_the_file_line_and_column(string json, string expected)
    {
        Assert.Equal(expected, New(json, "d.json", StanceLimits.Default).Diagnostics);
        Assert.Equal(expected, Reference(json, "d.json", StanceLimits.Default).Diagnostics);
    }

    [Fact]
    public void A_null_fact_id_is_the_default_id_so_a_later_fact_given_that_id_is_a_duplicate_not_an_exception()
    {
        var diagnostics = Assert.Throws<StanceRulesException>(() => ArticleFacts.Parse("article: {id: a}\nfacts:\n  - {id: ~, type: statement, actor: x, act: y}\n  - {id: f1, type: statement, actor: x, act: y}\n", "n.yaml")).Diagnostics;

        Assert.Equal("n.yaml:4:5: error SR1002: duplicate fact id 'f1' (first used on line 3)", Assert.Single(diagnostics).ToString());
    }

    [Fact]
    public async Task A_JSON_Lines_line_reports_its_errors_at_its_own_line_and_the_other_lines_are_read()
    {
        var lines = """{"article": {"id": "a1"}, "facts": []}""" + "\n\n" + """{"article": {"id": "a2"}, "facts": [{"type": "statement", "act": "y", "colour": 1}]}""" + "\n" + """{"article": {"id": "a3"}, "facts": []}""";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(lines));
        var read = new List<string>();
        await foreach (var document in FactDocument.ReadAllAsync(stream, "docs.jsonl"))
        {
            read.Add(document.TryRead(out var article, out var diagnostics, Engine.FactTypes) ? article.Id : string.Join("\n", diagnostics));
        }

        Assert.Equal(
            ["a1", "docs.jsonl:3:71: error SR0002: unknown key 'colour' in a statement fact; expected one of: act, actor, evidence, evidence_offset, hedged, id, issue, negated, target, type\ndocs.jsonl:3:37: error SR0003: 'actor' is required in a statement fact", "a3"],
            read);
    }
}
