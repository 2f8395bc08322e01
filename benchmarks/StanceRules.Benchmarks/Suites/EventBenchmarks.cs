using BenchmarkDotNet.Attributes;
using StanceRules.Benchmarks.Workloads;

namespace StanceRules.Benchmarks.Suites;

/// <summary>
/// GDELT events from bytes to corpus cells, beside the engine alone in the same run, so the parse
/// cost is visible: each operation is one event, so Mean is the time per event and events/s =
/// 1 s / Mean. One thread. Baseline: the engine alone (<see cref="StanceEngine.InferEvent"/> and
/// the corpus) on the events already read. <see cref="ArticleFactsReference"/> is the engine on the
/// synthetic corpus's article facts (the workload of the facts/s figures), per fact, in the same run:
/// on the shared machine the absolute times vary with its load, the ratio to it much less.
/// </summary>
[Config(typeof(ThroughputConfig))]
public class EventBenchmarks
{
    public const int Events = 100_000;

    private StanceEngine _engine = null!;
    private byte[] _gdelt = null!;
    private EventRecord[] _records = null!;
    private Corpus _articles = null!;
    private StanceReport[] _reports = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine = StanceEngine.CreateDefault();
        _gdelt = GdeltInputs.Bytes(Events);
        _records = EventPaths.Read(_gdelt).ToArray();
        _articles = Corpus.Synthetic(ReferenceFacts);
        _reports = _records.Select(r => _engine.InferEvent(r)).Where(r => r.Stances.Count > 0).ToArray();
    }

    public const int ReferenceFacts = 10_000;

    /// <summary>The reference: article facts of the synthetic corpus through <see cref="StanceEngine.Infer"/> (per fact).</summary>
    [Benchmark(OperationsPerInvoke = ReferenceFacts)]
    public int ArticleFactsReference()
    {
        var stances = 0;
        foreach (var article in _articles.Articles)
        {
            stances += _engine.Infer(article).Stances.Count;
        }

        return stances;
    }

    /// <summary>The engine alone: events already read -> facts -> rules -> corpus cells.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    public long EngineAlone() => EventPaths.ToCorpus(_engine, _records).Cells;

    /// <summary>The inference alone: events already read -> facts -> rules -> reports, no corpus (what the corpus adds to <see cref="EngineAlone"/> is the difference).</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public long InferOnly()
    {
        var stances = 0L;
        foreach (var record in _records)
        {
            stances += _engine.InferEvent(record).Stances.Count;
        }

        return stances;
    }

    /// <summary>
    /// The corpus alone: the reports of the events already inferred (those with a stance) -> <see cref="StanceCorpus.Add"/>,
    /// per event read (so <see cref="InferOnly"/> plus this is about <see cref="EngineAlone"/>).
    /// </summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public long CorpusOnly()
    {
        var corpus = new StanceCorpus();
        foreach (var report in _reports)
        {
            corpus.Add(report);
        }

        return corpus.Cells;
    }

    /// <summary>Reading alone: GDELT bytes -> event records.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public long ReadGdelt()
    {
        var count = 0L;
        foreach (var record in EventPaths.Read(_gdelt))
        {
            count += record.Code.Length;
        }

        return count;
    }

    /// <summary>GDELT bytes -> events -> facts -> rules -> corpus cells.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public long GdeltToCorpus() => EventPaths.ToCorpus(_engine, EventPaths.Read(_gdelt)).Cells;

    /// <summary>The check: bytes to corpus equal the engine on the records read, every row is read, and events give stances.</summary>
    public static string Check()
    {
        var (_, corpus) = EventPaths.Check("GDELT", GdeltInputs.Bytes(10_000), EventFormat.Gdelt, 10_000, records => records.Length);
        return $"10,000 GDELT events, {corpus.Articles} with a stance, {corpus.Cells} cells";
    }
}

/// <summary>The event paths the GDELT and POLECAT suites time and their checks verify.</summary>
public static class EventPaths
{
    /// <summary>The records of a file of events in <paramref name="format"/>; a row that cannot be read throws.</summary>
    public static IEnumerable<EventRecord> Read(byte[] bytes, EventFormat format = EventFormat.Gdelt)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        var reads = EventRecords.ReadAsync(stream, $"events.{format.ToString().ToLowerInvariant()}", format).GetAsyncEnumerator();
        while (reads.MoveNextAsync().AsTask().GetAwaiter().GetResult())
        {
            yield return reads.Current.Record ?? throw new InvalidOperationException(reads.Current.Error);
        }
    }

    /// <summary>
    /// A suite's check: the bytes read as <paramref name="format"/> give <paramref name="rows"/> rows
    /// (<paramref name="rowsOf"/> counts them among the records), bytes to corpus equal the engine on
    /// the records read, and events give stances; throws otherwise.
    /// </summary>
    public static (EventRecord[] Records, StanceCorpus Corpus) Check(string what, byte[] bytes, EventFormat format, int rows, Func<EventRecord[], int> rowsOf)
    {
        var engine = StanceEngine.CreateDefault();
        var records = Read(bytes, format).ToArray();
        var read = rowsOf(records);
        var fromBytes = ToCorpus(engine, Read(bytes, format));
        var alone = ToCorpus(engine, records);
        if (read != rows || fromBytes.Articles == 0 || string.Join("\n", fromBytes.Stances(CorpusWindow.Week)) != string.Join("\n", alone.Stances(CorpusWindow.Week)))
        {
            throw new InvalidOperationException($"{what}: {read} of {rows:N0} rows read, {fromBytes.Articles} stances, or the corpora differ");
        }

        return (records, fromBytes);
    }

    public static StanceCorpus ToCorpus(StanceEngine engine, IEnumerable<EventRecord> records)
    {
        var corpus = new StanceCorpus();
        foreach (var record in records)
        {
            if (engine.InferEvent(record) is { Stances.Count: > 0 } report)
            {
                corpus.Add(report);
            }
        }

        return corpus;
    }
}
