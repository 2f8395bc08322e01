using System.Diagnostics;
using System.Globalization;
using StanceRules;
using StanceRules.Testing.Corpus;

// Batch inference throughput by worker count, on synthetic articles (1% malformed).
//   dotnet run -c Release --project tools/StanceRules.BatchThroughput -- [articles=10000] [workers=1,2] [rounds=3]
// Each round checks its own output (every article back, in order, exactly the malformed ones
// failed) before its time counts, so a broken batch fails instead of timing nothing.
var articles = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var workerCounts = (args.Length > 1 ? args[1] : "1,2").Split(',').Select(w => int.Parse(w, CultureInfo.InvariantCulture)).ToArray();
var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;

var corpus = SyntheticCorpus.Generate(articles, malformedEvery: 100);
var documents = corpus.Select(d => FactDocument.FromText(d.Text, d.Name)).ToArray();
var malformed = corpus.Count(d => d.Malformed);
var engine = StanceEngine.CreateDefault();
Console.WriteLine($"{articles} articles ({malformed} malformed, {corpus.Sum(d => d.Text.Length) / 1024} KiB of YAML), {Environment.ProcessorCount} cores, .NET {Environment.Version}, {rounds} rounds per worker count");

await RunAsync(workerCounts.Max(), Math.Min(articles, 1000)); // warm-up: JIT, tiering, the default rules' compilation

// Rounds interleave the worker counts, so a change in the machine's load hits them alike.
var times = workerCounts.ToDictionary(w => w, _ => new List<double>());
for (var round = 0; round < rounds; round++)
{
    foreach (var workers in workerCounts)
    {
        times[workers].Add(await RunAsync(workers, articles));
    }
}

var baseline = times[workerCounts[0]].Min();
Console.WriteLine("workers  best s  median s  articles/s (best)  speed-up (best)");
foreach (var workers in workerCounts)
{
    var sorted = times[workers].Order().ToArray();
    Console.WriteLine(FormattableString.Invariant($"{workers,7}  {sorted[0],6:0.00}  {sorted[sorted.Length / 2],8:0.00}  {articles / sorted[0],17:0}  {baseline / sorted[0],14:0.00}x"));
}

async Task<double> RunAsync(int workers, int count)
{
    var clock = Stopwatch.StartNew();
    var index = 0L;
    var failed = 0;
    await foreach (var result in engine.InferAllAsync(documents.Take(count), new BatchOptions { MaxDegreeOfParallelism = workers }))
    {
        if (result.Index != index++ || result.Succeeded == corpus[(int)result.Index].Malformed)
        {
            throw new InvalidOperationException($"Wrong result at {result.Index}: {result}");
        }

        failed += result.Succeeded ? 0 : 1;
    }

    clock.Stop();
    if (index != count || failed != corpus.Take(count).Count(d => d.Malformed))
    {
        throw new InvalidOperationException($"Lost articles: {index} of {count} back, {failed} failed");
    }

    return clock.Elapsed.TotalSeconds;
}
