using System.Globalization;
using StanceRules.Benchmarks.Peers;
using StanceRules.Benchmarks.Workloads;

namespace StanceRules.Benchmarks;

/// <summary>Thrown when two engines disagree on a workload: the benchmark would time different work.</summary>
public sealed class DisagreementException(string message) : Exception(message);

/// <summary>
/// Verifies that every engine gives the same output on a workload before anything is timed:
/// the stance signals as a multiset of (country, issue, stance, rule, fact ids, confidence),
/// the final stance per (country, issue), and the unresolved facts.
/// </summary>
public static class Check
{
    /// <summary>Runs every engine that supports the rule set over the corpus; throws on the first disagreement with the baseline.</summary>
    /// <returns>The number of signals the baseline produced (a workload that produces none is an error too).</returns>
    public static int Verify(Corpus corpus, RuleSetKind kind, int generated = 0, IReadOnlyList<Peer>? peers = null)
    {
        peers ??= Peer.Names.Where(n => Peer.Supports(n, kind)).Select(n => Peer.Create(n, kind, generated)).ToArray();
        var baseline = peers.Single(p => p.Name == Peer.FluentName);
        var signals = 0;
        foreach (var article in corpus.Articles)
        {
            var expected = Describe(baseline.Infer(article));
            signals += expected.Signals.Count;
            foreach (var peer in peers.Where(p => p != baseline))
            {
                var actual = Describe(peer.Infer(article));
                Compare(expected.Signals, actual.Signals, "signals", peer, article, corpus, kind, generated);
                Compare(expected.Stances, actual.Stances, "final stances", peer, article, corpus, kind, generated);
                Compare(expected.Unresolved, actual.Unresolved, "unresolved facts", peer, article, corpus, kind, generated);
            }
        }

        if (signals == 0)
        {
            throw new DisagreementException($"Workload {corpus.Name} with the {Label(kind, generated)} rules produced no signal at all: it would time nothing.");
        }

        return signals;
    }

    public static string Label(RuleSetKind kind, int generated) => kind == RuleSetKind.Generated ? $"{generated} generated" : kind.ToString();

    private static void Compare(List<string> expected, List<string> actual, string what, Peer peer, ArticleFacts article, Corpus corpus, RuleSetKind kind, int generated)
    {
        if (expected.SequenceEqual(actual, StringComparer.Ordinal))
        {
            return;
        }

        var missing = expected.Except(actual, StringComparer.Ordinal).Take(5).ToArray();
        var extra = actual.Except(expected, StringComparer.Ordinal).Take(5).ToArray();
        throw new DisagreementException(
            $"{peer.Name} disagrees with {Peer.FluentName} on the {what} of article {article.Id} ({corpus.Name}, {Label(kind, generated)} rules): "
            + $"{expected.Count} expected, {actual.Count} produced.\n  missing: {string.Join("\n           ", missing)}\n  extra:   {string.Join("\n           ", extra)}");
    }

    private sealed record Output(List<string> Signals, List<string> Stances, List<string> Unresolved);

    private static Output Describe(object report) => report switch
    {
        StanceReport r => new Output(
            Sorted(r.Stances.SelectMany(s => s.Signals.Concat(s.Overruled)).Select(s => Key(s.Country, s.Issue, s.Stance, s.Rule, s.Facts, s.Confidence))),
            Sorted(r.Stances.Select(s => Stance(s.Country, s.Issue, s.Stance, s.Confidence))),
            Sorted(r.Unresolved.Select(u => $"{u.Fact}|{u.Reason}"))),
        PReport p => new Output(
            Sorted(p.Stances.SelectMany(s => s.Signals.Concat(s.Overruled)).Select(s => Key(s.Country, s.Issue, s.Stance, s.Rule, s.Facts.Select(f => f.Id), s.Confidence))),
            Sorted(p.Stances.Select(s => Stance(s.Country, s.Issue, s.Stance, s.Confidence))),
            Sorted(p.Unresolved.Select(u => $"{u.Fact}|{u.Reason}"))),
        _ => throw new ArgumentException($"Not a report: {report.GetType().Name}", nameof(report)),
    };

    private static string Key(string country, string issue, Stance stance, string rule, IEnumerable<string> facts, double confidence) =>
        string.Create(CultureInfo.InvariantCulture, $"{country}|{issue}|{stance.ToName()}|{rule}|{string.Join(",", facts.Order(StringComparer.Ordinal))}|{confidence:0.####}");

    private static string Stance(string country, string issue, Stance stance, double confidence) =>
        string.Create(CultureInfo.InvariantCulture, $"{country}|{issue}|{stance.ToName()}|{confidence:0.####}");

    private static List<string> Sorted(IEnumerable<string> items)
    {
        var list = items.ToList();
        list.Sort(StringComparer.Ordinal);
        return list;
    }
}
