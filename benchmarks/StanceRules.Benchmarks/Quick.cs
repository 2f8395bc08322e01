using System.Diagnostics;
using System.Globalization;
using StanceRules.Benchmarks.Peers;
using StanceRules.Benchmarks.Workloads;

namespace StanceRules.Benchmarks;

/// <summary>
/// Quick mode: checks the outputs, then runs the engines interleaved (<see cref="Interleaved"/>)
/// on the 10,000-fact corpus with the default rules, on the join-heavy set and on 1,000
/// generated rules (without RulesEngine, which takes seconds a pass there), and prints the
/// median throughput ratio of each engine to the baseline, and facts per second.
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
        var manyRules = Workload.All.Single(w => w.Name == "rules-1000");
        var manyRulesCorpus = manyRules.Corpus();
        var manyRulesPeers = Peer.Names.Where(n => n != Peer.RulesEngineName).Select(n => Peer.Create(n, manyRules.Kind, manyRules.Generated)).ToArray();
        try
        {
            Check.Verify(seed, RuleSetKind.Default, peers: defaults);
            Check.Verify(corpus, RuleSetKind.Default, peers: defaults);
            Check.Verify(joins, RuleSetKind.JoinHeavy, peers: joinPeers);
            Check.Verify(manyRulesCorpus, manyRules.Kind, manyRules.Generated, manyRulesPeers);
        }
        catch (DisagreementException e)
        {
            Console.Error.WriteLine($"check FAILED: {e.Message}");
            return 1;
        }

        Console.WriteLine($"check: engines agree on seed, {corpus.Name}, join-heavy and rules-1000 ({clock.Elapsed.TotalSeconds:0.0} s)");
        Print(string.Empty, Interleaved.Measure(corpus, defaults, (budget - clock.Elapsed) * 0.4));
        foreach (var peer in defaults)
        {
            // One warm pass on this thread: what BenchmarkDotNet's memory diagnoser reports per operation, per fact.
            var before = GC.GetAllocatedBytesForCurrentThread();
            peer.Run(corpus);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"allocated {peer.Name}: {(GC.GetAllocatedBytesForCurrentThread() - before) / (double)corpus.FactCount:N0} B/fact"));
        }

        Print("join-heavy ", Interleaved.Measure(joins, joinPeers, (budget - clock.Elapsed) * 0.35));

        // At least 11 rounds: a pass takes a quarter second here, and 5 rounds moved the median by 0.3 between runs.
        Print("rules-1000 ", Interleaved.Measure(manyRulesCorpus, manyRulesPeers, budget - clock.Elapsed, minRounds: 11));
        Console.WriteLine($"quick: done in {clock.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }

    private static void Print(string prefix, Interleaved result)
    {
        foreach (var engine in result.Engines.Where(e => e != Peer.FluentName))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{prefix}throughput {engine}/{Peer.FluentName}: {result.Ratio(engine):0.00}"));
        }

        foreach (var engine in result.Engines)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{prefix}facts/s {engine}: {result.FactsPerSecond(engine):N0} (median of {result.Rounds} passes over {result.Corpus.FactCount:N0} facts)"));
        }
    }
}
