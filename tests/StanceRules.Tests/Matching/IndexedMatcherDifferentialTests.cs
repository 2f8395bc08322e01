using System.Text;
using StanceRules.Inference;
using StanceRules.Testing.Corpus;

namespace StanceRules.Tests.Matching;

/// <summary>
/// The indexed matcher against the reference (every rule in NRules): the same documents through
/// both must give the same reports (stances, decisions, signals, overruled signals, unresolved
/// facts), the same explanations and the same rule-test results and coverage.
/// </summary>
public sealed class IndexedMatcherDifferentialTests
{
    private static readonly StanceEngineOptions Reference = new() { Matching = RuleMatching.Reference };

    /// <summary>
    /// Rules that exercise every way a rule can reach the indexed matcher or not: equality and
    /// membership keys (text, enum, boolean, null), scans (no hashable condition), every other
    /// operator as a residual test, field targets, joins, not/exists, assertion and rules over signals.
    /// </summary>
    private const string MixedRules = """
        rules:
          - id: welcome-or-endorse
            when:
              - statement: { act: [Welcome, endorse], negated: false }
            then: { stance: supports, confidence: 0.7 }
          - id: condemn-text-key
            when:
              - statement: { act: CONDEMN, issue: { ne: icc-jurisdiction } }
            then: { stance: condemns, confidence: 0.75 }
          - id: family-none
            when:
              - statement as s: { family: none, target: { present: true } }
            then: { stance: abstains, confidence: 0.3, issue: china-peace-plan }
          - id: family-in
            when:
              - statement: { family: [rejects, condemns], evidence: { matches: '[a-z]+' } }
            then: { stance: rejects, confidence: 0.55 }
          - id: hedged-scan
            when:
              - statement: { hedged: true }
            then: { stance: supports, confidence: 0.4 }
          - id: any-vote-scan
            when:
              - vote as v: { actor: { contains: a } }
            then: { stance: $v.yes_means, confidence: 0.9 }
          - id: vote-not-yes
            when:
              - vote: { choice: { ne: yes }, motion: { starts_with: A/ } }
            then: { stance: rejects, confidence: 0.6 }
          - id: vote-choice-in
            when:
              - vote: { choice: [no, abstain] }
            then: { stance: abstains, confidence: 0.5, country: UKR }
          - id: no-issue-unattributed
            when:
              - statement: { act: dismiss }
            then: { stance: rejects, confidence: 0.65 }
          - id: abstain-unless-condemned
            when:
              - statement as s: { family: abstains }
              - not:
                  statement: { country: $s.country, issue: $s.issue, family: condemns }
            then: { stance: abstains, confidence: 0.6 }
          - id: supported-then-voted
            when:
              - statement as s: { family: supports }
              - exists:
                  vote: { country: $s.country, choice: yes }
            then:
              assert: { claim: { name: backs-with-vote, issue: $s.issue } }
          - id: claim-emits
            when:
              - claim as c: { name: backs-with-vote }
            then: { stance: supports, confidence: 0.85 }
          - id: echo-strong-signals
            when:
              - signal as g: { confidence: { ge: 0.85 }, rule: { ne: echo-strong-signals } }
            then: { stance: $g.stance, confidence: 0.1, issue: $g.issue }
        """;

