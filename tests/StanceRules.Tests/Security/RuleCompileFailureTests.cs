namespace StanceRules.Tests.Security;

/// <summary>
/// Class 1 of issue 14: whatever a rule file holds, loading gives a rule set or positioned
/// diagnostics, in the library, <c>stance validate</c> and <c>stance infer --rules</c>; never an
/// exception. The service and hot reload are in StanceRules.Embedding.Tests.
/// </summary>
public class RuleCompileFailureTests
{
    /// <summary>Patterns the non-backtracking engine cannot run, each with a word of its message.</summary>
    public static TheoryData<string, string> UnsupportedPatterns => new()
    {
        { "(?=a)b", "lookahead" },
        { "(?<=a)b", "lookbehind" },
        { "(?!a)b", "lookahead" },
        { "(a)\\\\1", "backreference" },
        { "(?<x>a)\\\\k<x>", "backreference" },
        { "(?>a+)b", "atomic" },
        { "(?(a)b|c)", "conditional" },
        { "\\\\Gab", "contiguous" },
        { "(a{1000}){1000}", "automata" },
        { "a{1000000}", "automata" },
        { "(a", "Invalid pattern" },
        { "a{2,1}", "Invalid pattern" },
    };

    private static string RuleWithPattern(string pattern) => $"""
        rules:
          - id: bad-regex
            when:
              - statement as s: {"{"} act: {"{"} matches: "{pattern}" {"}"} {"}"}
            then: {"{"} stance: supports {"}"}
        """;

    [Theory]
    [MemberData(nameof(UnsupportedPatterns))]
    public void APatternTheEngineCannotRun_IsAPositionedDiagnostic_AtTheOperand(string pattern, string word)
    {
        var error = Assert.Throws<StanceRulesException>(() => StanceEngine.FromYaml([.. Repo.KnowledgeFiles(), new("regex.yaml", RuleWithPattern(pattern))]));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticCodes.InvalidRegex, diagnostic.Code);
        Assert.Equal(("regex.yaml", 4), (diagnostic.Location.File, diagnostic.Location.Line));
        Assert.True(diagnostic.Location.Column > 20, diagnostic.ToString());
        Assert.Contains(word, diagnostic.Message, StringComparison.OrdinalIgnoreCase);
    }

#if STANCE_CLI // runs the stance CLI, which targets net10.0 only
    [Theory]
    [InlineData("(?=a)b")]
    [InlineData("(a{1000}){1000}")]
    [InlineData("(?>a)")]
    public void Validate_ReportsTheDiagnostic_WithExitCode1_AndNoStackTrace(string pattern)
    {
        using var folder = new TempFolder();
        folder.File("stances.yaml", RuleWithPattern(pattern));

        var (exit, stdout, stderr) = StanceCli.Run("validate", folder.Path);

        Assert.Equal(1, exit);
        Assert.Empty(stdout);
        Assert.Contains("stances.yaml:4:", stderr, StringComparison.Ordinal);
        Assert.Contains("error SR2012", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("(?<!a)b")]
    [InlineData("a{5000}b{5000}")]
    public void InferWithRules_ReportsTheDiagnostic_WithExitCode1(string pattern)
    {
        using var folder = new TempFolder();
        folder.File("stances.yaml", RuleWithPattern(pattern));

        var (exit, stdout, stderr) = StanceCli.Run("infer", Repo.SeedFacts, "--rules", folder.Path);

        Assert.Equal(1, exit);
        Assert.Empty(stdout);
        Assert.Contains("error SR2012", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }
#endif

    [Fact]
    public void EveryBadPatternOfAFile_IsReported_NotOnlyTheFirst()
    {
        const string rules = """
            rules:
              - id: one
                when: [ statement: { act: { matches: "(?=a)" } } ]
                then: { stance: supports }
              - id: two
                when: [ statement: { target: { matches: "(a)\\1" } } ]
                then: { stance: supports }
            """;

        var error = Assert.Throws<StanceRulesException>(() => StanceEngine.FromYaml([new("two.yaml", rules)]));

        Assert.Equal([(3, DiagnosticCodes.InvalidRegex), (6, DiagnosticCodes.InvalidRegex)], error.Diagnostics.Select(d => (d.Location.Line, d.Code)));
    }

    [Fact]
    public void ASupportedPattern_StillCompilesAndMatches()
    {
        var engine = StanceEngine.FromYaml([.. Repo.KnowledgeFiles(), new("ok.yaml", RuleWithPattern("^wel(come|comes)$"))]);

        var report = engine.Infer(ArticleFacts.Parse("article: { id: a }\nfacts:\n  - { type: statement, actor: China, act: welcome, issue: x-y }\n"));

        Assert.Equal("bad-regex", Assert.Single(report.Stances).Rules[0]);
    }
}
