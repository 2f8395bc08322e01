using System.Text;

namespace StanceRules.Tests.Security;

/// <summary>Each limit of <see cref="StanceLimits"/>: its default holds, it can be changed, and the error names it.</summary>
public class LimitsTests
{
    private const string OneRule = "rules:\n  - id: r\n    when: [ statement: {} ]\n    then: { stance: supports }\n";

    private static Diagnostic FactError(string text, StanceLimits? limits = null)
    {
        Assert.False(ArticleFacts.TryParse(text, "limits.facts.yaml", out _, out var diagnostics, limits: limits));
        return Assert.Single(diagnostics);
    }

    private static void AssertNamesLimit(Diagnostic diagnostic, string limit)
    {
        Assert.Equal(DiagnosticCodes.LimitExceeded, diagnostic.Code);
        Assert.Contains($"StanceLimits.{limit}", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_AreTheDocumentedValues()
    {
        var limits = StanceLimits.Default;

        Assert.Equal(
            (4 * 1024 * 1024, 32, 0, 10_000, 1_000, 100_000),
            (limits.MaxFileBytes, limits.MaxNestingDepth, limits.MaxAliases, limits.MaxStringLength, limits.MaxRules, limits.MaxFactsPerDocument));
        Assert.Equal(100_000, new StanceEngineOptions().MaxRuleFirings);
    }

    [Fact]
    public void FileSize_OverTheLimit_IsRefusedBeforeParsing()
    {
        var text = "article: { id: a }\nfacts: []\n# " + new string('x', 5000) + "\n";

        AssertNamesLimit(FactError(text, new StanceLimits { MaxFileBytes = 4096 }), nameof(StanceLimits.MaxFileBytes));
        Assert.True(ArticleFacts.TryParse(text, "ok.facts.yaml", out _, out _));
    }

    [Fact]
    public void FileSize_OnDisk_IsCheckedBeforeReading()
    {
        var path = Path.Combine(Path.GetTempPath(), $"big-{Guid.NewGuid():N}.facts.yaml");
        File.WriteAllText(path, "article: { id: a }\nfacts: []\n" + new string('#', 10_000));
        try
        {
            Assert.False(ArticleFacts.TryLoad(path, out _, out var diagnostics, limits: new StanceLimits { MaxFileBytes = 1000 }));
            AssertNamesLimit(Assert.Single(diagnostics), nameof(StanceLimits.MaxFileBytes));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void NestingDepth_OverTheLimit_IsAnErrorAtTheDeepNode()
    {
        var deep = "article: { id: a }\nfacts: [" + new string('[', 40) + new string(']', 40) + "]\n";

        var diagnostic = FactError(deep);

        AssertNamesLimit(diagnostic, nameof(StanceLimits.MaxNestingDepth));
        Assert.Equal(2, diagnostic.Location.Line);
        Assert.DoesNotContain(DiagnosticCodes.LimitExceeded, ArticleFacts.TryParse(deep, "x", out _, out var more, limits: new StanceLimits { MaxNestingDepth = 64 }) ? [] : more.Select(d => d.Code));
    }

    [Fact]
    public void BillionLaughs_AliasesAreRefused()
    {
        var laughs = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < 10; i++)
        {
            laughs.Append(CultureInfoInvariant($"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n"));
        }

        var diagnostic = FactError(laughs.ToString());

        AssertNamesLimit(diagnostic, nameof(StanceLimits.MaxAliases));
        Assert.Equal((2, 10), (diagnostic.Location.Line, diagnostic.Location.Column));
    }

    [Fact]
    public void Aliases_CanBeAllowedUpToALimit()
    {
        const string text = "article: { id: a }\nfacts:\n  - &f { type: statement, actor: USA, act: reject, issue: x }\n";

        Assert.True(ArticleFacts.TryParse(text, "x", out _, out _, limits: new StanceLimits { MaxAliases = 1 }));
    }

    [Fact]
    public void StringLength_OverTheLimit_IsAnError()
    {
        var text = "article: { id: a }\nfacts:\n  - { type: statement, actor: USA, act: reject, evidence: \"" + new string('x', 10_001) + "\" }\n";

        var diagnostic = FactError(text);

        AssertNamesLimit(diagnostic, nameof(StanceLimits.MaxStringLength));
        Assert.Equal(3, diagnostic.Location.Line);
    }

    [Fact]
    public void FactsPerDocument_OverTheLimit_IsAnError()
    {
        var text = "article: { id: a }\nfacts:\n" + string.Concat(Enumerable.Range(0, 11).Select(i => $"  - {{ type: vote, actor: USA, choice: yes, issue: x }}\n"));

        AssertNamesLimit(FactError(text, new StanceLimits { MaxFactsPerDocument = 10 }), nameof(StanceLimits.MaxFactsPerDocument));
    }

    [Fact]
    public void RulesPerRuleSet_OverTheLimit_IsAnError()
    {
        var rules = "rules:\n" + string.Concat(Enumerable.Range(0, 6).Select(i => $"  - {{ id: r{i}, when: [ statement: {{}} ], then: {{ stance: supports }} }}\n"));

        var error = Assert.Throws<StanceRulesException>(() => StanceEngine.FromYaml([new("many.yaml", rules)], new StanceEngineOptions { Limits = new StanceLimits { MaxRules = 5 } }));

        AssertNamesLimit(Assert.Single(error.Diagnostics), nameof(StanceLimits.MaxRules));
        Assert.NotNull(StanceEngine.FromYaml([new("many.yaml", rules)]));
    }

    [Fact]
    public void RuleFiles_AreBoundByTheSameYamlLimits()
    {
        var error = Assert.Throws<StanceRulesException>(() => StanceEngine.FromYaml([new("alias.yaml", "x: &a { }\nrules: [ *a ]\n" + OneRule[7..])]));

        AssertNamesLimit(error.Diagnostics[0], nameof(StanceLimits.MaxAliases));
    }

    [Fact]
    public void Regex_IsNonBacktracking_SoACatastrophicPatternRunsInLinearTime()
    {
        var engine = Repo.EngineWithRules("""
            rules:
              - id: evil
                when: [ statement: { target: { matches: "^(a+)+$" } } ]
                then: { stance: supports }
            """);
        var target = new string('a', 50_000) + "!";

        var report = engine.Infer(new ArticleFacts("r", [new Statement { Actor = "Peru", Act = "say", Target = target, Issue = "i" }]));

        Assert.Empty(report.Stances); // a backtracking engine would not return from this in any test's lifetime
    }

    [Fact]
    public void RunawayChaining_IsCancellableMidInference()
    {
        var engine = Repo.EngineWithRules("""
            rules:
              - id: grow
                when: [ claim as c: { name: grow } ]
                then:
                  assert: { claim: { name: grow, target: $c.id } }
              - id: seed
                when: [ statement as s: {} ]
                then:
                  assert: { claim: { name: grow, issue: $s.issue } }
            """, new StanceEngineOptions
            {
                // Only cancellation may stop it: every other bound as high as it goes, or a fast machine reaches one first.
                MaxRuleFirings = int.MaxValue,
                Limits = new StanceLimits { MaxRuleMatches = 100_000_000, MaxInferenceBytes = 64L << 30 },
            });
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        Assert.ThrowsAny<OperationCanceledException>(() => engine.Infer(new ArticleFacts("c", [new Statement { Actor = "Peru", Act = "say", Issue = "i" }]), cancellation.Token));
    }

    [Theory]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF }, "BOM")]
    [InlineData(new byte[0], "no BOM")]
    public void Encoding_ByteOrderMarkAndCrlf_AreAccepted(byte[] prefix, string _)
    {
        var path = Path.Combine(Path.GetTempPath(), $"enc-{Guid.NewGuid():N}.facts.yaml");
        File.WriteAllBytes(path, [.. prefix, .. Encoding.UTF8.GetBytes("article: { id: a }\r\nfacts:\r\n  - { type: statement, actor: TÜRKİYE, act: reject, issue: x }\r\n")]);
        try
        {
            var report = StanceEngine.CreateDefault().Infer(ArticleFacts.Load(path));
            Assert.Equal("TUR", Assert.Single(report.Stances).Country);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Encoding_InvalidUtf8_IsADiagnostic()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.facts.yaml");
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes("article: { id: "), 0xC3, 0x28, .. Encoding.UTF8.GetBytes(" }\nfacts: []\n")]);
        try
        {
            Assert.False(ArticleFacts.TryLoad(path, out _, out var diagnostics));
            Assert.Equal(DiagnosticCodes.FileNotReadable, Assert.Single(diagnostics).Code);
            Assert.Contains("UTF-8", diagnostics[0].Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Encoding_TabIndentation_IsASyntaxErrorWithPosition()
    {
        var diagnostic = FactError("article:\n\tid: a\nfacts: []\n");

        // At the tab's own line (YamlDotNet alone placed it at the mapping, line 1).
        Assert.Equal((DiagnosticCodes.YamlSyntax, 2), (diagnostic.Code, diagnostic.Location.Line));
        Assert.Contains("tab", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encoding_VeryLongLine_WithinLimits_IsRead()
    {
        var evidence = new string('e', 9_000);
        var text = "article: { id: a }\nfacts: [" + string.Join(", ", Enumerable.Range(0, 50).Select(i => $"{{ type: statement, actor: USA, act: reject, issue: x, evidence: {evidence} }}")) + "]\n";

        Assert.Equal(50, ArticleFacts.Parse(text, "long.facts.yaml").Facts.Count);
    }

    private static string CultureInfoInvariant(FormattableString text) => FormattableString.Invariant(text);
}
