using System.Diagnostics;
using System.Globalization;
using StanceRules.Benchmarks.Peers;
using StanceRules.Benchmarks.Workloads;

namespace StanceRules.Benchmarks;

/// <summary>
/// Quick mode: checks the outputs, then runs the engines interleaved on the same corpus (one
/// pass each per round, the order rotating every round so no engine always runs first or
/// after the same neighbour) and prints the median per-round throughput ratio against the
/// baseline. A ratio per round cancels most of the noise of a shared machine, which moves
/// every engine of a round alike.
/// </summary>
internal static class Quick
{
    public static int Run(TimeSpan budget)
    {
        var clock = Stopwatch.StartNew();
        var corpus = Corpus.Synthetic(10_000);
        var joins = Corpus.Synthetic(Workload.JoinFacts);
        var seed = Corpus.Seed();
        Console.WriteLine($"quick: {Environment.ProcessorCount} cores, .NET {Environment.Version}; corpus {corpus.FactCount:N0} facts in {corpus.Articles.Count} articles");

        var defaults = Peer.Names.Select(n => Peer.Create(n, RuleSetKind.Default)).ToArray();
        var joinPeers = Peer.Names.Where(n => Peer.Supports(n, RuleSetKind.JoinHeavy)).Select(n => Peer.Create(n, RuleSetKind.JoinHeavy)).ToArray();
        try
        {
            Check.Verify(seed, RuleSetKind.Default, peers: defaults);
            Check.Verify(corpus, RuleSetKind.Default, peers: defaults);
            Check.Verify(joins, RuleSetKind.JoinHeavy, peers: joinPeers);
        }
        catch (DisagreementException e)
        {
            Console.Error.WriteLine($"check FAILED: {e.Message}");
            return 1;
        }

        Console.WriteLine($"check: engines agree on seed, {corpus.Name} and join-heavy ({clock.Elapsed.TotalSeconds:0.0} s)");
        var remaining = budget - clock.Elapsed;
        Measure("", corpus, defaults, remaining * 0.7);
        Measure("join-heavy ", joins, joinPeers, budget - clock.Elapsed);
        Console.WriteLine($"quick: done in {clock.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }

    private static void Measure(string prefix, Corpus corpus, Peer[] peers, TimeSpan budget)
    {
        const int MinRounds = 5;
        const int MaxRounds = 61;
        var clock = Stopwatch.StartNew();
        var seconds = peers.ToDictionary(p => p.Name, _ => new List<double>());
        var sink = 0;
        foreach (var peer in peers)
        {
            sink += peer.Run(corpus); // warm-up: JIT, tiered compilation, caches
        }

        for (var round = 0; round < MaxRounds && (round < MinRounds || clock.Elapsed < budget); round++)
        {
            for (var i = 0; i < peers.Length; i++)
            {
                var peer = peers[(i + round) % peers.Length];
                var watch = Stopwatch.StartNew();
                sink += peer.Run(corpus);
                seconds[peer.Name].Add(watch.Elapsed.TotalSeconds);
            }
        }

        var baseline = seconds[Peer.FluentName];
        foreach (var peer in peers.Where(p => p.Name != Peer.FluentName))
        {
            var ratios = baseline.Zip(seconds[peer.Name], (b, e) => b / e).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{prefix}throughput {peer.Name}/{Peer.FluentName}: {Median(ratios):0.00}"));
        }

        foreach (var peer in peers)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{prefix}facts/s {peer.Name}: {corpus.FactCount / Median(seconds[peer.Name]):N0} (median of {seconds[peer.Name].Count} passes over {corpus.FactCount:N0} facts)"));
        }

        GC.KeepAlive(sink);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
