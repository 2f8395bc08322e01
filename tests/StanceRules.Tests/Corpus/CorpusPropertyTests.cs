using System.Globalization;
using System.Text;
using CsCheck;

namespace StanceRules.Tests.Corpus;

/// <summary>
/// Properties of <see cref="StanceCorpus"/> on random reports (10,000 cases each): merging partial
/// corpora, in any split and order, answers every question exactly as one corpus of all the
/// reports; a repeated article id counts once. A failure prints the CsCheck seed that reproduces it.
/// </summary>
public class CorpusPropertyTests
{
    private const int Cases = 10_000;

    // Small limits so that the bounded parts (strongest articles, evidence) are truncated often.
    internal static readonly CorpusOptions Options = new() { ArticlesPerCell = 2, EvidencePerArticle = 1 };

    private static readonly string[] Countries = ["AAA", "BBB", "CCC", "DDD"];
    private static readonly string[] Issues = ["war", "plan"];
    private static readonly double[] Confidences = [0.3, 0.4, 0.5, 0.8, 0.85, 0.9, 0.95, 1.0];
    private static readonly DateOnly Origin = new(2021, 12, 20);

    private static readonly Gen<(int Country, int Issue, int Stance, int Confidence)> StanceGen =
        Gen.Select(Gen.Int[0, Countries.Length - 1], Gen.Int[0, Issues.Length - 1], Gen.Int[0, 3], Gen.Int[0, Confidences.Length - 1]);

    // An article: its date (a span crossing ISO-week, month, quarter and year boundaries) and stances.
    private static readonly Gen<(int Day, (int Country, int Issue, int Stance, int Confidence)[] Stances)> ArticleGen =
        Gen.Select(Gen.Int[0, 40], StanceGen.Array[0, 5]);

    internal static readonly Gen<CorpusWindow> WindowGen = Gen.Enum<CorpusWindow>();

    internal static readonly Gen<StanceReport[]> ReportsGen =
        ArticleGen.Array[1, 16].Select(articles => articles.Select((a, i) => Report($"a{i}", Origin.AddDays(a.Day), a.Stances)).ToArray());

    [Fact]
    public void Merge_AnySplitInAnyOrder_AnswersAsOneCorpusOfAllReports()
    {
        Gen.Select(ReportsGen, Gen.Int[1, 4], Gen.Int[0, 1 << 30], WindowGen).Sample(
            (reports, parts, seed, by) =>
            {
                var random = new Random(seed);
                var partitions = Enumerable.Range(0, parts).Select(_ => new List<StanceReport>()).ToArray();
                foreach (var report in reports)
                {
                    partitions[random.Next(parts)].Add(report);
                }

                var corpora = partitions.Select(p => StanceCorpus.FromReports(p.OrderBy(_ => random.Next()), Options)).OrderBy(_ => random.Next()).ToList();
                // Merge as a tree of random shape: pick two, merge one into the other, until one is left.
                while (corpora.Count > 1)
                {
                    var (i, j) = (random.Next(corpora.Count), random.Next(corpora.Count - 1));
                    j = j >= i ? j + 1 : j;
                    corpora[i].Merge(corpora[j]);
                    corpora.RemoveAt(j);
                }

                var whole = StanceCorpus.FromReports(reports, Options);
                return Answers(corpora[0], by) == Answers(whole, by);
            },
            iter: Cases);
    }

    [Fact]
    public void Add_RepeatedArticleId_CountsOnce_WhateverTheRepeatSays()
    {
        Gen.Select(ReportsGen, Gen.Int[0, 1 << 30], ArticleGen.Array[1, 6], WindowGen).Sample(
            (reports, seed, impostors, by) =>
            {
                var random = new Random(seed);
                // Repeats: some reports again as they were, and other reports reusing their ids.
                var repeats = reports.Where(_ => random.Next(3) == 0)
                    .Concat(impostors.Select(a => Report(reports[random.Next(reports.Length)].Article, Origin.AddDays(a.Day), a.Stances)))
                    .ToArray();
                var corpus = new StanceCorpus(Options);
                foreach (var report in reports)
                {
                    Assert.True(corpus.Add(report));
                }

                foreach (var repeat in repeats)
                {
                    Assert.False(corpus.Add(repeat));
                }

                var once = StanceCorpus.FromReports(reports, Options);
                return corpus.Repeated == repeats.Length && corpus.Articles == reports.Length && Answers(corpus, by) == Answers(once, by);
            },
            iter: Cases);
    }

    [Fact]
    public void Merge_CorporaSharingAnArticle_ThrowsAndChangesNothing()
    {
        var report = Report("shared", Origin, [(0, 0, 2, 6)]);
        var (left, right) = (StanceCorpus.FromReports([report]), StanceCorpus.FromReports([report, Report("other", Origin, [(1, 0, 0, 3)])]));
        var before = Answers(left, CorpusWindow.Day);

        var error = Assert.Throws<InvalidOperationException>(() => left.Merge(right));

        Assert.Contains("share 1 article", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Answers(left, CorpusWindow.Day));
    }

    /// <summary>Every answer for a window kind (each case draws one), written out: equal text, equal answers.</summary>
    internal static string Answers(StanceCorpus corpus, CorpusWindow by)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{corpus.Articles} {corpus.Undated} {corpus.Cells}\n");
        {
            foreach (var s in corpus.Stances(by))
            {
                text.Append(CultureInfo.InvariantCulture, $"{s} {s.DecidedBy.ToName()} [{string.Join(" ", s.Tallies)}] [{string.Join(" ", s.Articles.Select(Article))}] first {Article(s.FirstArticle)}\n");
            }

            text.AppendJoin('\n', corpus.Changes(by)).Append('\n');
            text.AppendJoin('\n', corpus.Agreements(by).Select(a => a.ToString() + " " + a.Distance.ToString("R", CultureInfo.InvariantCulture))).Append('\n');
        }

        return text.ToString();
    }

    private static string Article(CorpusArticle a) => $"{a.Id}/{a.Published}/{a.Stance}/{a.Confidence.ToString("R", CultureInfo.InvariantCulture)}/{string.Join("|", a.Evidence)}";

    internal static StanceReport Report(string id, DateOnly? published, IEnumerable<(int Country, int Issue, int Stance, int Confidence)> stances)
    {
        var decided = stances
            .DistinctBy(s => (s.Country, s.Issue))
            .OrderBy(s => Countries[s.Country], StringComparer.Ordinal).ThenBy(s => Issues[s.Issue], StringComparer.Ordinal)
            .Select(s => Stance(id, Countries[s.Country], Issues[s.Issue], (Stance)s.Stance, Confidences[s.Confidence]))
            .ToArray();
        return new StanceReport(id, published, decided, []);
    }

    internal static CountryStance Stance(string article, string country, string issue, Stance stance, double confidence)
    {
        var facts = new Fact[]
        {
            new Statement { Id = "f1", Evidence = $"{country} {stance.ToName()} {issue} in {article}" },
            new Statement { Id = "f2", Evidence = $"second evidence of {article}" },
        };
        var signal = new StanceSignal(country, issue, stance, confidence, "rule", 0, ["rule"], facts);
        return new CountryStance(country, issue, stance, confidence, DecisionStep.Unanimous, [signal], []);
    }
}
