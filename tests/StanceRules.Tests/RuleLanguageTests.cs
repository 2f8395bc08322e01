namespace StanceRules.Tests;

/// <summary>Each construct of the YAML rule language, compiled and run on facts built in code.</summary>
public class RuleLanguageTests
{
    private static StanceReport Run(string rules, params Fact[] facts) =>
        Repo.EngineWithRules(rules).Infer(new ArticleFacts("t", facts));

    private static (string, string, Stance)[] Rows(StanceReport report) =>
        report.Stances.Select(s => (s.Country, s.Issue, s.Stance)).ToArray();

    [Fact]
    public void FieldEquality_IgnoresCase_AndDefaultsCountryAndIssueFromTheFirstPattern()
    {
        const string rules = """
            rules:
              - id: r
                when: [ statement: { act: WELCOME } ]
                then: { stance: supports }
            """;

        var report = Run(rules, new Statement { Actor = "Kremlin", Act = "welcome", Issue = "x" }, new Statement { Actor = "USA", Act = "reject", Issue = "x" });

        Assert.Equal([("RUS", "x", Stance.Supports)], Rows(report));
        Assert.Equal(1.0, report.Stances[0].Confidence);
    }

    [Fact]
    public void ListValue_MatchesAnyMember_AndNotInExcludes()
    {
        const string rules = """
            rules:
              - id: in-set
                when: [ statement: { act: [praise, hail] } ]
                then: { stance: supports }
              - id: not-in-set
                when: [ statement: { act: { not_in: [praise, hail] } } ]
                then: { stance: rejects }
            """;

        var report = Run(rules, new Statement { Actor = "France", Act = "hail", Issue = "a" }, new Statement { Actor = "Germany", Act = "shrug", Issue = "a" });

        Assert.Equal([("DEU", "a", Stance.Rejects), ("FRA", "a", Stance.Supports)], Rows(report));
    }

    [Fact]
    public void TextOperators_ContainsStartsWithEndsWithAndMatches()
    {
        const string rules = """
            rules:
              - id: contains
                when: [ statement: { target: { contains: "PEACE" } } ]
                then: { stance: supports, issue: contains }
              - id: starts
                when: [ statement: { target: { starts_with: china } } ]
                then: { stance: supports, issue: starts }
              - id: ends
                when: [ statement: { target: { ends_with: plan } } ]
                then: { stance: supports, issue: ends }
              - id: regex
                when: [ statement: { target: { matches: "^chin[a-z]+'s" } } ]
                then: { stance: supports, issue: regex }
              - id: absent
                when: [ statement: { evidence: { present: false } } ]
                then: { stance: supports, issue: absent }
            """;

        var report = Run(rules, new Statement { Actor = "Kremlin", Act = "welcome", Target = "China's peace plan" });

        Assert.Equal(["absent", "contains", "ends", "regex", "starts"], report.Stances.Select(s => s.Issue));
    }

    [Fact]
    public void NumericComparisons_CompareIntFieldsWithDecimalLiterals()
    {
        const string rules = """
            rules:
              - id: big
                when: [ protest: { size: { ge: 1000.5, lt: 5000 } } ]
                then: { stance: condemns }
              - id: signal-confidence
                when: [ signal as s: { confidence: { gt: 0.5 }, rule: big } ]
                then: { stance: rejects, confidence: 0.1, issue: derived }
            """;
        var options = new StanceEngineOptions { FactTypes = FactTypes.Default.With<Protest>("protest") };
        var engine = Repo.EngineWithRules(rules, options);

        var report = engine.Infer(new ArticleFacts("n", [
            new Protest { Actor = "France", Issue = "p", Size = 2000 },
            new Protest { Actor = "Spain", Issue = "p", Size = 1000 },
            new Protest { Actor = "Italy", Issue = "p", Size = 5000 },
        ]));

        Assert.Equal([("FRA", "derived", Stance.Rejects), ("FRA", "p", Stance.Condemns)], Rows(report));
        Assert.Equal(["big", "signal-confidence"], report.Stances[0].Rules);
    }

