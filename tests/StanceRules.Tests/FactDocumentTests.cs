namespace StanceRules.Tests;

public class FactDocumentTests
{
    private const string Valid = """
        article:
          id: a1
          published: 2023-03-21
          title: Test
        facts:
          - type: statement
            actor: Kremlin
            act: welcome
            target: China's peace plan
            hedged: true
          - id: v1
            type: vote
            actor: CHINA
            body: UNGA
            motion: A/RES/ES-11/6
            choice: non_voting
            issue: russia-ukraine-war
            yes_means: condemns
        """;

    [Fact]
    public void Parse_ValidDocument_ReadsTypedFactsAndDefaultsIds()
    {
        var article = ArticleFacts.Parse(Valid, "a1.facts.yaml");

        Assert.Equal("a1", article.Id);
        Assert.Equal(new DateOnly(2023, 3, 21), article.Published);
        var statement = Assert.IsType<Statement>(article.Facts[0]);
        Assert.Equal("f1", statement.Id);
        Assert.Equal("welcome", statement.Act);
        Assert.True(statement.Hedged);
        Assert.False(statement.Negated);
        var vote = Assert.IsType<Vote>(article.Facts[1]);
        Assert.Equal("v1", vote.Id);
        Assert.Equal(VoteChoice.NonVoting, vote.Choice);
        Assert.Equal(Stance.Condemns, vote.YesMeans);
    }

    [Fact]
    public void Parse_JsonDocument_ReadsTheSameFacts()
    {
        const string json = """
            {"article": {"id": "j1"},
             "facts": [{"type": "vote", "actor": "India", "choice": "abstain", "issue": "russia-ukraine-war", "yes_means": "condemns"}]}
            """;

        var article = ArticleFacts.Parse(json, "j1.facts.json");

        var vote = Assert.IsType<Vote>(Assert.Single(article.Facts));
        Assert.Equal(VoteChoice.Abstain, vote.Choice);
    }

    [Fact]
    public void Parse_JsonOfTheWrongShape_SpeaksOfObjectsArraysAndNull_NotOfYaml()
    {
        const string json = """
            {"article": {"id": "j1"},
             "facts": [{"type": "statement", "actor": ["Kremlin"], "act": null}, "vote"]}
            """;

        Assert.False(ArticleFacts.TryParse(json, "j1.facts.json", out _, out var diagnostics));

        var messages = diagnostics.Select(d => d.Message).ToArray();
        Assert.Contains("'actor' must be a string, number or boolean, not an array", messages);
        Assert.Contains(messages, m => m.EndsWith("must be an object, not 'vote'", StringComparison.Ordinal));
        Assert.All(messages, m => Assert.DoesNotMatch("mapping|a list|single value|YAML", m));
    }

    [Fact]
    public void Parse_SameShapeAsYaml_SpeaksOfMappingsAndLists()
    {
        const string yaml = "article: { id: y1 }\nfacts: { type: vote }\n";

        Assert.False(ArticleFacts.TryParse(yaml, "y1.facts.yaml", out _, out var diagnostics));

        Assert.Equal("'facts' must be a list, not a mapping", Assert.Single(diagnostics).Message);
    }

