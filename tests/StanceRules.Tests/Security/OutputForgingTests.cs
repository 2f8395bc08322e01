namespace StanceRules.Tests.Security;

/// <summary>
/// Class 6 of issue 14: input cannot forge output. Control and bidi characters are escaped in
/// every text output (table, diagnostics, explain, rule test reports) by one helper,
/// <c>DisplayText</c>, and isolated in HTML; a fact's issue must be a kebab-case id.
/// </summary>
public class OutputForgingTests
{
    public static TheoryData<string, string> Hostile => new()
    {
        { "A\nCHN      fake-issue   supports", "A\\nCHN      fake-issue   supports" },
        { "red\u001b[31mtext", "red\\u001B[31mtext" },
        { "clear\u001b[2J\u001b[H", "clear\\u001B[2J\\u001B[H" },
        { "evil\u202Egnp.exe", "evil\\u202Egnp.exe" },
        { "tab\there", "tab\\there" },
        { "cr\rover", "cr\\rover" },
        { "c1\u009bcsi", "c1\\u009Bcsi" },
        { "iso\u2066late\u2069", "iso\\u2066late\\u2069" },
        { "zero\u200Bwidth", "zero\\u200Bwidth" },
        { "line\u2028sep", "line\\u2028sep" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Escape_MakesEveryControlAndBidiCharacterVisible(string input, string expected)
    {
        Assert.Equal(expected, DisplayText.Escape(input));
        Assert.DoesNotContain(DisplayText.Escape(input), DisplayText.IsUnsafe);
    }

    [Theory]
    [InlineData("plain text")]
    [InlineData("Vučić, TÜRKİYE, 中国, Україна")]
    [InlineData("عربي")]
    public void Escape_LeavesOrdinaryTextInAnyScriptAlone(string text)
    {
        Assert.Same(text, DisplayText.Escape(text));
    }

    private static string Document(string actorOrId, bool asId) => $$"""
        article: { id: "art{{Yaml(actorOrId)}}" }
        facts:
          - { id: "{{(asId ? Yaml(actorOrId) : "f1")}}", type: statement, actor: "{{(asId ? "China" : Yaml(actorOrId))}}", act: welcome, issue: china-peace-plan }
        """;

    private static string Yaml(string text) => string.Concat(text.Select(c => c < 0x20 || c is '\u007f' or (>= '\u0080' and <= '\u009f') || c > 0x2000 ? $"\\u{(int)c:X4}" : c.ToString()));

#if STANCE_CLI // runs the stance CLI, which targets net10.0 only
    [Theory]
    [MemberData(nameof(Hostile))]
    public void CorpusTableAndResolve_ShowHostileIdsEvidenceAndActorsEscaped(string hostile, string escaped)
    {
        using var folder = new TempFolder();
        var document = folder.File("a.facts.yaml", $$"""
            article: { id: "art{{Yaml(hostile)}}", published: 2023-03-21 }
            facts:
              - { id: f1, type: statement, actor: China, act: welcome, issue: china-peace-plan, evidence: "ev{{Yaml(hostile)}}" }
            """);

        var (exitCorpus, corpus, _) = StanceCli.Run("corpus", document, "--by", "day");
        var (exitResolve, resolve, _) = StanceCli.Run("resolve", "x" + hostile);

        Assert.Equal((0, 1), (exitCorpus, exitResolve));
        foreach (var output in new[] { corpus, resolve })
        {
            Assert.DoesNotContain(output, c => DisplayText.IsUnsafe(c) && c != '\n');
            Assert.Contains(escaped, output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void TheTable_ShowsHostileIdsAndActorsEscaped_OnTheirOwnRow(string hostile, string escaped)
    {
        using var folder = new TempFolder();
        var asId = folder.File("id.facts.yaml", Document(hostile, asId: true));
        var asActor = folder.File("actor.facts.yaml", Document(hostile, asId: false));

        var (exitId, outId, _) = StanceCli.Run("infer", asId);
        var (exitActor, outActor, _) = StanceCli.Run("infer", asActor);

        Assert.Equal((0, 0), (exitId, exitActor));
        foreach (var output in new[] { outId, outActor })
        {
            Assert.DoesNotContain(output, c => DisplayText.IsUnsafe(c) && c != '\n');
            Assert.Contains(escaped, output, StringComparison.Ordinal);
        }

        // Title, header and the id's one row: no extra line was made.
        Assert.Equal(3, outId.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains(outActor.Split('\n'), l => l.StartsWith("f1  ", StringComparison.Ordinal) && l.Contains(escaped, StringComparison.Ordinal));
    }
#endif

    [Theory]
    [InlineData("china\u001b[2J")]
    [InlineData("x\ny")]
    [InlineData("Peace Plan")]
    [InlineData("issue\u202E")]
    [InlineData("-leading-hyphen")]
    [InlineData("UPPER")]
    public void AFactIssue_ThatIsNotAKebabCaseId_IsAPositionedDiagnostic(string issue)
    {
        var text = $"article: {{ id: a }}\nfacts:\n  - {{ type: statement, actor: China, act: welcome, issue: \"{Yaml(issue)}\" }}\n";

        Assert.False(ArticleFacts.TryParse(text, "issue.facts.yaml", out _, out var diagnostics));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.InvalidValue, 3, 59), (diagnostic.Code, diagnostic.Location.Line, diagnostic.Location.Column));
        Assert.Contains("kebab-case", diagnostic.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(diagnostic.ToString(), DisplayText.IsUnsafe);
    }

#if STANCE_CLI // runs the stance CLI, which targets net10.0 only
    [Theory]
    [InlineData("bad\u001b[31mid")]
    [InlineData("bad\nid: forged")]
    [InlineData("bad\u202Eid")]
    public void ARuleIdWithEscapes_IsEchoedEscapedInDiagnostics(string id)
    {
        using var folder = new TempFolder();
        folder.File("rules.yaml", $"rules:\n  - {{ id: \"{Yaml(id)}\", when: [ statement: {{}} ], then: {{ stance: supports }} }}\n");

        var (exit, _, stderr) = StanceCli.Run("validate", folder.Path);

        Assert.Equal(1, exit);
        Assert.Contains("must be kebab-case", stderr, StringComparison.Ordinal);
        Assert.Equal(2, stderr.Split('\n').Length); // one diagnostic, one line
        Assert.DoesNotContain(stderr, c => DisplayText.IsUnsafe(c) && c != '\n');
    }
#endif

    [Fact]
    public void AFileNameWithControlCharacters_IsEscapedInItsDiagnostic()
    {
        var diagnostic = new Diagnostic("SR0001", "bad\u001b[2J", new SourceLocation("a\nb.yaml", 1, 1));

        Assert.Equal("a\\nb.yaml:1:1: error SR0001: bad\\u001B[2J", diagnostic.ToString());
    }

#if STANCE_CLI // runs the stance CLI, which targets net10.0 only
    [Fact]
    public void Explain_EscapesHostileEvidenceAndActors()
    {
        using var folder = new TempFolder();
        var path = folder.File("e.facts.yaml", "article: { id: a }\nfacts:\n  - { id: \"f1\\u001b[2J\", type: statement, actor: China, act: welcome, target: \"x\\ny\\u202E\", issue: china-peace-plan }\n");

        var (exit, stdout, _) = StanceCli.Run("explain", path, "--country", "CHN", "--issue", "china-peace-plan");

        Assert.Equal(0, exit);
        Assert.Contains("f1\\u001B[2J", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(stdout, c => DisplayText.IsUnsafe(c) && c != '\n');
    }

    [Fact]
    public void RuleTestReports_EscapeHostileCaseNames()
    {
        using var folder = new TempFolder();
        foreach (var file in Directory.GetFiles(Repo.Rules, "*.yaml").Where(f => !f.EndsWith(".tests.yaml", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(folder.Path, Path.GetFileName(file)));
        }

        folder.File("hostile.tests.yaml", "tests:\n  - name: \"ok\\nFAIL  forged\\u001b[2J\"\n    facts:\n      - { type: statement, actor: China, act: welcome, issue: china-peace-plan }\n    expect:\n      - { country: CHN, issue: china-peace-plan, stance: rejects }\n");

        var (_, stdout, stderr) = StanceCli.Run("test", folder.Path);

        Assert.DoesNotContain(stdout + stderr, c => DisplayText.IsUnsafe(c) && c != '\n');
        Assert.DoesNotContain("\nFAIL  forged", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_IsolatesBidiText_AndEscapesControls()
    {
        using var folder = new TempFolder();
        var path = folder.File("h.facts.yaml", "article: { id: \"art\\u202Eeman\" }\nfacts:\n  - { id: f1, type: statement, actor: \"Ruritania\\u001b[2J\\u202E\", act: welcome, issue: china-peace-plan }\n");

        var (exit, stdout, _) = StanceCli.Run("infer", path, "--format", "html");

        Assert.Equal(0, exit);
        Assert.Contains("\u2068art\u202Eeman\u2069", stdout, StringComparison.Ordinal);
        Assert.Contains("Ruritania\\u001B[2J", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', stdout);
    }
#endif
}