    [Fact]
    public void Join_TwoPatternsThroughBoundVariables_MatchOnlyTheSameCountry()
    {
        const string rules = """
            rules:
              - id: vote-and-words
                when:
                  - vote as v: { choice: abstain }
                  - statement as s: { country: $v.country, issue: $v.issue, family: condemns }
                then: { stance: condemns, confidence: 0.5 }
            """;

        var report = Run(
            rules,
            new Vote { Id = "v1", Actor = "India", Choice = VoteChoice.Abstain, Issue = "w" },
            new Vote { Id = "v2", Actor = "Brazil", Choice = VoteChoice.Abstain, Issue = "w" },
            new Statement { Id = "s1", Actor = "New Delhi", Act = "deplore", Issue = "w" },
            new Statement { Id = "s2", Actor = "Brazil", Act = "deplore", Issue = "other" });

        var row = Assert.Single(report.Stances);
        Assert.Equal(("IND", Stance.Condemns), (row.Country, row.Stance));
        Assert.Equal(["v1", "s1"], row.Facts);
    }

    [Fact]
    public void Not_BlocksTheRuleWhileAMatchingFactExists()
    {
        const string rules = """
            rules:
              - id: quiet
                when:
                  - statement as s: { family: abstains }
                  - not:
                      statement: { country: $s.country, family: condemns }
                then: { stance: abstains }
            """;

        var report = Run(
            rules,
            new Statement { Actor = "Kenya", Act = "refrain-from-criticizing", Issue = "w" },
            new Statement { Actor = "Egypt", Act = "refrain-from-criticizing", Issue = "w" },
            new Statement { Actor = "Egypt", Act = "condemn", Issue = "w" });

        Assert.Equal([("KEN", "w", Stance.Abstains)], Rows(report));
    }

    [Fact]
    public void Exists_RequiresAMatchWithoutBindingIt_AndFiresOnce()
    {
        const string rules = """
            rules:
              - id: backed-by-vote
                when:
                  - statement as s: { family: supports }
                  - exists:
                      - vote: { country: $s.country, choice: yes }
                then: { stance: supports }
            """;

        var report = Run(
            rules,
            new Statement { Actor = "Japan", Act = "welcome", Issue = "r" },
            new Vote { Actor = "Japan", Choice = VoteChoice.Yes, Issue = "r" },
            new Vote { Actor = "Tokyo", Choice = VoteChoice.Yes, Issue = "r" },
            new Statement { Actor = "Chile", Act = "welcome", Issue = "r" });

        var row = Assert.Single(report.Stances);
        Assert.Equal("JPN", row.Country);
        Assert.Single(row.Signals);
    }

    [Fact]
    public void Priority_BreaksAConfidenceTie()
    {
        const string rules = """
            rules:
              - id: low
                priority: 1
                when: [ statement: { act: welcome } ]
                then: { stance: supports, confidence: 0.7 }
              - id: high
                priority: 5
                when: [ statement: { act: welcome } ]
                then: { stance: rejects, confidence: 0.7 }
            """;

        var row = Assert.Single(Run(rules, new Statement { Actor = "Peru", Act = "welcome", Issue = "i" }).Stances);

        Assert.Equal((Stance.Rejects, DecisionStep.Priority), (row.Stance, row.DecidedBy));
        Assert.Equal("low", Assert.Single(row.Overruled).Rule);
    }

    [Fact]
    public void Assert_DerivedClaimsAreMatchedByOtherRules_AndCarryTheirSources()
    {
        const string rules = """
            rules:
              - id: step-1
                when: [ statement as s: { act: endorse } ]
                then:
                  assert: { claim: { name: endorsed, issue: $s.issue } }
              - id: step-2
                when: [ claim as c: { name: endorsed } ]
                then:
                  assert: { claim: { name: twice-derived, issue: $c.issue, stance: supports } }
              - id: step-3
                when: [ claim as c: { name: twice-derived } ]
                then: { stance: $c.stance, confidence: 0.9 }
            """;

        var row = Assert.Single(Run(rules, new Statement { Id = "e1", Actor = "Canada", Act = "endorse", Issue = "plan", Evidence = "Canada endorsed the plan." }).Stances);

        Assert.Equal(("CAN", "plan", Stance.Supports), (row.Country, row.Issue, row.Stance));
        Assert.Equal(["e1"], row.Facts);
        Assert.Equal(["Canada endorsed the plan."], row.Evidence);
        Assert.Equal(["step-1", "step-2", "step-3"], row.Rules);
    }

