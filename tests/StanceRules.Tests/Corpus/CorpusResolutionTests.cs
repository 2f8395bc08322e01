using CsCheck;
using static StanceRules.Tests.Corpus.CorpusPropertyTests;

namespace StanceRules.Tests.Corpus;

/// <summary>
/// <see cref="CorpusOptions.Resolution"/>: a corpus tallied per window given up front answers by
/// that window (and the windows made of it) exactly as a corpus tallied by day, merges with
/// corpora of its resolution as one run, and refuses what it cannot answer.
/// </summary>
public class CorpusResolutionTests
{
    private const int Cases = 2_000;

    private static readonly DateOnly Origin = new(2021, 12, 20);

    private static CorpusOptions At(CorpusWindow resolution) => Options with { Resolution = resolution };

    /// <summary>The answers without the first line (which counts the cells, fewer at a coarser resolution).</summary>
    private static string AnswersOnly(StanceCorpus corpus, CorpusWindow by) => Answers(corpus, by).Split('\n', 2)[1];

    private static StanceReport Article(string id, DateOnly published, Stance stance = Stance.Condemns) =>
        new(id, published, [Stance(id, "IND", "war", stance, 0.8)], []);

    [Fact]
    public void AnyResolution_AnswersEveryWindowItNestsIn_AsTheDailyCorpus_WithNoMoreCells()
    {
        Gen.Select(ReportsGen, WindowGen, WindowGen).Sample(
            (reports, resolution, by) =>
            {
                var daily = StanceCorpus.FromReports(reports, Options);
                var coarse = StanceCorpus.FromReports(reports, At(resolution));
                if (!coarse.CanAnswer(by))
                {
                    return Assert.Throws<ArgumentException>(() => coarse.Stances(by)).ParamName == "by";
                }

                return coarse.Cells <= daily.Cells && AnswersOnly(coarse, by) == AnswersOnly(daily, by);
            },
            iter: Cases);
    }

    [Fact]
    public void Merge_AtOneResolution_AnySplitInAnyOrder_AnswersAsOneRunAtIt()
    {
        Gen.Select(ReportsGen, Gen.Int[1, 4], Gen.Int[0, 1 << 30], WindowGen).Sample(
            (reports, parts, seed, resolution) =>
            {
                var random = new Random(seed);
                var partitions = Enumerable.Range(0, parts).Select(_ => new List<StanceReport>()).ToArray();
                foreach (var report in reports)
                {
                    partitions[random.Next(parts)].Add(report);
                }

                var merged = new StanceCorpus(At(resolution));
                foreach (var partition in partitions.OrderBy(_ => random.Next()))
                {
                    merged.Merge(StanceCorpus.FromReports(partition.OrderBy(_ => random.Next()), At(resolution)));
                }

                var whole = StanceCorpus.FromReports(reports, At(resolution));
                return Enum.GetValues<CorpusWindow>().Where(by => whole.CanAnswer(by)).All(by => Answers(merged, by) == Answers(whole, by));
            },
            iter: Cases);
    }

    // Rows: the resolution; columns: asked by day, week, month, quarter, year.
    [Theory]
    [InlineData(CorpusWindow.Day, "day week month quarter year")]
    [InlineData(CorpusWindow.Week, "week")]
    [InlineData(CorpusWindow.Month, "month quarter year")]
    [InlineData(CorpusWindow.Quarter, "quarter year")]
    [InlineData(CorpusWindow.Year, "year")]
    public void CanAnswer_TheWindowsMadeOfWholeWindowsOfTheResolution(CorpusWindow resolution, string answered)
    {
        var corpus = new StanceCorpus(new CorpusOptions { Resolution = resolution });

        var can = Enum.GetValues<CorpusWindow>().Where(by => corpus.CanAnswer(by)).Select(by => by.ToString().ToLowerInvariant());

        Assert.Equal(answered, string.Join(" ", can));
    }

    [Theory]
    [InlineData(CorpusWindow.Year, CorpusWindow.Month, "This corpus tallies by year (CorpusOptions.Resolution); it cannot answer by month: a year is not within one month. Build it with Resolution = Month (or Day).")]
    [InlineData(CorpusWindow.Week, CorpusWindow.Month, "This corpus tallies by week (CorpusOptions.Resolution); it cannot answer by month: a week is not within one month. Build it with Resolution = Month (or Day).")]
    [InlineData(CorpusWindow.Month, CorpusWindow.Week, "it cannot answer by week")]
    [InlineData(CorpusWindow.Quarter, CorpusWindow.Day, "it cannot answer by day")]
    public void EveryAnswer_ByAWindowTheResolutionDoesNotNestIn_ThrowsNamingBoth(CorpusWindow resolution, CorpusWindow by, string message)
    {
        var corpus = StanceCorpus.FromReports([Article("a1", Origin), Article("a2", Origin.AddDays(20), Stance.Supports)], new CorpusOptions { Resolution = resolution });

        foreach (var ask in new Action[] { () => corpus.Stances(by), () => corpus.Changes(by), () => corpus.Agreements(by), () => corpus.Closest("IND", by) })
        {
            var error = Assert.Throws<ArgumentException>(ask);
            Assert.Contains(message, error.Message, StringComparison.Ordinal);
            Assert.Equal("by", error.ParamName);
        }
    }

