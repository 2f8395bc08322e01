namespace StanceRules.Inference;

/// <summary>
/// Chooses one stance per (country, issue) from the signals the rules emitted:
/// <list type="number">
/// <item>Signals for the same stance reinforce each other: the stance's score is
/// 1 − Π(1 − confidence) over its signals (so two 0.5 signals score 0.75).</item>
/// <item>The highest score wins (<c>confidence</c>).</item>
/// <item>On equal scores, the stance whose strongest rule has the higher priority wins (<c>priority</c>).</item>
/// <item>Still equal: rejects, then condemns, then abstains, then supports (<c>precedence</c>):
/// an explicit refusal outweighs an equally sure approval.</item>
/// </list>
/// A single stance among the signals is <c>unanimous</c>. Signals for other stances are kept as overruled.
/// </summary>
internal static class ConflictPolicy
{
    private const double Tolerance = 1e-9;

    private static readonly Stance[] Precedence = [Stance.Rejects, Stance.Condemns, Stance.Abstains, Stance.Supports];

    public static IReadOnlyList<CountryStance> Decide(List<StanceSignal> signals, IReadOnlyDictionary<string, int> factOrder)
    {
        int FirstFact(StanceSignal s) => s.SourceFacts.Count == 0 ? int.MaxValue : s.SourceFacts.Min(f => factOrder.GetValueOrDefault(f.Id, int.MaxValue));

        var result = new List<CountryStance>();
        foreach (var group in signals.GroupBy(s => (s.Country, s.Issue)).OrderBy(g => g.Key.Country, StringComparer.Ordinal).ThenBy(g => g.Key.Issue, StringComparer.Ordinal))
        {
            var ordered = group
                .OrderByDescending(s => s.Confidence)
                .ThenBy(FirstFact)
                .ThenBy(s => s.Rule, StringComparer.Ordinal)
                .ToArray();
            var candidates = ordered
                .GroupBy(s => s.Stance)
                .Select(g => (Stance: g.Key, Score: Score(g), Priority: g.Max(s => s.Priority), Rank: Array.IndexOf(Precedence, g.Key)))
                .OrderByDescending(c => c.Score)
                .ThenByDescending(c => c.Priority)
                .ThenBy(c => c.Rank)
                .ToArray();
            var winner = candidates[0];
            var decidedBy = candidates.Length == 1 ? "unanimous"
                : winner.Score - candidates[1].Score > Tolerance ? "confidence"
                : winner.Priority > candidates[1].Priority ? "priority"
                : "precedence";
            result.Add(new CountryStance(
                group.Key.Country,
                group.Key.Issue,
                winner.Stance,
                Math.Round(winner.Score, 4),
                decidedBy,
                ordered.Where(s => s.Stance == winner.Stance).ToArray(),
                ordered.Where(s => s.Stance != winner.Stance).ToArray()));
        }

        return result;
    }

    private static double Score(IEnumerable<StanceSignal> signals)
    {
        var doubt = 1.0;
        foreach (var signal in signals)
        {
            doubt *= 1 - signal.Confidence;
        }

        return 1 - doubt;
    }
}
