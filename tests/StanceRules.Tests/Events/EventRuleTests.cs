namespace StanceRules.Tests.Events;

/// <summary>
/// Events go through the rule engine: each record is a fact of the declared type <c>event</c>
/// (rules/events.yaml), the mapping gives its fields, and rules (the shipped <c>event-stance</c>,
/// or a layer's) decide the stances.
/// </summary>
public class EventRuleTests
{
    private static EventRecord Gdelt(string source, string role, string code, string? target, long id = 1)
    {
        var row = GdeltFiles.Event(GdeltFiles.V2, id, "20230301", source, role, code, target, $"https://example.org/{id}");
        return EventRecords.GdeltRow("e.csv", 1, row).Record!;
    }

    [Fact]
    public void AnEventStance_IsTheShippedRulesSignal_CitingTheRecordAndItsEvidence()
    {
        var report = StanceEngine.CreateDefault().InferEvent(Gdelt("USA", "GOV", "1121", "RUS", 42));

        var stance = Assert.Single(report.Stances);
        Assert.Equal(("42", new DateOnly(2023, 3, 1)), (report.Article, report.Published!.Value));
        Assert.Equal("USA toward-rus condemns 0.7", stance.ToString());
        Assert.Equal(["event-stance"], stance.Rules);
        Assert.Equal(["42"], stance.Facts);
        Assert.Equal(["https://example.org/42"], stance.Evidence);
    }

    [Fact]
    public void TheEventType_IsDeclaredInYaml_WithTheCodedAndMappedFields()
    {
        var types = StanceEngine.CreateDefault().FactTypes;

        Assert.True(types.TryGet("event", out var type));
        Assert.True(type.IsDeclared);
        Assert.Equal(
            ["actor", "code", "coding", "country", "date", "evidence", "family", "id", "issue", "mode", "quad_class", "source_code", "source_role", "state", "target", "target_code", "target_country", "target_role", "text"],
            type.FieldNames.Where(n => n != "evidence_offset").ToArray());
    }

    [Fact]
    public void ALayersRule_DecidesWhatTheShippedOneLeaves_MaterialConflictCondemnsTheTarget()
    {
        using var folder = new Security.TempFolder();
        folder.File("force.yaml", """
            rules:
              - id: force-condemns-target
                description: A state's use of force against another state condemns it.
                when:
                  - event: { state: true, quad_class: 4, target_country: { present: true }, issue: { present: true } }
                then: { stance: condemns, confidence: 0.5 }
            """);
        var layered = StanceEngine.Load(folder.Path, new StanceEngineOptions { ExtendDefaultRules = true });
        var assault = Gdelt("RUS", "MIL", "190", "UKR");

        Assert.Empty(StanceEngine.CreateDefault().InferEvent(assault).Stances);
        var stance = Assert.Single(layered.InferEvent(assault).Stances);
        Assert.Equal(("RUS toward-ukr condemns 0.5", "force-condemns-target"), (stance.ToString(), Assert.Single(stance.Rules)));
        Assert.Equal("the code '190' has no stance family", layered.Events.WhyNoStance(assault));
    }

    [Fact]
    public void TheMappingStaysData_ALayersFamilyChangesTheFactAndSoTheStance()
    {
        using var folder = new Security.TempFolder();
        folder.File("event-families.yaml", "events:\n  cameo:\n    \"0311\": rejects\n");
        var layered = StanceEngine.Load(folder.Path, new StanceEngineOptions { ExtendDefaultRules = true });
        var record = Gdelt("JAP", string.Empty, "0311", "KOR");

        Assert.Equal("JPN toward-kor supports 0.7", Assert.Single(StanceEngine.CreateDefault().InferEvent(record).Stances).ToString());
        Assert.Equal("JPN toward-kor rejects 0.7", Assert.Single(layered.InferEvent(record).Stances).ToString());
    }

    [Fact]
    public void ARuleSetWithoutTheEventType_CannotInferEvents_AndSaysWhy()
    {
        using var folder = new Security.TempFolder();
        folder.File("rules.yaml", """
            countries:
              - { iso3: USA, iso2: US, names: [United States] }
            acts: { condemns: [condemn] }
            rules:
              - id: statement-condemns
                when:
                  - statement: { family: condemns }
                then: { stance: condemns }
            """);
        var engine = StanceEngine.Load(folder.Path);

        var error = Assert.Throws<InvalidOperationException>(() => engine.InferEvent(Gdelt("USA", "GOV", "111", "RUS")));
        Assert.Contains("declares no fact type 'event'", error.Message, StringComparison.Ordinal);
    }
}