    [Fact]
    public void Parse_JsonDuplicateMember_IsAJsonError()
    {
        const string json = """{"article": {"id": "a", "id": "b"}, "facts": []}""";

        Assert.False(ArticleFacts.TryParse(json, "dup.facts.json", out _, out var diagnostics));

        Assert.StartsWith("invalid JSON: ", Assert.Single(diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_JsonIndentedWithTabs_IsRead()
    {
        const string json = "{\n\t\"article\": {\"id\": \"t1\"},\n\t\"facts\": [\n\t\t{\"type\": \"statement\", \"actor\": \"Kremlin\", \"act\": \"welcome\"}\n\t]\n}";

        var article = ArticleFacts.Parse(json, "tabs.facts.json");

        Assert.Equal("t1", article.Id);
        Assert.Single(article.Facts);
    }

    [Fact]
    public void Parse_DocumentWithSixMistakes_ReportsEachWithLineAndColumn()
    {
        const string text = """
            article:
              id: bad
            facts:
              - type: statement
                actor: Kremlin
                act: welcome
                colour: red
              - type: statement
                act: reject
              - type: vote
                actor: China
                choice: maybe
              - id: x
                type: statement
                actor: Kremlin
                act: welcome
                negated: sometimes
              - id: x
                type: statement
                actor: USA
                act: reject
              - type: protest
                actor: USA
            """;

        Assert.False(ArticleFacts.TryParse(text, "bad.facts.yaml", out var article, out var diagnostics));
        Assert.Null(article);
        Assert.Collection(
            diagnostics,
            d => AssertDiagnostic(d, DiagnosticCodes.UnknownKey, 7, 5, "colour"),
            d => AssertDiagnostic(d, DiagnosticCodes.MissingKey, 8, 5, "actor"),
            d => AssertDiagnostic(d, DiagnosticCodes.InvalidValue, 12, 13, "maybe"),
            d => AssertDiagnostic(d, DiagnosticCodes.InvalidValue, 17, 14, "sometimes"),
            d => AssertDiagnostic(d, DiagnosticCodes.DuplicateFactId, 18, 5, "'x'"),
            d => AssertDiagnostic(d, DiagnosticCodes.UnknownFactType, 22, 11, "protest"));
    }

    [Fact]
    public void Parse_MalformedYaml_ReportsSyntaxErrorWithPosition()
    {
        const string text = "article:\n  id: a\nfacts: [\n  { type: vote,\n";

        var error = Assert.Throws<StanceRulesException>(() => ArticleFacts.Parse(text, "broken.facts.yaml"));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal(DiagnosticCodes.YamlSyntax, diagnostic.Code);
        Assert.Equal("broken.facts.yaml", diagnostic.Location.File);
        Assert.True(diagnostic.Location.Line >= 3);
        Assert.StartsWith("broken.facts.yaml:", diagnostic.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateKey_IsAnError()
    {
        const string text = "article:\n  id: a\n  id: b\nfacts: []\n";

        var error = Assert.Throws<StanceRulesException>(() => ArticleFacts.Parse(text, "dup.facts.yaml"));

        Assert.Equal(DiagnosticCodes.YamlSyntax, Assert.Single(error.Diagnostics).Code);
        Assert.Contains("Duplicate key", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Parse_UnknownTopLevelKeyAndMissingArticle_AreBothReported()
    {
        var error = Assert.Throws<StanceRulesException>(() => ArticleFacts.Parse("facts: []\nextra: 1\n", "x.facts.yaml"));

        Assert.Equal([DiagnosticCodes.UnknownKey, DiagnosticCodes.MissingKey], error.Diagnostics.Select(d => d.Code).Order());
    }

    [Fact]
    public void Parse_QuotedBoolean_IsNotABoolean()
    {
        const string text = "article: { id: a }\nfacts:\n  - { type: statement, actor: USA, act: reject, negated: \"true\" }\n";

        var error = Assert.Throws<StanceRulesException>(() => ArticleFacts.Parse(text, "q.facts.yaml"));

        AssertDiagnostic(Assert.Single(error.Diagnostics), DiagnosticCodes.InvalidValue, 3, 58, "true");
    }

    [Fact]
    public void Load_MissingFile_ReportsFileNotReadable()
    {
        Assert.False(ArticleFacts.TryLoad("/no/such/file.facts.yaml", out _, out var diagnostics));

        Assert.Equal(DiagnosticCodes.FileNotReadable, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void Constructor_FactsBuiltInCode_GetDefaultIdsAndRejectDuplicates()
    {
        var article = new ArticleFacts("code", [new Statement { Actor = "USA", Act = "reject" }, new Statement { Actor = "RUS", Act = "welcome" }]);

        Assert.Equal(["f1", "f2"], article.Facts.Select(f => f.Id));
        Assert.Throws<ArgumentException>(() => new ArticleFacts("dup", [new Statement { Id = "a", Actor = "USA", Act = "x" }, new Statement { Id = "a", Actor = "USA", Act = "y" }]));
        Assert.Throws<ArgumentException>(() => new ArticleFacts("noactor", [new Statement { Act = "x" }]));
    }

    [Fact]
    public void Parse_HostRegisteredFactType_IsReadAndMatchedByRules()
    {
        var types = FactTypes.Default.With<Protest>("protest");
        const string facts = "article: { id: p }\nfacts:\n  - { type: protest, actor: Paris, issue: pension-reform, size: 12000 }\n";
        const string rules = """
            rules:
              - id: big-protest
                when:
                  - protest: { size: { gt: 10000 } }
                then: { stance: condemns, confidence: 0.5 }
            """;

        var engine = Repo.EngineWithRules(rules, new StanceEngineOptions { FactTypes = types });
        var report = engine.Infer(ArticleFacts.Parse(facts, "p.facts.yaml", types));

        var stance = Assert.Single(report.Stances);
        Assert.Equal(("FRA", "pension-reform", Stance.Condemns), (stance.Country, stance.Issue, stance.Stance));
    }

    internal static void AssertDiagnostic(Diagnostic diagnostic, string code, int line, int column, string messagePart)
    {
        Assert.True(
            diagnostic.Code == code && diagnostic.Location.Line == line && diagnostic.Location.Column == column && diagnostic.Message.Contains(messagePart, StringComparison.Ordinal),
            $"expected {code} at {line}:{column} mentioning '{messagePart}', got {diagnostic}");
    }
}

public sealed class Protest : Fact
{
    public int Size { get; init; }
}
