using System.Diagnostics;
using System.Globalization;
using StanceRules;
using StanceRules.Testing.Corpus;

// Batch inference throughput by worker count, on synthetic articles (1% malformed).
//   dotnet run -c Release --project tools/StanceRules.BatchThroughput -- [articles=10000] [workers=1,2] [rounds=3]
//   dotnet run -c Release --project tools/StanceRules.BatchThroughput -- --single [articles=4000] [indexed|reference] [default|interpreted] [passes=3]
//   (one worker, one parseable line: see SingleWorker.cs; run-aot-vs-jit.sh alternates a JIT and a NativeAOT build)
// Each round checks its own output (every article back, in order, exactly the malformed ones
// failed) before its time counts, so a broken batch fails instead of timing nothing.
if (args.Length > 0 && args[0] == "--single")
{
    await SingleWorker.RunAsync(args.Skip(1).ToArray());
    return;
}

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
// Beside each batch run, the same work (parse and infer every document) in a plain
// Parallel.For with as many workers: what the batch API's ordering and bounds cost.
var times = workerCounts.ToDictionary(w => w, _ => new List<(double Wall, double Cpu)>());
var plain = workerCounts.ToDictionary(w => w, _ => new List<(double Wall, double Cpu)>());
for (var round = 0; round < rounds; round++)
{
    foreach (var workers in workerCounts)
    {
        times[workers].Add(await RunAsync(workers, articles));
        plain[workers].Add(RunParallelFor(workers, articles));
    }
}

// CPU s is the process's processor time for the round: CPU s / wall s is the parallelism it got
// (below the worker count when other processes hold the cores).
// What the machine gives at all: the same fixed CPU loop on each of N threads. When N threads
// take as long as one does N times over, other processes hold the other cores and no batch can scale.
var single = Burn(1);
foreach (var workers in workerCounts.Where(w => w > 1))
{
    Console.WriteLine(FormattableString.Invariant($"calibration: a CPU loop on {workers} threads ran {workers * single / Burn(workers):0.00}x as fast as on one"));
}

var baseline = times[workerCounts[0]].Min(t => t.Wall);
Console.WriteLine("run           workers  best s  median s  articles/s (best)  speed-up (best)  CPU s (best)  CPU s / wall s");
foreach (var (name, results) in new[] { ("InferAllAsync", times), ("Parallel.For", plain) })
{
    foreach (var workers in workerCounts)
    {
        var sorted = results[workers].OrderBy(t => t.Wall).ToArray();
        var (best, median) = (sorted[0], sorted[sorted.Length / 2]);
        Console.WriteLine(FormattableString.Invariant($"{name,-13} {workers,7}  {best.Wall,6:0.00}  {median.Wall,8:0.00}  {articles / best.Wall,17:0}  {baseline / best.Wall,14:0.00}x  {best.Cpu,12:0.00}  {best.Cpu / best.Wall,14:0.00}"));
    }
}

// Seconds for `threads` threads each to run the same fixed loop (about 0.3 s of one core).
static double Burn(int threads)
{
    var clock = Stopwatch.StartNew();
    Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ =>
    {
        var sum = 0L;
        for (var i = 0; i < 300_000_000; i++)
        {
            sum += i % 7;
        }

        GC.KeepAlive(sum);
    });
    return clock.Elapsed.TotalSeconds;
}

(double Wall, double Cpu) RunParallelFor(int workers, int count)
{
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    var reports = new StanceReport?[count];
    Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = workers }, i =>
        reports[i] = ArticleFacts.TryParse(corpus[i].Text, corpus[i].Name, out var article, out _) ? engine.Infer(article) : null);
    clock.Stop();
    if (reports.Count(r => r is null) != corpus.Take(count).Count(d => d.Malformed))
    {
        throw new InvalidOperationException("Parallel.For lost articles");
    }

    return (clock.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
}

async Task<(double Wall, double Cpu)> RunAsync(int workers, int count)
{
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
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
    var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
    if (index != count || failed != corpus.Take(count).Count(d => d.Malformed))
    {
        throw new InvalidOperationException($"Lost articles: {index} of {count} back, {failed} failed");
    }

    return (clock.Elapsed.TotalSeconds, cpuSeconds);
}
