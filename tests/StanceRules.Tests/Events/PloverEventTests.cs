namespace StanceRules.Tests.Events;

/// <summary>
/// The PLOVER gold-standard records read as events and mapped with the shipped mapping
/// (rules/events.yaml), record by record, against an expectation written by an independent script
/// (Fixtures/plover-gsr/gsr-dev.events.expected.tsv).
/// </summary>
public class PloverEventTests
{
    private static readonly string Records = Repo.Fixture("plover-gsr", "gsr-dev.json");

    internal static async Task<List<EventRead>> ReadAll(string path, EventFormat format = EventFormat.Auto)
    {
        var reads = new List<EventRead>();
        await foreach (var read in EventRecords.ReadFileAsync(path, format))
        {
            reads.Add(read);
        }

        return reads;
    }

    /// <summary>What the rules made of the record: its stance (issue and family), or why the shipped rule gave none.</summary>
    private static string Outcome(StanceEngine engine, EventRecord record)
    {
        var report = engine.InferEvent(record);
        var reason = engine.Events.WhyNoStance(record);
        if (report.Stances.Count > 0)
        {
            var stance = Assert.Single(report.Stances);
            Assert.Null(reason);
            return $"{stance.Issue} {stance.Stance.ToName()}";
        }

        return reason switch
        {
            "the source is no country" => "no-country",
            { } r when r.Contains("does not speak for the state", StringComparison.Ordinal) => "not-state",
            { } r when r.Contains("has no stance family", StringComparison.Ordinal) => "no-family",
            { } r when r.StartsWith("no issue", StringComparison.Ordinal) => "no-issue",
            _ => "no rule fired although the mapping gave every field",
        };
    }

    [Fact]
    public async Task EveryRecord_SourceCountryStateAndFamily_AreTheShippedMappings_RecordByRecord()
    {
        var engine = StanceEngine.CreateDefault();
        var mapping = engine.Events;
        var expected = File.ReadAllLines(Repo.Fixture("plover-gsr", "gsr-dev.events.expected.tsv")).Where(l => !l.StartsWith('#')).Select(l => l.Split('\t')).ToArray();

        var reads = await ReadAll(Records);

        Assert.All(reads, r => Assert.Null(r.Error));
        Assert.Equal(expected.Select(e => e[0]), reads.Select(r => r.Record!.Id));
        foreach (var (read, row) in reads.Zip(expected))
        {
            var record = read.Record!;
            var actual = new[]
            {
                record.Id,
                record.Source.CountryCode.Length == 0 ? "-" : record.Source.CountryCode,
                mapping.CountryOf(record.Source.CountryCode) ?? "-",
                record.Source.Role.Length == 0 ? "-" : record.Source.Role,
                mapping.SpeaksForState(record.Source) ? "state" : "-",
                mapping.FamilyOf(record)?.ToName() ?? "-",
                Outcome(engine, record),
            };
            Assert.Equal(string.Join(" | ", row), string.Join(" | ", actual));
        }
    }

    [Fact]
    public async Task TheCameoCountryCodesThatDifferFromIso_MapToIso_JapItlVtn()
    {
        var mapping = StanceEngine.CreateDefault().Events;
        var records = (await ReadAll(Records)).Select(r => r.Record!).ToArray();

        Assert.Equal("ITA", mapping.CountryOf(Assert.Single(records, r => r.Id == "PLOVER-GSR01-INVESTIGATE-0006").Source.CountryCode));
        Assert.Equal("VNM", mapping.CountryOf(records.First(r => r.Source.CountryCode == "VTN").Source.CountryCode));
        Assert.Equal("JPN", mapping.CountryOf(records.First(r => r.Target?.CountryCode == "JAP").Target!.CountryCode));
        Assert.Null(mapping.CountryOf("IGO"));
    }

    [Fact]
    public async Task HowManyRecordsGiveAStance_AndWhyTheOthersDoNot_AsTheReadmeStates()
    {
        var engine = StanceEngine.CreateDefault();
        var events = (await ReadAll(Records)).Select(r => r.Record!).ToArray();

        var outcomes = events.GroupBy(e => Outcome(engine, e).Split(' ')[0].StartsWith("toward-", StringComparison.Ordinal) ? "stance" : Outcome(engine, e))
            .ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(173, events.Length);
        Assert.Equal(new Dictionary<string, int> { ["stance"] = 27, ["no-country"] = 17, ["not-state"] = 50, ["no-family"] = 62, ["no-issue"] = 17 }, outcomes);
    }

    [Fact]
    public async Task AnIssueRuleInALayer_AssignsItsIssue_OthersKeepTheDefaultTowardTheTarget()
    {
        using var folder = new Security.TempFolder();
        folder.File("event-issues.yaml", """
            events:
              issues:
                - { issue: refugee-return, words: [refugees] }
                - { issue: israel-palestine, target: [ISR, PSE], codes: [DISAPPROVE, REJECT] }
            """);
        var engine = StanceEngine.Load(folder.Path, new StanceEngineOptions { ExtendDefaultRules = true });
        var records = (await ReadAll(Records)).Select(r => r.Record!).ToDictionary(r => r.Id);

        var refugees = engine.InferEvent(records["PLOVER-GSR01-AGREE-0001#1"]).Stances.Single();
        var byDefault = records.Values.Select(r => engine.InferEvent(r)).Where(r => r.Stances.Count > 0).Select(r => r.Stances[0].Issue).ToArray();

        Assert.Equal("HUN refugee-return supports", $"{refugees.Country} {refugees.Issue} {refugees.Stance.ToName()}");
        Assert.Contains("israel-palestine", byDefault);
        Assert.Contains(byDefault, i => i.StartsWith("toward-", StringComparison.Ordinal));
        Assert.Empty(StanceEngine.CreateDefault().InferEvent(records["PLOVER-GSR01-AGREE-0001#1"]).Stances);
        Assert.Equal("no issue: no target country and no issue rule", StanceEngine.CreateDefault().Events.WhyNoStance(records["PLOVER-GSR01-AGREE-0001#1"]));
    }
}

/// <summary>The events: section is checked when the rule set loads (stance validate), at its line.</summary>
public class EventMappingValidationTests
{
    [Theory]
    [InlineData("events:\n  cameo:\n    \"1x1\": condemns\n", 3, "'events.cameo': '1x1' is not a CAMEO code")]
    [InlineData("events:\n  plover:\n    SUPPORT: likes\n", 3, "unknown family 'likes'")]
    [InlineData("events:\n  countries:\n    JAPAN: JPN\n", 3, "maps three-letter country codes")]
    [InlineData("events:\n  issues:\n    - { issue: x, since: March }\n", 3, "'since' takes a date as YYYY-MM-DD")]
    [InlineData("events:\n  colours: []\n", 2, "colours")]
    public void ABadEventsSection_IsALoadErrorAtItsLine(string yaml, int line, string message)
    {
        using var folder = new Security.TempFolder();
        var path = folder.File("event-map.yaml", yaml);

        var loaded = StanceEngine.TryLoad(folder.Path, out _, out var diagnostics, new StanceEngineOptions { ExtendDefaultRules = true });

        Assert.False(loaded);
        var error = Assert.Single(diagnostics);
        Assert.Equal((Path.GetFileName(path), line), (Path.GetFileName(error.Location.File), error.Location.Line));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
