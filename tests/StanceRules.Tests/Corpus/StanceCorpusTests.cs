using static StanceRules.Tests.Corpus.CorpusPropertyTests;

namespace StanceRules.Tests.Corpus;

/// <summary>The corpus's definitions (docs/corpus.md) on small hand-made reports.</summary>
public class StanceCorpusTests
{
    private static StanceReport Article(string id, string date, params (string Country, string Issue, Stance Stance, double Confidence)[] stances) =>
        new(id, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), stances.Select(s => Stance(id, s.Country, s.Issue, s.Stance, s.Confidence)).ToArray(), []);

    [Theory]
    [InlineData("2021-01-03", CorpusWindow.Week, "2020-W53", "2020-12-28", "2021-01-03")]
    [InlineData("2024-12-30", CorpusWindow.Week, "2025-W01", "2024-12-30", "2025-01-05")]
    [InlineData("2022-03-02", CorpusWindow.Week, "2022-W09", "2022-02-28", "2022-03-06")]
    [InlineData("2022-03-02", CorpusWindow.Day, "2022-03-02", "2022-03-02", "2022-03-02")]
    [InlineData("2024-02-10", CorpusWindow.Month, "2024-02", "2024-02-01", "2024-02-29")]
    [InlineData("2022-10-12", CorpusWindow.Quarter, "2022-Q4", "2022-10-01", "2022-12-31")]
    [InlineData("2023-02-23", CorpusWindow.Year, "2023", "2023-01-01", "2023-12-31")]
    public void Period_Of_GivesTheWindowHoldingTheDay_IsoWeeksStartingMonday(string day, CorpusWindow by, string label, string start, string end)
    {
        var period = CorpusPeriod.Of(by, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal((label, start, end), (period.Label, period.Start.ToString("yyyy-MM-dd", null), period.End.ToString("yyyy-MM-dd", null)));
    }

    [Fact]
    public void Stances_ThreeArticlesAtHalfOutweighOneAt0_8_AsSignalsDoInsideAnArticle()
    {
        var corpus = StanceCorpus.FromReports([
            Article("a1", "2023-03-01", ("IND", "war", Stance.Condemns, 0.5)),
            Article("a2", "2023-03-05", ("IND", "war", Stance.Condemns, 0.5)),
            Article("a3", "2023-03-09", ("IND", "war", Stance.Condemns, 0.5)),
            Article("a4", "2023-03-02", ("IND", "war", Stance.Rejects, 0.8)),
        ]);

        var month = Assert.Single(corpus.Stances(CorpusWindow.Month));

        Assert.Equal((Stance.Condemns, 0.875, DecisionStep.Confidence, 3L), (month.Stance, month.Confidence, month.DecidedBy, month.ArticleCount));
        Assert.Equal(["a1", "a2", "a3"], month.Articles.Select(a => a.Id).Order());
        Assert.Equal("a1", month.FirstArticle.Id);
        Assert.Equal((Stance.Rejects, 1L, 0.8), (month.Tallies[1].Stance, month.Tallies[1].Articles, month.Tallies[1].Score));
        // By day, each article decides its own day.
        Assert.Equal(4, corpus.Stances(CorpusWindow.Day).Count);
    }

    [Fact]
    public void Stances_ManySureArticlesOutweighFewer_EvenWhenBothScoresRoundTo1()
    {
        var reports = Enumerable.Range(0, 100).Select(i => Article($"c{i}", "2023-03-01", ("IND", "war", Stance.Condemns, 0.95)))
            .Concat(Enumerable.Range(0, 20).Select(i => Article($"r{i}", "2023-03-01", ("IND", "war", Stance.Rejects, 0.95))));

        var day = Assert.Single(StanceCorpus.FromReports(reports).Stances(CorpusWindow.Day));

        Assert.Equal((Stance.Condemns, DecisionStep.Confidence, 1.0), (day.Stance, day.DecidedBy, day.Confidence));
    }

    [Fact]
    public void Stances_EqualEvidenceForTwoStances_GoesToPrecedence()
    {
        var day = Assert.Single(StanceCorpus.FromReports([
            Article("a", "2023-03-01", ("IND", "war", Stance.Supports, 0.9)),
            Article("b", "2023-03-01", ("IND", "war", Stance.Rejects, 0.9)),
        ]).Stances(CorpusWindow.Day));

        Assert.Equal((Stance.Rejects, DecisionStep.Precedence), (day.Stance, day.DecidedBy));
    }

    [Fact]
    public void Add_UndatedReport_IsSkippedAndCounted()
    {
        var corpus = new StanceCorpus();

        Assert.False(corpus.Add(new StanceReport("undated", null, [Stance("undated", "IND", "war", Stance.Condemns, 0.9)], [])));

        Assert.Equal((0L, 1L, 0), (corpus.Articles, corpus.Undated, corpus.Cells));
    }

    [Fact]
    public void Changes_SkipWindowsWithoutAStance_AndNameTheFirstArticleOfTheNewStance()
    {
        var corpus = StanceCorpus.FromReports([
            Article("jan", "2023-01-10", ("IND", "war", Stance.Condemns, 0.9)),
            Article("feb", "2023-02-10", ("CHN", "war", Stance.Abstains, 0.9)),
            Article("mar-late", "2023-03-20", ("IND", "war", Stance.Abstains, 0.9)),
            Article("mar-early", "2023-03-03", ("IND", "war", Stance.Abstains, 0.6)),
            Article("apr", "2023-04-02", ("IND", "war", Stance.Abstains, 0.9)),
        ]);

        var change = Assert.Single(corpus.Changes(CorpusWindow.Month));

        Assert.Equal(("IND", Stance.Condemns, "2023-01", Stance.Abstains, "2023-03", "mar-early"), (change.Country, change.From.Stance, change.From.Period.Label, change.To.Stance, change.To.Period.Label, change.FirstArticle.Id));
        Assert.Empty(corpus.Changes(CorpusWindow.Year));
    }

    [Fact]
    public void Agreements_ShareAlikeAndSScore_OverTheItemsBothTookAStanceIn()
    {
        var corpus = StanceCorpus.FromReports([
            Article("1", "2023-01-10", ("AAA", "war", Stance.Condemns, 0.9), ("BBB", "war", Stance.Condemns, 0.9), ("CCC", "war", Stance.Rejects, 0.9)),
            Article("2", "2023-02-10", ("AAA", "war", Stance.Condemns, 0.9), ("BBB", "war", Stance.Abstains, 0.9)),
            Article("3", "2023-02-11", ("AAA", "plan", Stance.Supports, 0.9), ("CCC", "plan", Stance.Supports, 0.9)),
        ]);

        var agreements = corpus.Agreements(CorpusWindow.Month).ToDictionary(a => a.Country + a.Other);

        // AAA-BBB: war 2023-01 alike, war 2023-02 condemns vs abstains (½): share ½, S = 1 - 2·½/2 = ½.
        Assert.Equal((2, 1, 0.5, 0.5), (agreements["AAABBB"].Issues, agreements["AAABBB"].Alike, agreements["AAABBB"].ShareAlike, agreements["AAABBB"].SScore));
        // AAA-CCC: war 2023-01 condemns vs rejects (1), plan 2023-02 alike: S = 1 - 2·1/2 = 0.
        Assert.Equal((2, 1, 0.5, 0.0), (agreements["AAACCC"].Issues, agreements["AAACCC"].Alike, agreements["AAACCC"].ShareAlike, agreements["AAACCC"].SScore));
        // BBB-CCC: only war 2023-01, opposed: S = -1.
        Assert.Equal((1, 0, 0.0, -1.0), (agreements["BBBCCC"].Issues, agreements["BBBCCC"].Alike, agreements["BBBCCC"].ShareAlike, agreements["BBBCCC"].SScore));
        Assert.Equal(["BBB", "CCC"], corpus.Closest("AAA", CorpusWindow.Month).Select(a => a.Other));
        Assert.Equal(["war"], corpus.Stances(CorpusWindow.Month, new CorpusFilter { Issues = ["war"], Since = new DateOnly(2023, 2, 1) }).Select(s => s.Issue).Distinct());
        Assert.Equal(2, corpus.Stances(CorpusWindow.Month, new CorpusFilter { Countries = ["aaa"], Until = new DateOnly(2023, 2, 10) }).Count);
    }

    [Fact]
    public void Add_KeepsAtMostArticlesPerCellArticles_TheStrongest()
    {
        var corpus = StanceCorpus.FromReports(
            Enumerable.Range(1, 9).Select(i => Article($"a{i}", "2023-03-01", ("IND", "war", Stance.Condemns, i / 10.0))),
            new CorpusOptions { ArticlesPerCell = 3 });

        var day = Assert.Single(corpus.Stances(CorpusWindow.Day));

        Assert.Equal(["a9", "a8", "a7"], day.Articles.Select(a => a.Id));
        Assert.Equal(9, day.ArticleCount);
    }

    [Fact]
    public void Add_InAnyOrder_KeepsTheStrongestByConfidenceThenDateThenId_AndCountsEveryConfidence()
    {
        // Out of order, with repeated confidences and dates, so articles go in at the front, the
        // middle and the end of a full tally, and one tally holds several confidence levels.
        var added = new (string Id, string Date, double Confidence)[]
        {
            ("a1", "2023-03-01", 0.1), ("a2", "2023-03-02", 0.2), ("a3", "2023-03-01", 0.1), ("a4", "2023-03-01", 0.15),
            ("a5", "2023-03-01", 0.2), ("a6", "2023-03-01", 0.05), ("a7", "2023-03-01", 0.15), ("a8", "2023-03-01", 0.1),
            ("a9", "2023-03-02", 0.2),
        };
        var corpus = StanceCorpus.FromReports(
            added.Select(a => Article(a.Id, a.Date, ("IND", "war", Stance.Condemns, a.Confidence))),
            new CorpusOptions { ArticlesPerCell = 4 });

        var month = Assert.Single(corpus.Stances(CorpusWindow.Month));

        Assert.Equal(["a5", "a2", "a9", "a4"], month.Articles.Select(a => a.Id));
        Assert.Equal("a5", month.FirstArticle.Id);
        Assert.Equal(9, month.ArticleCount);
        var score = 1 - added.Aggregate(1.0, (left, a) => left * (1 - a.Confidence));
        Assert.Equal(Math.Round(score, 4), month.Tallies[0].Score);
    }

    [Fact]
    public async Task FromResultsAsync_OfABatch_EqualsTheCorpusOfItsReports_SkippingFailures()
    {
        var engine = StanceEngine.CreateDefault();
        var files = Directory.GetFiles(Repo.Fixture("unga", "facts"), "*.facts.yaml").Order(StringComparer.Ordinal).ToArray();
        var documents = files.Select(FactDocument.FromFile).Append(FactDocument.FromText("article: {}\nfacts: 3\n", "broken.facts.yaml"));

        var corpus = await StanceCorpus.FromResultsAsync(engine.InferAllAsync(documents));

        var reports = files.Select(f => engine.Infer(ArticleFacts.Load(f)));
        Assert.Equal(3, corpus.Articles);
        Assert.Equal(CorpusPropertyTests.Answers(StanceCorpus.FromReports(reports), CorpusWindow.Month), CorpusPropertyTests.Answers(corpus, CorpusWindow.Month));
    }
}
