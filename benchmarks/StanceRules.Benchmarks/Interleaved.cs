using System.Diagnostics;
using StanceRules.Benchmarks.Peers;
using StanceRules.Benchmarks.Workloads;

namespace StanceRules.Benchmarks;

/// <summary>
/// Times engines interleaved on the same corpus: one pass each per round, the order rotating
/// every round so no engine always runs first or after the same neighbour. A ratio taken per
/// round (baseline time / engine time) cancels most of the noise of a shared machine, which
/// slows every engine of a round alike; the median over rounds is the figure to read.
/// </summary>
internal sealed class Interleaved
{
    /// <summary>Facts per timed sample at least: small corpora are run several times per sample.</summary>
    private const int MinFactsPerSample = 10_000;

    private readonly Dictionary<string, List<double>> _seconds;
    private readonly int _repeats;

    private Interleaved(Corpus corpus, Dictionary<string, List<double>> seconds, int repeats)
    {
        Corpus = corpus;
        _seconds = seconds;
        _repeats = repeats;
    }

    public Corpus Corpus { get; }

    public IEnumerable<string> Engines => _seconds.Keys;

    public int Rounds => _seconds.Values.First().Count;

    public static Interleaved Measure(Corpus corpus, Peer[] peers, TimeSpan budget, int minRounds = 5, int maxRounds = 61)
    {
        var seconds = peers.ToDictionary(p => p.Name, _ => new List<double>());
        var repeats = Math.Max(1, MinFactsPerSample / corpus.FactCount);
        var sink = 0;
        foreach (var peer in peers)
        {
            // Warm-up long enough for tiered compilation to promote the hot methods (tier-0 code
            // is several times slower, and promotion waits for 30 calls and a 100 ms delay).
            var warm = Stopwatch.StartNew();
            do
            {
                sink += peer.Run(corpus);
            }
            while (warm.Elapsed < TimeSpan.FromSeconds(0.5));
        }

        var clock = Stopwatch.StartNew();
        for (var round = 0; round < maxRounds && (round < minRounds || clock.Elapsed < budget); round++)
        {
            for (var i = 0; i < peers.Length; i++)
            {
                var peer = peers[(i + round) % peers.Length];
                var watch = Stopwatch.StartNew();
                for (var r = 0; r < repeats; r++)
                {
                    sink += peer.Run(corpus);
                }

                seconds[peer.Name].Add(watch.Elapsed.TotalSeconds);
            }
        }

        GC.KeepAlive(sink);
        return new Interleaved(corpus, seconds, repeats);
    }

    /// <summary>Median facts per second of an engine.</summary>
    public double FactsPerSecond(string engine) => (double)Corpus.FactCount * _repeats / Percentile(_seconds[engine], 0.5);

    /// <summary>The per-round throughput ratio engine/baseline at a percentile (0.5: the median).</summary>
    public double Ratio(string engine, double percentile = 0.5) =>
        Percentile(_seconds[Peer.FluentName].Zip(_seconds[engine], (b, e) => b / e).ToList(), percentile);

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        var position = p * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = (int)Math.Ceiling(position);
        return sorted[low] + ((sorted[high] - sorted[low]) * (position - low));
    }
}
