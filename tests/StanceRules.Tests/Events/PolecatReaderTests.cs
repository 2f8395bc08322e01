using System.IO.Compression;
using System.Text;
using static StanceRules.Tests.Events.PolecatFiles;

namespace StanceRules.Tests.Events;

/// <summary>POLECAT weekly files: read by the header's column names, every good row read, every bad row reported with its line number.</summary>
public class PolecatReaderTests
{
    private static readonly Event IranAccusesIsrael = new("e1", "2023-03-01", "ACCUSE", "Iran", "Iran", "630", "Government", "Israel", "Israel", "666", "Government")
    {
        Contexts = "nuclear; military",
        StoryId = "story-9",
        EventText = "Iran accused Israel of sabotage",
    };

    private static readonly Event TwoCountriesReject = new("e2", "2023-03-02", "reject", "Russia; China", "Russia; China", "365; 710", "Government", "United States", "None", "2", "None")
    {
        Mode = "None",
        Quad = "None",
    };

    private static readonly Event RebelsSupport = new("e3", "2023-03-03", "SUPPORT", "Houthis", "Yemen", "679", "Rebel", "Iran", "Iran", "630", "Government")
    {
        Quad = "VERBAL COOPERATION",
    };

    public static TheoryData<string> Releases => ["1", "2"];

    private static string[] ColumnsOf(string release) => release == "1" ? Release1 : Release2;

    /// <summary>A record as one line: what a reader gives, field by field.</summary>
    private static string Shown(EventRecord r) =>
        $"{r.Id}|{r.Date:yyyy-MM-dd}|{r.Coding}|{r.Code}|{r.QuadClass}|{r.Mode}|{r.Source.Text}/{r.Source.CountryCode}/{r.Source.Role}|{r.Target?.Text}/{r.Target?.CountryCode}/{r.Target?.Role}|{r.Evidence}|{r.Text}";

    [Fact]
    public void TheReleases_AreTheDocumentedColumns_InTwoOrders_WithTheRenamedAndOptionalColumns()
    {
        Assert.Equal(40, Release1.Length);
        Assert.Equal(44, Release2.Length);
        Assert.Contains("Event Intensity", Release2);
        Assert.DoesNotContain("Intensity", Release2);
        Assert.NotEqual(Array.IndexOf(Release1, "Event ID"), Array.IndexOf(Release2, "Event ID"));
        Assert.NotEqual(Array.IndexOf(Release1, "Actor Country"), Array.IndexOf(Release2, "Actor Country"));
    }

    [Theory]
    [MemberData(nameof(Releases))]
    public async Task EachRelease_IsReadByColumnName_RecordByRecord(string release)
    {
        var columns = ColumnsOf(release);
        using var folder = new Security.TempFolder();
        var path = folder.File($"polecat-{release}.txt", File(columns, IranAccusesIsrael, TwoCountriesReject, RebelsSupport));

        var reads = await PloverEventTests.ReadAll(path);

        Assert.All(reads, r => Assert.Null(r.Error));
        Assert.Equal([2L, 3L, 3L, 4L], reads.Select(r => r.Line));
        var hasStory = release == "2";
        Assert.Equal(
            [
                $"e1|2023-03-01|Plover|ACCUSE|3|verbal|Iran/Iran/Government|Israel/Israel/Government|{(hasStory ? "story-9" : "Reuters")}|nuclear; military{(hasStory ? " Iran accused Israel of sabotage A headline" : string.Empty)}",
                $"e2#1|2023-03-02|Plover|REJECT|||Russia/Russia/Government|United States/2/|Reuters|{(hasStory ? "A headline" : string.Empty)}",
                $"e2#2|2023-03-02|Plover|REJECT|||China/China/Government|United States/2/|Reuters|{(hasStory ? "A headline" : string.Empty)}",
                $"e3|2023-03-03|Plover|SUPPORT|1|verbal|Houthis/Yemen/Rebel|Iran/Iran/Government|Reuters|{(hasStory ? "A headline" : string.Empty)}",
            ],
            reads.Select(r => Shown(r.Record!)));
    }

