namespace StanceRules.Tests;

/// <summary>The real record of A/RES/ES-11/6 (UN Digital Library, voting records), run through the default rules.</summary>
public class UngaVoteTests
{
    [Fact]
    public void Es11_6_Gives141Condemns7Rejects32AbstainsAndNoStanceForNonVoting()
    {
        var document = UngaVotes.ToFactDocument("es11-6.csv", "A/RES/ES-11/6");
        var article = ArticleFacts.Parse(document, "es11-6.facts.yaml");
        Assert.Equal(193, article.Facts.Count);

        var report = StanceEngine.CreateDefault().Infer(article);

        var counts = report.Stances.GroupBy(s => s.Stance).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(141, counts[Stance.Condemns]);
        Assert.Equal(7, counts[Stance.Rejects]);
        Assert.Equal(32, counts[Stance.Abstains]);
        Assert.False(counts.ContainsKey(Stance.Supports));
        Assert.Equal(180, report.Stances.Count);
        Assert.Empty(report.Unresolved);
        Assert.All(report.Stances, s => Assert.Equal("russia-ukraine-war", s.Issue));
    }

    [Fact]
    public void Es11_6_EveryStanceIsForTheCountryTheRecordNames()
    {
        var rows = UngaVotes.Read("es11-6.csv");
        var expected = rows
            .Where(r => r.Vote != "non_voting")
            .Select(r => (r.Iso3, r.Vote switch { "yes" => Stance.Condemns, "no" => Stance.Rejects, _ => Stance.Abstains }))
            .Order()
            .ToArray();

        var report = StanceEngine.CreateDefault().Infer(ArticleFacts.Parse(UngaVotes.ToFactDocument("es11-6.csv", "A/RES/ES-11/6"), "es11-6.facts.yaml"));

        Assert.Equal(expected, report.Stances.Select(s => (s.Country, s.Stance)).Order().ToArray());
    }

    [Theory]
    [InlineData("es11-1.csv", 141, 5, 35)]
    [InlineData("es11-4.csv", 143, 5, 35)]
    public void OtherRecordedVotes_GiveThePublishedCounts(string file, int yes, int no, int abstain)
    {
        var report = StanceEngine.CreateDefault().Infer(ArticleFacts.Parse(UngaVotes.ToFactDocument(file, "A/RES/ES-11/x"), file));

        Assert.Equal(yes, report.Stances.Count(s => s.Stance == Stance.Condemns));
        Assert.Equal(no, report.Stances.Count(s => s.Stance == Stance.Rejects));
        Assert.Equal(abstain, report.Stances.Count(s => s.Stance == Stance.Abstains));
    }
}
