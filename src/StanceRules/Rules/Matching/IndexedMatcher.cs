namespace StanceRules.Rules.Matching;

/// <summary>
/// Rules written by hand instead of the plan's: what they produce from an article's resolved facts
/// (signals, unattributed signals, asserted facts, as <see cref="RuleActions"/> makes them) and the
/// number of firings. Only the benchmarks' plain-C# floor peer uses it, to run the library's own
/// pipeline around hand-coded decisions.
/// </summary>
internal delegate int HandWrittenRules(IReadOnlyList<Fact> facts, List<object> produced);

/// <summary>
/// Runs the rules a <see cref="MatchPlan"/> takes outside NRules on one article's facts: the
/// indexed rules fact by fact, through the <see cref="AlphaIndex"/>, then the joined rules in the
/// plan's order (<see cref="JoinRun"/>). It decides nothing: what runs where is the plan's.
/// Immutable once built and safe to share between threads.
/// </summary>
internal sealed class IndexedMatcher
{
    /// <summary>
    /// How many candidate tests the joined rules may make for one article before the article goes to
    /// the reference path instead (every rule in NRules, whose budgets then decide): a cross product
    /// a hostile document builds is bounded there, by bytes, as it always was.
    /// </summary>
    internal const long MaxJoinWork = 4_000_000;

    private readonly AlphaIndex _index;
    private readonly bool _hasGroups;
    private readonly HandWrittenRules? _handWritten;

    /// <param name="plan">The plan to run.</param>
    /// <param name="handWritten">Rules that replace the plan's indexed and joined ones (the benchmarks' floor); null to run the plan.</param>
    public IndexedMatcher(MatchPlan plan, HandWrittenRules? handWritten = null)
    {
        Plan = plan;
        _handWritten = handWritten;
        _index = new AlphaIndex(plan.Indexed);
        _hasGroups = plan.Indexed.Any(r => r.HasGroups);
    }

    public MatchPlan Plan { get; }

    /// <summary>
    /// Matches the facts against every rule the plan runs outside NRules. What they produce goes to
    /// <paramref name="produced"/>: signals and unattributed signals, and the facts the joined rules assert.
    /// </summary>
    /// <param name="facts">The article's resolved facts.</param>
    /// <param name="produced">Where the results go.</param>
    /// <param name="fired">Where the ids of the rules that fired go, when wanted.</param>
    /// <param name="maxFirings">The most firings allowed.</param>
    /// <param name="cancellationToken">Checked between joined rules.</param>
    /// <returns>The number of firings, or -1 when they pass <paramref name="maxFirings"/> or the joins pass
    /// <see cref="MaxJoinWork"/>: then the article must take the reference path, whose limits report it.</returns>
    public int Match(IReadOnlyList<Fact> facts, List<object> produced, ISet<string>? fired, int maxFirings, CancellationToken cancellationToken)
    {
        if (_handWritten is not null)
        {
            var handFirings = _handWritten(facts, produced);
            return handFirings > maxFirings ? -1 : handFirings;
        }

        var firings = 0;
        var candidates = new List<IndexedRule>();
        var one = _hasGroups ? new object[1] : [];
        long work = 0;
        foreach (var fact in facts)
        {
            if (_index.Of(fact) is not { } index)
            {
                continue;
            }

            foreach (var rule in index.Candidates(fact, candidates))
            {
                if (!rule.Matches(fact, facts, one, ref work))
                {
                    continue;
                }

                if (++firings > maxFirings)
                {
                    return -1;
                }

                fired?.Add(rule.Id);
                if (rule.Produce(fact) is { } output)
                {
                    produced.Add(output);
                }
            }
        }

        if (Plan.Joined.Count > 0)
        {
            var run = new JoinRun(facts, produced, fired, maxFirings - firings) { Work = work };
            foreach (var rule in Plan.Joined)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!run.Match(rule))
                {
                    return -1;
                }
            }

            firings += run.Firings;
        }

        return firings;
    }
}
