using System.Diagnostics;
using Xunit.Abstractions;

namespace StanceRules.Tests.Security;

/// <summary>
/// Class 2 of issue 14: rules whose derived facts join each other grow working memory
/// combinatorially. <see cref="StanceLimits.MaxRuleMatches"/> stops them with
/// <see cref="InferenceLimitException"/> naming the rules, within a second and a few hundred MB.
/// The peak is the process's managed heap, so these run alone (other tests' allocations made it
/// cross the limit under load).
/// </summary>
[Collection(nameof(ProcessWideState))]
public class RunawayChainingTests(ITestOutputHelper output)
{
    private const string OneStatement = "article: { id: one }\nfacts:\n  - { id: f1, type: statement, actor: China, act: welcome, issue: x }\n";

    /// <summary>The issue's example: a claim from any statement, and a claim from any two claims.</summary>
    private const string ClaimFromTwoClaims = """
        rules:
          - id: seed-claim
            when: [ statement as s: {} ]
            then: { assert: { claim: { name: seed, issue: $s.issue } } }
          - id: join-claims
            when: [ claim as a: {}, claim as b: {} ]
            then: { assert: { claim: { name: joined, issue: $a.issue } } }
        """;

    internal static (InferenceLimitException Error, long Milliseconds, long PeakMegabytes) RunAway(string rules, string facts = OneStatement, StanceLimits? limits = null)
    {
        var engine = StanceEngine.FromYaml([.. Repo.KnowledgeFiles(), new("runaway.yaml", rules)], new StanceEngineOptions { Limits = limits ?? StanceLimits.Default });
        var article = ArticleFacts.Parse(facts);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        long peak = before;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                await Task.Delay(5).ConfigureAwait(false);
            }
        });
        var clock = Stopwatch.StartNew();
        var error = Assert.Throws<InferenceLimitException>(() => engine.Infer(article));
        clock.Stop();
        peak = Math.Max(peak, GC.GetTotalMemory(false));
        sampling.Cancel();
        sampler.Wait();
        return (error, clock.ElapsedMilliseconds, (peak - before) / (1024 * 1024));
    }

    [Fact]
    public void ClaimsJoiningClaims_StopAtTheMatchLimit_WithinASecondAndAFewHundredMegabytes()
    {
        var (error, ms, mb) = RunAway(ClaimFromTwoClaims);
        output.WriteLine($"claim x claim: stopped after {ms} ms, peak +{mb} MB managed heap: {error.Message}");

        Assert.Equal(nameof(StanceLimits.MaxRuleMatches), error.Limit);
        Assert.Equal("join-claims", error.Rules[0]);
        Assert.Contains("StanceLimits.MaxRuleMatches", error.Message, StringComparison.Ordinal);
        Assert.InRange(ms, 0, 20_000); // about a second on a quiet machine; CI and this test's neighbours share its cores
        Assert.InRange(mb, 0, 200);
    }

    [Theory]
    [InlineData("a claim joined with every statement and claim", """
        rules:
          - id: grow
            when: [ statement as s: {}, claim as c: {} ]
            then: { assert: { claim: { name: grown, issue: $s.issue } } }
          - id: start
            when: [ statement as s: {} ]
            then: { assert: { claim: { name: start, issue: $s.issue } } }
          - id: square
            when: [ claim as a: {}, claim as b: {} ]
            then: { assert: { claim: { name: squared, issue: $b.issue } } }
        """, "square")]
    [InlineData("three claims joined", """
        rules:
          - id: start
            when: [ statement as s: {} ]
            then: { assert: { claim: { name: start, issue: $s.issue } } }
          - id: cube
            when: [ claim as a: {}, claim as b: {}, claim as c: {} ]
            then: { assert: { claim: { name: cubed, issue: $c.issue } } }
        """, "cube")]
    [InlineData("claims joined by a condition that always holds", """
        rules:
          - id: start
            when: [ statement as s: {} ]
            then: { assert: { claim: { name: start, issue: $s.issue } } }
          - id: same-issue
            when: [ claim as a: {}, claim as b: { issue: $a.issue } ]
            then: { assert: { claim: { name: again, issue: $b.issue } } }
        """, "same-issue")]
    public void OtherCombinatorialChains_StopAtTheMatchLimit_NamingTheRule(string what, string rules, string rule)
    {
        var (error, ms, mb) = RunAway(rules, limits: new StanceLimits { MaxRuleMatches = 50_000 });
        output.WriteLine($"{what}: stopped after {ms} ms, peak +{mb} MB: {error.Message}");

        Assert.Equal(nameof(StanceLimits.MaxRuleMatches), error.Limit);
        Assert.Contains(rule, error.Rules);
        Assert.InRange(mb, 0, 400);
    }

    /// <summary>Found by the rule fuzzer: claims pair up in a rule whose last pattern never matches, so the pairs make no match, only memory.</summary>
    [Fact]
    public void PartialJoinsThatNeverCompleteARule_StopAtTheMemoryLimit()
    {
        const string rules = """
            rules:
              - id: more-claims
                when: [ statement as s: {}, claim as c: { issue: $s.issue } ]
                then: { assert: { claim: { name: more, issue: $s.issue } } }
              - id: start
                when: [ statement as s: {} ]
                then: { assert: { claim: { name: start, issue: $s.issue } } }
              - id: pairs-of-claims
                when: [ claim as a: {}, claim as b: { issue: $a.issue }, claim as c: { name: never-asserted } ]
                then: { stance: supports }
            """;

        var (error, ms, mb) = RunAway(rules);
        output.WriteLine($"partial joins: stopped after {ms} ms, peak +{mb} MB: {error.Message}");

        Assert.Equal(nameof(StanceLimits.MaxInferenceBytes), error.Limit);
        Assert.Contains("more-claims", error.Rules);
        Assert.InRange(mb, 0, 400);
    }

    [Fact]
    public void ALowerMatchLimit_StopsSooner_AndNamesTheLimitAndItsValue()
    {
        var (error, _, _) = RunAway(ClaimFromTwoClaims, limits: new StanceLimits { MaxRuleMatches = 1_000 });

        // One input fact: the limit plus its allowance of 10.
        Assert.Contains("stopped at 1010 rule matches (StanceLimits.MaxRuleMatches, plus 10 per input fact)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALinearChain_StillStopsAtTheFiringLimit()
    {
        const string rules = """
            rules:
              - id: echo
                when: [ claim as c: {} ]
                then: { assert: { claim: { name: echo, issue: $c.issue } } }
              - id: start
                when: [ statement as s: {} ]
                then: { assert: { claim: { name: start, issue: $s.issue } } }
            """;
        var engine = StanceEngine.FromYaml([.. Repo.KnowledgeFiles(), new("chain.yaml", rules)], new StanceEngineOptions { MaxRuleFirings = 500 });

        var error = Assert.Throws<InferenceLimitException>(() => engine.Infer(ArticleFacts.Parse(OneStatement)));

        Assert.Equal(nameof(StanceEngineOptions.MaxRuleFirings), error.Limit);
        Assert.Contains("echo", error.Rules);
    }

    [Fact]
    public void TheDefaultRules_OnABigDocument_StayFarBelowTheMatchLimit()
    {
        var facts = "article: { id: big }\nfacts:\n" + string.Concat(Enumerable.Range(0, 20_000).Select(i =>
            $"  - {{ type: statement, actor: {(i % 3 == 0 ? "China" : i % 3 == 1 ? "Kremlin" : "India")}, act: {(i % 2 == 0 ? "welcome" : "reject")}, target: China's peace plan }}\n"));

        // No more than the allowance alone (10 per fact): a document of any size fits the default limit.
        var engine = StanceEngine.CreateDefault(new StanceEngineOptions { Limits = new StanceLimits { MaxRuleMatches = 1 } });

        var article = ArticleFacts.Parse(facts);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var report = engine.Infer(article);
        output.WriteLine($"20,000 statements with the default rules: {(GC.GetAllocatedBytesForCurrentThread() - before) >> 20} MB allocated");

        Assert.NotEmpty(report.Stances);
    }
}
