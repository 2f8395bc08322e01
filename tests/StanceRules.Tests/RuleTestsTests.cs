
namespace StanceRules.Tests;

/// <summary>Rule tests (<c>*.tests.yaml</c>): the default rules' own tests, diffs, coverage, and errors in test files.</summary>
public class RuleTestsTests
{

    /// <summary>A copy of rules/ and seeds/ side by side (the tests name ../seeds/...), changed by <paramref name="edit"/>.</summary>
    private static string CopyRules(Action<string>? edit = null)
    {
        var root = Directory.CreateTempSubdirectory("stance-rule-tests-").FullName;
        var rules = Directory.CreateDirectory(Path.Combine(root, "rules")).FullName;
        var seeds = Directory.CreateDirectory(Path.Combine(root, "seeds")).FullName;
        foreach (var file in Directory.GetFiles(Repo.Rules, "*.yaml"))
        {
            File.Copy(file, Path.Combine(rules, Path.GetFileName(file)));
        }

        File.Copy(Repo.SeedFacts, Path.Combine(seeds, Path.GetFileName(Repo.SeedFacts)));
        edit?.Invoke(rules);
        return rules;
    }

    private static void Replace(string file, string old, string replacement)
    {
        var text = File.ReadAllText(file);
        Assert.Contains(old, text, StringComparison.Ordinal);
        File.WriteAllText(file, text.Replace(old, replacement, StringComparison.Ordinal));
    }

    [Fact]
    public void DefaultRules_TheirTestsPass_WithEveryRuleCovered()
    {
        var report = StanceEngine.Load(Repo.Rules).RunTests(Repo.Rules);

        Assert.True(report.Succeeded, report.ToText(coverage: true));
        Assert.Equal(1.0, report.CoverageFraction);
        Assert.Empty(report.RulesNeverFired);
        Assert.Equal(StanceEngine.CreateDefault().RuleIds, report.RulesFired);
        Assert.True(report.Results.Count >= 10);
    }

    [Fact]
    public void CoverageFraction_IsTheShareOfRulesFiredFrom0To1_SoThePercentFormatShowsIt()
    {
        var report = StanceEngine.Load(Repo.Rules).RunTests(Repo.Rules, name => name == "a welcome supports");

        Assert.Equal((double)report.RulesFired.Count / (report.RulesFired.Count + report.RulesNeverFired.Count), report.CoverageFraction);
        Assert.InRange(report.CoverageFraction, 0.01, 0.99);
        Assert.Equal(["a welcome supports"], report.Results.Select(r => r.Name));
        Assert.Matches(@"^\d{1,2}\.\d %$", report.CoverageFraction.ToString("P1", System.Globalization.CultureInfo.InvariantCulture));
    }

#if STANCE_CLI // runs the stance CLI, which targets net10.0 only
    [Fact]
    public void TestCommand_DefaultRulesWithCoverage_Exits0AndListsEveryRuleAsFired()
    {
        var (exit, output, error) = StanceCli.Run("test", Repo.Rules, "--coverage", "--threshold", "100");

        Assert.Equal((0, ""), (exit, error));
        Assert.Contains("Coverage: 10 of 10 rules fired in some case (100%)", output, StringComparison.Ordinal);
        Assert.Contains("never fired: none", output, StringComparison.Ordinal);
        Assert.Contains("coverage 100% meets the threshold 100%", output, StringComparison.Ordinal);
        Assert.Matches(@"\d+ cases: \d+ passed, 0 failed", output);
    }

    [Fact]
    public void TestCommand_WithNoFolder_RunsTheShippedTestsAgainstTheEmbeddedRules()
    {
        // The test process runs from its bin folder: no ./rules there, so the tests shipped beside the tool run.
        var (exit, output, _) = StanceCli.Run("test");

        Assert.Equal(0, exit);
        Assert.Contains("with the embedded default rules", output, StringComparison.Ordinal);
        Assert.Matches(@"\d+ cases: \d+ passed, 0 failed", output);
    }