    [Theory]
    [InlineData(CorpusWindow.Month, "2022-01-02", null, "Since 2022-01-02 is not the first day of one")]
    [InlineData(CorpusWindow.Month, null, "2022-01-30", "Until 2022-01-30 is not the last day of one")]
    [InlineData(CorpusWindow.Week, "2021-12-21", null, "Since 2021-12-21 is not the first day of one")]
    [InlineData(CorpusWindow.Year, null, "2022-06-30", "Until 2022-06-30 is not the last day of one")]
    public void Stances_WithDatesThatCutAWindowOfTheResolution_Throw(CorpusWindow resolution, string? since, string? until, string message)
    {
        var corpus = StanceCorpus.FromReports([Article("a1", Origin)], new CorpusOptions { Resolution = resolution });
        var filter = new CorpusFilter { Since = since is null ? null : DateOnly.Parse(since, null), Until = until is null ? null : DateOnly.Parse(until, null) };

        var error = Assert.Throws<ArgumentException>(() => corpus.Stances(resolution, filter));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal("filter", error.ParamName);
        Assert.False(corpus.CanAnswer(resolution, filter));
    }

    [Theory]
    [InlineData(CorpusWindow.Week, "2021-12-27", "2022-01-09")]
    [InlineData(CorpusWindow.Month, "2022-01-01", "2022-01-31")]
    [InlineData(CorpusWindow.Quarter, "2022-01-01", null)]
    [InlineData(CorpusWindow.Year, null, "2021-12-31")]
    public void Stances_WithDatesOnTheResolutionsBounds_AnswerAsTheDailyCorpus(CorpusWindow resolution, string? since, string? until)
    {
        var reports = Enumerable.Range(0, 40).Select(d => Article($"a{d}", Origin.AddDays(d), (Stance)(d / 5 % 4))).ToArray();
        var filter = new CorpusFilter { Since = since is null ? null : DateOnly.Parse(since, null), Until = until is null ? null : DateOnly.Parse(until, null) };
        var (daily, coarse) = (StanceCorpus.FromReports(reports), StanceCorpus.FromReports(reports, new CorpusOptions { Resolution = resolution }));

        var stances = coarse.Stances(resolution, filter);

        Assert.NotEmpty(stances);
        Assert.Equal(daily.Stances(resolution, filter).Select(s => $"{s} {s.FirstArticle.Id}"), stances.Select(s => $"{s} {s.FirstArticle.Id}"));
    }

    [Fact]
    public void Cells_AreOnePerWindowOfTheResolution_NotPerDay()
    {
        // 40 days from Monday 2021-12-20 to 2022-01-28: six ISO weeks, two months, quarters and years.
        var reports = Enumerable.Range(0, 40).Select(d => Article($"a{d}", Origin.AddDays(d))).ToArray();

        var cells = Enum.GetValues<CorpusWindow>().Select(r => StanceCorpus.FromReports(reports, new CorpusOptions { Resolution = r }).Cells);

        Assert.Equal([40, 6, 2, 2, 2], cells);
    }

    [Fact]
    public void Merge_OfDifferentResolutions_ThrowsNamingBoth_AndChangesNothing()
    {
        var daily = StanceCorpus.FromReports([Article("a1", Origin)]);
        var yearly = StanceCorpus.FromReports([Article("a2", Origin.AddDays(1), Stance.Supports)], new CorpusOptions { Resolution = CorpusWindow.Year });
        var before = Answers(daily, CorpusWindow.Day);

        var error = Assert.Throws<ArgumentException>(() => daily.Merge(yearly));

        Assert.Contains("Corpora merge only at the same resolution: this corpus tallies by day, the other by year", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Answers(daily, CorpusWindow.Day));
        Assert.Throws<ArgumentException>(() => yearly.Merge(daily));
    }

    [Fact]
    public void Resolution_NotAWindowKind_IsRefusedWhereItIsSet()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new CorpusOptions { Resolution = (CorpusWindow)7 });

        Assert.Equal("Resolution", error.ParamName);
    }
}
