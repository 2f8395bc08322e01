namespace StanceRules.Tests.Matching;

/// <summary>
/// The smallest rule sets on which the matchers once disagreed (issue 23), each compared in both
/// modes: the report and the explanation of every country and issue it names.
/// </summary>
public sealed class MatcherDivergenceCaseTests
{
    [Fact]
    public void An_input_claim_reaches_its_rule_when_the_rule_that_asserts_claims_cannot_match()
    {
        const string rules = """
            rules:
              - id: derive
                when: [ { claim: {} }, { vote: {} } ]
                then: { assert: { claim: { name: n1 } } }
              - id: from-claim
                when: [ { claim: {} } ]
                then: { stance: condemns, confidence: 0.4 }
            """;
        const string article = """
            article: { id: art }
            facts:
              - { type: claim, actor: Russia, name: n3, issue: iss-a }
            """;

        var report = ModeComparison.AssertSame(rules, article, ("RUS", "iss-a"));

        var stance = Assert.Single(report.Stances);
        Assert.Equal((Stance.Condemns, "from-claim"), (stance.Stance, Assert.Single(stance.Signals).Rule));
    }

    [Fact]
    public void A_boolean_field_joins_a_declared_boolean_field()
    {
        const string rules = """
            types:
              - name: speech
                fields: { televised: boolean }
            rules:
              - id: unlike-the-speech
                when:
                  - speech as sp: {}
                  - statement: { hedged: { ne: $sp.televised } }
                then: { stance: supports, confidence: 0.6 }
            """;
        const string article = """
            article: { id: art }
            facts:
              - { id: f1, type: speech, actor: France, televised: true, issue: iss-a }
              - { id: f2, type: statement, actor: France, act: welcome, issue: iss-a, hedged: false }
              - { id: f3, type: statement, actor: China, act: welcome, issue: iss-a, hedged: true }
            """;

        var report = ModeComparison.AssertSame(rules, article, ("FRA", "iss-a"), ("CHN", "iss-a"));

        var stance = Assert.Single(report.Stances);
        Assert.Equal(("FRA", Stance.Supports), (stance.Country, stance.Stance));
    }

    [Fact]
    public void A_stance_joins_a_missing_stance_as_a_value_that_differs_from_every_stance()
    {
        // signal.stance is never missing, claim.stance may be: the join compares them as nullable, never narrows the claim's.
        const string rules = """
            rules:
              - id: from-statement
                when: [ { statement: { act: welcome } } ]
                then: { stance: supports, confidence: 0.5 }
              - id: unlike-the-claim
                when:
                  - claim as c: {}
                  - signal: { stance: { ne: $c.stance }, rule: from-statement }
                then: { stance: abstains, confidence: 0.2 }
            """;
        const string article = """
            article: { id: art }
            facts:
              - { id: f1, type: claim, actor: France, name: n1, issue: iss-a }
              - { id: f2, type: statement, actor: France, act: welcome, issue: iss-a }
            """;

        var report = ModeComparison.AssertSame(rules, article, ("FRA", "iss-a"));

        Assert.Contains(report.Stances.SelectMany(s => s.Signals.Concat(s.Overruled)), s => s.Rule == "unlike-the-claim");
    }
}

/// <summary>One rule set and document through both matchers (the indexed one with its conditions as trees and as closures): reports and explanations must be the same text.</summary>
internal static class ModeComparison
{
    private static readonly StanceEngineOptions Reference = new() { Matching = RuleMatching.Reference };

    /// <returns>The indexed matcher's report.</returns>
    public static StanceReport AssertSame(string rules, string document, params (string Country, string Issue)[] asked)
    {
        var indexed = Repo.EngineWithRules(rules, new StanceEngineOptions { ConditionClosures = false });
        var closures = Repo.EngineWithRules(rules, new StanceEngineOptions { ConditionClosures = true });
        var reference = Repo.EngineWithRules(rules, Reference);
        var article = ArticleFacts.Parse(document, "case.facts.yaml", indexed.FactTypes);
        var report = indexed.Infer(article);

        var expected = IndexedMatcherDifferentialTests.Describe(reference.Infer(article));
        Assert.Equal(expected, IndexedMatcherDifferentialTests.Describe(report));
        Assert.Equal(expected, IndexedMatcherDifferentialTests.Describe(closures.Infer(article)));
        foreach (var (country, issue) in asked)
        {
            var explanation = reference.Explain(article, country, issue).ToString();
            Assert.Equal(explanation, indexed.Explain(article, country, issue).ToString());
            Assert.Equal(explanation, closures.Explain(article, country, issue).ToString());
        }

        return report;
    }
}