    [Fact]
    public void BrokenRule_FailsWithADiffThatNamesTheRuleAndTheFailedCondition()
    {
        var rules = CopyRules(dir => Replace(Path.Combine(dir, "stances.yaml"), "- statement: { family: rejects }", "- statement: { family: abstains }"));
        try
        {
            var (exit, output, _) = StanceCli.Run("test", rules);

            Assert.Equal(1, exit);
            Assert.Contains("FAIL ", output, StringComparison.Ordinal);
            Assert.Contains("a dismissal rejects", output, StringComparison.Ordinal);
            Assert.Contains("  - expected: rejects ≥ 0.85 by rule statement-rejects", output, StringComparison.Ordinal);
            Assert.Contains("  + actual:   no stance", output, StringComparison.Ordinal);
            Assert.Matches(@"statement-rejects \(.*stances\.yaml:\d+:5\): emits rejects 0\.85", output);
            Assert.Contains("family: abstains ✗ family = rejects", output, StringComparison.Ordinal);
            // An actual stance is shown with the rule and the facts behind it.
            Assert.Contains("+ actual:   supports 0.40, decided by unanimous", output, StringComparison.Ordinal);
            Assert.Matches(@"✓ supports 0\.40 by statement-supports \(.*stances\.yaml:\d+:5\)", output);
            Assert.Contains("cautiously welcom", output, StringComparison.Ordinal);
            Assert.Matches(@"\d+ cases: \d+ passed, [1-9]\d* failed", output);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(rules)!, recursive: true);
        }
    }
#endif

    [Fact]
    public void AbsentStanceThatAppears_FailsWithTheRulesBehindIt()
    {
        var rules = CopyRules(dir => File.WriteAllText(Path.Combine(dir, "extra.tests.yaml"), """
            tests:
              - name: a welcome must not support
                facts:
                  - { id: w1, type: statement, actor: Kremlin, act: welcome, issue: china-peace-plan, evidence: The Kremlin has welcomed it }
                absent:
                  - { country: Russia, issue: china-peace-plan, stance: supports }
              - name: too little confidence
                facts:
                  - { type: statement, actor: Kremlin, act: welcome, hedged: true, issue: china-peace-plan }
                expect:
                  - { country: RUS, issue: china-peace-plan, stance: supports, min_confidence: 0.5 }
            """));
        try
        {
            var report = StanceEngine.Load(rules).RunTests(rules);

            Assert.False(report.Succeeded);
            var absent = Assert.Single(report.Results, r => r.Name == "a welcome must not support");
            Assert.False(absent.Passed);
            Assert.Contains("- expected: no supports", absent.Failure, StringComparison.Ordinal);
            Assert.Contains("+ actual:   supports 0.80", absent.Failure, StringComparison.Ordinal);
            Assert.Contains("by statement-supports", absent.Failure, StringComparison.Ordinal);
            Assert.Contains("The Kremlin has welcomed it", absent.Failure, StringComparison.Ordinal);
            var weak = Assert.Single(report.Results, r => r.Name == "too little confidence");
            Assert.Contains("- expected: supports ≥ 0.50", weak.Failure, StringComparison.Ordinal);
            Assert.Contains("+ actual:   supports 0.40", weak.Failure, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(rules)!, recursive: true);
        }
    }

