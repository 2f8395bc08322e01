using BenchmarkDotNet.Attributes;
using StanceRules.Benchmarks.Workloads;

namespace StanceRules.Benchmarks.Suites;

/// <summary>
/// POLECAT weekly-file rows from bytes to corpus cells, beside the engine alone in the same run, so
/// the parse cost is visible: each operation is one row, so Mean is the time per row and rows/s =
/// 1 s / Mean. One thread. Baseline: the engine alone (<see cref="StanceEngine.InferEvent"/> and the
/// corpus) on the events already read (a row with two actor countries is two events).
/// </summary>
[Config(typeof(ThroughputConfig))]
public class PolecatBenchmarks
{
    public const int Rows = 100_000;

    private StanceEngine _engine = null!;
    private byte[] _polecat = null!;
    private EventRecord[] _records = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine = StanceEngine.CreateDefault();
        _polecat = PolecatInputs.Bytes(Rows);
        _records = PolecatPaths.Read(_polecat).ToArray();
    }

    /// <summary>The engine alone: events already read -> facts -> rules -> corpus cells.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Rows)]
    public long EngineAlone() => EventPaths.ToCorpus(_engine, _records).Cells;

    /// <summary>Reading alone: POLECAT bytes -> event records.</summary>
    [Benchmark(OperationsPerInvoke = Rows)]
    public long ReadPolecat()
    {
        var count = 0L;
        foreach (var record in PolecatPaths.Read(_polecat))
        {
            count += record.Code.Length;
        }

        return count;
    }

    /// <summary>POLECAT bytes -> events -> facts -> rules -> corpus cells.</summary>
    [Benchmark(OperationsPerInvoke = Rows)]
    public long PolecatToCorpus() => EventPaths.ToCorpus(_engine, PolecatPaths.Read(_polecat)).Cells;

    /// <summary>The check: every row read (one event per distinct actor country), bytes to corpus equal the engine on the records read, and events give stances.</summary>
    public static string Check()
    {
        var engine = StanceEngine.CreateDefault();
        var bytes = PolecatInputs.Bytes(10_000);
        var records = PolecatPaths.Read(bytes).ToArray();
        var rows = records.Select(r => r.Id.Split('#')[0]).Distinct().Count();
        var fromBytes = EventPaths.ToCorpus(engine, PolecatPaths.Read(bytes));
        var alone = EventPaths.ToCorpus(engine, records);
        if (rows != 10_000 || fromBytes.Articles == 0 || string.Join("\n", fromBytes.Stances(CorpusWindow.Week)) != string.Join("\n", alone.Stances(CorpusWindow.Week)))
        {
            throw new InvalidOperationException($"POLECAT: {rows} of 10,000 rows read, {fromBytes.Articles} stances, or the corpora differ");
        }

        return $"10,000 POLECAT rows ({records.Length} events), {fromBytes.Articles} with a stance, {fromBytes.Cells} cells";
    }
}

/// <summary>The POLECAT read the suite times and the check verifies.</summary>
public static class PolecatPaths
{
    public static IEnumerable<EventRecord> Read(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        var reads = EventRecords.ReadAsync(stream, "events.txt", EventFormat.Polecat).GetAsyncEnumerator();
        while (reads.MoveNextAsync().AsTask().GetAwaiter().GetResult())
        {
            yield return reads.Current.Record ?? throw new InvalidOperationException(reads.Current.Error);
        }
    }
}