    [Theory]
    [MemberData(nameof(Releases))]
    public async Task MalformedRows_AreReportedWithTheirLineNumbers_EveryGoodRowIsRead(string release)
    {
        var columns = ColumnsOf(release);
        var good = Row(columns, IranAccusesIsrael);
        var lines = new object[]
        {
            IranAccusesIsrael,                                                      // 2
            string.Join('\t', good.Split('\t').Take(30)),                           // 3: wrong column count
            good + "\textra",                                                       // 4: one column too many
            IranAccusesIsrael with { Id = "e5", Date = "2023-02-30" },              // 5: bad date
            IranAccusesIsrael with { Id = "e6", Type = "PRAISE" },                  // 6: unknown type
            IranAccusesIsrael with { Id = "e7", ActorName = new string('x', 1_048_576) }, // 7: a 1 MB field
            string.Empty,                                                           // 8: blank, skipped
            IranAccusesIsrael with { Id = "None" },                                 // 9: no id
            IranAccusesIsrael with { Id = "e10", Date = "01/03/2023" },             // 10: another date form
            TwoCountriesReject with { Id = "e11" },                                 // 11
            RebelsSupport with { Id = "e12" },                                      // 12
        };
        using var folder = new Security.TempFolder();
        var path = folder.File("polecat.txt", File(columns, lines));

        var reads = await PloverEventTests.ReadAll(path);

        Assert.Equal(["e1", "e11#1", "e11#2", "e12"], reads.Where(r => r.Record is not null).Select(r => r.Record!.Id));
        Assert.Equal([2L, 11L, 11L, 12L], reads.Where(r => r.Record is not null).Select(r => r.Line));
        var errors = reads.Where(r => r.Error is not null).ToDictionary(r => r.Line, r => r.Error!);
        Assert.Equal([3L, 4L, 5L, 6L, 7L, 9L, 10L], errors.Keys.Order());
        Assert.Equal($"expected {columns.Length} tab-separated columns (as the header), found 30", errors[3]);
        Assert.Equal($"expected {columns.Length} tab-separated columns (as the header), found more than {columns.Length}", errors[4]);
        Assert.Equal("'Event Date' '2023-02-30' is not a date as YYYY-MM-DD", errors[5]);
        Assert.Equal("'Event Type' 'PRAISE' is not a PLOVER event type", errors[6]);
        Assert.Equal("line longer than 262,144 bytes (the longest POLECAT row read); skipped", errors[7]);
        Assert.Equal("'Event ID' is empty", errors[9]);
        Assert.Equal("'Event Date' '01/03/2023' is not a date as YYYY-MM-DD", errors[10]);
        Assert.All(reads, r => Assert.Equal(path, r.Source));
    }

