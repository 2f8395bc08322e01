using System.Diagnostics;
using BenchmarkDotNet.Running;
using StanceRules.Benchmarks.Workloads;

namespace StanceRules.Benchmarks;

internal static class Cli
{
    private const string Usage = """
        StanceRules benchmarks. Run from the repository root, in Release:

          dotnet run -c Release --project benchmarks/StanceRules.Benchmarks -- --check
              Runs every benchmark's workload once with every engine and verifies they agree
              (signals, final stances, unresolved facts). Exit 1 on any disagreement. For CI.
          dotnet run -c Release --project benchmarks/StanceRules.Benchmarks -- --quick
              Checks, then runs the engines interleaved on the same corpus and prints
              "throughput <engine>/<baseline>: <median ratio>" and facts/s per engine (< 2 min).
          dotnet run -c Release --project benchmarks/StanceRules.Benchmarks -- --paired
              Every throughput workload checked, then timed with the engines interleaved:
              a markdown table of facts/s and paired ratios, and the charts
              benchmarks/charts/throughput-vs-{facts,rules}.png (about 4 minutes).
          dotnet run -c Release --project benchmarks/StanceRules.Benchmarks -- --full
              The whole BenchmarkDotNet suite (about 12 minutes on 2 cores), then its charts
              (benchmarks/charts/bdn-*.png). Results: BenchmarkDotNet.Artifacts/results/.
          dotnet run -c Release --project benchmarks/StanceRules.Benchmarks -- --filter '*Join*'
              Any other arguments go to BenchmarkDotNet's switcher (--filter, --list flat, ...).
          dotnet run -c Release --project benchmarks/StanceRules.Benchmarks -- --explain
              The NRules rule model StanceRules generates from rules/stances.yaml, beside the
              one the fluent DSL builds from the hand-written rules.
          dotnet run -c Release --project benchmarks/StanceRules.Benchmarks -- --attribute
              Where StanceRules' time goes next to hand-written NRules: the baseline plus, one
              at a time, what StanceRules does differently; timed interleaved (~1.5 minutes).
          dotnet run -c Release --project benchmarks/StanceRules.Benchmarks -- --sessions
              What an NRules session costs: creation at 9 and 1,000 rules, and a session per
              article against one reused (facts retracted), interleaved (~1 minute).
          dotnet run -c Release --project benchmarks/StanceRules.Benchmarks -- --budget
              What the inference budget's NRules event handlers cost: the fluent rules with
              and without them, interleaved, on the default rules and 1,000 rules (~1.5 minutes).
          dotnet run -c Release --project benchmarks/StanceRules.Benchmarks -- --filter '*TelemetryBenchmarks*'
              What telemetry costs an inference: nobody listening (must equal the inferrer alone,
              in time and bytes), listening, and the guard alone (a short job, ~3 minutes).
          dotnet run -c Release --project benchmarks/StanceRules.Benchmarks -- --filter '*EventBenchmarks*'
              GDELT events from bytes to corpus cells, beside the engine alone (InferEvent).
          dotnet run -c Release --project benchmarks/StanceRules.Benchmarks -- --filter '*PolecatBenchmarks*'
              POLECAT weekly-file rows from bytes to corpus cells, beside the engine alone.
          dotnet run -c Release --project benchmarks/StanceRules.Benchmarks -- --gdelt-file PATH [EVENTS] [DAYS]
              Writes EVENTS generated GDELT 2.0 rows (default 1,000,000) over DAYS days (default 30)
              to PATH, for an end-to-end run of stance corpus --from gdelt (about 200 MB a million).
          dotnet run -c Release --project benchmarks/StanceRules.Benchmarks -- --polecat-file PATH [ROWS] [DAYS]
              The same for POLECAT: a header and ROWS generated rows of the 40 documented columns.
          dotnet run -c Release --project benchmarks/StanceRules.Benchmarks -- --aggregation
              Corpus aggregation: memory retained for 10k, 100k and 1M reports (flat per cell?),
              with and without de-duplication. Timing: --filter '*AggregationBenchmarks*'.
        """;

