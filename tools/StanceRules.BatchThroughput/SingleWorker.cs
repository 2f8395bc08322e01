using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using StanceRules;
using StanceRules.Testing.Corpus;

/// <summary>
/// The NativeAOT-vs-JIT measurement (issue 24, item 6): a fixed synthetic corpus through
/// <see cref="StanceEngine.InferAllAsync"/> on ONE worker, printed as one parseable line.
/// Beside the batch, the same work split in two: parsing alone (<see cref="ArticleFacts.TryParse"/>)
/// and inference alone (<see cref="StanceEngine.Infer(ArticleFacts)"/> on parsed articles), so a gap
/// between runtimes can be placed in one or the other.
/// </summary>
/// <remarks>
/// Arguments: [articles=4000] [indexed|reference] [default|interpreted] [passes=3].
/// <c>default</c> compiles rule expressions with <c>LambdaExpression.Compile()</c> (under NativeAOT
/// that interprets them); <c>interpreted</c> passes <c>Compile(preferInterpretation: true)</c> as
/// <see cref="StanceEngineOptions.ExpressionCompiler"/>, which under the JIT shows what interpreting
/// the rules' conditions alone costs. Each value in the line is the median of the passes, after one
/// untimed warm-up pass of the whole corpus.
/// </remarks>
internal static class SingleWorker
{
    public static async Task RunAsync(string[] args)
    {
        var articles = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 4000;
        var matching = args.Length > 1 && args[1] == "reference" ? RuleMatching.Reference : RuleMatching.Indexed;
        var interpreted = args.Length > 2 && args[2] == "interpreted";
        var passes = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3;

        var corpus = SyntheticCorpus.Generate(articles, malformedEvery: 100);
        var documents = corpus.Select(d => FactDocument.FromText(d.Text, d.Name)).ToArray();
        var malformed = corpus.Count(d => d.Malformed);
        var options = new StanceEngineOptions
        {
            Matching = matching,
            ExpressionCompiler = interpreted ? e => e.Compile(preferInterpretation: true) : null,
        };
        var loadClock = Stopwatch.StartNew();
        var engine = StanceEngine.CreateDefault(options);
        var loadSeconds = loadClock.Elapsed.TotalSeconds;

        var parsed = new List<ArticleFacts>(articles);
        foreach (var document in corpus)
        {
            if (ArticleFacts.TryParse(document.Text, document.Name, out var article, out _))
            {
                parsed.Add(article);
            }
        }

        if (parsed.Count != articles - malformed)
        {
            throw new InvalidOperationException($"{parsed.Count} articles parsed, expected {articles - malformed}");
        }

        var facts = parsed.Sum(a => a.Facts.Count);

        // Warm-up: the whole corpus once (JIT tiering, NRules' lazy compilation, caches).
        await BatchAsync(engine, documents, corpus, malformed);
        InferAll(engine, parsed);

        // What the runs must agree on, untimed: a digest of every report's JSON (NativeAOT's closures against the JIT's trees, and reference mode).
        var digest = ReportsDigest(engine, parsed);

        var batch = new List<double>();
        var parse = new List<double>();
        var infer = new List<double>();
        for (var pass = 0; pass < passes; pass++)
        {
            batch.Add(await BatchAsync(engine, documents, corpus, malformed));
            parse.Add(ParseAll(corpus));
            infer.Add(InferAll(engine, parsed));
        }

        var (batchS, parseS, inferS) = (Median(batch), Median(parse), Median(infer));
        var runtime = RuntimeFeature.IsDynamicCodeSupported ? "jit" : "aot";
        Console.WriteLine(FormattableString.Invariant(
            $"single runtime={runtime} matching={matching.ToString().ToLowerInvariant()} expressions={(interpreted ? "interpreted" : "default")} articles={articles} malformed={malformed} facts={facts} passes={passes} load_s={loadSeconds:0.000} batch_s={batchS:0.000} facts_per_s={facts / batchS:0} articles_per_s={articles / batchS:0} parse_s={parseS:0.000} infer_s={inferS:0.000} infer_facts_per_s={facts / inferS:0} reports={digest}"));
    }

    private static string ReportsDigest(StanceEngine engine, List<ArticleFacts> parsed)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var article in parsed)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(engine.Infer(article).ToJson()));
        }

        return Convert.ToHexString(hash.GetHashAndReset())[..16];
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    // The batch on one worker, its output checked (every article back, in order, exactly the malformed ones failed).
    private static async Task<double> BatchAsync(StanceEngine engine, FactDocument[] documents, IReadOnlyList<SyntheticCorpus.Document> corpus, int malformed)
    {
        var clock = Stopwatch.StartNew();
        var index = 0L;
        var failed = 0;
        await foreach (var result in engine.InferAllAsync(documents, new BatchOptions { MaxDegreeOfParallelism = 1 }))
        {
            if (result.Index != index++ || result.Succeeded == corpus[(int)result.Index].Malformed)
            {
                throw new InvalidOperationException($"Wrong result at {result.Index}: {result}");
            }

            failed += result.Succeeded ? 0 : 1;
        }

        clock.Stop();
        if (index != documents.Length || failed != malformed)
        {
            throw new InvalidOperationException($"Lost articles: {index} of {documents.Length} back, {failed} failed");
        }

        return clock.Elapsed.TotalSeconds;
    }

    private static double ParseAll(IReadOnlyList<SyntheticCorpus.Document> corpus)
    {
        var clock = Stopwatch.StartNew();
        var parsed = 0;
        foreach (var document in corpus)
        {
            parsed += ArticleFacts.TryParse(document.Text, document.Name, out _, out _) ? 1 : 0;
        }

        clock.Stop();
        GC.KeepAlive(parsed);
        return clock.Elapsed.TotalSeconds;
    }

    private static double InferAll(StanceEngine engine, List<ArticleFacts> parsed)
    {
        var clock = Stopwatch.StartNew();
        var stances = 0;
        foreach (var article in parsed)
        {
            stances += engine.Infer(article).Stances.Count;
        }

        clock.Stop();
        GC.KeepAlive(stances);
        return clock.Elapsed.TotalSeconds;
    }
}
