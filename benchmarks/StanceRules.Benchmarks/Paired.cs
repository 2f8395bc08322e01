using System.Diagnostics;
using System.Globalization;
using StanceRules.Benchmarks.Peers;
using StanceRules.Benchmarks.Workloads;
using Series = System.Collections.Generic.Dictionary<string, (double X, double Y)[]>;

namespace StanceRules.Benchmarks;

/// <summary>
/// <c>--paired</c>: every throughput workload (seed, corpus at 1k/10k/100k facts, 10/100/1,000
/// rules, join-heavy), checked, then timed with the engines interleaved (<see cref="Interleaved"/>).
/// Prints a markdown table of median facts/s and the median per-round ratio to the baseline with
/// its interquartile range, and draws the charts from it. The robust complement to the
/// BenchmarkDotNet suite on a busy machine: a few minutes.
/// </summary>
internal static class Paired
{
    public static int Run(TimeSpan budgetPerWorkload, string chartDirectory)
    {
        var clock = Stopwatch.StartNew();
        var results = new List<(Workload Workload, Interleaved Result)>();
        Console.WriteLine("| workload | engine | facts/s (median) | throughput ratio to nrules-fluent: median [p25, p75] | rounds |");
        Console.WriteLine("|---|---|--:|--:|--:|");
        foreach (var workload in Workload.All)
        {
            var corpus = workload.Corpus();
            var peers = Peer.Names.Where(n => Peer.Supports(n, workload.Kind)).Select(n => Peer.Create(n, workload.Kind, workload.Generated)).ToArray();
            try
            {
                Check.Verify(corpus, workload.Kind, workload.Generated, peers);
            }
            catch (DisagreementException e)
            {
                Console.Error.WriteLine($"check FAILED: {e.Message}");
                return 1;
            }

            var result = Interleaved.Measure(corpus, peers, budgetPerWorkload, minRounds: 5);
            results.Add((workload, result));
            foreach (var engine in result.Engines)
            {
                var ratio = engine == Peer.FluentName ? "1 (baseline)" : string.Create(CultureInfo.InvariantCulture, $"{result.Ratio(engine):0.00} [{result.Ratio(engine, 0.25):0.00}, {result.Ratio(engine, 0.75):0.00}]");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {workload.Name} | {engine} | {result.FactsPerSecond(engine):N0} | {ratio} | {result.Rounds} |"));
            }
        }

        Series Points(Func<Workload, bool> select, Func<Workload, Interleaved, double> x) => results
            .Where(r => select(r.Workload))
            .SelectMany(r => r.Result.Engines.Select(e => (Engine: e, X: x(r.Workload, r.Result), Y: r.Result.FactsPerSecond(e))))
            .GroupBy(p => p.Engine)
            .ToDictionary(g => g.Key, g => g.Select(p => (p.X, p.Y)).ToArray());

        var facts = Charts.Draw(
            Points(w => w.Name.StartsWith("corpus-", StringComparison.Ordinal), (_, r) => r.Corpus.FactCount),
            "facts", "facts per run (synthetic corpus, default rules)", Path.Combine(chartDirectory, "throughput-vs-facts.png"));
        var rules = Charts.Draw(
            Points(w => w.Kind == RuleSetKind.Generated, (w, _) => w.Generated),
            "rules", $"generated rules (over {Workload.RuleScalingFacts:N0} facts)", Path.Combine(chartDirectory, "throughput-vs-rules.png"));
        Console.WriteLine($"chart: {facts}\nchart: {rules}\npaired: done in {clock.Elapsed.TotalSeconds:0} s");
        return 0;
    }
}
