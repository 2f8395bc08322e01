using static StanceRules.Tests.Events.PolecatFiles;

namespace StanceRules.Tests.Events;

/// <summary>POLECAT files into a corpus: shards merge into the single run's result, through the library and the CLI.</summary>
public class PolecatCorpusTests
{
    private static string FileOf(string[] columns, IEnumerable<Event> events) => File(columns, [.. events]);

    [Fact]
    public async Task FourShardsMerged_AnswerExactlyAsTheSingleRun_InEveryWindow()
    {
        var events = PolecatFiles.Events(3_000, seed: 21);
        using var folder = new Security.TempFolder();
        var engine = StanceEngine.CreateDefault();
        var whole = await EventCorpusTests.CorpusOf(folder.File("all.txt", FileOf(Release1, events)), engine);

        var merged = new StanceCorpus();
        foreach (var shard in Enumerable.Range(0, 4))
        {
            // Shards of unequal sizes, interleaved rows, both releases' column orders, merged in reverse order.
            var part = events.Where((_, i) => (i * 7 + i / 3) % 4 == 3 - shard);
            merged.Merge(await EventCorpusTests.CorpusOf(folder.File($"shard-{shard}.txt", FileOf(shard % 2 == 0 ? Release2 : Release1, part)), engine));
        }

        Assert.True(whole.Articles > 500, $"{whole.Articles} events with a stance");
        Assert.Equal((whole.Articles, whole.Cells), (merged.Articles, merged.Cells));
        foreach (var by in Enum.GetValues<CorpusWindow>())
        {
            Assert.Equal(EventCorpusTests.Answers(whole, by), EventCorpusTests.Answers(merged, by));
        }
    }

#if STANCE_CLI
    [Fact]
    public void CorpusFromPolecat_FourFilesInParallel_PrintTheSameAsOneFile()
    {
        var events = PolecatFiles.Events(2_000, seed: 5);
        using var folder = new Security.TempFolder();
        var one = folder.File("all.txt", FileOf(Release2, events));
        var shards = Enumerable.Range(0, 4).Select(s => folder.File($"part-{s}.txt", FileOf(Release2, events.Where((_, i) => i % 4 == s)))).ToArray();

        var single = StanceCli.Run("corpus", "--from", "polecat", one, "--by", "quarter", "--format", "json");
        var parallel = StanceCli.Run(["corpus", "--from", "polecat", .. shards, "--by", "quarter", "--format", "json", "--workers", "4"]);
        var sniffed = StanceCli.Run(["corpus", "--from", "events", .. shards, "--by", "quarter", "--format", "json"]);

        Assert.True(single.Exit == 0, single.Err);
        Assert.Equal(single.Out, parallel.Out);
        Assert.Equal(single.Out, sniffed.Out);
        var rows = events.Sum(e => e.ActorCountry.Split("; ").Distinct().Count());
        Assert.Contains($"stance corpus: {rows:N0} events, ", single.Err, StringComparison.Ordinal);
        Assert.Contains("\"toward-", single.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void CorpusFromPolecat_GivesTheStancesOfTheRows_AndSaysWhyTheOthersGiveNone()
    {
        using var folder = new Security.TempFolder();
        var path = folder.File("w.txt", File(
            Release1,
            new Event("e1", "2023-03-01", "ACCUSE", "Iran", "Iran", "630", "Government", "Israel", "Israel", "666", "Government"),
            new Event("e2", "2023-03-08", "REJECT", "Iran", "Iran", "630", "None", "Israel", "Israel", "666", "Government"),
            new Event("e3", "2023-03-09", "ASSAULT", "Iran", "Iran", "630", "Military", "Israel", "Israel", "666", "Military"),
            new Event("e4", "2023-03-10", "SUPPORT", "Hezbollah", "Lebanon", "660", "Rebel", "Iran", "Iran", "630", "Government")));

        var (exit, output, error) = StanceCli.Run("corpus", "--from", "polecat", path, "--by", "month", "--format", "csv", "--show", "stances");

        Assert.True(exit == 0, error);
        Assert.Contains("stance corpus: 4 events, 2 with a stance, 0 bad rows", error, StringComparison.Ordinal);
        Assert.Contains("1 without a stance: the code has no stance family", error, StringComparison.Ordinal);
        Assert.Contains("1 without a stance: the source role does not speak for the state", error, StringComparison.Ordinal);
        Assert.Contains("IRN,toward-isr,2023-03", output, StringComparison.Ordinal);
    }

    [Fact]
    public void CorpusFromPolecat_BadRowsAndAMissingColumn_AreErrorsNamingFileAndLine_Exit1_TheRestCounts()
    {
        using var folder = new Security.TempFolder();
        var good = new Event("e1", "2023-03-01", "ACCUSE", "Iran", "Iran", "630", "Government", "Israel", "Israel", "666", "Government");
        var bad = folder.File("bad.txt", File(Release1, good, good with { Id = "e2", Type = "PRAISE" }));
        var old = folder.File("old.txt", File([.. Release1.Where(c => c != "Recipient Country")], good));

        var (exit, output, error) = StanceCli.Run("corpus", "--from", "polecat", bad, old, "--format", "json");

        Assert.Equal(1, exit);
        Assert.Contains($"{bad}:3: error: 'Event Type' 'PRAISE' is not a PLOVER event type", error, StringComparison.Ordinal);
        Assert.Contains($"{old}:1: error: the POLECAT header has no column 'Recipient Country'", error, StringComparison.Ordinal);
        Assert.Contains("stance corpus: 1 events, 1 with a stance, 2 bad rows", error, StringComparison.Ordinal);
        Assert.Contains("\"failed\": 2,", output, StringComparison.Ordinal);
    }
#endif
}
