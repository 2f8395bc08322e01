using System.IO.Compression;

namespace StanceRules.Tests.Events;

/// <summary>GDELT 1.0 and 2.0 event exports: every good row read, every bad row reported with its line number.</summary>
public class GdeltReaderTests
{
    [Fact]
    public void TheCodebooksColumns_Are58ForGdelt1_And61ForGdelt2()
    {
        Assert.Equal((58, 61), (GdeltFiles.V1.Length, GdeltFiles.V2.Length));
        Assert.Equal((26, 29, 57), (Array.IndexOf(GdeltFiles.V1, "EventCode"), Array.IndexOf(GdeltFiles.V1, "QuadClass"), Array.IndexOf(GdeltFiles.V1, "SOURCEURL")));
        Assert.Equal(60, Array.IndexOf(GdeltFiles.V2, "SOURCEURL"));
    }

    public static TheoryData<string> Versions => ["1.0", "2.0"];

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task MalformedRows_AreReportedWithTheirLineNumbers_EveryGoodRowIsRead(string version)
    {
        var columns = version == "1.0" ? GdeltFiles.V1 : GdeltFiles.V2;
        var good = GdeltFiles.Event(columns, 1, "20230301", "USA", "GOV", "111", "RUS", "https://example.org/1");
        var lines = new[]
        {
            good,                                                                                          // 1
            string.Join('\t', good.Split('\t').Take(40)),                                                  // 2: wrong column count
            GdeltFiles.Event(columns, 3, "20231341", "USA", "GOV", "111", "RUS", "u"),                     // 3: bad date
            GdeltFiles.Event(columns, 4, "20230301", "USA", "GOV", "11x", "RUS", "u"),                     // 4: non-numeric code
            GdeltFiles.Event(columns, 5, "20230301", "FRA", "", "051", "DEU", new string('u', 1_048_576)), // 5: a 1 MB field
            "",                                                                                            // 6: blank, skipped
            GdeltFiles.Row(columns, ("GLOBALEVENTID", "x7"), ("SQLDATE", "20230301"), ("EventCode", "111"), ("QuadClass", "3")), // 7: bad id
            GdeltFiles.Event(columns, 8, "20230302", "CHN", "MIL", "1231", "USA", "https://example.org/8"), // 8
            GdeltFiles.Event(columns, 9, "20230302", "GBR", "", "0871", null, "https://example.org/9"),     // 9
        };
        using var folder = new Security.TempFolder();
        var path = folder.File($"events-{version}.export.CSV", string.Join('\n', lines));

        var reads = await PloverEventTests.ReadAll(path);

        Assert.Equal([1L, 8L, 9L], reads.Where(r => r.Error is null).Select(r => r.Line));
        Assert.Equal(["1", "8", "9"], reads.Where(r => r.Record is not null).Select(r => r.Record!.Id));
        var errors = reads.Where(r => r.Error is not null).ToDictionary(r => r.Line, r => r.Error!);
        Assert.Equal([2L, 3L, 4L, 5L, 7L], errors.Keys.Order());
        Assert.Equal("expected 57 or 58 (GDELT 1.0) or 61 (GDELT 2.0) tab-separated columns, found 40", errors[2]);
        Assert.Equal("SQLDATE '20231341' is not a date as YYYYMMDD", errors[3]);
        Assert.Equal("EventCode '11x' is not a CAMEO code (2 to 4 digits)", errors[4]);
        Assert.Equal("line longer than 65,536 bytes (EventRecords.MaxGdeltRowBytes); skipped", errors[5]);
        Assert.Equal("GLOBALEVENTID 'x7' is not a number", errors[7]);
        var first = reads[0].Record!;
        Assert.Equal(("USA", "GOV", "RUS", "111", 3, new DateOnly(2023, 3, 1), "https://example.org/1"), (first.Source.CountryCode, first.Source.Role, first.Target!.CountryCode, first.Code, first.QuadClass, first.Date, first.Evidence));
        Assert.Null(reads[^1].Record!.Target);
    }

    [Fact]
    public async Task TheGdelt1BackFile_Of57Columns_HasNoSourceUrl()
    {
        var row = string.Join('\t', GdeltFiles.Event(GdeltFiles.V1, 1, "19790101", "USA", "GOV", "051", "EGY", "u").Split('\t').Take(57));
        using var folder = new Security.TempFolder();

        var read = Assert.Single(await PloverEventTests.ReadAll(folder.File("1979.csv", row)));

        Assert.Equal(("1", null), (read.Record!.Id, read.Record.Evidence));
    }

    [Fact]
    public async Task AZip_IsReadEntryByEntry_ErrorsNameTheEntry()
    {
        using var folder = new Security.TempFolder();
        var path = Path.Combine(folder.Path, "20230301.export.CSV.zip");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(zip.CreateEntry("20230301.export.CSV").Open());
            writer.Write(GdeltFiles.Event(GdeltFiles.V2, 1, "20230301", "USA", "GOV", "111", "RUS", "u") + "\nbad row\n" + GdeltFiles.Event(GdeltFiles.V2, 3, "20230301", "RUS", "GOV", "120", "USA", "u") + "\n");
        }

        var reads = await PloverEventTests.ReadAll(path);

        Assert.Equal(["1", null, "3"], reads.Select(r => r.Record?.Id));
        Assert.Equal($"{path}!20230301.export.CSV", reads[1].Source);
        Assert.Equal(2L, reads[1].Line);
    }

    [Fact]
    public async Task GdeltEvents_MapToStances_OfStateActorsOnly_TowardTheTarget()
    {
        var lines = new[]
        {
            GdeltFiles.Event(GdeltFiles.V2, 1, "20230301", "USA", "GOV", "1121", "RUS", "u1"),
            GdeltFiles.Event(GdeltFiles.V2, 2, "20230301", "USA", "REB", "111", "RUS", "u2"),
            GdeltFiles.Event(GdeltFiles.V2, 3, "20230301", "JAP", "", "0311", "KOR", "u3"),
            GdeltFiles.Event(GdeltFiles.V2, 4, "20230301", "RUS", "MIL", "190", "UKR", "u4"),
            GdeltFiles.Event(GdeltFiles.V2, 5, "20230301", "CHN", "GOV", "013", "USA", "u5"),
        };
        using var folder = new Security.TempFolder();
        var engine = StanceEngine.CreateDefault();

        var reads = await PloverEventTests.ReadAll(folder.File("e.csv", string.Join('\n', lines)));
        var stances = reads.Select(r => engine.InferEvent(r.Record!).Stances.SingleOrDefault()).Select(s => s is null ? "-" : $"{s.Country} {s.Issue} {s.Stance.ToName()}").ToArray();

        Assert.Equal(["USA toward-rus condemns", "-", "JPN toward-kor supports", "-", "-"], stances);
    }
}
