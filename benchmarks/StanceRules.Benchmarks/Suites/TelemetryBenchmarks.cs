using System.Diagnostics;
using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using StanceRules.Benchmarks.Workloads;
using StanceRules.Inference;

namespace StanceRules.Benchmarks.Suites;

/// <summary>
/// What telemetry costs an inference (docs/telemetry.md). Baseline: the inferrer called directly,
/// the path with no telemetry code at all. <see cref="NobodyListening"/> is <c>StanceEngine.Infer</c>
/// as a service runs it without a listener: same time, same bytes allocated (the claim).
/// <see cref="Listening"/> has a MeterListener and an ActivityListener on <c>StanceRules</c> (what
/// an OpenTelemetry exporter costs the hot path, before it exports). <see cref="Guard"/> is the check
/// alone. One 30-fact article of the synthetic corpus, the default rules.
/// </summary>
[Config(typeof(TelemetryConfig))]
public class TelemetryBenchmarks
{
    private StanceEngine _engine = null!;
    private ArticleFacts _article = null!;
    private StanceEngineOptions _options = null!; // the default engine's: made once, as the engine holds its own
    private MeterListener? _meters;
    private ActivityListener? _activities;

    [GlobalSetup]
    public void Setup()
    {
        _engine = StanceEngine.CreateDefault();
        _article = Corpus.Synthetic(CorpusGenerator.FactsPerArticle).Articles[0];
        _options = new StanceEngineOptions();

        // Every case starts from the same warm engine (the actor resolution memo filled), whatever its turn in the process.
        for (var i = 0; i < 200; i++)
        {
            _engine.Infer(_article);
        }
    }

    [GlobalSetup(Target = nameof(Listening))]
    public void SetupListening()
    {
        Setup();
        (_meters, _activities) = Listen();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _meters?.Dispose();
        _activities?.Dispose();
    }

    [Benchmark(Baseline = true)]
    public int WithoutTelemetry() => new Inferrer(_engine.RuleSet, _options).Run(_article, CancellationToken.None).Stances.Count;

    [Benchmark]
    public int NobodyListening() => _engine.Infer(_article).Stances.Count;

    [Benchmark]
    public int Listening() => _engine.Infer(_article).Stances.Count;

    [Benchmark]
    public bool Guard() => StanceTelemetry.IsInferenceObserved;

    /// <summary>A meter listener that takes every measurement of StanceRules (and drops it) and an activity listener that records every activity.</summary>
    public static (MeterListener Meters, ActivityListener Activities) Listen()
    {
        var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == StanceTelemetry.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((_, _, _, _) => { });
        meters.SetMeasurementEventCallback<double>((_, _, _, _) => { });
        meters.Start();
        var activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == StanceTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(activities);
        return (meters, activities);
    }

    /// <summary>
    /// For --check: every case runs and gives the same report; with nobody listening an inference
    /// allocates exactly what the inferrer alone allocates, and the guard says nobody listens.
    /// </summary>
    public static string Check()
    {
        var benchmarks = new TelemetryBenchmarks();
        benchmarks.Setup();
        if (StanceTelemetry.IsInferenceObserved)
        {
            throw new InvalidOperationException("telemetry: something listens to StanceRules before the check started.");
        }

        var expected = benchmarks.WithoutTelemetry();
        var (without, nobody) = (Allocated(() => benchmarks.WithoutTelemetry()), Allocated(() => benchmarks.NobodyListening()));
        if (benchmarks.NobodyListening() != expected || nobody != without)
        {
            throw new InvalidOperationException($"telemetry: with nobody listening an inference allocated {nobody} bytes, {nobody - without} more than without telemetry ({without}).");
        }

        benchmarks.SetupListening();
        try
        {
            if (!benchmarks.Guard() || benchmarks.Listening() != expected)
            {
                throw new InvalidOperationException("telemetry: with listeners, the guard or the report differs.");
            }
        }
        finally
        {
            benchmarks.Cleanup();
        }

        return $"telemetry: nobody listening, an inference allocates what the inferrer alone allocates ({without} bytes); with listeners, the same report";
    }

    /// <summary>The bytes one call allocates on this thread, the minimum of 20 runs after a warm-up (a JIT tier-up allocates too).</summary>
    private static long Allocated(Func<int> run)
    {
        for (var i = 0; i < 50; i++)
        {
            run();
        }

        var least = long.MaxValue;
        for (var i = 0; i < 20; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            run();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return least;
    }
}

/// <summary>
/// A modest job (8 warm-up and 15 measured iterations) with the allocation column, in
/// process: no project to build (a busy 2-core machine outran BenchmarkDotNet's 2-minute build
/// timeout), and the cases run one after the other, the listeners on only while <c>Listening</c> runs.
/// </summary>
public sealed class TelemetryConfig : ManualConfig
{
    public TelemetryConfig()
    {
        AddJob(Job.Default.WithWarmupCount(8).WithIterationCount(15).WithToolchain(BenchmarkDotNet.Toolchains.InProcess.Emit.InProcessEmitToolchain.Instance).WithId("inprocess"));
        AddDiagnoser(MemoryDiagnoser.Default);
        WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared));
        HideColumns("Gen0", "Gen1", "Gen2");
    }
}
