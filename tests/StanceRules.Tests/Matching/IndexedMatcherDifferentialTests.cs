using System.Text;
using StanceRules.Inference;
using StanceRules.Rules.Matching;
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

    /// <summary>The benchmarks' join-heavy rule set: two- and three-pattern joins, not, exists, three levels of claims.</summary>
    private static readonly string JoinHeavyRules = File.ReadAllText(Path.Combine(Repo.Root, "benchmarks", "StanceRules.Benchmarks", "Workloads", "join-heavy.yaml"));

    /// <summary>The default rules' ICC chain, with a rule that tests the absence of its claim: the chain must stay in NRules.</summary>
    private const string GatedRules = """
        rules:
          - id: statement-supports
            when:
              - statement: { family: supports }
            then: { stance: supports, confidence: 0.8 }
          - id: court-authority-denied
            when:
              - statement: { act: [recognize, recognise], negated: true, issue: icc-jurisdiction }
            then:
              assert: { claim: { name: denies-court-authority, issue: icc-jurisdiction } }
          - id: denied-court-decision-rejected
            priority: 10
            when:
              - claim as c: { name: denies-court-authority }
              - statement as s: { country: $c.country, family: condemns, issue: { starts_with: icc-, ne: icc-jurisdiction } }
            then: { stance: rejects, confidence: 0.9, issue: $s.issue }
          - id: condemns-unless-denied
            when:
              - statement as s: { family: condemns }
              - not:
                  claim: { name: denies-court-authority, country: $s.country }
            then: { stance: condemns, confidence: 0.7 }
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
        var plan = Repo.EngineWithRules(MixedRules).RuleSet.Plan;

        Assert.Equal(
            ["welcome-or-endorse", "condemn-text-key", "family-none", "family-in", "hedged-scan", "any-vote-scan", "vote-not-yes", "vote-choice-in", "no-issue-unattributed", "abstain-unless-condemned"],
            plan.Indexed.Select(r => r.Id));
        Assert.Equal(["supported-then-voted", "claim-emits"], plan.Joined.Select(r => r.Id));
        Assert.Equal(["echo-strong-signals"], plan.Rete.Select(r => r.Id));
        Assert.True(plan.SignalsFeedRete);
    }

    [Fact]
    public void Default_rules_run_without_NRules_the_chain_through_a_claim_included()
    {
        var plan = Engines.Indexed.RuleSet.Plan;

        Assert.Equal(["event-stance", "statement-supports", "statement-condemns", "statement-rejects", "silence-is-abstention", "vote-yes", "vote-no", "vote-abstain"], plan.Indexed.Select(r => r.Id));
        Assert.Equal(["court-authority-denied", "denied-court-decision-rejected"], plan.Joined.Select(r => r.Id));
        Assert.Empty(plan.Rete);
        Assert.False(plan.SignalsFeedRete);
        Assert.True(Engines.Reference.RuleSet.Plan.AllRete);
    }

    [Fact]
    public void Reference_mode_is_the_plan_with_every_rule_in_Rete()
    {
        var plan = Engines.Indexed.RuleSet.Plan;
        var reference = Engines.Reference.RuleSet.Plan;

        Assert.Equal(MatchRoute.Indexed, plan.RouteOf("statement-supports"));
        Assert.Equal(MatchRoute.Joined, plan.RouteOf("court-authority-denied"));
        Assert.Equal(plan.Rules.Select(r => r.Id), reference.Rete.Select(r => r.Id));
        Assert.All(reference.Rules, r => Assert.Equal(MatchRoute.Rete, reference.RouteOf(r.Id)));
        Assert.Empty(reference.Indexed);
        Assert.Empty(reference.Joined);
        Assert.False(reference.SignalsFeedRete);
        Assert.StartsWith("event-stance: Indexed\nstatement-supports: Indexed\n", plan.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Join_heavy_rules_run_without_NRules_producers_before_consumers()
    {
        var plan = Repo.EngineWithRules(JoinHeavyRules).RuleSet.Plan;

        Assert.Empty(plan.Rete);
        Assert.Equal(["unopposed-support", "silent-abstention"], plan.Indexed.Select(r => r.Id));
        Assert.Equal(
            ["support-then-no-vote", "corroborated-condemnation", "disapproval", "approval", "mixed-signals", "ambivalence-abstains", "disapproval-with-yes-vote"],
            plan.Joined.Select(r => r.Id));
    }

    [Fact]
    public void Join_heavy_rules_give_the_same_reports_in_both_modes_over_a_synthetic_corpus()
    {
        var indexed = Repo.EngineWithRules(JoinHeavyRules);
        var reference = Repo.EngineWithRules(JoinHeavyRules, Reference);

        var rules = AssertSameReports(indexed, reference, SyntheticArticles(400));

        // Every kind of join the rules have fired somewhere: two and three patterns, not, and the claim chain.
        Assert.Superset(new HashSet<string>(["support-then-no-vote", "unopposed-support", "silent-abstention", "ambivalence-abstains"]), rules);
    }

    [Fact]
    public void Join_heavy_rules_explain_the_same_in_both_modes()
    {
        var indexed = Repo.EngineWithRules(JoinHeavyRules);
        var reference = Repo.EngineWithRules(JoinHeavyRules, Reference);
        var explained = 0;
        foreach (var article in SyntheticArticles(40))
        {
            var report = reference.Infer(article);
            var asked = report.Stances.Select(s => (s.Country, s.Issue)).Take(3).Append(("CHN", "russia-ukraine-war"));
            foreach (var (country, issue) in asked)
            {
                foreach (var expected in new Stance?[] { null, Stance.Condemns })
                {
                    Assert.Equal(reference.Explain(article, country, issue, expected).ToString(), indexed.Explain(article, country, issue, expected).ToString());
                    explained++;
                }
            }
        }

        Assert.True(explained > 100, $"{explained} explanations compared");
    }

    [Fact]
    public void A_fact_type_some_rule_tests_the_absence_of_keeps_its_producers_and_consumers_in_NRules()
    {
        var plan = Repo.EngineWithRules(GatedRules).RuleSet.Plan;

        Assert.Equal(["court-authority-denied", "denied-court-decision-rejected", "condemns-unless-denied"], plan.Rete.Select(r => r.Id));
        Assert.Equal(["statement-supports"], plan.Indexed.Select(r => r.Id));
        Assert.Empty(plan.Joined);
    }

    [Fact]
    public void Rules_that_assert_each_others_facts_in_a_loop_stay_in_NRules()
    {
        const string loop = """
            rules:
              - id: ping
                when:
                  - claim as c: { name: ping }
                then:
                  assert: { claim: { name: pong, issue: $c.issue } }
              - id: pong
                when:
                  - claim as c: { name: pong }
                  - statement as s: { country: $c.country }
                then:
                  assert: { claim: { name: ping, issue: $s.issue } }
              - id: seed
                when:
                  - statement as s: { family: supports }
                then:
                  assert: { claim: { name: ping, issue: $s.issue } }
              - id: emit
                when:
                  - statement: { family: condemns }
                then: { stance: condemns }
            """;
        var plan = Repo.EngineWithRules(loop).RuleSet.Plan;

        Assert.Equal(["ping", "pong", "seed"], plan.Rete.Select(r => r.Id));
        Assert.Equal(["emit"], plan.Indexed.Select(r => r.Id));
    }

    [Fact]
    public void Gated_rules_give_the_same_reports_in_both_modes_over_a_synthetic_corpus()
    {
        AssertSameReports(Repo.EngineWithRules(GatedRules), Repo.EngineWithRules(GatedRules, Reference), SyntheticArticles(400));
    }

    [Theory]
    [InlineData(nameof(StanceEngineOptions.MaxRuleFirings))]
    [InlineData(nameof(StanceLimits.MaxRuleMatches))]
    public void An_article_past_a_budget_in_the_indexed_matcher_fails_exactly_as_in_reference_mode(string limit)
    {
        var options = limit == nameof(StanceLimits.MaxRuleMatches)
            ? new StanceEngineOptions { Limits = new StanceLimits { MaxRuleMatches = 1 } }
            : new StanceEngineOptions { MaxRuleFirings = 3 };
        // 60 condemnations and 60 welcomes of one issue by one country: 3,600 ambivalent claims.
        var facts = string.Concat(Enumerable.Range(1, 120).Select(i => $"  - {{ id: f{i}, type: statement, actor: France, act: {(i % 2 == 0 ? "condemn" : "welcome")}, issue: russia-ukraine-war }}\n"));
        var article = ArticleFacts.Parse("article: { id: many }\nfacts:\n" + facts);

        var expected = Assert.Throws<InferenceLimitException>(() => Repo.EngineWithRules(JoinHeavyRules, options with { Matching = RuleMatching.Reference }).Infer(article));
        var actual = Assert.Throws<InferenceLimitException>(() => Repo.EngineWithRules(JoinHeavyRules, options).Infer(article));

        Assert.Equal(limit, actual.Limit);
        Assert.Equal(expected.Message, actual.Message);
        Assert.Equal(expected.Rules, actual.Rules);
    }

    [Fact]
    public void An_article_no_NRules_rule_can_match_needs_no_session()
    {
        var engine = Repo.EngineWithRules(GatedRules);
        var reference = Repo.EngineWithRules(GatedRules, Reference);
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
        var plan = engine.RuleSet.Plan;

        // A condemnation of an ICC decision needs a denial of the court's authority (a derived claim) before it can match.
        Assert.False(plan.Gates.CanMatch(Resolved(engine, votesOnly)));
        Assert.True(plan.Gates.CanMatch(Resolved(engine, silence)));
        Assert.True(plan.Gates.CanMatch(Resolved(engine, court)));
        foreach (var article in new[] { votesOnly, silence, court })
        {
            Assert.Equal(Describe(reference.Infer(article)), Describe(engine.Infer(article)));
        }

        Assert.Equal(Stance.Rejects, engine.Infer(court).Find("USA", "icc-putin-warrant")!.Stance);
    }

    [Fact]
    public void Each_rule_is_filed_under_the_condition_whose_field_varies_most_across_the_rule_set()
    {
        var rules = "rules:\n" + string.Concat(new[] { "welcome", "condemn", "reject", "praise", "deplore" }.Select((act, i) =>
            $"  - id: r{i}\n    when:\n      - statement: {{ issue: {(i % 2 == 0 ? "china-peace-plan" : "russia-ukraine-war")}, act: {act} }}\n    then: {{ stance: supports }}\n"));

        var plan = Repo.EngineWithRules(rules).RuleSet.Plan;

        Assert.All(plan.Indexed, r => Assert.Equal("act", r.Key!.Field.Name));
    }

    [Fact]
    public void A_join_past_the_work_bound_is_redone_on_the_reference_path_with_the_same_report()
    {
        // 2,100 supports by one country and 2,100 no votes by another: 4.4 million candidate pairs, no match.
        var text = new StringBuilder("article: { id: wide }\nfacts:\n");
        for (var i = 0; i < 2100; i++)
        {
            text.Append("  - { id: s").Append(i).Append(", type: statement, actor: France, act: welcome, issue: russia-ukraine-war }\n");
            text.Append("  - { id: v").Append(i).Append(", type: vote, actor: Germany, choice: no, issue: russia-ukraine-war }\n");
        }

        var article = ArticleFacts.Parse(text.ToString());
        var engine = Repo.EngineWithRules(JoinHeavyRules);
        var produced = new List<object>();

        Assert.Equal(-1, engine.RuleSet.Matcher.Match(Resolved(engine, article), produced, null, int.MaxValue, CancellationToken.None));
        Assert.Equal(Describe(Repo.EngineWithRules(JoinHeavyRules, Reference).Infer(article)), Describe(engine.Infer(article)));
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
        var engine = Repo.EngineWithRules(GatedRules);

        Assert.Equal(["f1"], Resolved(engine, article).Where(engine.RuleSet.Plan.Gates.CanUse).Select(f => f.Id));
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

    [Theory]
    [InlineData("default")]
    [InlineData("mixed")]
    [InlineData("join-heavy")]
    [InlineData("gated")]
    public void Conditions_run_as_closures_give_the_same_reports_as_the_reference(string set)
    {
        var closures = new StanceEngineOptions { ConditionClosures = true };
        var rules = set switch
        {
            "mixed" => MixedRules,
            "join-heavy" => JoinHeavyRules,
            "gated" => GatedRules,
            _ => null,
        };
        var engine = rules is null ? StanceEngine.Load(Repo.Rules, closures) : Repo.EngineWithRules(rules, closures);
        var reference = rules is null ? Engines.Reference : Repo.EngineWithRules(rules, Reference);

        var fired = AssertSameReports(engine, reference, SyntheticArticles(400));

        Assert.NotEmpty(fired);
        Assert.NotEmpty(engine.RuleSet.Plan.Indexed);
    }

    [Fact]
    public void With_closures_the_indexed_matcher_compiles_no_expression_tree_and_with_trees_it_does()
    {
        var compiled = 0;
        var counting = new StanceEngineOptions
        {
            ExpressionCompiler = lambda =>
            {
                Interlocked.Increment(ref compiled);
                return lambda.Compile();
            },
        };
        var closures = StanceEngine.Load(Repo.Rules, counting with { ConditionClosures = true });
        var trees = StanceEngine.Load(Repo.Rules, counting with { ConditionClosures = false });
        var articles = SyntheticArticles(100).ToList();

        // The default rules run outside NRules entirely (plan.Rete is empty), so nothing else compiles.
        AssertSameReports(closures, Engines.Reference, articles);
        Assert.Equal(0, compiled);
        AssertSameReports(trees, Engines.Reference, articles);
        Assert.True(compiled > 10, $"{compiled} expressions compiled on the trees path");
    }

    /// <returns>The rules behind some signal.</returns>
    private static HashSet<string> AssertSameReports(StanceEngine indexed, StanceEngine reference, IEnumerable<ArticleFacts> articles)
    {
        var compared = 0;
        var signals = 0;
        var rules = new HashSet<string>(StringComparer.Ordinal);
        foreach (var article in articles)
        {
            var expected = reference.Infer(article);
            Assert.Equal(Describe(expected), Describe(indexed.Infer(article)));
            compared++;
            signals += expected.Stances.Sum(s => s.Signals.Count + s.Overruled.Count);
            rules.UnionWith(expected.Stances.SelectMany(s => s.Signals.Concat(s.Overruled)).SelectMany(s => s.Rules));
        }

        Assert.True(compared > 0 && signals > compared, $"{compared} articles, {signals} signals: the corpus must exercise the rules");
        return rules;
    }

    private static IEnumerable<ArticleFacts> SyntheticArticles(int count) =>
        SyntheticCorpus.Generate(count, malformedEvery: 0).Select(d => ArticleFacts.Parse(d.Text, d.Name));

    private static List<Fact> Resolved(StanceEngine engine, ArticleFacts article)
    {
        var trace = new InferenceTrace();
        _ = new Inferrer(engine.RuleSet, new StanceEngineOptions()).Run(article, CancellationToken.None, trace);
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
