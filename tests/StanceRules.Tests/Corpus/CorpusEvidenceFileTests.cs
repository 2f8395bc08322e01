using CsCheck;
using static StanceRules.Tests.Corpus.CorpusPropertyTests;

namespace StanceRules.Tests.Corpus;

/// <summary>
/// <see cref="CorpusOptions.EvidenceInTemporaryFile"/>: the kept articles' evidence in a file answers
/// exactly as in memory, merged in any split; and kept articles changed in place never change an
/// answer already given, nor a corpus merged from another that goes on adding.
/// </summary>
public class CorpusEvidenceFileTests
{
    private const int Cases = 2_000;

    private static readonly CorpusOptions InFile = Options with { EvidenceInTemporaryFile = true };

    [Fact]
    public void EvidenceInAFile_AnyReports_MergedInAnySplit_AnswersAsACorpusKeepingItInMemory()
    {
        Gen.Select(ReportsGen, Gen.Int[1, 4], Gen.Int[0, 1 << 30], WindowGen).Sample(
            (reports, parts, seed, by) =>
            {
                var random = new Random(seed);
                var corpora = reports.GroupBy(_ => random.Next(parts)).Select(p => StanceCorpus.FromReports(p, InFile)).ToList();
                while (corpora.Count > 1)
                {
                    corpora[^2].Merge(corpora[^1]);
                    corpora.RemoveAt(corpora.Count - 1);
                }

                return Answers(corpora[0], by) == Answers(StanceCorpus.FromReports(reports, Options), by);
            },
            iter: Cases);
    }

    [Fact]
    public void KeptArticlesChangedInPlace_NeverChangeAnAnswerGiven_NorACorpusMergedFromOneThatGoesOnAdding()
    {
        Gen.Select(ReportsGen, ReportsGen, ReportsGen, WindowGen).Sample(
            (first, second, third, by) =>
            {
                // Distinct ids in each part; day-level answers (the corpus's own cells, shared with the answer).
                StanceReport[] Named(StanceReport[] reports, string prefix) => [.. reports.Select(r => new StanceReport(prefix + r.Article, r.Published, r.Stances, []))];
                var (a, b, c, d) = (Named(first, "a"), Named(second, "b"), Named(third, "c"), Named(third, "d"));
                var corpus = StanceCorpus.FromReports(a, Options);
                var given = corpus.Stances(CorpusWindow.Day);
                var other = StanceCorpus.FromReports(b, Options);
                corpus.Merge(other);
                foreach (var report in c)
                {
                    corpus.Add(report);
                }

                foreach (var report in d)
                {
                    other.Add(report);
                }

                return Text(given) == Text(StanceCorpus.FromReports(a, Options).Stances(CorpusWindow.Day))
                    && Answers(corpus, by) == Answers(StanceCorpus.FromReports([.. a, .. b, .. c], Options), by);
            },
            iter: Cases);

        static string Text(IEnumerable<WindowStance> stances) =>
            string.Join("\n", stances.Select(s => $"{s} [{string.Join(" ", s.Articles.Select(x => $"{x.Id}/{string.Join("|", x.Evidence)}"))}] {s.FirstArticle.Id}"));
    }

    [Fact]
    public void EvidenceInAFile_TextUtf8CannotHold_AndTextLongerThanTheFilesBuffer_ComeBackAsTheyWere()
    {
        // A lone surrogate (kept as UTF-16 code units), and 200,000 characters (more than one write of the file's buffer).
        string[] evidence = ["lone \ud800 surrogate", new string('x', 200_000), "after the long one"];
        var facts = evidence.Select((text, i) => (Fact)new Statement { Id = $"f{i}", Evidence = text }).ToArray();
        var signal = new StanceSignal("IND", "war", StanceRules.Stance.Condemns, 0.8, "rule", 0, ["rule"], facts);
        var report = new StanceReport("a\udc00", new DateOnly(2023, 3, 1), [new CountryStance("IND", "war", StanceRules.Stance.Condemns, 0.8, DecisionStep.Unanimous, [signal], [])], []);
        var plain = Stance(new CorpusOptions { EvidencePerArticle = 3 });
        var inFile = Stance(new CorpusOptions { EvidencePerArticle = 3, EvidenceInTemporaryFile = true });

        Assert.Equal(evidence, inFile.FirstArticle.Evidence);
        Assert.Equal("a\udc00", inFile.FirstArticle.Id);
        Assert.Equal(plain.Articles.Select(a => (a.Id, a.Published, a.Confidence, string.Join("|", a.Evidence))), inFile.Articles.Select(a => (a.Id, a.Published, a.Confidence, string.Join("|", a.Evidence))));
        Assert.Same(inFile.Articles[0], inFile.FirstArticle);

        WindowStance Stance(CorpusOptions options) => Assert.Single(StanceCorpus.FromReports([report, Report("b", new DateOnly(2023, 3, 1), [(0, 0, 2, 3)])], options).Stances(CorpusWindow.Day, new CorpusFilter { Countries = ["IND"] }));
    }
}
