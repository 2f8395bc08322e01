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

    private static readonly int StanceCount = Enum.GetValues<Stance>().Length;

    public static IReadOnlyList<CountryStance> Decide(List<StanceSignal> signals, IReadOnlyDictionary<string, int> factOrder)
    {
        // One sort instead of grouping and sorting per (country, issue): by country and issue (ordinal),
        // then the signal order the report shows (higher confidence, earlier first fact, rule id), then
        // the order the signals came in, which is what a stable sort per group kept.
        var keyed = new SignalKey[signals.Count];
        for (var i = 0; i < keyed.Length; i++)
        {
            var signal = signals[i];
            var first = int.MaxValue;
            foreach (var fact in signal.SourceFacts)
            {
                first = Math.Min(first, factOrder.GetValueOrDefault(fact.Id, int.MaxValue));
            }

            keyed[i] = new SignalKey(signal, first, i);
        }

        if (keyed.Length > 1)
        {
            Array.Sort(keyed, (a, b) => SignalKey.Compare(a, b, factOrder));
        }

        var result = new List<CountryStance>();
        var start = 0;
        while (start < keyed.Length)
        {
            var end = start + 1;
            while (end < keyed.Length && keyed[end].Signal.Country == keyed[start].Signal.Country && keyed[end].Signal.Issue == keyed[start].Signal.Issue)
            {
                end++;
            }

            result.Add(DecideOne(keyed.AsSpan(start, end - start)));
            start = end;
        }

        return result;
    }

    /// <summary>Steps 1 to 4 for one (country, issue), its signals in report order.</summary>
    private static CountryStance DecideOne(ReadOnlySpan<SignalKey> ordered)
    {
        // Step 1 per stance, multiplying in report order; candidates in order of first appearance.
        Span<Candidate> candidates = stackalloc Candidate[StanceCount];
        Span<double> doubt = stackalloc double[StanceCount];
        var count = 0;
        foreach (var key in ordered)
        {
            var signal = key.Signal;
            var at = 0;
            while (at < count && candidates[at].Stance != signal.Stance)
            {
                at++;
            }

            if (at == count)
            {
                candidates[count] = new Candidate(signal.Stance, 0, signal.Priority);
                doubt[count] = 1.0;
                count++;
            }

            doubt[at] *= 1 - signal.Confidence;
            candidates[at] = candidates[at] with { Priority = Math.Max(candidates[at].Priority, signal.Priority) };
        }

        for (var i = 0; i < count; i++)
        {
            candidates[i] = candidates[i] with { Score = 1 - doubt[i] };
        }

        var (winner, decidedBy) = Choose(candidates[..count]);
        var won = 0;
        foreach (var key in ordered)
        {
            won += key.Signal.Stance == winner.Stance ? 1 : 0;
        }

        var signals = new StanceSignal[won];
        var overruled = new StanceSignal[ordered.Length - won];
        int w = 0, o = 0;
        foreach (var key in ordered)
        {
            if (key.Signal.Stance == winner.Stance)
            {
                signals[w++] = key.Signal;
            }
            else
            {
                overruled[o++] = key.Signal;
            }
        }

        var first = ordered[0].Signal;
        return new CountryStance(first.Country, first.Issue, winner.Stance, Math.Round(winner.Score, 4), decidedBy, signals, overruled);
    }

    /// <summary>A signal with what the report's order needs: its earliest fact and its place in the input.</summary>
    private readonly record struct SignalKey(StanceSignal Signal, int FirstFact, int Index)
    {
        /// <summary>
        /// The report's order, total over what a report shows: two signals that tie on everything before
        /// are told apart by the facts they cite (in document order) and their rule chain, so the order
        /// never depends on the order a matcher fired its rules in; only identical signals keep theirs.
        /// </summary>
        public static int Compare(SignalKey a, SignalKey b, IReadOnlyDictionary<string, int> factOrder)
        {
            var c = string.CompareOrdinal(a.Signal.Country, b.Signal.Country);
            if (c == 0)
            {
                c = string.CompareOrdinal(a.Signal.Issue, b.Signal.Issue);
            }

            if (c == 0)
            {
                c = b.Signal.Confidence.CompareTo(a.Signal.Confidence);
            }

            if (c == 0)
            {
                c = a.FirstFact.CompareTo(b.FirstFact);
            }

            if (c == 0)
            {
                c = string.CompareOrdinal(a.Signal.Rule, b.Signal.Rule);
            }

            if (c == 0)
            {
                c = CompareFacts(a.Signal.SourceFacts, b.Signal.SourceFacts, factOrder);
            }

            if (c == 0)
            {
                c = CompareChains(a.Signal.Rules, b.Signal.Rules);
            }

            return c != 0 ? c : a.Index.CompareTo(b.Index);
        }

        private static int CompareFacts(IReadOnlyList<Fact> a, IReadOnlyList<Fact> b, IReadOnlyDictionary<string, int> factOrder)
        {
            for (var i = 0; i < a.Count && i < b.Count; i++)
            {
                var c = factOrder.GetValueOrDefault(a[i].Id, int.MaxValue).CompareTo(factOrder.GetValueOrDefault(b[i].Id, int.MaxValue));
                if (c == 0)
                {
                    // Copies of one fact for a joint statement share its id: the country tells them apart.
                    c = string.CompareOrdinal(a[i].Country, b[i].Country);
                }

                if (c != 0)
                {
                    return c;
                }
            }

            return a.Count.CompareTo(b.Count);
        }
    }

    /// <summary>Two rule chains, rule by rule (ordinal), then the shorter first; also orders derived facts in <see cref="InferenceTrace.WorkingMemory"/>.</summary>
    internal static int CompareChains(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        for (var i = 0; i < a.Count && i < b.Count; i++)
        {
            var c = string.CompareOrdinal(a[i], b[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return a.Count.CompareTo(b.Count);
    }

    /// <summary>
    /// Steps 2 to 4 of the policy: the highest <see cref="Candidate.Score"/> wins, then the higher
    /// priority, then precedence. Returns the winner and the step that decided (<see cref="DecisionStep.Unanimous"/> for one candidate).
    /// The corpus decides across articles with the same steps (<see cref="StanceCorpus"/>).
    /// </summary>
    public static (Candidate Winner, DecisionStep DecidedBy) Choose(IEnumerable<Candidate> stances) => Choose(stances.ToArray().AsSpan());

    /// <inheritdoc cref="Choose(IEnumerable{Candidate})"/>
    /// <remarks>Sorts <paramref name="candidates"/> in place, best first (at most one per stance, so an insertion sort).</remarks>
    public static (Candidate Winner, DecisionStep DecidedBy) Choose(Span<Candidate> candidates)
    {
        for (var i = 1; i < candidates.Length; i++)
        {
            var item = candidates[i];
            var j = i - 1;
            while (j >= 0 && Better(item, candidates[j]))
            {
                candidates[j + 1] = candidates[j];
                j--;
            }

            candidates[j + 1] = item;
        }

        var winner = candidates[0];
        var decidedBy = candidates.Length == 1 ? DecisionStep.Unanimous
            : winner.Score - candidates[1].Score > Tolerance ? DecisionStep.Confidence
            : winner.Priority > candidates[1].Priority ? DecisionStep.Priority
            : DecisionStep.Precedence;
        return (winner, decidedBy);
    }

    /// <summary>Higher score, then higher priority, then earlier in <see cref="Precedence"/>.</summary>
    private static bool Better(Candidate a, Candidate b) =>
        a.Score != b.Score ? a.Score > b.Score
        : a.Priority != b.Priority ? a.Priority > b.Priority
        : Array.IndexOf(Precedence, a.Stance) < Array.IndexOf(Precedence, b.Stance);

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
