#if STANCE_CLI
using System.Reflection;
using System.Text.Json;
using System.Xml.Linq;
using Json.Schema;

namespace StanceRules.Tests.Cli;

/// <summary>
/// <c>--format json</c> of validate, test, explain and resolve: real output validated against its schema in
/// schemas/ and its values checked; <c>stance test --junit</c> read back; <c>--run</c>; <c>--version</c>.
/// </summary>
public sealed class CliJsonOutputTests : IDisposable
{
    private const string TwoCases = """
        tests:
          - name: a welcome supports
            facts:
              - { type: statement, actor: Kremlin, act: welcome, issue: china-peace-plan }
            expect:
              - { country: RUS, issue: china-peace-plan, stance: supports }
          - name: a welcome wrongly expected to condemn
            facts:
              - { type: statement, actor: Kremlin, act: welcome, issue: china-peace-plan }
            expect:
              - { country: RUS, issue: china-peace-plan, stance: condemns }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("stance-cli-json-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ValidateJson_OfTheDefaultRules_MatchesItsSchemaAndCountsTheRules()
    {
        var (exit, output, error) = StanceCli.Run("validate", "--format", "json");

        Assert.Equal((0, ""), (exit, error));
        var json = ValidAgainst("validate-output", output);
        Assert.True(json.GetProperty("valid").GetBoolean());
        Assert.Equal(StanceEngine.CreateDefault().RuleIds.Count, json.GetProperty("rules").GetInt32());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("rule_set").ValueKind);
        Assert.Contains("stances.yaml", json.GetProperty("layers")[0].GetProperty("files").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public void ValidateJson_OfARuleFileWithFiveMistakes_ListsThemOnStdoutWithTheirLocations()
    {
        File.WriteAllText(Path.Combine(_folder, "bad.yaml"), RuleDiagnosticsTests.FiveMistakes);

        var (exit, output, error) = StanceCli.Run("validate", _folder, "--format", "json");

        Assert.Equal((1, ""), (exit, error));
        var json = ValidAgainst("validate-output", output);
        Assert.False(json.GetProperty("valid").GetBoolean());
        Assert.Equal(5, json.GetProperty("errors").GetInt32());
        var diagnostics = json.GetProperty("diagnostics").EnumerateArray().ToArray();
        Assert.Equal(5, diagnostics.Length);
        Assert.All(diagnostics, d => Assert.EndsWith("bad.yaml", d.GetProperty("location").GetProperty("file").GetString(), StringComparison.Ordinal));
        Assert.All(diagnostics, d => Assert.True(d.GetProperty("location").GetProperty("line").GetInt32() > 0));
    }

    [Fact]
    public void TestJson_WithAFailingCase_MatchesItsSchemaAndCarriesTheDiff()
    {
        File.WriteAllText(Path.Combine(_folder, "welcome.tests.yaml"), TwoCases);

        var (exit, output, _) = StanceCli.Run("test", _folder, "--rules", Repo.Rules, "--format", "json", "--threshold", "10");

        Assert.Equal(1, exit);
        var json = ValidAgainst("test-output", output);
        Assert.Equal((2, 1, 1, false), (json.GetProperty("cases").GetInt32(), json.GetProperty("passed").GetInt32(), json.GetProperty("failed").GetInt32(), json.GetProperty("succeeded").GetBoolean()));
        var failed = json.GetProperty("results")[1];
        Assert.Equal("a welcome wrongly expected to condemn", failed.GetProperty("name").GetString());
        Assert.False(failed.GetProperty("passed").GetBoolean());
        Assert.Contains("condemns", failed.GetProperty("failure").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("results")[0].GetProperty("failure").ValueKind);
        var coverage = json.GetProperty("coverage");
        var fired = coverage.GetProperty("rules_fired").GetArrayLength();
        var total = fired + coverage.GetProperty("rules_never_fired").GetArrayLength();
        Assert.Equal(Math.Round((double)fired / total, 4), coverage.GetProperty("fraction").GetDouble());
        Assert.True(json.GetProperty("threshold").GetProperty("met").GetBoolean());
    }

    [Fact]
    public void TestJson_OfTheDefaultRulesOwnTests_SucceedsWithFullCoverage()
    {
        var (exit, output, _) = StanceCli.Run("test", Repo.Rules, "--format", "json");

        Assert.Equal(0, exit);
        var json = ValidAgainst("test-output", output);
        Assert.True(json.GetProperty("succeeded").GetBoolean());
        Assert.Equal(1.0, json.GetProperty("coverage").GetProperty("fraction").GetDouble());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("threshold").ValueKind);
    }

    [Fact]
    public void ExplainJson_OfTheSeed_MatchesItsSchemaWithTheSignalsAndTheDecidingStep()
    {
        var (exit, output, _) = StanceCli.Run("explain", Repo.SeedFacts, "--country", "UKR", "--issue", "china-peace-plan", "--format", "json");

        Assert.Equal(0, exit);
        var json = ValidAgainst("explain-output", output);
        var result = json.GetProperty("result");
        Assert.Equal(("rejects", "confidence"), (result.GetProperty("stance").GetString(), result.GetProperty("decided_by").GetString()));
        var signals = json.GetProperty("signals").EnumerateArray().Select(s => (s.GetProperty("stance").GetString(), s.GetProperty("overruled").GetBoolean())).ToArray();
        Assert.Equal([("rejects", false), ("supports", true)], signals);
        Assert.Contains("rejects", json.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ExplainJson_OfAnUnexpectedStance_ListsTheCandidateRulesAndTheirFailedConditions()
    {
        var (exit, output, _) = StanceCli.Run("explain", Repo.SeedFacts, "--country", "IND", "--issue", "china-peace-plan", "--expect", "supports", "--format", "json");

        Assert.Equal(1, exit);
        var json = ValidAgainst("explain-output", output);
        Assert.Equal("supports", json.GetProperty("expected").GetString());
        Assert.False(json.GetProperty("as_expected").GetBoolean());
        var candidates = json.GetProperty("candidates").EnumerateArray().ToArray();
        Assert.NotEmpty(candidates);
        Assert.Contains(candidates, c => c.GetProperty("failed_conditions").GetArrayLength() > 0);
    }

    [Theory]
    [InlineData("Kremlin", null, 0, "country", new[] { "RUS" })]
    [InlineData("France, Germany and Britain", null, 0, "joint_statement", new[] { "DEU", "FRA", "GBR" })]
    [InlineData("the African Union", null, 1, "organization", new string[0])]
    public void ResolveJson_MatchesItsSchemaAndTheResolution(string actor, string? date, int expectedExit, string kind, string[] countries)
    {
        string[] args = date is null ? ["resolve", actor, "--format", "json"] : ["resolve", actor, "--date", date, "--format", "json"];

        var (exit, output, _) = StanceCli.Run(args);

        Assert.Equal(expectedExit, exit);
        var json = ValidAgainst("resolve-output", output);
        Assert.Equal(kind, json.GetProperty("kind").GetString());
        Assert.Equal(countries, json.GetProperty("countries").EnumerateArray().Select(c => c.GetString()!));
    }

    [Fact]
    public void ResolveJson_FlagsTaiwanAndKosovo_AsNotUnMemberStates_AndAUnMemberNotAtAll()
    {
        var (exit, output, _) = StanceCli.Run("resolve", "China and Taiwan", "--format", "json");
        var (_, france, _) = StanceCli.Run("resolve", "France", "--format", "json");

        Assert.Equal(0, exit);
        var json = ValidAgainst("resolve-output", output);
        Assert.Equal(["CHN", "TWN"], json.GetProperty("countries").EnumerateArray().Select(c => c.GetString()!));
        Assert.Equal(["TWN"], json.GetProperty("not_un_members").EnumerateArray().Select(c => c.GetString()!));
        Assert.Equal(0, ValidAgainst("resolve-output", france).GetProperty("not_un_members").GetArrayLength());
    }

    [Fact]
    public void Junit_IsAReportACiSystemReads_WithTheCountsNamesAndFailures()
    {
        File.WriteAllText(Path.Combine(_folder, "welcome.tests.yaml"), TwoCases);
        File.WriteAllText(Path.Combine(_folder, "broken.tests.yaml"), "tests:\n  - name: no checks\n    facts: []\n");
        var junit = Path.Combine(_folder, "junit.xml");

        var (exit, _, _) = StanceCli.Run("test", _folder, "--rules", Repo.Rules, "--junit", junit);

        Assert.Equal(1, exit);
        var root = XDocument.Load(junit).Root!;
        Assert.Equal("testsuites", root.Name.LocalName);
        Assert.Equal(("3", "1", "1"), ((string)root.Attribute("tests")!, (string)root.Attribute("failures")!, (string)root.Attribute("errors")!));
        var suites = root.Elements("testsuite").ToDictionary(s => Path.GetFileName((string)s.Attribute("name")!));
        var welcome = suites["welcome.tests.yaml"];
        Assert.Equal(("2", "1"), ((string)welcome.Attribute("tests")!, (string)welcome.Attribute("failures")!));
        Assert.Equal(["a welcome supports", "a welcome wrongly expected to condemn"], welcome.Elements("testcase").Select(c => (string)c.Attribute("name")!));
        Assert.Null(welcome.Elements("testcase").First().Element("failure"));
        var failure = welcome.Elements("testcase").Last().Element("failure")!;
        Assert.Contains("condemns", failure.Value, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace((string)failure.Attribute("message")!));
        var error = suites["broken.tests.yaml"].Element("testcase")!.Element("error")!;
        Assert.Matches(@"^SR\d{4}$", (string)error.Attribute("type")!);
    }

    [Fact]
    public void Run_SelectsTheCasesWhoseNameMatchesAGlobIgnoringCase()
    {
        var (exit, output, _) = StanceCli.Run("test", Repo.Rules, "--run", "*VOTE*|a welcome supports", "--format", "json");

        Assert.Equal(0, exit);
        var names = ValidAgainst("test-output", output).GetProperty("results").EnumerateArray().Select(r => r.GetProperty("name").GetString()!).ToArray();
        Assert.Contains("a welcome supports", names);
        Assert.Contains("a no vote rejects", names);
        Assert.All(names, n => Assert.True(n == "a welcome supports" || n.Contains("vote", StringComparison.OrdinalIgnoreCase), n));
        Assert.Equal(5, names.Length);
    }

    [Fact]
    public void Run_MatchingNoCase_FailsAndSaysSo()
    {
        var (exit, output, _) = StanceCli.Run("test", Repo.Rules, "--run", "no such case");

        Assert.Equal(1, exit);
        Assert.Contains("no case matches --run 'no such case'", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a||b")]
    [InlineData("")]
    public void Run_WithAnEmptyAlternative_IsAUsageError(string pattern)
    {
        var (exit, _, error) = StanceCli.Run("test", Repo.Rules, "--run", pattern);

        Assert.Equal(2, exit);
        Assert.Contains("--run takes a pattern", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_PrintsTheFullInformationalVersionWithTheCommit()
    {
        var informational = typeof(StanceRules.Cli.CommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

        var (exit, output, _) = StanceCli.Run("--version");

        Assert.Equal(0, exit);
        Assert.Equal(informational, output.Trim());
        // A build from a git checkout carries its commit after '+', and a local build its prerelease suffix.
        Assert.Matches(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?\+[0-9a-f]{40}$", output.Trim());
    }

    private static JsonElement ValidAgainst(string schema, string output)
    {
        var document = JsonDocument.Parse(output);
        var result = OutputSchemas.Value[schema].Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = result.IsValid ? [] : (result.Details ?? []).Where(d => !d.IsValid).Select(d => $"{d.InstanceLocation} ({d.EvaluationPath}): {string.Join("; ", d.Errors?.Values.AsEnumerable() ?? [])}");
        Assert.True(result.IsValid, $"{schema}.schema.json:\n{string.Join("\n", errors)}\n{output}");
        return document.RootElement;
    }

    private static readonly Lazy<Dictionary<string, JsonSchema>> OutputSchemas = new(() =>
        new[] { "validate-output", "test-output", "explain-output", "resolve-output" }.ToDictionary(
            name => name,
            name => JsonSchema.FromFile(Path.Combine(Repo.Root, "schemas", $"{name}.schema.json"), new BuildOptions { SchemaRegistry = new SchemaRegistry() }, new Uri($"https://stancerules.invalid/schemas/{name}.schema.json"))));
}
#endif
