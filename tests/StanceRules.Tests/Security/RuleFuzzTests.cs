using System.Diagnostics;
using CsCheck;
using Xunit.Abstractions;

namespace StanceRules.Tests.Security;

/// <summary>
/// Fuzzing of rule files with random regular expressions (supported, unsupported, malformed,
/// oversized) and random chaining rules (claims asserted from statements and from each other,
/// joined on shared fields): loading gives an engine or positioned diagnostics, inference gives
/// a report or <see cref="InferenceLimitException"/>, and nothing else is ever thrown or hangs.
/// </summary>
/// <remarks>
/// CI runs 400 cases. A long run:
/// <c>STANCE_FUZZ_ITERATIONS=20000 dotnet test tests/StanceRules.Tests --filter FullyQualifiedName~RuleFuzzTests --logger "console;verbosity=detailed"</c>.
/// A failure prints the CsCheck seed that reproduces it.
/// </remarks>
public class RuleFuzzTests(ITestOutputHelper output)
{
    private static readonly long Iterations = long.TryParse(Environment.GetEnvironmentVariable("STANCE_FUZZ_ITERATIONS"), out var n) ? n : 400;
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Small limits, so every runaway is caught quickly; the properties are the same at any limit.</summary>
    private static readonly StanceEngineOptions Options = new()
    {
        MaxRuleFirings = 2_000,
        Limits = new StanceLimits { MaxRuleMatches = 20_000, MaxInferenceBytes = 64L << 20 },
    };

    private const string Knowledge = """
        countries:
          - { iso3: CHN, iso2: CN, names: [China], capitals: [Beijing] }
          - { iso3: RUS, iso2: RU, names: [Russia], seats: [Kremlin] }
        acts:
          supports: [welcome]
          rejects: [reject]
        issues:
          - { id: peace-plan, phrases: [peace plan] }
        """;

    private static readonly ArticleFacts Article = ArticleFacts.Parse("""
        article: { id: fuzz }
        facts:
          - { id: f1, type: statement, actor: China, act: welcome, target: the peace plan, evidence: aaab }
          - { id: f2, type: statement, actor: Kremlin, act: reject, issue: peace-plan, evidence: "((a))" }
          - { id: f3, type: vote, actor: Russia, choice: no, issue: peace-plan, yes_means: condemns }
        """);

    /// <summary>Pieces of regular expressions, including every construct NonBacktracking refuses and some that do not parse.</summary>
    private static readonly Gen<string> RegexAtom = Gen.OneOf(
        Gen.Const("a"), Gen.Const("b"), Gen.Const("."), Gen.Const("\\d"), Gen.Const("[a-z]"), Gen.Const("[^a]"), Gen.Const("\\w+"),
        Gen.Const("(a|b)"), Gen.Const("(?:ab)"), Gen.Const("^"), Gen.Const("$"), Gen.Const("\\b"), Gen.Const("\\p{L}"), Gen.Const("(?i)"),
        Gen.Const("*"), Gen.Const("+"), Gen.Const("?"), Gen.Const("{2}"), Gen.Const("{2,5}"), Gen.Const("{1000}"), Gen.Const("{2,1}"), Gen.Const("*?"),
        Gen.Const("(?=a)"), Gen.Const("(?!a)"), Gen.Const("(?<=a)"), Gen.Const("(?<!a)"), Gen.Const("(a)\\1"), Gen.Const("(?<x>a)\\k<x>"),
        Gen.Const("(?>a+)"), Gen.Const("(?(a)b|c)"), Gen.Const("\\G"), Gen.Const("(a{100}){100}"),
        Gen.Const("("), Gen.Const(")"), Gen.Const("["), Gen.Const("\\"), Gen.Const("{"), Gen.Const("|"), Gen.Const("\\u12"), Gen.Const("'"), Gen.Const("é"));

    private static readonly Gen<string> RandomRegex = RegexAtom.Array[1, 8].Select(atoms => string.Concat(atoms));

    private sealed record PatternSpec(string Type, int Join, bool Regex, string Pattern, string Name);

    private sealed record RuleSpec(PatternSpec[] When, bool Assert, string Name, int IssueFrom);

    private static readonly Gen<PatternSpec> PatternGen =
        Gen.Select(Gen.OneOf("statement", "claim", "claim", "vote"), Gen.Int[0, 3], Gen.Int[0, 5], RandomRegex, Gen.OneOf("seed", "joined", "other"))
            .Select((type, join, regex, pattern, name) => new PatternSpec(type, join, regex == 0, pattern, name));

    private static readonly Gen<RuleSpec> RuleGen =
        Gen.Select(PatternGen.Array[1, 3], Gen.Int[0, 4], Gen.OneOf("seed", "joined", "other"), Gen.Int[0, 2])
            .Select((when, kind, name, issueFrom) => new RuleSpec(when, kind > 0, name, issueFrom));

