using CsCheck;
using static StanceRules.Tests.Corpus.CorpusPropertyTests;

namespace StanceRules.Tests.Corpus;

/// <summary>
/// How a corpus keeps what it keeps: the article id's fingerprint is the same in every process and
/// tells millions of ids apart; a kept article's id and evidence come back exactly as added, in
/// any script (lone surrogates included), and rank by ordinal order as strings do.
/// </summary>
public class CorpusKeptArticleTests
{
    // Characters that UTF-8 and UTF-16 order differently (U+E000 and up against a surrogate pair), non-ASCII, and lone surrogates.
    private static readonly Gen<string> TextGen = Gen.OneOf('a', 'b', 'z', '0', 'é', 'ж', '中', '\uE000', '\uFFFD', '\uFFFF', '\uD83D', '\uDE00', '\0')
        .Array[0, 12]
        .Select(chars => new string(chars));

    [Theory]
    [InlineData("", 0x6393D51C06C618DCUL)]
    [InlineData("1000000001", 0x05032656600502A4UL)]
    [InlineData("gdelt-2023-03-01-000017", 0x77E553295F5BBDCFUL)]
    [InlineData("Новости/статья-7", 0x0FE25F7DD422B6B7UL)]
    public void Fingerprint_OfAnId_IsAFixedValue_TheSameInEveryProcessAndVersion(string id, ulong expected)
    {
        Assert.Equal(expected, StanceCorpus.Fingerprint(id));
    }

    [Fact]
    public void Fingerprint_FourMillionIdsOfSeveralShapes_NoTwoShareOne()
    {
        var seen = new HashSet<ulong>();
        var count = 0;
        for (var i = 0; i < 1_000_000; i++)
        {
            // GDELT's numbers, ids one character apart, ids of a few lengths, non-ASCII.
            foreach (var id in new[] { (1_000_000_000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture), $"doc-{i:x}", $"{i % 7}{new string('x', i % 13)}{i}", $"статья-{i}" })
            {
                count++;
                Assert.True(seen.Add(StanceCorpus.Fingerprint(id)), $"'{id}' shares a fingerprint with an earlier id");
            }
        }

        Assert.Equal(4_000_000, count);
    }

    [Fact]
    public void KeptArticle_AnyIdAndEvidence_ComeBackExactly_AndCompareAsOrdinalStrings()
    {
        Gen.Select(TextGen, TextGen, TextGen.Array[0, 3]).Sample(
            (id, other, evidence) =>
            {
                var kept = KeptArticle.Create(id, new DateOnly(2023, 3, 1), 8_000, evidence);
                var article = kept.ToArticle(StanceRules.Stance.Condemns);
                return article.Id == id && article.Evidence.SequenceEqual(evidence) && kept.Id() == id
                    && kept.CompareIdTo(other) == Math.Sign(string.CompareOrdinal(other, id))
                    && kept.CompareIdTo(id) == 0;
            },
            iter: 20_000);
    }

    [Fact]
    public void KeptArticle_EvidenceLongerThanTheStackBuffer_ComesBackExactly()
    {
        string[] evidence = [new string('é', 3_000), "short", new string('x', 70_000)];

        var article = KeptArticle.Create("id", new DateOnly(2023, 3, 1), 1, evidence).ToArticle(StanceRules.Stance.Supports);

        Assert.Equal(evidence, article.Evidence);
    }