    public static int Run(string[] args)
    {
        if (args.Length == 0 || args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        if (args.Contains("--check"))
        {
            return CheckAll();
        }

        if (Array.IndexOf(args, "--gdelt-file") is var gdeltAt and >= 0)
        {
            return WriteEventFile(args, gdeltAt, "GDELT 2.0 events", (stream, count, days) => GdeltInputs.Write(stream, count, days));
        }

        if (Array.IndexOf(args, "--polecat-file") is var polecatAt and >= 0)
        {
            return WriteEventFile(args, polecatAt, "POLECAT rows", (stream, count, days) => PolecatInputs.Write(stream, count, days));
        }

        if (args.Contains("--aggregation"))
        {
            return AggregationMemory.Run();
        }

        if (args.Contains("--explain"))
        {
            return Explain.Run();
        }

        if (args.Contains("--attribute"))
        {
            return Attribution.Run(TimeSpan.FromSeconds(60));
        }

        if (args.Contains("--budget"))
        {
            return Attribution.Budget(TimeSpan.FromSeconds(60));
        }

        if (args.Contains("--sessions"))
        {
            return Attribution.Sessions(TimeSpan.FromSeconds(30));
        }

        if (args.Contains("--paired"))
        {
            return Paired.Run(TimeSpan.FromSeconds(20), Path.Combine(RepositoryRoot(), "benchmarks", "charts"));
        }

        if (args.Contains("--quick"))
        {
            return Quick.Run(TimeSpan.FromSeconds(75));
        }

        var switcherArgs = args.Contains("--full") ? ["--filter", "*"] : args;
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Cli).Assembly).Run(switcherArgs).ToArray();
        if (summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)))
        {
            Console.Error.WriteLine("benchmarks: some benchmarks failed (a failed output check fails its benchmark); see the log above.");
            return 1;
        }

        foreach (var chart in Charts.Write(summaries, Path.Combine(RepositoryRoot(), "benchmarks", "charts")))
        {
            Console.WriteLine($"chart: {chart}");
        }

        return 0;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RulesEngine.sln")))
            {
                return dir.FullName;
            }
        }

        return Environment.CurrentDirectory;
    }

    /// <summary>
    /// Every workload of every suite, every engine, once; each disagreement reported (all of them,
    /// not only the first). Ends with "check: N passed, N failed"; exit 1 if any failed.
    /// </summary>
    /// <summary>
    /// <c>--gdelt-file PATH [EVENTS] [DAYS]</c> and <c>--polecat-file PATH [ROWS] [DAYS]</c>: writes a
    /// generated file of events (default 1,000,000 over 30 days) for the end-to-end runs.
    /// </summary>
    private static int WriteEventFile(string[] args, int at, string what, Action<Stream, long, int> write)
    {
        var count = args.Length > at + 2 ? long.Parse(args[at + 2], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
        var days = args.Length > at + 3 ? int.Parse(args[at + 3], System.Globalization.CultureInfo.InvariantCulture) : 30;
        using (var file = File.Create(args[at + 1]))
        {
            write(file, count, days);
        }

        Console.WriteLine($"{args[at + 1]}: {count:N0} {what} over {days} days, {new FileInfo(args[at + 1]).Length:N0} bytes");
        return 0;
    }

    private static int CheckAll()
    {
        var clock = Stopwatch.StartNew();
        var passed = 0;
        var failed = 0;
        void Run(string name, Func<string> check)
        {
            var started = clock.Elapsed;
            try
            {
                var what = check();
                passed++;
                Console.WriteLine($"check {name}: {what} ({(clock.Elapsed - started).TotalSeconds:0.0} s)");
            }
            catch (Exception e) when (e is DisagreementException or InvalidOperationException or TypeInitializationException or StanceRulesException or NotSupportedException)
            {
                failed++;
                Console.Error.WriteLine($"check {name} FAILED: {(e is TypeInitializationException { InnerException: { } inner } ? inner.Message : e.Message)}");
            }
        }

        foreach (var w in Workload.All)
        {
            Run(w.Name, () => $"{Check.Verify(w.Corpus(), w.Kind, w.Generated)} signals, engines agree");
        }

        // The start-up suite compiles the fluent rules with FastExpressionCompiler: same output?
        foreach (var (kind, generated) in new[] { (RuleSetKind.Default, 0), (RuleSetKind.Generated, 1000) })
        {
            Run($"startup/{Check.Label(kind, generated)}", () =>
            {
                var fec = new Peers.FastCompiler();
                Check.Verify(Corpus.Synthetic(Workload.RuleScalingFacts), kind, generated, [Peers.Peer.Create(Peers.Peer.FluentName, kind, generated), new Peers.FluentPeer(kind, generated, fec)]);
                return $"fluent rules compiled by FastExpressionCompiler agree ({fec.Fallbacks} trees fell back to Expression.Compile)";
            });
        }

        // Corpus aggregation: memory flat per cell, merge exact.
        Run("aggregation", AggregationMemory.Check);

        // Telemetry: no allocation with nobody listening; every case of its suite runs.
        Run("telemetry", Suites.TelemetryBenchmarks.Check);
        // Text extraction: the benchmark's text gives the seeds' facts, repeated, each at its offset.
        Run("extraction", Suites.ExtractionText.Check);
        // The JSON Lines suite: each method once; both readers and every path agree with the engine alone, and JSON Lines with YAML.
        Run("jsonlines", Suites.JsonLinesBenchmarks.Check);

        // The event suite: GDELT bytes give the corpus the engine gives the same events parsed.
        Run("events", Suites.EventBenchmarks.Check);

        // The POLECAT suite: every row read, bytes give the corpus the engine gives the same events parsed.
        Run("polecat", Suites.PolecatBenchmarks.Check);

        Console.WriteLine($"check took {clock.Elapsed.TotalSeconds:0.0} s");
        Console.WriteLine($"check: {passed} passed, {failed} failed");
        return failed == 0 ? 0 : 1;
    }
}
