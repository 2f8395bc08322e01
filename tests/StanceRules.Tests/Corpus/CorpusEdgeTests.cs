using static StanceRules.Tests.Corpus.CorpusPropertyTests;

namespace StanceRules.Tests.Corpus;

/// <summary>The corpus at the ends of the calendar, and a repeated article id that says something else.</summary>
public class CorpusEdgeTests
{
    public static TheoryData<CorpusWindow> Windows => [.. Enum.GetValues<CorpusWindow>()];

    private static StanceReport Article(string id, DateOnly published, Stance stance = Stance.Condemns, double confidence = 0.8) =>
        new(id, published, [Stance(id, "IND", "war", stance, confidence)], []);

    [Theory]
    [MemberData(nameof(Windows))]
    public void Stances_ArticlesOnTheFirstAndLastRepresentableDays_FallInWindowsThatHoldThem_InEveryWindowKind(CorpusWindow by)
    {
        var corpus = StanceCorpus.FromReports([
            Article("first-day", DateOnly.MinValue),
            Article("last-day", DateOnly.MaxValue, Stance.Supports),
            Article("ordinary", new DateOnly(2023, 3, 1)),
        ]);

        var stances = corpus.Stances(by);
        var changes = corpus.Changes(by);

        Assert.Equal(3, stances.Count);
        Assert.Equal(DateOnly.MinValue, stances[0].Period.Start);
        Assert.Equal(DateOnly.MaxValue, stances[^1].Period.End);
        Assert.All(stances, s => Assert.InRange(s.FirstArticle.Published, s.Period.Start, s.Period.End));
        Assert.Equal("last-day", Assert.Single(changes).FirstArticle.Id);
        Assert.All(stances, s => Assert.NotEmpty(s.Period.Label));
    }

    [Theory]
    [InlineData(CorpusWindow.Week, "9999-W52", "9999-12-27", "9999-12-31")]
    [InlineData(CorpusWindow.Month, "9999-12", "9999-12-01", "9999-12-31")]
    [InlineData(CorpusWindow.Quarter, "9999-Q4", "9999-10-01", "9999-12-31")]
    [InlineData(CorpusWindow.Year, "9999", "9999-01-01", "9999-12-31")]
    public void Period_OfTheLastDay_EndsOnTheLastRepresentableDay(CorpusWindow by, string label, string start, string end)
    {
        var period = CorpusPeriod.Of(by, DateOnly.MaxValue);

        Assert.Equal((label, start, end), (period.Label, period.Start.ToString("yyyy-MM-dd", null), period.End.ToString("yyyy-MM-dd", null)));
    }

    [Fact]
    public void Add_ARepeatedIdWithOtherStances_IsCountedAsConflicting_AndNamed_TheFirstCounts()
    {
        var corpus = new StanceCorpus();
        corpus.Add(Article("a1", new DateOnly(2023, 3, 1)));

        var added = corpus.Add(Article("a1", new DateOnly(2023, 3, 1), Stance.Supports));

        Assert.False(added);
        Assert.Equal((1L, 1L, 1L), (corpus.Articles, corpus.Repeated, corpus.Conflicting));
        Assert.Equal(["a1"], corpus.ConflictingArticles);
        Assert.Equal(StanceRules.Stance.Condemns, Assert.Single(corpus.Stances(CorpusWindow.Month)).Stance);
    }

    [Fact]
    public void Add_ARepeatedIdWithAnotherDate_IsConflicting_AnExactRepeatIsNot()
    {
        var corpus = new StanceCorpus();
        corpus.Add(Article("a1", new DateOnly(2023, 3, 1)));
        corpus.Add(Article("a1", new DateOnly(2023, 3, 1)));
        corpus.Add(Article("a1", new DateOnly(2023, 3, 2)));
        corpus.Add(Article("a1", new DateOnly(2023, 3, 1), confidence: 0.81));

        Assert.Equal((3L, 2L), (corpus.Repeated, corpus.Conflicting));
    }

    [Fact]
    public void Merge_AddsTheConflictsOfBothCorpora()
    {
        var (left, right) = (new StanceCorpus(), new StanceCorpus());
        left.Add(Article("a1", new DateOnly(2023, 3, 1)));
        left.Add(Article("a1", new DateOnly(2023, 3, 2)));
        right.Add(Article("b1", new DateOnly(2023, 3, 1)));
        right.Add(Article("b1", new DateOnly(2023, 3, 1), Stance.Rejects));

        left.Merge(right);

        Assert.Equal(2L, left.Conflicting);
        Assert.Equal(["a1", "b1"], left.ConflictingArticles);
    }
}