    [Fact]
    public void Stances_IdsInManyScripts_KeepTheOrdinallySmallest_WithTheirEvidence()
    {
        // Same day and confidence: the id alone ranks them (ordinal, as strings compare).
        string[] ids = ["b", "\uE000x", "😀", "a\uD800", "中文", "é", "aa", "a"];
        var corpus = StanceCorpus.FromReports(ids.Select(id => new StanceReport(id, new DateOnly(2023, 3, 1), [Stance(id, "IND", "war", StanceRules.Stance.Condemns, 0.8)], [])), new CorpusOptions { ArticlesPerCell = 3 });

        var stance = Assert.Single(corpus.Stances(CorpusWindow.Day));

        var expected = ids.Order(StringComparer.Ordinal).Take(3).ToArray();
        Assert.Equal(expected, stance.Articles.Select(a => a.Id));
        Assert.Equal(expected[0], stance.FirstArticle.Id);
        Assert.Same(stance.Articles[0], stance.FirstArticle);
        Assert.All(stance.Articles, a => Assert.Equal([$"IND condemns war in {a.Id}", $"second evidence of {a.Id}"], a.Evidence));
    }

    [Fact]
    public void Stances_AnAnswerReadAfterMoreArticlesAreAdded_ShowsTheArticlesOfWhenItWasAsked()
    {
        var corpus = new StanceCorpus(new CorpusOptions { ArticlesPerCell = 2 });
        StanceReport Report(string id, double confidence) => new(id, new DateOnly(2023, 3, 1), [Stance(id, "IND", "war", StanceRules.Stance.Condemns, confidence)], []);
        corpus.Add(Report("b", 0.5));
        corpus.Add(Report("d", 0.4));
        var before = Assert.Single(corpus.Stances(CorpusWindow.Day));

        // Stronger than both: the cell's kept articles shift where the earlier answer's are.
        corpus.Add(Report("a", 0.9));
        var after = Assert.Single(corpus.Stances(CorpusWindow.Day));

        Assert.Equal(["b", "d"], before.Articles.Select(a => a.Id));
        Assert.Equal("b", before.FirstArticle.Id);
        Assert.Equal(["a", "b"], after.Articles.Select(a => a.Id));
        Assert.Equal("a", after.FirstArticle.Id);
    }

    [Fact]
    public void FirstArticle_ReadAlone_HasTheSameValuesOnEveryRead_AndAfterArticles_IsTheInstanceAmongThem()
    {
        var corpus = StanceCorpus.FromReports([new StanceReport("a", new DateOnly(2023, 3, 1), [Stance("a", "IND", "war", StanceRules.Stance.Condemns, 0.8)], [])]);
        var stance = Assert.Single(corpus.Stances(CorpusWindow.Day));

        var (once, twice) = (stance.FirstArticle, stance.FirstArticle);
        Assert.Equal((once.Id, once.Published, once.Confidence), (twice.Id, twice.Published, twice.Confidence));
        Assert.Equal(once.Evidence, twice.Evidence);

        var articles = stance.Articles;
        Assert.Same(articles[0], stance.FirstArticle);
        Assert.Same(stance.FirstArticle, stance.FirstArticle);
    }

    [Fact]
    public void Stances_TheOneStrongArticleLosesEarliestToAWeakerEarlierOne_BothStayInTheirPlaces()
    {
        // The first article kept is held once, as the earliest and the strongest; an earlier,
        // weaker one takes the earliest's place and must not take the strongest's with it.
        StanceReport Report(string id, int day, double confidence) => new(id, new DateOnly(2023, 3, day), [Stance(id, "IND", "war", StanceRules.Stance.Condemns, confidence)], []);
        foreach (var limit in new[] { 1, 2, 5 })
        {
            var corpus = new StanceCorpus(new CorpusOptions { Resolution = CorpusWindow.Month, ArticlesPerCell = limit });
            corpus.Add(Report("strong", 10, 0.9));
            corpus.Add(Report("early", 2, 0.3));

            var stance = Assert.Single(corpus.Stances(CorpusWindow.Month));

            Assert.Equal(new[] { "strong", "early" }.Take(limit), stance.Articles.Select(a => a.Id));
            Assert.Equal("early", stance.FirstArticle.Id);
            Assert.Equal(2, stance.ArticleCount);
            Assert.Equal(2, stance.Tallies[0].Articles);
        }
    }
}