    [Fact]
    public void LinkedSignals_AreRetractedWhenADerivedFactInvalidatesTheirMatch()
    {
        // step-2 asserts a condemnation claim after quiet has fired; truth maintenance must
        // retract quiet's signal because its 'not' no longer holds.
        const string rules = """
            rules:
              - id: quiet
                priority: 10
                when:
                  - statement as s: { family: abstains }
                  - not:
                      claim: { country: $s.country, name: condemned }
                then: { stance: abstains }
              - id: step-2
                when: [ statement as s: { act: denounce } ]
                then:
                  assert: { claim: { name: condemned, issue: $s.issue } }
            """;

        var report = Run(
            rules,
            new Statement { Actor = "Ghana", Act = "stay-neutral", Issue = "w" },
            new Statement { Actor = "Ghana", Act = "denounce", Issue = "w" });

        Assert.Empty(report.Stances);
    }

    [Fact]
    public void Hedging_HalvesConfidence_AndNegationFollowsTheLexicon()
    {
        var report = StanceEngine.CreateDefault().Infer(new ArticleFacts("h", [
            new Statement { Actor = "Oslo", Act = "welcome", Hedged = true, Issue = "a" },
            new Statement { Actor = "Helsinki", Act = "condemn", Negated = true, Issue = "a" },
            new Statement { Actor = "Lisbon", Act = "recognize", Negated = true, Issue = "a" },
            new Statement { Actor = "Dublin", Act = "welcome", Negated = true, Issue = "a" },
        ]));

        Assert.Equal([("FIN", "a", Stance.Abstains), ("NOR", "a", Stance.Supports), ("PRT", "a", Stance.Rejects)], Rows(report));
        Assert.Equal(0.4, report.Find("NOR", "a")!.Confidence);
    }

    [Fact]
    public void VoteYes_TakesItsStanceFromYesMeans_AndGivesNoneWithoutIt()
    {
        var report = StanceEngine.CreateDefault().Infer(new ArticleFacts("v", [
            new Vote { Actor = "Mexico", Choice = VoteChoice.Yes, Issue = "r", YesMeans = Stance.Supports },
            new Vote { Actor = "Cuba", Choice = VoteChoice.Yes, Issue = "r" },
            new Vote { Actor = "Belarus", Choice = VoteChoice.No, Issue = "r" },
            new Vote { Actor = "Nepal", Choice = VoteChoice.NonVoting, Issue = "r" },
        ]));

        Assert.Equal([("BLR", "r", Stance.Rejects), ("MEX", "r", Stance.Supports)], Rows(report));
    }

    [Fact]
    public void SignalWithoutIssue_IsReportedAsUnresolved_NotLost()
    {
        var report = StanceEngine.CreateDefault().Infer(new ArticleFacts("u", [new Statement { Id = "s", Actor = "Kenya", Act = "condemn", Target = "something unheard of" }]));

        Assert.Empty(report.Stances);
        var unresolved = Assert.Single(report.Unresolved);
        Assert.Equal("s", unresolved.Fact);
        Assert.Contains("no issue", unresolved.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownAct_IsReportedAsUnresolved()
    {
        var report = StanceEngine.CreateDefault().Infer(new ArticleFacts("u", [new Statement { Id = "s", Actor = "Kenya", Act = "frobnicate", Issue = "x" }]));

        Assert.Contains("frobnicate", Assert.Single(report.Unresolved).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Infer_DoesNotChangeTheCallersFacts()
    {
        var statement = new Statement { Actor = "Kremlin", Act = "welcome", Target = "China's peace plan" };

        StanceEngine.CreateDefault().Infer(new ArticleFacts("c", [statement]));

        Assert.Null(statement.Country);
        Assert.Null(statement.Issue);
        Assert.Null(statement.Family);
    }

    [Fact]
    public void RunawayChaining_StopsAtTheFiringLimit_NamingTheRule()
    {
        const string rules = """
            rules:
              - id: echo
                when: [ claim as c: { name: echo } ]
                then:
                  assert: { claim: { name: echo, issue: $c.issue } }
              - id: start
                when: [ statement as s: { act: welcome } ]
                then:
                  assert: { claim: { name: echo, issue: $s.issue } }
            """;
        var engine = Repo.EngineWithRules(rules, new StanceEngineOptions { MaxRuleFirings = 500 });

        var error = Assert.Throws<InferenceLimitException>(() => engine.Infer(new ArticleFacts("loop", [new Statement { Actor = "Peru", Act = "welcome", Issue = "i" }])));

        Assert.Contains("echo", error.Rules);
    }

    [Fact]
    public void Infer_HonoursCancellation()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => StanceEngine.CreateDefault().Infer(ArticleFacts.Load(Repo.SeedFacts), cancelled.Token));
    }
}
