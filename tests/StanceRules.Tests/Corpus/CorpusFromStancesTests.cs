using CsCheck;

namespace StanceRules.Tests.Corpus;

/// <summary>
/// <see cref="StanceCorpus.ChangesOf"/>, <see cref="StanceCorpus.AgreementsOf"/> and
/// <see cref="StanceCorpus.ClosestOf"/> on stances computed once answer exactly as the corpus's own
/// <see cref="StanceCorpus.Changes"/>, <see cref="StanceCorpus.Agreements"/> and
/// <see cref="StanceCorpus.Closest"/> (the <c>stance corpus</c> command relies on it).
/// </summary>
public class CorpusFromStancesTests
{
    private static readonly Gen<StanceReport[]> ReportsGen =
        Gen.Select(Gen.Int[0, 40], Gen.Select(Gen.Int[0, 3], Gen.Int[0, 1], Gen.Int[0, 3], Gen.Int[0, 7]).Array[0, 5]).Array[1, 12]
            .Select(articles => articles.Select((a, i) => CorpusPropertyTests.Report($"a{i}", new DateOnly(2021, 12, 20).AddDays(a.Item1), a.Item2)).ToArray());

    [Fact]
    public void FromStancesComputedOnce_AnswerAsTheCorpusDoes()
    {
        Gen.Select(ReportsGen, Gen.Enum<CorpusWindow>(), Gen.Int[0, 4]).Sample(
            (reports, by, top) =>
            {
                var corpus = StanceCorpus.FromReports(reports);
                var stances = corpus.Stances(by);

                Assert.Equal(corpus.Changes(by).Select(c => c.ToString()), StanceCorpus.ChangesOf(stances).Select(c => c.ToString()));
                var agreements = StanceCorpus.AgreementsOf(stances);
                Assert.Equal(corpus.Agreements(by), agreements);
                foreach (var country in new[] { "AAA", "BBB", "CCC", "DDD", "ZZZ" })
                {
                    Assert.Equal(corpus.Closest(country, by, count: top), StanceCorpus.ClosestOf(country, agreements, top));
                }
            },
            iter: 1_000);
    }
}
