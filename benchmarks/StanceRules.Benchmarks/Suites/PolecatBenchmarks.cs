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
        _records = EventPaths.Read(_polecat, EventFormat.Polecat).ToArray();
    }

    /// <summary>The engine alone: events already read -> facts -> rules -> corpus cells.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Rows)]
    public long EngineAlone() => EventPaths.ToCorpus(_engine, _records).Cells;

    /// <summary>Reading alone: POLECAT bytes -> event records.</summary>
    [Benchmark(OperationsPerInvoke = Rows)]
    public long ReadPolecat()
    {
        var count = 0L;
        foreach (var record in EventPaths.Read(_polecat, EventFormat.Polecat))
        {
            count += record.Code.Length;
        }

        return count;
    }

    /// <summary>POLECAT bytes -> events -> facts -> rules -> corpus cells.</summary>
    [Benchmark(OperationsPerInvoke = Rows)]
    public long PolecatToCorpus() => EventPaths.ToCorpus(_engine, EventPaths.Read(_polecat, EventFormat.Polecat)).Cells;

    /// <summary>The check: every row read (one event per distinct actor country), bytes to corpus equal the engine on the records read, and events give stances.</summary>
    public static string Check()
    {
        var (records, corpus) = EventPaths.Check("POLECAT", PolecatInputs.Bytes(10_000), EventFormat.Polecat, 10_000, records => records.Select(r => r.Id.Split('#')[0]).Distinct().Count());
        return $"10,000 POLECAT rows ({records.Length} events), {corpus.Articles} with a stance, {corpus.Cells} cells";
    }
}