#if STANCE_CLI // runs the stance CLI, which targets net10.0 only
    [Fact]
    public void Threshold_BelowCoverage_Exits1AndNamesTheRulesNeverFired()
    {
        var folder = Directory.CreateTempSubdirectory("stance-coverage-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(Repo.Rules, "*.yaml").Where(f => !f.EndsWith(".tests.yaml", StringComparison.Ordinal)))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }

            File.WriteAllText(Path.Combine(folder, "one.tests.yaml"), """
                tests:
                  - name: only a no vote
                    facts: [ { type: vote, actor: Belarus, choice: no, issue: russia-ukraine-war } ]
                    expect: [ { country: BLR, issue: russia-ukraine-war, stance: rejects } ]
                """);

            var (exit, output, _) = StanceCli.Run("test", folder, "--coverage", "--threshold", "50");

            Assert.Equal(1, exit);
            Assert.Contains("1 cases: 1 passed, 0 failed", output, StringComparison.Ordinal);
            Assert.Contains("Coverage: 1 of 10 rules fired in some case (10%)", output, StringComparison.Ordinal);
            Assert.Matches(@"\n  vote-no +fired in 1 case\n", output.ReplaceLineEndings("\n"));
            Assert.Matches(@"\n  vote-yes +never fired\n", output.ReplaceLineEndings("\n"));
            Assert.Contains("coverage 10% is below the threshold 50%; never fired: event-stance, statement-supports,", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
#endif

    [Fact]
    public void ErrorsInATestFile_AreReportedWithFileLineAndColumn_AllAtOnce()
    {
        var rules = CopyRules(dir => File.WriteAllText(Path.Combine(dir, "bad.tests.yaml"), """
            tests:
              - name: five mistakes
                facts:
                  - { type: vote, actor: China, choice: maybe }
                expect:
                  - { country: Atlantis, issue: x, stance: likes }
                  - { country: CHN, issue: x, stance: supports, rule: no-such-rule, colour: red }
              - name: no facts
                expect: [ { country: CHN, issue: x, stance: supports } ]
              - name: missing file
                facts_file: nowhere.facts.yaml
                absent: [ { country: CHN, issue: x } ]
            """));
        try
        {
            var report = StanceEngine.Load(rules).RunTests(rules);
            var bad = report.Diagnostics.Where(d => d.Location.File.EndsWith("bad.tests.yaml", StringComparison.Ordinal)).Select(d => $"{d.Location.Line}:{d.Location.Column} {d.Code}").ToArray();

            Assert.False(report.Succeeded);
            Assert.Equal(
                ["11:17 SR0006", "4:45 SR0005", "6:20 SR0005", "6:48 SR2005", "7:59 SR0005", "7:73 SR0002", "8:5 SR0003"],
                bad.Order(StringComparer.Ordinal));
            Assert.DoesNotContain(report.Results, r => r.Location.File.EndsWith("bad.tests.yaml", StringComparison.Ordinal));
            Assert.Contains("bad.tests.yaml:4:45: error SR0005: 'maybe' is not a valid value for 'choice'", report.ToText(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(rules)!, recursive: true);
        }
    }

    [Fact]
    public void InlineFactsInFlowStyle_AreReadWithTheirOwnPositions()
    {
        var rules = CopyRules(dir => File.WriteAllText(Path.Combine(dir, "flow.tests.yaml"), """
            tests:
              - { name: flow, facts: [ { type: vote, actor: India, choice: abstain, issue: russia-ukraine-war } ], expect: [ { country: IND, issue: russia-ukraine-war, stance: abstains } ] }
              - { name: flow error, facts: [ { type: vote, actor: India,
                    choice: sometimes, issue: x } ], absent: [ { country: IND, issue: x } ] }
            """));
        try
        {
            var report = StanceEngine.Load(rules).RunTests(rules);

            var error = Assert.Single(report.Diagnostics);
            Assert.Equal((4, 17, DiagnosticCodes.InvalidValue), (error.Location.Line, error.Location.Column, error.Code));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(rules)!, recursive: true);
        }
    }

    [Fact]
    public void NoTestFiles_IsNotASuccess()
    {
        var folder = Directory.CreateTempSubdirectory("stance-empty-").FullName;
        try
        {
            var report = StanceEngine.CreateDefault().RunTests(folder);

            Assert.False(report.Succeeded);
            Assert.Contains("no test cases found", report.ToText(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
