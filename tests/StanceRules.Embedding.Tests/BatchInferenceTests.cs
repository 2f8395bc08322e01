using System.Runtime.CompilerServices;
using StanceRules.Testing.Corpus;

namespace StanceRules.Embedding.Tests;

public class BatchInferenceTests
{
    [Fact]
    public async Task InferAllAsync_TenThousandDocumentsOnePercentMalformed_EveryReportEveryErrorInInputOrder()
    {
        var engine = StanceEngine.CreateDefault();
        var corpus = SyntheticCorpus.Generate(10_000, malformedEvery: 100);

        var results = new List<BatchResult>();
        await foreach (var result in engine.InferAllAsync(corpus.Select(d => FactDocument.FromText(d.Text, d.Name)), new BatchOptions { MaxDegreeOfParallelism = 4 }))
        {
            results.Add(result);
        }

        Assert.Equal(corpus.Count, results.Count);
        Assert.Equal(100, corpus.Count(d => d.Malformed));
        for (var i = 0; i < corpus.Count; i++)
        {
            var (document, result) = (corpus[i], results[i]);
            Assert.Equal(i, result.Index);
            Assert.Equal(document.Name, result.Source);
            if (document.Malformed)
            {
                Assert.False(result.Succeeded, document.Name);
                Assert.Null(result.Error);
                Assert.NotEmpty(result.Diagnostics);
                Assert.All(result.Diagnostics, d => Assert.Equal(document.Name, d.Location.File));
                Assert.All(result.Diagnostics, d => Assert.True(d.Location.Line > 1 && d.Location.Column >= 1, d.ToString()));
            }
            else
            {
                Assert.True(result.Succeeded, result.ErrorMessage);
                Assert.Empty(result.Diagnostics);
                var sequential = engine.Infer(ArticleFacts.Parse(document.Text, document.Name));
                Assert.Equal(sequential.ToJson(), result.Report.ToJson());
            }
        }
    }

    [Fact]
    public async Task InferAllAsync_ArticlesThatExceedTheFiringLimit_FailAloneWithTheirError()
    {
        var engine = StanceEngine.CreateDefault(new StanceEngineOptions { MaxRuleFirings = 2 });
        var small = new ArticleFacts("small", [new Statement { Actor = "Kremlin", Act = "welcome", Issue = "china-peace-plan" }]);
        var seed = ArticleFacts.Load(Repo.SeedFacts);

        var results = await ToListAsync(engine.InferAllAsync([small, seed, small], new BatchOptions { MaxDegreeOfParallelism = 2 }));

        Assert.Equal([true, false, true], results.Select(r => r.Succeeded));
        Assert.IsType<InferenceLimitException>(results[1].Error);
        Assert.Equal("xi-moscow-2023-03-21", results[1].ArticleId);
        Assert.Contains("rule firings", results[1].ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InferAllAsync_FilesThatDoNotExist_AreReportedPerFile()
    {
        var engine = StanceEngine.CreateDefault();
        var missing = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.facts.yaml");

        var results = await ToListAsync(engine.InferAllAsync([FactDocument.FromFile(Repo.SeedFacts), FactDocument.FromFile(missing)]));

        Assert.True(results[0].Succeeded);
        Assert.Equal(DiagnosticCodes.FileNotReadable, Assert.Single(results[1].Diagnostics).Code);
        Assert.Equal(missing, results[1].Source);
    }

    [Fact]
    public async Task InferAllAsync_Cancelled_StopsWithOperationCanceled()
    {
        var engine = StanceEngine.CreateDefault();
        using var cancellation = new CancellationTokenSource();
        var taken = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in engine.InferAllAsync(Endless(), cancellationToken: cancellation.Token))
            {
                if (++taken == 50)
                {
                    await cancellation.CancelAsync();
                }
            }
        });

        Assert.Equal(50, taken);
    }

    [Fact]
    public async Task InferAllAsync_ConsumerStopsEarly_ReadsNoFurtherThanTheBound()
    {
        var engine = StanceEngine.CreateDefault();
        var read = 0;
        var options = new BatchOptions { MaxDegreeOfParallelism = 2, MaxPending = 8 };

        await foreach (var result in engine.InferAllAsync(Endless(() => Interlocked.Increment(ref read)), options))
        {
            Assert.True(result.Succeeded);
            // Read ahead of the consumer by at most MaxPending queued, plus one in the producer's hand.
            Assert.InRange(Volatile.Read(ref read) - (result.Index + 1), 0, options.MaxPending + 1);
            if (result.Index == 200)
            {
                break;
            }
        }

        var afterBreak = Volatile.Read(ref read);
        await Task.Delay(100);
        Assert.Equal(afterBreak, Volatile.Read(ref read));
    }

    [Fact]
    public async Task InferAllAsync_InputThrows_YieldsWhatWasReadThenTheException()
    {
        var engine = StanceEngine.CreateDefault();
        var results = new List<BatchResult>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var result in engine.InferAllAsync(Failing(after: 5)))
            {
                results.Add(result);
            }
        });

        Assert.Equal("input broke", error.Message);
        Assert.Equal([0L, 1, 2, 3, 4], results.Select(r => r.Index));
    }

    [Fact]
    public async Task InferAllAsync_WorkOfVaryingLength_ComesBackInInputOrder()
    {
        var engine = StanceEngine.CreateDefault();
        var seed = ArticleFacts.Load(Repo.SeedFacts);
        var small = new ArticleFacts("small", [new Statement { Actor = "India", Act = "abstain", Issue = "russia-ukraine-war" }]);
        var articles = Enumerable.Range(0, 200).Select(i => i % 3 == 0 ? seed : small).ToArray();

        var results = await ToListAsync(engine.InferAllAsync(articles, new BatchOptions { MaxDegreeOfParallelism = 8 }));

        Assert.Equal(Enumerable.Range(0, 200).Select(i => (long)i), results.Select(r => r.Index));
        Assert.Equal(articles.Select(a => a.Id), results.Select(r => r.ArticleId));
    }

    [Fact]
    public void BatchOptions_Defaults_UseEveryCore()
    {
        var options = new BatchOptions();

        Assert.Equal(Environment.ProcessorCount, options.MaxDegreeOfParallelism);
        Assert.Equal(4 * Environment.ProcessorCount, options.MaxPending);
        Assert.Throws<ArgumentOutOfRangeException>(() => new BatchOptions { MaxDegreeOfParallelism = 0 });
    }

    private static async Task<List<BatchResult>> ToListAsync(IAsyncEnumerable<BatchResult> results)
    {
        var list = new List<BatchResult>();
        await foreach (var result in results)
        {
            list.Add(result);
        }

        return list;
    }

    private static async IAsyncEnumerable<ArticleFacts> Endless(Action? onRead = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; ; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            onRead?.Invoke();
            yield return new ArticleFacts($"a{i}", [new Statement { Actor = "China", Act = "welcome", Issue = "china-peace-plan" }]);
            if (i % 16 == 0)
            {
                await Task.Yield();
            }
        }
    }

    private static async IAsyncEnumerable<ArticleFacts> Failing(int after)
    {
        for (var i = 0; i < after; i++)
        {
            await Task.Yield();
            yield return new ArticleFacts($"a{i}", [new Statement { Actor = "China", Act = "welcome", Issue = "china-peace-plan" }]);
        }

        throw new InvalidOperationException("input broke");
    }
}
