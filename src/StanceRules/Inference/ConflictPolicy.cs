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
            var (winner, decidedBy) = Choose(ordered
                .GroupBy(s => s.Stance)
                .Select(g => new Candidate(g.Key, Score(g), g.Max(s => s.Priority))));
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

    /// <summary>
    /// Steps 2 to 4 of the policy: the highest <see cref="Candidate.Score"/> wins, then the higher
    /// priority, then precedence. Returns the winner and the step that decided (<see cref="DecisionStep.Unanimous"/> for one candidate).
    /// The corpus decides across articles with the same steps (<see cref="StanceCorpus"/>).
    /// </summary>
    public static (Candidate Winner, DecisionStep DecidedBy) Choose(IEnumerable<Candidate> stances)
    {
        var candidates = stances
            .OrderByDescending(c => c.Score)
            .ThenByDescending(c => c.Priority)
            .ThenBy(c => Array.IndexOf(Precedence, c.Stance))
            .ToArray();
        var winner = candidates[0];
        var decidedBy = candidates.Length == 1 ? DecisionStep.Unanimous
            : winner.Score - candidates[1].Score > Tolerance ? DecisionStep.Confidence
            : winner.Priority > candidates[1].Priority ? DecisionStep.Priority
            : DecisionStep.Precedence;
        return (winner, decidedBy);
    }

    /// <summary>
    /// Step 1 in a form that does not round to 1: the weight −ln(1 − score) = Σ n·(−ln(1 − c)) of
    /// n signals of each confidence c. It orders stances exactly as the score
    /// 1 − Π(1 − c) does, but stays distinct when hundreds of sure signals agree (1 − 0.05^20 is
    /// already 1.0 in double precision). Infinite when a signal is certain. Summed in the order given.
    /// </summary>
    public static double Weight(IEnumerable<(double Confidence, long Count)> signals)
    {
        var weight = 0.0;
        foreach (var (confidence, count) in signals)
        {
            weight += count * -Math.Log(1 - confidence);
        }

        return weight;
    }

    /// <summary>The score 1 − Π(1 − c) of a <see cref="Weight"/>: 1 − e^(−weight).</summary>
    public static double ScoreOfWeight(double weight) => -double.ExpM1(-weight);

    /// <summary>Step 1: the score 1 − Π(1 − c) of a stance's signals, multiplied in the order given.</summary>
    public static double Score(IEnumerable<StanceSignal> signals)
    {
        var doubt = 1.0;
        foreach (var signal in signals)
        {
            doubt *= 1 - signal.Confidence;
        }

        return 1 - doubt;
    }
}

/// <summary>A stance competing for a (country, issue): its combined score (or weight) and its strongest rule's priority.</summary>
internal readonly record struct Candidate(Stance Stance, double Score, int Priority);
