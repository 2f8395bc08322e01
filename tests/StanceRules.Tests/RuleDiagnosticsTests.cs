namespace StanceRules.Tests;

/// <summary>Every rule-file error is found at load time, with file, line and column, all at once.</summary>
public class RuleDiagnosticsTests
{
    internal const string FiveMistakes = """
        rules:
          - id: unknown-type
            when: [ speech: { act: welcome } ]
            then: { stance: supports }
          - id: unknown-field
            when: [ statement: { colour: red } ]
            then: { stance: supports }
          - id: type-mismatch
            when: [ statement: { negated: maybe } ]
            then: { stance: supports }
          - id: bad-stance
            when: [ statement: { act: welcome } ]
            then: { stance: adores }
          - id: unbound
            when: [ statement: { country: $v.country } ]
            then: { stance: supports }
        """;

    private static IReadOnlyList<Diagnostic> Errors(string rules)
    {
        var error = Assert.Throws<StanceRulesException>(() => StanceEngine.FromYaml([new("bad.yaml", rules)]));
        return error.Diagnostics;
    }

    [Fact]
    public void FiveDifferentMistakes_GiveFiveDiagnosticsWithLinesAndColumns()
    {
        Assert.Collection(
            Errors(FiveMistakes),
            d => FactDocumentTests.AssertDiagnostic(d, DiagnosticCodes.UnknownPatternType, 3, 13, "speech"),
            d => FactDocumentTests.AssertDiagnostic(d, DiagnosticCodes.UnknownField, 6, 26, "colour"),
            d => FactDocumentTests.AssertDiagnostic(d, DiagnosticCodes.InvalidValue, 9, 35, "maybe"),
            d => FactDocumentTests.AssertDiagnostic(d, DiagnosticCodes.UnknownStance, 13, 21, "adores"),
            d => FactDocumentTests.AssertDiagnostic(d, DiagnosticCodes.UndefinedVariable, 15, 35, "$v"));
    }

    [Theory]
    [InlineData("rules:\n  - id: a\n    when: [ statement: {} ]\n    then: { stance: supports }\n  - id: a\n    when: [ statement: {} ]\n    then: { stance: supports }\n", DiagnosticCodes.DuplicateRuleId, 5, 9)]
    [InlineData("rules:\n  - id: a\n    when: [ statement: { act: { like: x } } ]\n    then: { stance: supports }\n", DiagnosticCodes.UnknownOperator, 3, 33)]
    [InlineData("rules:\n  - id: a\n    when: [ statement as s: {}, vote as s: {} ]\n    then: { stance: supports }\n", DiagnosticCodes.DuplicateVariable, 3, 33)]
    [InlineData("rules:\n  - id: a\n    when: [ statement: {} ]\n    then: { stance: supports, confidence: 1.5 }\n", DiagnosticCodes.OutOfRange, 4, 43)]
    [InlineData("rules:\n  - id: a\n    when: [ statement: { target: { matches: \"(\" } } ]\n    then: { stance: supports }\n", DiagnosticCodes.InvalidRegex, 3, 45)]
    [InlineData("rules:\n  - id: a\n    when: [ statement: { negated: { gt: 1 } } ]\n    then: { stance: supports }\n", DiagnosticCodes.TypeMismatch, 3, 41)]
    [InlineData("rules:\n  - id: a\n    when: [ statement: { act: { contains: 3 }, hedged: { contains: x } } ]\n    then: { stance: supports }\n", DiagnosticCodes.TypeMismatch, 3, 68)]
    [InlineData("rules:\n  - id: a\n    when: [ vote as v: {}, statement: { act: $v.choice } ]\n    then: { stance: supports }\n", DiagnosticCodes.TypeMismatch, 3, 46)]
    [InlineData("rules:\n  - id: a\n    when: [ vote as v: {} ]\n    then: { stance: $v.actor }\n", DiagnosticCodes.TypeMismatch, 4, 21)]
    [InlineData("rules:\n  - id: a\n    when: [ statement: {} ]\n    then: { assert: { signal: {} } }\n", DiagnosticCodes.NotAssertable, 4, 23)]
    [InlineData("rules:\n  - id: a\n    when: [ statement: {} ]\n    then: { assert: { claim: { issue: x } } }\n", DiagnosticCodes.MissingKey, 4, 30)]
    [InlineData("rules:\n  - id: a\n    when: [ statement: {} ]\n", DiagnosticCodes.MissingKey, 2, 5)]
    [InlineData("rules:\n  - id: Bad_Id\n    when: [ statement: {} ]\n    then: { stance: supports }\n", DiagnosticCodes.InvalidValue, 2, 9)]
    [InlineData("rules:\n  - id: a\n    when: [ not: { statement: {} } ]\n    then: { stance: supports }\n", DiagnosticCodes.MissingKey, 3, 11)]
    [InlineData("rules:\n  - id: a\n    when: [ statement: {} ]\n    then: { stance: supports }\n    salience: 3\n", DiagnosticCodes.UnknownKey, 5, 5)]
    [InlineData("rules: [\n", DiagnosticCodes.YamlSyntax, 2, 1)]
    [InlineData("rulez: []\n", DiagnosticCodes.UnknownKey, 1, 1)]
    public void EachMistake_IsReportedWithItsCodeAndPosition(string rules, string code, int line, int column)
    {
        var diagnostic = Errors(rules)[0];

        Assert.True(
            diagnostic.Code == code && diagnostic.Location.Line == line && diagnostic.Location.Column == column,
            $"expected {code} at {line}:{column}, got {diagnostic}");
    }

    [Fact]
    public void MistakesAcrossFiles_AreAllReported()
    {
        var error = Assert.Throws<StanceRulesException>(() => StanceEngine.FromYaml([
            new("one.yaml", "rules:\n  - id: a\n    when: [ speech: {} ]\n    then: { stance: supports }\n"),
            new("two.yaml", "issues:\n  - { id: x }\n  - { id: x }\n"),
        ]));

        Assert.Equal(["one.yaml", "two.yaml"], error.Diagnostics.Select(d => d.Location.File));
    }

    [Fact]
    public void GazetteerAliasNamingTwoCountries_IsAnError()
    {
        const string gazetteer = """
            countries:
              - { iso3: AAA, iso2: AA, names: [Alpha], capitals: [Shared City] }
              - { iso3: BBB, iso2: BB, names: [Beta], capitals: [Shared City] }
            rules:
              - id: r
                when: [ statement: {} ]
                then: { stance: supports }
            """;

        var diagnostic = Assert.Single(Errors(gazetteer));

        Assert.Equal((DiagnosticCodes.DuplicateAlias, 3), (diagnostic.Code, diagnostic.Location.Line));
    }

    [Fact]
    public void EmptyRuleSet_IsAnError()
    {
        Assert.Equal(DiagnosticCodes.NoRules, Assert.Single(Errors("issues: []\n")).Code);
    }

    [Fact]
    public void Load_MissingFolder_IsAnError()
    {
        Assert.False(StanceEngine.TryLoad("/no/such/rules", out _, out var diagnostics));
        Assert.Equal(DiagnosticCodes.FileNotReadable, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void DefaultRuleFolder_LoadsWithoutErrors()
    {
        var engine = StanceEngine.Load(Repo.Rules);

        Assert.Equal(StanceEngine.CreateDefault().RuleIds, engine.RuleIds);
        Assert.Contains("vote-abstain", engine.RuleIds);
    }
}
