namespace StanceRules.Tests.Events;

/// <summary>
/// An event that no rule can fire on returns before the inference runs (the matcher's screen,
/// derived from the match plan): the reports must be the reference's (every rule in NRules, no
/// screen) record by record, with the shipped rules and with a user's override of them, and a rule
/// set whose event rules do not all run by hash lookup must not be screened at all.
/// </summary>
public class EventScreenTests
{
    private static readonly StanceEngineOptions Reference = new() { Matching = RuleMatching.Reference };

    private static string ShippedEventsYaml() => File.ReadAllText(Path.Combine(Repo.Root, "rules", "events.yaml"));

    private static EventRecord[] Records(int count, int seed) =>
        EventCorpusTests.Rows(count, seed).Select((row, i) => EventRecords.GdeltRow("e.csv", i + 1, row).Record!).ToArray();

    /// <summary>Every report of the records, as JSON, one a line.</summary>
    private static string Reports(StanceEngine engine, IEnumerable<EventRecord> records) =>
        string.Join("\n", records.Select(r => engine.InferEvent(r).ToJson()));

    private static StanceEngine Layered(Security.TempFolder folder, StanceEngineOptions? options = null) =>
        StanceEngine.Load(folder.Path, (options ?? new StanceEngineOptions()) with { ExtendDefaultRules = true });

    [Fact]
    public async Task ScreenedEvents_GiveTheReferenceReports_RecordByRecord_GdeltAndPlover()
    {
        var records = Records(3_000, seed: 5).Concat((await PloverEventTests.ReadAll(Repo.Fixture("plover-gsr", "gsr-dev.json"))).Select(r => r.Record!)).ToArray();
        var engine = StanceEngine.CreateDefault();

        var screened = Reports(engine, records);

        Assert.Equal(Reports(StanceEngine.CreateDefault(Reference), records), screened);
        var withStance = records.Count(r => engine.InferEvent(r).Stances.Count > 0);
        Assert.InRange(withStance, 300, records.Length - 300);
    }

    [Fact]
    public void AnOverrideOfTheShippedRule_StillDecides_NonStateSourcesGiveStancesWhenItSaysSo()
    {
        using var folder = new Security.TempFolder();
        var shipped = ShippedEventsYaml();
        const string Condition = "event as e: { state: true, family: { present: true }, issue: { present: true } }";
        Assert.Contains(Condition, shipped, StringComparison.Ordinal);
        folder.File("events.yaml", shipped.Replace(Condition, "event as e: { family: { present: true }, issue: { present: true } }", StringComparison.Ordinal));
        var rebels = EventRecords.GdeltRow("e.csv", 1, GdeltFiles.Event(GdeltFiles.V2, 7, "20230301", "RUS", "REB", "111", "UKR", "https://example.org/7")).Record!;

        Assert.Empty(StanceEngine.CreateDefault().InferEvent(rebels).Stances);
        Assert.Equal("RUS toward-ukr condemns 0.7", Assert.Single(Layered(folder).InferEvent(rebels).Stances).ToString());

        var records = Records(2_000, seed: 9);
        Assert.Equal(Reports(Layered(folder, Reference), records), Reports(Layered(folder), records));
        Assert.NotEqual(Reports(StanceEngine.CreateDefault(), records), Reports(Layered(folder), records));
    }

    [Fact]
    public void AnEventRuleThatJoins_IsNotScreened_ItsStancesComeFromEveryRecordItMatches()
    {
        // Two patterns over events: a joined rule, which the screen cannot decide for, so no event is screened.
        using var folder = new Security.TempFolder();
        folder.File("opposition.yaml", """
            rules:
              - id: opposition-echo
                description: An opposition party's criticism, matched with itself, condemns the target.
                when:
                  - event as e: { source_role: OPP, family: condemns, issue: { present: true } }
                  - event as f: { id: $e.id }
                then: { stance: condemns, confidence: 0.4 }
            """);
        var layered = Layered(folder);
        var opposition = EventRecords.GdeltRow("e.csv", 1, GdeltFiles.Event(GdeltFiles.V2, 8, "20230301", "FRA", "OPP", "111", "CHN", "https://example.org/8")).Record!;

        Assert.Empty(StanceEngine.CreateDefault().InferEvent(opposition).Stances);
        var stance = Assert.Single(layered.InferEvent(opposition).Stances);
        Assert.Equal(("FRA toward-chn condemns 0.4", "opposition-echo"), (stance.ToString(), Assert.Single(stance.Rules)));
        Assert.True(layered.RuleSet.Matcher.CanFireAlone(layered.Events.Facts!.Create(opposition)));

        var records = Records(1_000, seed: 13);
        Assert.Equal(Reports(Layered(folder, Reference), records), Reports(layered, records));
    }

    [Fact]
    public void TheScreen_SaysNoRuleCanFire_OnlyForWhatTheShippedRuleRejects()
    {
        var engine = StanceEngine.CreateDefault();
        var facts = engine.Events.Facts!;
        bool CanFire(string source, string role, string code, string? target) =>
            engine.RuleSet.Matcher.CanFireAlone(facts.Create(EventRecords.GdeltRow("e.csv", 1, GdeltFiles.Event(GdeltFiles.V2, 1, "20230301", source, role, code, target, "https://example.org/1")).Record!));

        Assert.True(CanFire("USA", "GOV", "111", "RUS"));
        Assert.False(CanFire("USA", "REB", "111", "RUS"));
        Assert.False(CanFire("USA", "GOV", "190", "RUS"));
        Assert.False(CanFire("USA", "GOV", "111", null));
        Assert.True(CanFire("USA", string.Empty, "051", "FRA"));

        // Reference mode runs every rule in NRules: nothing is screened there.
        var reference = StanceEngine.CreateDefault(Reference);
        Assert.True(reference.RuleSet.Matcher.CanFireAlone(reference.Events.Facts!.Create(EventRecords.GdeltRow("e.csv", 1, GdeltFiles.Event(GdeltFiles.V2, 1, "20230301", "USA", "REB", "111", "RUS", "https://example.org/1")).Record!)));
    }
}
