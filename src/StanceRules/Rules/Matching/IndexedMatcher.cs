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

    // The declared types a rule NRules or the joins run has a positive pattern of; null when no fact can be screened (see CanFireAlone).
    private readonly HashSet<string>? _unscreened;

    /// <param name="plan">The plan to run.</param>
    /// <param name="handWritten">Rules that replace the plan's indexed and joined ones (the benchmarks' floor); null to run the plan.</param>
    public IndexedMatcher(MatchPlan plan, HandWrittenRules? handWritten = null)
    {
        Plan = plan;
        _handWritten = handWritten;
        _index = new AlphaIndex(plan.Indexed);
        _hasGroups = plan.Indexed.Any(r => r.HasGroups);
        _unscreened = Unscreened(plan, handWritten);
    }

    public MatchPlan Plan { get; }

    /// <summary>
    /// Whether some rule could fire when <paramref name="fact"/> is the only fact of an inference
    /// (an event record's fact): false only when none can. Derived from the plan, not from any one
    /// rule set: a rule needs a fact for each of its positive patterns, and at the start only this
    /// fact is there, so the first rule to fire has only positive patterns this fact meets. When every
    /// rule with a positive pattern of the fact's declared type runs by hash lookup, those rules are
    /// the only candidates for that first firing; if the fact passes none of their pattern tests,
    /// nothing fires (no fact or signal is ever made for another rule to match). Any other plan, a
    /// fact of a CLR type, or reference mode (every rule in NRules): true, and the inference decides.
    /// </summary>
    public bool CanFireAlone(Fact fact)
    {
        if (_unscreened is null || fact is not DeclaredFact declared || _unscreened.Contains(declared.TypeName))
        {
            return true;
        }

        // No indexed rule of the type: no rule has a positive pattern of it.
        return _index.Of(fact) is { } index && index.AnyPatternHolds(fact);
    }

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

    private static HashSet<string>? Unscreened(MatchPlan plan, HandWrittenRules? handWritten)
    {
        if (handWritten is not null || plan.AllRete)
        {
            return null;
        }

        var indexed = plan.Indexed.Select(r => r.Rule).ToHashSet();
        var unscreened = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in plan.Rules)
        {
            foreach (var pattern in rule.Rule.Positives)
            {
                if (!pattern.Type.IsDeclared && pattern.Type.ClrType.IsAssignableFrom(typeof(DeclaredFact)))
                {
                    // A pattern over any fact would meet a declared fact too.
                    return null;
                }

                if (pattern.Type.IsDeclared && !indexed.Contains(rule))
                {
                    unscreened.Add(pattern.Type.Name);
                }
            }
        }

        return unscreened;
    }
}
