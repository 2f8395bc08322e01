namespace StanceRules.Tests;

/// <summary>Fact types declared in YAML beside the rules (a rule file's <c>types:</c>), with typed fields.</summary>
public sealed class DeclaredFactTypeTests : IDisposable
{
    private const string Speeches = """
        types:
          - name: speech
            fields:
              tone: text
              applause: number
              delivered: date
              stance_taken: stance
              televised: boolean
        rules:
          - id: warm-speech-supports
            when:
              - speech: { tone: warm, applause: { ">=": 10 } }
            then: { stance: supports, confidence: 0.7 }
          - id: declared-stance-counts
            when:
              - speech as s: { stance_taken: rejects, televised: true }
            then: { stance: $s.stance_taken, confidence: 0.6 }
        """;

    private const string Tests = """
        tests:
          - name: a warm, applauded speech supports
            facts:
              - { type: speech, actor: Kremlin, tone: warm, applause: 12, issue: china-peace-plan }
            expect:
              - { country: RUS, issue: china-peace-plan, stance: supports, rule: warm-speech-supports }
          - name: a cold speech says nothing
            facts:
              - { type: speech, actor: Kremlin, tone: cold, applause: 40, issue: china-peace-plan }
            absent:
              - { country: RUS, issue: china-peace-plan }
          - name: a televised speech's own stance counts
            facts:
              - { type: speech, actor: Kyiv, stance_taken: rejects, televised: true, delivered: 2023-03-21, issue: china-peace-plan }
            expect:
              - { country: UKR, issue: china-peace-plan, stance: rejects, rule: declared-stance-counts }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("stance-declared-").FullName;

    public DeclaredFactTypeTests()
    {
        File.WriteAllText(Path.Combine(_folder, "speeches.yaml"), Speeches);
        File.WriteAllText(Path.Combine(_folder, "speeches.tests.yaml"), Tests);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

#if STANCE_CLI // runs the stance CLI, which targets net10.0 only
    [Fact]
    public void StanceTest_RunsARuleTestFileOfAYamlDeclaredFactType_AndPasses()
    {
        var (exit, output, error) = StanceCli.Run("test", _folder, "--extend-defaults");

        Assert.True(exit == 0, output + error);
        Assert.Contains("3 cases: 3 passed, 0 failed", output, StringComparison.Ordinal);
    }
#endif

    [Fact]
    public void DeclaredType_InAFactDocument_IsInferredAndExplained()
    {
        var engine = StanceEngine.Load(_folder, new StanceEngineOptions { ExtendDefaultRules = true });
        var article = ArticleFacts.Parse("""
            article: { id: speeches-1 }
            facts:
              - { id: s1, type: speech, actor: Kremlin, tone: warm, applause: 15, issue: china-peace-plan, evidence: "a warm speech" }
            """, "speeches-1.facts.yaml", engine.FactTypes);

        var stance = Assert.Single(engine.Infer(article).Stances);
        Assert.Equal(("RUS", Stance.Supports, "warm-speech-supports"), (stance.Country, stance.Stance, Assert.Single(stance.Rules)));
        var explanation = engine.Explain(article, "RUS", "china-peace-plan").ToString();
        Assert.Contains("s1 speech: Kremlin → RUS, china-peace-plan", explanation, StringComparison.Ordinal);
        Assert.Contains("warm-speech-supports", explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void DeclaredType_InAFactDocument_HasTheDiagnosticsOfABuiltInType()
    {
        var engine = StanceEngine.Load(_folder, new StanceEngineOptions { ExtendDefaultRules = true });

        Assert.False(ArticleFacts.TryParse("""
            article: { id: bad }
            facts:
              - { type: speech, actor: Kremlin, applause: loud, colour: red }
              - { type: speech, tone: warm }
            """, "bad.facts.yaml", out _, out var diagnostics, engine.FactTypes));

        Assert.Equal(
            [(DiagnosticCodes.UnknownKey, 3), (DiagnosticCodes.MissingKey, 4), (DiagnosticCodes.InvalidValue, 3)],
            diagnostics.Select(d => (d.Code, d.Location.Line)).Order());
    }

    [Fact]
    public void DeclaredType_MisusedInARule_HasTheDiagnosticsOfABuiltInType()
    {
        File.WriteAllText(Path.Combine(_folder, "bad.yaml"), """
            rules:
              - id: bad-field
                when:
                  - speech: { volume: 11 }
                then: { stance: supports }
              - id: bad-kind
                when:
                  - speech: { applause: many }
                then: { stance: supports }
              - id: asserts-a-speech
                when:
                  - statement: { act: welcome }
                then: { assert: { speech: { tone: warm } } }
            """);

        var error = Assert.Throws<StanceRulesException>(() => StanceEngine.Load(_folder, new StanceEngineOptions { ExtendDefaultRules = true }));

        Assert.Equal([DiagnosticCodes.UnknownField, DiagnosticCodes.InvalidValue, DiagnosticCodes.NotAssertable], error.Diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void TypesSection_WithAnUnknownKindOrAReservedField_IsAnError()
    {
        var error = Assert.Throws<StanceRulesException>(() => StanceEngine.FromYaml(Repo.KnowledgeFiles().Append(new("t.yaml", """
            types:
              - name: speech
                fields: { tone: colour, actor: text }
              - name: Bad_Name
                fields: {}
            rules:
              - id: r
                when: [ { statement: { act: welcome } } ]
                then: { stance: supports }
            """))));

        Assert.Equal([DiagnosticCodes.InvalidValue, DiagnosticCodes.DuplicateEntry, DiagnosticCodes.InvalidValue], error.Diagnostics.Select(d => d.Code));
    }
}
