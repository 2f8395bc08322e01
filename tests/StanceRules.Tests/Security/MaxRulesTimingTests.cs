using System.Diagnostics;
using Xunit.Abstractions;

namespace StanceRules.Tests.Security;

/// <summary>Weak spot of issue 14: the most rules the default limit allows must load in seconds, not minutes.</summary>
public class MaxRulesTimingTests(ITestOutputHelper output)
{
    internal static string ManyRules(int count) => "rules:\n" + string.Concat(Enumerable.Range(0, count).Select(i =>
        $"  - {{ id: r{i}, when: [ statement as s: {{ act: [welcome, a{i}], negated: false, target: {{ contains: t{i} }} }} ], then: {{ stance: supports, confidence: 0.5 }} }}\n"));

    [Fact]
    public void ARuleSetAtTheDefaultMaxRules_CompilesInSeconds()
    {
        var rules = ManyRules(StanceLimits.Default.MaxRules);
        var clock = Stopwatch.StartNew();

        var engine = StanceEngine.FromYaml([.. Repo.KnowledgeFiles(), new("many.yaml", rules)]);

        clock.Stop();
        output.WriteLine($"{engine.RuleIds.Count} rules compiled in {clock.ElapsedMilliseconds} ms");
        Assert.Equal(StanceLimits.Default.MaxRules, engine.RuleIds.Count);
        Assert.InRange(clock.Elapsed.TotalSeconds, 0, 60); // a few seconds on a quiet machine; CI shares its cores
    }

    [Fact]
    public void OneRuleMoreThanTheDefault_IsRefusedBeforeCompiling()
    {
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<StanceRulesException>(() => StanceEngine.FromYaml([new("many.yaml", ManyRules(StanceLimits.Default.MaxRules + 1))]));

        Assert.Equal(DiagnosticCodes.LimitExceeded, Assert.Single(error.Diagnostics).Code);
        Assert.InRange(clock.Elapsed.TotalSeconds, 0, 20);
    }
}
