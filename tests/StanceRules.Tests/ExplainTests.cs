
namespace StanceRules.Tests;

/// <summary><c>stance explain</c> and <see cref="StanceEngine.Explain"/>: signals, the conflict policy's step, and failed conditions of absent stances.</summary>
public class ExplainTests
{
    private static readonly ArticleFacts Seed = ArticleFacts.Load(Repo.SeedFacts);


    [Fact]
    public void Explain_UkrainePeacePlan_ShowsTheRejectionWinningOverTheHedgedSupportByConfidence()
    {
        var explanation = StanceEngine.CreateDefault().Explain(Seed, "UKR", "china-peace-plan");
        var text = explanation.ToString();

        Assert.Equal(Stance.Rejects, explanation.Result?.Stance);
        Assert.Equal(DecisionStep.Confidence, explanation.Result?.DecidedBy);
        Assert.Equal([("statement-rejects", Stance.Rejects, 0.85), ("statement-supports", Stance.Supports, 0.4)], explanation.Signals.Select(s => (s.Rule, s.Stance, s.Confidence)));
        Assert.Empty(explanation.Candidates);
        Assert.Contains("Stance: rejects 0.85, decided by confidence", text, StringComparison.Ordinal);
        Assert.Matches(@"✓ rejects 0\.85  rule statement-rejects \(.*stances\.yaml:\d+:\d+\)", text);
        Assert.Contains("✗ supports 0.40  rule statement-supports", text, StringComparison.Ordinal);
        Assert.Contains("[overruled]", text, StringComparison.Ordinal);
        Assert.Contains("hedged fact: the rule's confidence 0.80 is halved to 0.40", text, StringComparison.Ordinal);
        Assert.Contains("\"Kyiv officials say they will not comply with their terms for a peace deal.\"", text, StringComparison.Ordinal);
        Assert.Contains("\"Ukrainian President Volodymyr Zelenskyy cautiously welcomed Beijing’s involvement\"", text, StringComparison.Ordinal);
        Assert.Contains("2. highest score wins: rejects 0.85 > supports 0.40  ← decided here (confidence)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_AbsentStance_ListsTheRulesThatCouldProduceItAndTheirFailedConditions()
    {
        var explanation = StanceEngine.CreateDefault().Explain(Seed, "India", "china-peace-plan", Stance.Supports);
        var text = explanation.ToString();

        Assert.Null(explanation.Result);
        Assert.False(explanation.IsAsExpected);
        Assert.Equal("IND", explanation.Country);
        // event-stance can emit any family ($e.family), so it is a candidate too; the article has no event fact.
        Assert.Equal(["event-stance", "statement-supports", "vote-yes"], explanation.Candidates.Select(c => c.Rule));
        var voteYes = explanation.Candidates[2];
        Assert.Equal("could be supports, depends on $v.yes_means (0.95)", voteYes.Produces);
        Assert.Contains(voteYes.FailedConditions, f => f is { Condition: "choice: yes", Fact: "f2", Detail: "choice = abstain" });
        Assert.Contains(voteYes.FailedConditions, f => f.Fact == "f2" && f.Condition.StartsWith("signal stance", StringComparison.Ordinal) && f.Detail == "would be condemns, not supports");
        Assert.Contains(voteYes.FailedConditions, f => f.Fact == "f2" && f.Detail == "would be russia-ukraine-war, not china-peace-plan");
        Assert.Contains("No stance: no rule emitted a signal for IND on china-peace-plan.", text, StringComparison.Ordinal);
        Assert.Contains("no statement of IND (", text, StringComparison.Ordinal);
        Assert.Contains("f2: choice: yes ✗ choice = abstain", text, StringComparison.Ordinal);
        Assert.Contains("Other stances of IND: russia-ukraine-war abstains 0.95", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_JoinCondition_SaysWhichBoundFactItWasEvaluatedWith()
    {
        // Russia condemns the warrant in this article only through a warning (no stance), so the
        // court rule's join finds its claim but no condemning statement.
        var article = new ArticleFacts("join", [
            new Statement { Id = "a", Actor = "Kremlin", Act = "recognize", Negated = true, Issue = "icc-jurisdiction" },
            new Statement { Id = "b", Actor = "Kremlin", Act = "warn", Issue = "icc-putin-warrant" },
            new Statement { Id = "c", Actor = "Berlin", Act = "criticize", Issue = "icc-putin-warrant" },
        ]);

        var explanation = StanceEngine.CreateDefault().Explain(article, "RUS", "icc-putin-warrant", Stance.Rejects);
        var text = explanation.ToString();

        var court = Assert.Single(explanation.Candidates, c => c.Rule == "denied-court-decision-rejected");
        Assert.False(court.Matched);
        Assert.Contains(court.FailedConditions, f => f is { Fact: "b", Condition: "family: condemns", Detail: "family = none" });
        Assert.Contains("✓ claim as c: claim denies-court-authority(a)", text, StringComparison.Ordinal);
        Assert.Contains("b (with c = claim denies-court-authority(a)): family: condemns ✗ family = none", text, StringComparison.Ordinal);
        Assert.Contains("country: $c.country ✗ country = DEU, $c.country = RUS (of claim denies-court-authority(a))", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_NotGroupThatMatched_NamesTheFactThatBlockedTheRule()
    {
        var article = new ArticleFacts("blocked", [
            new Statement { Id = "quiet", Actor = "Brazil", Act = "remain-neutral", Issue = "russia-ukraine-war" },
            new Statement { Id = "loud", Actor = "Lula", Act = "condemn", Issue = "russia-ukraine-war" },
        ]);

        var explanation = StanceEngine.CreateDefault().Explain(article, "BRA", "russia-ukraine-war", Stance.Abstains);
        var text = explanation.ToString();

        Assert.Equal(Stance.Condemns, explanation.Result?.Stance);
        Assert.Contains("Expected: abstains (found condemns instead)", text, StringComparison.Ordinal);
        Assert.Matches(@"✗ not statement \(.*stances\.yaml:\d+:\d+\) is contradicted by loud \(with s = quiet\)", text);
    }

    [Fact]
    public void Explain_ClaimNeverDerived_ProbesTheRuleThatDerivesIt()
    {
        var article = new ArticleFacts("no-claim", [
            new Statement { Id = "x", Actor = "Beijing", Act = "criticize", Issue = "icc-putin-warrant" },
        ]);

        var text = StanceEngine.CreateDefault().Explain(article, "CHN", "icc-putin-warrant", Stance.Rejects).ToString();

        Assert.Contains("claim facts are derived by court-authority-denied", text, StringComparison.Ordinal);
        Assert.Contains("x: act: [recognize, recognise] ✗ act = criticize; negated: true ✗ negated = false; issue: icc-jurisdiction ✗ issue = icc-putin-warrant", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_ExpectedStanceOverruled_SaysAtWhichStepItLost()
    {
        var explanation = StanceEngine.CreateDefault().Explain(Seed, "Ukraine", "china-peace-plan", Stance.Supports);

        Assert.False(explanation.IsAsExpected);
        Assert.Empty(explanation.Candidates);
        Assert.Contains("Why not supports: its signal was overruled at the confidence step (supports 0.40 against rejects 0.85).", explanation.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_PriorityAndPrecedence_AreNamedAsTheDecidingStep()
    {
        var tie = new ArticleFacts("tie", [
            new Statement { Actor = "Ankara", Act = "praise", Issue = "black-sea-grain-deal" },
            new Statement { Actor = "Ankara", Act = "criticize", Issue = "black-sea-grain-deal" },
        ]);

        var text = StanceEngine.CreateDefault().Explain(tie, "TUR", "black-sea-grain-deal").ToString();

        Assert.Contains("decided by precedence", text, StringComparison.Ordinal);
        Assert.Contains("2. scores tie at 0.80", text, StringComparison.Ordinal);
        Assert.Contains("4. precedence rejects > condemns > abstains > supports: condemns over supports  ← decided here (precedence)", text, StringComparison.Ordinal);
    }

#if STANCE_CLI // runs the stance CLI, which targets net10.0 only
    [Fact]
    public void ExplainCommand_Seed_PrintsTheExplanation()
    {
        var (exit, output, error) = StanceCli.Run("explain", Repo.SeedFacts, "--country", "UKR", "--issue", "china-peace-plan");

        Assert.Equal((0, ""), (exit, error));
        Assert.StartsWith("UKR / china-peace-plan in article xi-moscow-2023-03-21", output, StringComparison.Ordinal);
        Assert.Contains("decided here (confidence)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ExplainCommand_ExpectationNotMet_Exits1()
    {
        var (exit, output, _) = StanceCli.Run("explain", Repo.SeedFacts, "--country", "IND", "--issue", "china-peace-plan", "--expect", "supports", "--rules", Repo.Rules);

        Assert.Equal(1, exit);
        Assert.Contains("Rules that could have produced supports for IND on china-peace-plan:", output, StringComparison.Ordinal);
        Assert.Matches(@"vote-yes \(.*rules.stances\.yaml:\d+:\d+\): could be supports, depends on \$v\.yes_means", output);
    }

    [Theory]
    [InlineData("explain")]
    [InlineData("explain", "x.facts.yaml", "--country", "UKR")]
    [InlineData("explain", "x.facts.yaml", "--issue", "y")]
    [InlineData("explain", "/no/such.facts.yaml", "--country", "UKR", "--issue", "y", "--expect", "likes")]
    public void ExplainCommand_BadUsage_Exits2(params string[] args)
    {
        var (exit, _, error) = StanceCli.Run(args);

        Assert.Equal(2, exit);
        Assert.StartsWith("stance", error, StringComparison.Ordinal);
    }
#endif
}
