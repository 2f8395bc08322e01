using System.Diagnostics;
using System.Text;
using Xunit.Abstractions;

namespace StanceRules.Tests.Matching;

/// <summary>
/// Random rule sets (<see cref="RandomRuleSets"/>), each run on random documents by the indexed
/// matcher twice, its conditions as expression trees and as closures (what NativeAOT runs), and by
/// the reference (every rule in NRules): the load outcome, every report (or the limit that stopped
/// it) and explanations must be the same text. A case is one rule set and one
/// document; CI runs <see cref="RuleSets"/> × <see cref="DocumentsPerRuleSet"/> of them.
/// </summary>
/// <remarks>
/// A divergence prints its seed, the rule file and the document. To rerun one seed:
/// <c>STANCE_MATCH_SEED=1234 dotnet test tests/StanceRules.Tests -f net10.0 --filter FullyQualifiedName~GeneratedDifferentialTests</c>;
/// for a longer run, <c>STANCE_MATCH_RULESETS=20000</c>, from another seed, <c>STANCE_MATCH_FIRST_SEED=100000</c>.
/// </remarks>
public sealed class GeneratedDifferentialTests(ITestOutputHelper output)
{
    private const int DocumentsPerRuleSet = 5;
    private static readonly int FirstSeed = int.TryParse(Environment.GetEnvironmentVariable("STANCE_MATCH_FIRST_SEED"), out var first) ? first : 23_000;

    private const int DefaultRuleSets = 1_100;

    private static readonly int RuleSets = int.TryParse(Environment.GetEnvironmentVariable("STANCE_MATCH_RULESETS"), out var n) ? n : DefaultRuleSets;

    [Fact]
    public void Random_rule_sets_give_the_same_reports_and_explanations_in_both_modes_and_with_closures()
    {
        var seeds = int.TryParse(Environment.GetEnvironmentVariable("STANCE_MATCH_SEED"), out var only)
            ? [only]
            : Enumerable.Range(FirstSeed, RuleSets).ToArray();
        var clock = Stopwatch.StartNew();
        var totals = new Totals();
        var divergences = new List<string>();
        foreach (var seed in seeds)
        {
            if (Run(seed, totals) is { } divergence)
            {
                divergences.Add(divergence);
            }
        }

        output.WriteLine($"generated differential: {seeds.Length} rule sets ({totals.Rejected} rejected by both), {totals.Cases} cases (rule set × document), {totals.Limits} stopped by a limit in both, {totals.Signals} signals, {totals.Explanations} explanations compared, {divergences.Count} divergent rule sets, {clock.Elapsed.TotalSeconds:0.0} s ({Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:0.0} s of CPU in the process), load {totals.Load.TotalSeconds:0.0} s, infer {totals.Infer.TotalSeconds:0.0} s, explain {totals.Explain.TotalSeconds:0.0} s");
        totals.Shown.ForEach(output.WriteLine);
        Assert.True(divergences.Count == 0, $"{divergences.Count} of {seeds.Length} rule sets diverge; the first:\n" + string.Join("\n\n", divergences.Take(3)));
        if (seeds.Length == DefaultRuleSets)
        {
            Assert.True(totals.Cases >= 5_000, $"{totals.Cases} cases");
            Assert.True(totals.Signals > totals.Cases / 4 && totals.Limits > 0 && totals.Explanations > totals.Cases, "the generator should reach signals, limits and explanations");
        }
    }

