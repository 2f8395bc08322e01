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

    private static string Outcome(EventMapping mapping, EventRecord record)
    {
        var report = mapping.ToReport(record, out var reason);
        if (report is not null)
        {
            var stance = Assert.Single(report.Stances);
            return $"{stance.Issue} {stance.Stance.ToName()}";
        }

        return reason switch
        {
            "the source is no country" => "no-country",
            { } r when r.Contains("does not speak for the state", StringComparison.Ordinal) => "not-state",
            { } r when r.Contains("has no stance family", StringComparison.Ordinal) => "no-family",
            _ => "no-issue",
        };
    }

    [Fact]
    public async Task EveryRecord_SourceCountryStateAndFamily_AreTheShippedMappings_RecordByRecord()
    {
        var mapping = StanceEngine.CreateDefault().Events;
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
                Outcome(mapping, record),
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
        var mapping = StanceEngine.CreateDefault().Events;
        var events = (await ReadAll(Records)).Select(r => r.Record!).ToArray();

        var outcomes = events.GroupBy(e => Outcome(mapping, e).Split(' ')[0].StartsWith("toward-", StringComparison.Ordinal) ? "stance" : Outcome(mapping, e))
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
        var mapping = StanceEngine.Load(folder.Path, new StanceEngineOptions { ExtendDefaultRules = true }).Events;
        var records = (await ReadAll(Records)).Select(r => r.Record!).ToDictionary(r => r.Id);

        var refugees = mapping.ToReport(records["PLOVER-GSR01-AGREE-0001#1"], out _);
        var byDefault = records.Values.Select(r => mapping.ToReport(r, out _)).OfType<StanceReport>().Select(r => r.Stances[0].Issue).ToArray();

        Assert.Equal("HUN refugee-return supports", $"{refugees!.Stances[0].Country} {refugees.Stances[0].Issue} {refugees.Stances[0].Stance.ToName()}");
        Assert.Contains("israel-palestine", byDefault);
        Assert.Contains(byDefault, i => i.StartsWith("toward-", StringComparison.Ordinal));
        Assert.Null(StanceEngine.CreateDefault().Events.ToReport(records["PLOVER-GSR01-AGREE-0001#1"], out var reason));
        Assert.Equal("no issue: no target country and no issue rule", reason);
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