    private static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>A rule file: each pattern may test a field with a random regex, join on an earlier pattern's issue, or match a claim's name.</summary>
    private static string RuleFile(RuleSpec[] rules)
    {
        var text = new System.Text.StringBuilder("rules:\n");
        for (var r = 0; r < rules.Length; r++)
        {
            var rule = rules[r];
            text.Append("  - id: rule-").Append(r).Append("\n    when:\n");
            for (var p = 0; p < rule.When.Length; p++)
            {
                var pattern = rule.When[p];
                var conditions = new List<string>();
                if (pattern.Regex)
                {
                    conditions.Add($"{(pattern.Type == "vote" ? "actor" : pattern.Type == "claim" ? "target" : "evidence")}: {{ matches: {Quote(pattern.Pattern)} }}");
                }

                if (p > 0 && pattern.Join > 0)
                {
                    conditions.Add($"issue: $p{pattern.Join % p}.issue");
                }

                if (pattern.Type == "claim" && pattern.Join == 3)
                {
                    conditions.Add($"name: {pattern.Name}");
                }

                text.Append("      - ").Append(pattern.Type).Append(" as p").Append(p).Append(": { ").Append(string.Join(", ", conditions)).Append(" }\n");
            }

            var issueFrom = Math.Min(rule.IssueFrom, rule.When.Length - 1);
            text.Append(rule.Assert
                ? $"    then: {{ assert: {{ claim: {{ name: {rule.Name}, issue: $p{issueFrom}.issue }} }} }}\n"
                : "    then: { stance: supports, issue: peace-plan }\n");
        }

        return text.ToString();
    }

    private static string Outcome(StanceEngine engine)
    {
        try
        {
            return Matching.IndexedMatcherDifferentialTests.Describe(engine.Infer(Article));
        }
        catch (InferenceLimitException e)
        {
            return "limit " + e.Limit;
        }
    }

    [Fact]
    public void RandomRegexesAndChainingRules_LoadOrGiveDiagnostics_AndInferWithinTheLimits()
    {
        long shown = 0;
        long cases = 0, compiled = 0, rejected = 0, regexDiagnostics = 0, reports = 0, stoppedByMatches = 0, stoppedByFirings = 0, stoppedByBytes = 0;
        var clock = Stopwatch.StartNew();
        RuleGen.Array[1, 5].Sample(
            rules =>
            {
                Interlocked.Increment(ref cases);
                var yaml = RuleFile(rules);
                var task = Task.Run(() =>
                {
                    StanceEngine engine;
                    try
                    {
                        engine = StanceEngine.FromYaml([new("knowledge.yaml", Knowledge), new("fuzz.yaml", yaml)], Options);
                    }
                    catch (StanceRulesException e)
                    {
                        Interlocked.Increment(ref rejected);
                        Assert.NotEmpty(e.Diagnostics);
                        Assert.All(e.Diagnostics, d => Assert.True(d.Location.Line >= 1 && d.Location.Column >= 1 && d.Code.StartsWith("SR", StringComparison.Ordinal), d.ToString()));
                        if (e.Diagnostics.Any(d => d.Code == DiagnosticCodes.InvalidRegex))
                        {
                            Interlocked.Increment(ref regexDiagnostics);
                        }
                        else if (Interlocked.Increment(ref shown) <= 3)
                        {
                            output.WriteLine(string.Join("\n", e.Diagnostics) + "\n" + yaml);
                        }

                        return;
                    }

                    Interlocked.Increment(ref compiled);

                    // The same rules with every rule in NRules: the indexed matcher must agree with it.
                    var reference = StanceEngine.FromYaml([new("knowledge.yaml", Knowledge), new("fuzz.yaml", yaml)], Options with { Matching = RuleMatching.Reference });
                    var expected = Outcome(reference);
                    try
                    {
                        var report = engine.Infer(Article);
                        Assert.Equal(expected, Matching.IndexedMatcherDifferentialTests.Describe(report));
                        Interlocked.Increment(ref reports);
                    }
                    catch (InferenceLimitException e)
                    {
                        Assert.NotEmpty(e.Rules);
                        Assert.Subset(engine.RuleIds.ToHashSet(StringComparer.Ordinal), e.Rules.ToHashSet(StringComparer.Ordinal));
                        Assert.Equal(expected, "limit " + e.Limit);
                        Interlocked.Increment(ref e.Limit == nameof(StanceLimits.MaxRuleMatches) ? ref stoppedByMatches : ref e.Limit == nameof(StanceLimits.MaxInferenceBytes) ? ref stoppedByBytes : ref stoppedByFirings);
                    }
                });
                Assert.True(task.Wait(CaseTimeout), $"a case took longer than {CaseTimeout}:\n{yaml}");
                task.GetAwaiter().GetResult();
            },
            iter: Iterations);
        output.WriteLine($"rule fuzz: {cases} cases in {clock.Elapsed.TotalSeconds:0.0} s: {compiled} compiled ({reports} reports, {stoppedByMatches} stopped at MaxRuleMatches, {stoppedByFirings} at MaxRuleFirings, {stoppedByBytes} at MaxInferenceBytes), {rejected} rejected with diagnostics ({regexDiagnostics} with SR2012); 0 other exceptions");
        Assert.True(regexDiagnostics > 0 && reports > 0, "the generators should reach both outcomes");
    }
}