    public static TheoryData<string> DefaultDocuments()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo.Root, "seeds"), "*.facts.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(file);
        }

        foreach (var file in Directory.EnumerateFiles(Repo.Fixture("unga", "facts")).Order(StringComparer.Ordinal))
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DefaultDocuments))]
    public void Default_rules_give_the_same_report_in_both_modes(string document)
    {
        var article = ArticleFacts.Load(document);

        Assert.Equal(Describe(Engines.Reference.Infer(article)), Describe(Engines.Indexed.Infer(article)));
    }

    [Fact]
    public void Default_rules_give_the_same_reports_over_a_synthetic_corpus()
    {
        AssertSameReports(Engines.Indexed, Engines.Reference, SyntheticArticles(400));
    }

    [Fact]
    public void Mixed_rules_give_the_same_reports_over_a_synthetic_corpus()
    {
        var indexed = Repo.EngineWithRules(MixedRules);
        var reference = Repo.EngineWithRules(MixedRules, Reference);

        AssertSameReports(indexed, reference, SyntheticArticles(400));
    }

    [Fact]
    public void Mixed_rules_split_between_the_matchers_as_designed()
    {
        var indexed = Repo.EngineWithRules(MixedRules).RuleSet.Indexed!;

        Assert.Equal(
            ["welcome-or-endorse", "condemn-text-key", "family-none", "family-in", "hedged-scan", "any-vote-scan", "vote-not-yes", "vote-choice-in", "no-issue-unattributed", "abstain-unless-condemned"],
            indexed.Rules.Select(r => r.Id));
        Assert.Equal(["supported-then-voted", "claim-emits", "echo-strong-signals"], indexed.Rete.Select(r => r.Id));
        Assert.True(indexed.SignalsFeedRete);
    }

    [Fact]
    public void Default_rules_leave_assertion_and_chaining_to_NRules()
    {
        var indexed = Engines.Indexed.RuleSet.Indexed!;

        Assert.Equal(["statement-supports", "statement-condemns", "statement-rejects", "silence-is-abstention", "vote-yes", "vote-no", "vote-abstain"], indexed.Rules.Select(r => r.Id));
        Assert.Equal(["court-authority-denied", "denied-court-decision-rejected"], indexed.Rete.Select(r => r.Id));
        Assert.False(indexed.SignalsFeedRete);
        Assert.Null(Engines.Reference.RuleSet.Indexed);
    }

    [Fact]
    public void An_article_no_NRules_rule_can_match_needs_no_session()
    {
        var votesOnly = ArticleFacts.Parse("""
            article: { id: votes }
            facts:
              - { id: f1, type: vote, actor: France, choice: yes, issue: russia-ukraine-war, yes_means: condemns }
              - { id: f2, type: statement, actor: Germany, act: welcome, issue: china-peace-plan }
            """);
        var silence = ArticleFacts.Parse("""
            article: { id: silence }
            facts:
              - { id: f1, type: statement, actor: India, act: refrain-from-criticizing, issue: russia-ukraine-war }
              - { id: f2, type: statement, actor: India, act: condemn, issue: icc-putin-warrant }
            """);
        var court = ArticleFacts.Parse("""
            article: { id: court }
            facts:
              - { id: f1, type: statement, actor: United States, act: recognize, negated: true, issue: icc-jurisdiction }
              - { id: f2, type: statement, actor: United States, act: condemn, issue: icc-putin-warrant }
            """);
        var indexed = Engines.Indexed.RuleSet.Indexed!;

        // A condemnation of an ICC decision needs a denial of the court's authority (a derived claim) before it can match.
        Assert.False(indexed.ReteCanMatch(Resolved(votesOnly)));
        Assert.False(indexed.ReteCanMatch(Resolved(silence)));
        Assert.True(indexed.ReteCanMatch(Resolved(court)));
        foreach (var article in new[] { votesOnly, silence, court })
        {
            Assert.Equal(Describe(Engines.Reference.Infer(article)), Describe(Engines.Indexed.Infer(article)));
        }

        Assert.Equal(Stance.Rejects, Engines.Indexed.Infer(court).Find("USA", "icc-putin-warrant")!.Stance);
    }

    [Fact]
    public void Each_rule_is_filed_under_the_condition_whose_field_varies_most_across_the_rule_set()
    {
        var rules = "rules:\n" + string.Concat(new[] { "welcome", "condemn", "reject", "praise", "deplore" }.Select((act, i) =>
            $"  - id: r{i}\n    when:\n      - statement: {{ issue: {(i % 2 == 0 ? "china-peace-plan" : "russia-ukraine-war")}, act: {act} }}\n    then: {{ stance: supports }}\n"));

        var indexed = Repo.EngineWithRules(rules).RuleSet.Indexed!;

        Assert.All(indexed.Rules, r => Assert.Equal("act", r.Key!.Field.Name));
    }

    [Fact]
    public void Only_facts_a_Rete_rule_can_use_enter_the_session()
    {
        var article = ArticleFacts.Parse("""
            article: { id: court }
            facts:
              - { id: f1, type: statement, actor: United States, act: recognize, negated: true, issue: icc-jurisdiction }
              - { id: f2, type: statement, actor: United States, act: welcome, issue: china-peace-plan }
              - { id: f3, type: vote, actor: France, choice: yes, issue: russia-ukraine-war, yes_means: condemns }
            """);
        var indexed = Engines.Indexed.RuleSet.Indexed!;

        Assert.Equal(["f1"], Resolved(article).Where(indexed.ReteCanUse).Select(f => f.Id));
    }

    [Fact]
    public void Explanations_are_the_same_in_both_modes_for_every_stance_and_for_stances_not_inferred()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo.Root, "seeds"), "*.facts.yaml").Order(StringComparer.Ordinal))
        {
            var article = ArticleFacts.Load(file);
            var report = Engines.Reference.Infer(article);
            var asked = report.Stances.Select(s => (s.Country, s.Issue)).Take(12)
                .Append(("CHN", "icc-jurisdiction"))
                .Append(("USA", "china-peace-plan"));
            foreach (var (country, issue) in asked)
            {
                foreach (var expected in new Stance?[] { null, Stance.Rejects })
                {
                    Assert.Equal(
                        Engines.Reference.Explain(article, country, issue, expected).ToString(),
                        Engines.Indexed.Explain(article, country, issue, expected).ToString());
                }
            }
        }
    }

    [Fact]
    public void Rule_tests_and_their_coverage_are_the_same_in_both_modes()
    {
        var indexed = Engines.Indexed.RunTests(Repo.Rules);
        var reference = Engines.Reference.RunTests(Repo.Rules);

        Assert.Equal(reference.ToText(coverage: true), indexed.ToText(coverage: true));
        Assert.Contains("statement-supports", indexed.ToText(coverage: true), StringComparison.Ordinal);
    }

    private static void AssertSameReports(StanceEngine indexed, StanceEngine reference, IEnumerable<ArticleFacts> articles)
    {
        var compared = 0;
        var signals = 0;
        foreach (var article in articles)
        {
            var expected = reference.Infer(article);
            Assert.Equal(Describe(expected), Describe(indexed.Infer(article)));
            compared++;
            signals += expected.Stances.Sum(s => s.Signals.Count + s.Overruled.Count);
        }

        Assert.True(compared > 0 && signals > compared, $"{compared} articles, {signals} signals: the corpus must exercise the rules");
    }

    private static IEnumerable<ArticleFacts> SyntheticArticles(int count) =>
        SyntheticCorpus.Generate(count, malformedEvery: 0).Select(d => ArticleFacts.Parse(d.Text, d.Name));

    private static List<Fact> Resolved(ArticleFacts article)
    {
        var trace = new InferenceTrace();
        _ = new Inferrer(Engines.Indexed.RuleSet, new StanceEngineOptions()).Run(article, CancellationToken.None, trace);
        return trace.ResolvedFacts.ToList();
    }

    /// <summary>Everything a report holds, signals and overruled signals with their facts and rule chains included.</summary>
    internal static string Describe(StanceReport report)
    {
        var text = new StringBuilder(report.ToJson());
        foreach (var stance in report.Stances)
        {
            text.Append('\n').Append(stance.Country).Append(' ').Append(stance.Issue).Append(' ').Append(stance.DecidedBy);
            foreach (var (kind, list) in new[] { ("signal", stance.Signals), ("overruled", stance.Overruled) })
            {
                foreach (var s in list)
                {
                    text.Append("\n  ").Append(kind).Append(' ').Append(s.Stance).Append(' ').Append(s.Confidence.ToString("R", System.Globalization.CultureInfo.InvariantCulture))
                        .Append(' ').Append(s.Rule).Append(" [").AppendJoin(',', s.Rules).Append("] {").AppendJoin(',', s.SourceFacts.Select(f => f.Id + "@" + f.Country)).Append('}');
                }
            }
        }

        foreach (var u in report.Unresolved)
        {
            text.Append("\nunresolved ").Append(u.Fact).Append(' ').Append(u.Reason);
        }

        return text.ToString();
    }

    private static class Engines
    {
        public static readonly StanceEngine Indexed = StanceEngine.Load(Repo.Rules);
        public static readonly StanceEngine Reference = StanceEngine.Load(Repo.Rules, IndexedMatcherDifferentialTests.Reference);
    }
}
