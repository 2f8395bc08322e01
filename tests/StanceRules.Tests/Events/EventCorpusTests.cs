namespace StanceRules.Tests.Events;

/// <summary>Event records into a corpus: partial corpora of shards merge into the single run's result.</summary>
public class EventCorpusTests
{
    private static readonly string[] Countries = ["USA", "RUS", "CHN", "FRA", "GBR", "IND", "JAP", "BRA"];
    private static readonly string[] Codes = ["111", "1121", "051", "036", "120", "1241", "013", "190", "042", "112"];
    private static readonly string[] Roles = ["GOV", "", "MIL", "REB", "GOV"];

    /// <summary>Random but reproducible GDELT 2.0 rows over two years.</summary>
    internal static string[] Rows(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(1, count).Select(i =>
        {
            var source = Countries[random.Next(Countries.Length)];
            var target = Countries[random.Next(Countries.Length)];
            var date = new DateOnly(2022, 1, 1).AddDays(random.Next(730)).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
            return GdeltFiles.Event(GdeltFiles.V2, i, date, source, Roles[random.Next(Roles.Length)], Codes[random.Next(Codes.Length)], target, $"https://example.org/{i}");
        }).ToArray();
    }

    internal static async Task<StanceCorpus> CorpusOf(string path, StanceEngine engine)
    {
        var corpus = new StanceCorpus();
        await foreach (var read in EventRecords.ReadFileAsync(path))
        {
            if (engine.InferEvent(read.Record!) is { Stances.Count: > 0 } report)
            {
                corpus.Add(report);
            }
        }

        return corpus;
    }

    internal static string Answers(StanceCorpus corpus, CorpusWindow by)
    {
        var stances = corpus.Stances(by);
        return string.Join("\n", stances.Select(s => $"{s} {string.Join(",", s.Tallies.Select(t => $"{t.Stance}:{t.Articles}:{t.Score}"))} {string.Join(",", s.Articles.Select(a => a.Id))}"))
            + "\n" + string.Join("\n", StanceCorpus.ChangesOf(stances)) + "\n" + string.Join("\n", StanceCorpus.AgreementsOf(stances));
    }

    [Fact]
    public async Task FourShardsMerged_AnswerExactlyAsTheSingleRun_InEveryWindow()
    {
        var rows = Rows(4_000, seed: 21);
        using var folder = new Security.TempFolder();
        var engine = StanceEngine.CreateDefault();
        var whole = await CorpusOf(folder.File("all.csv", string.Join('\n', rows)), engine);

        var merged = new StanceCorpus();
        foreach (var shard in Enumerable.Range(0, 4))
        {
            // Shards of unequal sizes and interleaved rows, merged in reverse order.
            var part = rows.Where((_, i) => (i * 7 + i / 3) % 4 == 3 - shard).ToArray();
            merged.Merge(await CorpusOf(folder.File($"shard-{shard}.csv", string.Join('\n', part)), engine));
        }

        Assert.True(whole.Articles > 1_000, $"{whole.Articles} events with a stance");
        Assert.Equal((whole.Articles, whole.Cells), (merged.Articles, merged.Cells));
        foreach (var by in Enum.GetValues<CorpusWindow>())
        {
            Assert.Equal(Answers(whole, by), Answers(merged, by));
        }
    }

#if STANCE_CLI
    [Fact]
    public void CorpusFromGdelt_FourFilesInParallel_PrintTheSameAsOneFile()
    {
        var rows = Rows(2_000, seed: 5);
        using var folder = new Security.TempFolder();
        var one = folder.File("all.export.CSV", string.Join('\n', rows));
        var shards = Enumerable.Range(0, 4).Select(s => folder.File($"part-{s}.export.CSV", string.Join('\n', rows.Where((_, i) => i % 4 == s)))).ToArray();

        var single = StanceCli.Run("corpus", "--from", "gdelt", one, "--by", "quarter", "--format", "json");
        var parallel = StanceCli.Run(["corpus", "--from", "gdelt", .. shards, "--by", "quarter", "--format", "json", "--workers", "4"]);

        Assert.Equal(0, single.Exit);
        Assert.Equal(single.Out, parallel.Out);
        Assert.Contains("stance corpus: 2,000 events", single.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void CorpusFromPlover_TheGoldStandardRecords_GiveTheirStancesAndSayWhyTheOthersDoNot()
    {
        var (exit, output, error) = StanceCli.Run("corpus", "--from", "plover", Repo.Fixture("plover-gsr", "gsr-dev.json"), "--format", "json", "--show", "stances");

        Assert.True(exit == 0, error);
        Assert.Contains("stance corpus: 173 events, 27 with a stance, 0 bad rows", error, StringComparison.Ordinal);
        Assert.Contains("62 without a stance: the code has no stance family", error, StringComparison.Ordinal);
        Assert.Contains("50 without a stance: the source role does not speak for the state", error, StringComparison.Ordinal);
        Assert.Contains("\"toward-", output, StringComparison.Ordinal);
    }

    [Fact]
    public void CorpusFromGdelt_BadRowsAreErrorsAtTheirLines_Exit1_TheRestCounts()
    {
        using var folder = new Security.TempFolder();
        var path = folder.File("e.csv", string.Join('\n', Rows(3, 1)) + "\nnot a row\n");

        var (exit, output, error) = StanceCli.Run("corpus", "--from", "events", path, "--format", "json");

        Assert.Equal(1, exit);
        Assert.Contains($"{path}:4: error: expected 57 or 58 (GDELT 1.0) or 61 (GDELT 2.0) tab-separated columns, found 1", error, StringComparison.Ordinal);
        Assert.Contains("\"failed\": 1,", output, StringComparison.Ordinal);
    }

    [Fact]
    public void CorpusFrom_Unknown_IsUsage()
    {
        Assert.Equal(2, StanceCli.Run("corpus", "--from", "icews", "x").Exit);
    }
#endif
}