    [Theory]
    [InlineData("Actor Country")]
    [InlineData("Primary Recipient Sector")]
    [InlineData("Event Date")]
    public async Task AHeaderWithoutAColumnTheReaderNeeds_IsOneErrorNamingFileAndColumn_NothingIsRead(string column)
    {
        var columns = Release1.Where(c => c != column).ToArray();
        using var folder = new Security.TempFolder();
        var path = folder.File("old.txt", File(columns, IranAccusesIsrael));

        var read = Assert.Single(await PloverEventTests.ReadAll(path, EventFormat.Polecat));

        Assert.Equal((path, 1L, null), (read.Source, read.Line, read.Record));
        Assert.StartsWith($"the POLECAT header has no column '{column}' (needed: Event ID, Event Date,", read.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AZip_IsReadEntryByEntry_ErrorsNameTheEntry()
    {
        using var folder = new Security.TempFolder();
        var path = Path.Combine(folder.Path, "ngec_coded_all_2023_w09.zip");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(zip.CreateEntry("ngec_coded_all_2023_w09.txt").Open(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            writer.Write(File(Release2, IranAccusesIsrael, "not a row", RebelsSupport));
        }

        var reads = await PloverEventTests.ReadAll(path);

        Assert.Equal(["e1", null, "e3"], reads.Select(r => r.Record?.Id));
        Assert.Equal(($"{path}!ngec_coded_all_2023_w09.txt", 3L), (reads[1].Source, reads[1].Line));
        Assert.Equal($"expected {Release2.Length} tab-separated columns (as the header), found 1", reads[1].Error);
    }

    [Fact]
    public async Task TheFormat_IsSniffedFromTheHeader_WhateverTheColumnOrder_AndAGdeltFileStaysGdelt()
    {
        using var folder = new Security.TempFolder();
        var polecat = folder.File("w.txt", "\r\n" + File(Release2, RebelsSupport).Replace("\n", "\r\n", StringComparison.Ordinal));
        var gdelt = folder.File("g.csv", GdeltFiles.Event(GdeltFiles.V2, 1, "20230301", "USA", "GOV", "111", "RUS", "u"));

        var read = Assert.Single(await PloverEventTests.ReadAll(polecat));
        Assert.Equal(("e3", 3L), (read.Record!.Id, read.Line));
        Assert.Equal(EventCoding.Cameo, Assert.Single(await PloverEventTests.ReadAll(gdelt)).Record!.Coding);
    }

    [Fact]
    public async Task AStreamGivingOneByteAtATime_IsStillSniffedAsPolecat()
    {
        var bytes = Encoding.UTF8.GetBytes(File(Release1, IranAccusesIsrael));
        using var stream = new OneByteStream(bytes);
        var reads = new List<EventRead>();

        await foreach (var read in EventRecords.ReadAsync(stream, "stdin"))
        {
            reads.Add(read);
        }

        Assert.Equal("e1", Assert.Single(reads).Record!.Id);
    }

    [Fact]
    public async Task ActorCountries_OnePerDistinctCountry_TheNumberWhereTheNameIsNone()
    {
        var rows = new object[]
        {
            TwoCountriesReject with { Id = "same", ActorName = "Iran; Iran", ActorCountry = "Iran; Iran", ActorCow = "630; 630" },
            TwoCountriesReject with { Id = "cow", ActorName = "Moscow; Beijing", ActorCountry = "None; China", ActorCow = "365; 710" },
            TwoCountriesReject with { Id = "uneven", ActorName = "officials", ActorCountry = "Russia; China", ActorCow = "365" },
            TwoCountriesReject with { Id = "none", ActorName = "United Nations", ActorCountry = "None", ActorCow = "None", ActorSector = "None" },
        };
        using var folder = new Security.TempFolder();

        var reads = await PloverEventTests.ReadAll(folder.File("w.txt", File(Release1, rows)));

        Assert.Equal(
            ["same Iran/Iran", "cow#1 Moscow/365", "cow#2 Beijing/China", "uneven#1 officials/Russia", "uneven#2 officials/China", "none United Nations/"],
            reads.Select(r => $"{r.Record!.Id} {r.Record.Source.Text}/{r.Record.Source.CountryCode}"));
    }

    [Fact]
    public async Task PolecatEvents_MapToStances_ByCountryNameOrCowNumber_OfStateSectorsOnly()
    {
        var rows = new object[]
        {
            IranAccusesIsrael,                                                                          // IRN condemns toward-isr
            TwoCountriesReject,                                                                         // RUS, CHN reject toward-usa (the target by its number)
            RebelsSupport,                                                                              // rebels: no stance
            RebelsSupport with { Id = "e4", ActorSector = "None", ActorName = "Yemen" },                 // the country itself: YEM supports
            RebelsSupport with { Id = "e5", ActorCountry = "None", ActorCow = "999", ActorSector = "Government" }, // an unknown number: no country
            IranAccusesIsrael with { Id = "e6", ActorCountry = "Narnia", ActorCow = "None" },           // an unknown name: no country
            IranAccusesIsrael with { Id = "e7", Type = "ASSAULT", Quad = "MATERIAL CONFLICT" },        // no family
            IranAccusesIsrael with { Id = "e8", ActorCountry = "united states of america", ActorSector = "military" }, // names and sectors with case ignored
        };
        using var folder = new Security.TempFolder();
        var engine = StanceEngine.CreateDefault();

        var reads = await PloverEventTests.ReadAll(folder.File("w.txt", File(Release2, rows)));
        var outcomes = reads.Select(r => engine.InferEvent(r.Record!).Stances.SingleOrDefault() is { } s ? $"{s.Country} {s.Issue} {s.Stance.ToName()}" : engine.Events.WhyNoStance(r.Record!) ?? "-").ToArray();

        Assert.Equal(
            [
                "IRN toward-isr condemns",
                "RUS toward-usa rejects",
                "CHN toward-usa rejects",
                "the source role 'Rebel' does not speak for the state",
                "YEM toward-irn supports",
                "the source is no country",
                "the source is no country",
                "the code 'ASSAULT' has no stance family",
                "USA toward-isr condemns",
            ],
            outcomes);
        Assert.Equal(["story-9"], engine.InferEvent(reads[0].Record!).Stances.Single().Evidence);
    }

    [Fact]
    public void TheCountryTables_AreData_ALayerAddsNamesNumbersAndSectors()
    {
        using var folder = new Security.TempFolder();
        folder.File("polecat.yaml", """
            events:
              country-names: { "Persia": IRN }
              cow: { "260": DEU }
              state-sectors: [Executive]
            """);
        var layered = StanceEngine.Load(folder.Path, new StanceEngineOptions { ExtendDefaultRules = true }).Events;
        var shipped = StanceEngine.CreateDefault().Events;

        Assert.Equal((null, "IRN"), (shipped.CountryOf("Persia"), layered.CountryOf("Persia")));
        Assert.Equal((null, "DEU"), (shipped.CountryOf("260"), layered.CountryOf("260")));
        Assert.Equal(("RUS", "RUS", "USA", "IRN"), (shipped.CountryOf("365"), shipped.CountryOf("Russian Federation"), shipped.CountryOf("2"), layered.CountryOf("Iran")));
        var executive = new EventActor("President", "Iran", "Executive");
        Assert.Equal((false, true), (shipped.SpeaksForState(executive), layered.SpeaksForState(executive)));
        Assert.Equal(["Executive"], layered.StateSectors);
    }

    [Fact]
    public void BadCountryTableEntries_AreRuleSetErrors_NamingTheEntry()
    {
        using var folder = new Security.TempFolder();
        folder.File("polecat.yaml", """
            events:
              cow: { "two": USA }
              country-names: { "Persia": IRAN }
            """);

        var error = Assert.Throws<StanceRulesException>(() => StanceEngine.Load(folder.Path, new StanceEngineOptions { ExtendDefaultRules = true }));

        Assert.Contains("'events.cow' maps a Correlates of War state number to a three-letter ISO code, not 'two: USA'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'events.country-names' maps a country's name to a three-letter ISO code, not 'Persia: IRAN'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GOV", true)]
    [InlineData("MILsrp", true)]
    [InlineData("Government", true)]
    [InlineData("GOVERNMENT", true)]
    [InlineData("Governor", false)]
    [InlineData("Gov", false)]
    [InlineData("Rebel", false)]
    [InlineData("", true)]
    public void ASectorWrittenAsAWord_CountsOnlyWhole_ACameoRoleByItsFirstThreeCapitals(string role, bool state)
    {
        Assert.Equal(state, StanceEngine.CreateDefault().Events.SpeaksForState(new EventActor("x", "Iran", role)));
    }

    [Fact]
    public void ACameoCodeInCapitals_IsNeverReadAsACountryName()
    {
        var events = StanceEngine.CreateDefault().Events;

        // "UAE" is a name of the United Arab Emirates in the gazetteer, but as a coded country it is no CAMEO code.
        Assert.Null(events.CountryOf("UAE"));
        Assert.Null(events.CountryOf("AFR"));
        Assert.Equal("ARE", events.CountryOf("Uae"));
    }

    /// <summary>A stream that gives one byte per read, as a slow pipe may.</summary>
    private sealed class OneByteStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, 1)]);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => base.ReadAsync(buffer[..Math.Min(buffer.Length, 1)], cancellationToken);
    }
}
