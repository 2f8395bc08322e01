using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace StanceRules.Tests;

/// <summary>
/// schemas/*.schema.json: every YAML file the project ships validates against its schema, invalid
/// documents are rejected, and the schemas name exactly the fields the built-in fact types have.
/// </summary>
public class SchemaTests
{
    private static readonly Lazy<Dictionary<string, JsonSchema>> Schemas = new(LoadSchemas);

    public static TheoryData<string, string> ShippedFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.GetFiles(Repo.Rules, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Repo.Root, file), file.EndsWith(".tests.yaml", StringComparison.Ordinal) ? "rule-tests" : "rules");
        }

        foreach (var file in Directory.GetFiles(Path.Combine(Repo.Root, "seeds"), "*.facts.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Repo.Root, file), "facts");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void ShippedYaml_IsValidAgainstItsSchema(string file, string schema)
    {
        var errors = Validate(schema, File.ReadAllText(Path.Combine(Repo.Root, file)));

        Assert.True(errors.Count == 0, $"{file} against {schema}.schema.json:\n{string.Join("\n", errors)}");
    }

    [Fact]
    public void ShippedFiles_CoverEveryKind()
    {
        var kinds = ShippedFiles().Select(row => (string)row[1]).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(["facts", "rule-tests", "rules"], kinds);
    }

    [Theory]
    [InlineData("rules", "rules: [ { id: r, whne: [ { statement: {} } ], then: { stance: supports } } ]")]
    [InlineData("rules", "rules: [ { id: r, when: [ { statement: {} } ], then: { stance: likes } } ]")]
    [InlineData("rules", "rules: [ { id: r, when: [ { statement: {} } ], then: { stance: supports, confidence: 1.5 } } ]")]
    [InlineData("rules", "rules: [ { id: r, when: [ { statement: { colour: red } } ], then: { stance: supports } } ]")]
    [InlineData("rules", "rules: [ { id: r, when: [ { statement: { family: likes } } ], then: { stance: supports } } ]")]
    [InlineData("rules", "rules: [ { id: r, when: [ { statement: { act: { resembles: x } } } ], then: { stance: supports } } ]")]
    [InlineData("rules", "rules: [ { id: r, when: [ { statement: {}, vote: {} } ], then: { stance: supports } } ]")]
    [InlineData("rules", "rules: [ { id: r, when: [ { statement: {} } ], then: { stance: supports, assert: { claim: { name: x } } } } ]")]
    [InlineData("rules", "rules: [ { id: Bad_Id, when: [ { statement: {} } ], then: { stance: supports } } ]")]
    [InlineData("rules", "rules: [ { id: r, when: [], then: { stance: supports } } ]")]
    [InlineData("rules", "countries: [ { iso3: usa, iso2: US, names: [United States] } ]")]
    [InlineData("rules", "acts: { likes: [ welcome ] }")]
    [InlineData("rules", "gazetteer: []")]
    [InlineData("rules", "offices: [ { country: AAA, holders: [ { office: foreign-minister, name: A B, from: 2019-13 } ] } ]")]
    [InlineData("rules", "offices: [ { country: AAA, holders: [ { office: foreign-minister, name: A B, from: 2019 } ] } ]")]
    [InlineData("rules", "offices: [ { country: AAA, checked: 2019-03, holders: [] } ]")]
    [InlineData("facts", "article: { id: a }\nfacts: [ { type: statement, actor: China } ]")]
    [InlineData("facts", "article: { id: a }\nfacts: [ { type: statement, actor: China, act: welcome, colour: red } ]")]
    [InlineData("facts", "article: { id: a }\nfacts: [ { type: vote, actor: China, choice: maybe } ]")]
    [InlineData("facts", "article: { id: a }\nfacts: [ { type: vote, actor: China, choice: yes, yes_means: likes } ]")]
    [InlineData("facts", "article: { title: no id }\nfacts: []")]
    [InlineData("facts", "article: { id: a, published: 21 March 2023 }\nfacts: []")]
    [InlineData("rule-tests", "tests: [ { name: both, facts: [], facts_file: x.facts.yaml, expect: [] } ]")]
    [InlineData("rule-tests", "tests: [ { name: neither, expect: [] } ]")]
    [InlineData("rule-tests", "tests: [ { name: no checks, facts: [] } ]")]
    [InlineData("rule-tests", "tests: [ { name: x, facts: [], expect: [ { country: UKR, issue: y } ] } ]")]
    [InlineData("rule-tests", "tests: [ { name: x, facts: [], expect: [ { country: UKR, issue: y, stance: supports, min_confidence: 2 } ] } ]")]
    [InlineData("rule-tests", "tests: [ { name: x, facts: [ { type: vote, actor: China, choice: maybe } ], absent: [ { country: CHN, issue: y } ] } ]")]
    [InlineData("rule-tests", "tests: [ { name: x, facts: [], absent: [ { country: CHN, issue: y, stance: none } ] } ]")]
    public void InvalidDocument_IsRejected(string schema, string yaml)
    {
        Assert.NotEmpty(Validate(schema, yaml));
    }

    [Theory]
    [InlineData("rules", "rules: [ { id: r, when: [ { speech as s: { loudness: { gt: 3 } } }, { not: [ { vote: { country: $s.country } } ] } ], then: { stance: $s.stance } } ]")]
    [InlineData("facts", "article: { id: a }\nfacts: [ { type: speech, actor: China, loudness: 3 } ]")]
    public void HostRegisteredFactTypes_AreAccepted(string schema, string yaml)
    {
        Assert.Empty(Validate(schema, yaml));
    }

    [Theory]
    [InlineData("from: 2019-03, to: 2019-11-20")]
    [InlineData("from: 2019-03-02, to: 2019-11")]
    public void OfficeHolder_MayGiveOnlyTheMonthOfFromOrTo(string dates)
    {
        Assert.Empty(Validate("rules", $"offices: [ {{ country: AAA, checked: 2019-12-01, holders: [ {{ office: foreign-minister, name: A B, {dates} }} ] }} ]"));
    }

    [Theory]
    [InlineData("statement")]
    [InlineData("vote")]
    [InlineData("claim")]
    [InlineData("signal")]
    public void RulesSchema_NamesExactlyTheFieldsRulesCanMatch(string type)
    {
        Assert.True(FactTypes.Default.TryGet(type, out var factType));
        var properties = SchemaJson("rules")["definitions"]![$"{type}Conditions"]!["properties"]!.AsObject().Select(p => p.Key);

        Assert.Equal(factType.FieldNames, properties.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("statement")]
    [InlineData("vote")]
    [InlineData("claim")]
    public void FactsSchema_NamesExactlyTheFieldsDocumentsCanSet(string type)
    {
        Assert.True(FactTypes.Default.TryGet(type, out var factType));
        var settable = factType.Fields.Values.Where(f => f.IsSettable).Select(f => f.Name).Append("type").Order(StringComparer.Ordinal);
        var properties = SchemaJson("facts")["definitions"]![type]!["properties"]!.AsObject().Select(p => p.Key);
        var required = SchemaJson("facts")["definitions"]![type]!["required"]!.AsArray().Select(n => (string)n!);

        Assert.Equal(settable, properties.Order(StringComparer.Ordinal));
        Assert.Equal(factType.Fields.Values.Where(f => f.IsRequired).Select(f => f.Name).Append("type").Order(StringComparer.Ordinal), required.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void ShippedYaml_NamesItsSchemaForTheEditor(string file, string schema)
    {
        var up = string.Concat(Enumerable.Repeat("../", file.Count(c => c is '/' or '\\')));
        Assert.StartsWith($"# yaml-language-server: $schema={up}schemas/{schema}.schema.json\n", File.ReadAllText(Path.Combine(Repo.Root, file)).ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    private static JsonNode SchemaJson(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(Repo.Root, "schemas", $"{name}.schema.json")))!;

    private static Dictionary<string, JsonSchema> LoadSchemas()
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        var schemas = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);
        foreach (var name in new[] { "facts", "rule-tests", "rules" })
        {
            var path = Path.Combine(Repo.Root, "schemas", $"{name}.schema.json");
            // A base URI of its own: the schemas refer to each other by relative path
            // ("facts.schema.json#/definitions/fact"), which this validator resolves under http(s)
            // base URIs but not under file: ones. The files keep no $id, so editors resolve the same
            // relative paths next to the files, offline.
            schemas[name] = JsonSchema.FromFile(path, options, new Uri($"https://stancerules.invalid/schemas/{name}.schema.json"));
        }

        return schemas;
    }

    private static List<string> Validate(string schema, string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var json = ToJson(stream.Documents[0].RootNode);
        using var document = JsonDocument.Parse(json?.ToJsonString() ?? "null");
        var result = Schemas.Value[schema].Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : (result.Details ?? []).Where(d => !d.IsValid).Select(d => $"{d.InstanceLocation} ({d.EvaluationPath}): {string.Join("; ", d.Errors?.Values.AsEnumerable() ?? [])}").ToList();
    }

    /// <summary>YAML as JSON the way the loaders read it: plain true/false, null and numbers are typed; everything else is text.</summary>
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv => KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, ToJson(kv.Value)))),
        YamlSequenceNode list => new JsonArray(list.Children.Select(ToJson).ToArray()),
        YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } plain => plain.Value switch
        {
            null or "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            var text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && !text.Contains('_', StringComparison.Ordinal) => JsonValue.Create(number),
            var text => JsonValue.Create(text),
        },
        YamlScalarNode scalar => JsonValue.Create(scalar.Value ?? string.Empty),
        _ => null,
    };
}