    /// <returns>Null when both modes agree on every document of the seed's rule set, else what differs, with the seed and the inputs.</returns>
    private static string? Run(int seed, Totals totals)
    {
        var generator = new RandomRuleSets(seed);
        var rules = generator.Rules();
        var clock = Stopwatch.StartNew();
        var indexed = Load(rules, generator.Options(RuleMatching.Indexed) with { ConditionClosures = false }, out var indexedError);
        var closures = Load(rules, generator.Options(RuleMatching.Indexed) with { ConditionClosures = true }, out var closuresError);
        var reference = Load(rules, generator.Options(RuleMatching.Reference), out var referenceError);
        totals.Load += clock.Elapsed;
        if (indexedError != referenceError || closuresError != referenceError)
        {
            return Divergence(seed, rules, "(load)", referenceError ?? "loaded", $"trees: {indexedError ?? "loaded"}\nclosures: {closuresError ?? "loaded"}");
        }

        if (indexed is null || closures is null || reference is null)
        {
            if (totals.Rejected++ < 2)
            {
                totals.Shown.Add($"seed {seed} rejected:\n{referenceError}\n{rules}");
            }

            return null;
        }

        for (var d = 0; d < DocumentsPerRuleSet; d++)
        {
            var document = generator.Document(d);
            var article = ArticleFacts.Parse(document, $"doc-{d}.facts.yaml", reference.FactTypes);
            totals.Cases++;
            clock.Restart();
            var expected = Outcome(reference, article, out var report);
            var actual = Outcome(indexed, article, out _);
            var closed = Outcome(closures, article, out _);
            totals.Infer += clock.Elapsed;
            if (expected != actual)
            {
                return Divergence(seed, rules, document, expected, actual);
            }

            if (expected != closed)
            {
                return Divergence(seed, rules, document, expected, "closures:\n" + closed);
            }

            if (report is null)
            {
                totals.Limits++;
                continue;
            }

            totals.Signals += report.Stances.Sum(s => s.Signals.Count + s.Overruled.Count);
            var asked = report.Stances.Select(s => (s.Country, s.Issue)).Take(2).Append(("RUS", "iss-a")).Distinct();
            foreach (var (country, issue) in asked)
            {
                clock.Restart();
                var reason = Explain(reference, article, country, issue);
                var given = Explain(indexed, article, country, issue);
                var closedGiven = Explain(closures, article, country, issue);
                totals.Explain += clock.Elapsed;
                totals.Explanations++;
                if (reason != given || reason != closedGiven)
                {
                    return Divergence(seed, rules, document, $"explain {country} {issue}:\n{reason}", $"explain {country} {issue}:\ntrees:\n{given}\nclosures:\n{closedGiven}");
                }
            }
        }

        return null;
    }

    private static StanceEngine? Load(string rules, StanceEngineOptions options, out string? error)
    {
        try
        {
            error = null;
            return StanceEngine.FromYaml([new("knowledge.yaml", RandomRuleSets.Knowledge), new("generated.rules.yaml", rules)], options);
        }
        catch (StanceRulesException e)
        {
            error = string.Join("\n", e.Diagnostics);
            return null;
        }
    }

    private static string Outcome(StanceEngine engine, ArticleFacts article, out StanceReport? report)
    {
        try
        {
            report = engine.Infer(article);
            return IndexedMatcherDifferentialTests.Describe(report);
        }
        catch (InferenceLimitException e)
        {
            report = null;
            return $"limit {e.Limit}: {e.Message} [{string.Join(',', e.Rules)}]";
        }
    }

    private static string Explain(StanceEngine engine, ArticleFacts article, string country, string issue)
    {
        try
        {
            return engine.Explain(article, country, issue).ToString();
        }
        catch (InferenceLimitException e)
        {
            return "limit " + e.Limit;
        }
    }

    private static string Divergence(int seed, string rules, string document, string expected, string actual) => new StringBuilder()
        .Append("seed ").Append(seed).Append(" (STANCE_MATCH_SEED=").Append(seed).Append(")\n--- rules\n").Append(rules)
        .Append("--- document\n").Append(document)
        .Append("--- reference\n").Append(expected).Append("\n--- indexed\n").Append(actual).ToString();

    private sealed class Totals
    {
        public int Cases { get; set; }

        public int Rejected { get; set; }

        public int Limits { get; set; }

        public int Signals { get; set; }

        public int Explanations { get; set; }

        public TimeSpan Load { get; set; }

        public TimeSpan Infer { get; set; }

        public TimeSpan Explain { get; set; }

        /// <summary>The first rule sets both modes rejected, with their diagnostics (the generator should rarely write one).</summary>
        public List<string> Shown { get; } = [];
    }
}
