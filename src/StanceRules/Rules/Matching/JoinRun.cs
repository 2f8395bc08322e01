namespace StanceRules.Rules.Matching;

/// <summary>One article's pass over the joined rules: the facts they asserted so far, by type, and the budgets.</summary>
internal sealed class JoinRun(IReadOnlyList<Fact> facts, List<object> produced, ISet<string>? fired, int maxFirings)
{
    private Dictionary<string, List<Fact>>? _asserted;

    public int Firings { get; private set; }

    public long Work { get; set; }

    // Per slot after the first, the candidates that pass the slot's tests against constants,
    // found once per rule rather than once per tuple bound before them; reused from rule to rule.
    private readonly List<List<Fact>> _candidates = [];
    private int _filled;

    /// <summary>Fires the rule on every match; false when a budget ran out.</summary>
    public bool Match(JoinedRule rule)
    {
        _filled = 0;
        return Bind(rule, 0, new object[rule.Arity]);
    }

    private bool Bind(JoinedRule rule, int slot, object[] tuple)
    {
        if (slot == 0)
        {
            return Each(rule, slot, tuple, rule.TypeOf(slot));
        }

        var candidates = Candidates(rule, slot);
        for (var i = 0; i < candidates.Count; i++)
        {
            var fact = candidates[i];
            if (++Work > IndexedMatcher.MaxJoinWork)
            {
                return false;
            }

            if (rule.Joins(slot, fact, tuple) && !Bound(rule, slot, tuple, fact))
            {
                return false;
            }
        }

        return true;
    }

    private List<Fact> Candidates(JoinedRule rule, int slot)
    {
        while (_candidates.Count < slot)
        {
            _candidates.Add([]);
        }

        var list = _candidates[slot - 1];
        if (_filled < slot)
        {
            // Slots fill in order: a later slot is only reached through the earlier ones.
            list.Clear();
            var type = rule.TypeOf(slot);
            foreach (var fact in facts)
            {
                if (FactKinds.IsOfType(fact, type) && rule.PassesAlpha(slot, fact))
                {
                    list.Add(fact);
                }
            }

            if (_asserted?.GetValueOrDefault(type.Name) is { } asserted)
            {
                foreach (var fact in asserted)
                {
                    if (rule.PassesAlpha(slot, fact))
                    {
                        list.Add(fact);
                    }
                }
            }

            Work += facts.Count;
            _filled = slot;
        }

        return list;
    }

    private bool Each(JoinedRule rule, int slot, object[] tuple, FactType type)
    {
        foreach (var fact in facts)
        {
            if (FactKinds.IsOfType(fact, type) && !Try(rule, slot, tuple, fact))
            {
                return false;
            }
        }

        if (_asserted?.GetValueOrDefault(type.Name) is { } asserted)
        {
            // By index, up to the count at the start: the rule may assert facts of this type as it
            // fires, which it cannot match (else it would feed itself and run in NRules).
            for (int i = 0, count = asserted.Count; i < count; i++)
            {
                if (!Try(rule, slot, tuple, asserted[i]))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private bool Try(JoinedRule rule, int slot, object[] tuple, Fact fact)
    {
        if (++Work > IndexedMatcher.MaxJoinWork)
        {
            return false;
        }

        return !rule.PassesAlpha(slot, fact) || !rule.Joins(slot, fact, tuple) || Bound(rule, slot, tuple, fact);
    }

    /// <summary>The slot holds the fact: bind the next, or test the groups and fire.</summary>
    private bool Bound(JoinedRule rule, int slot, object[] tuple, Fact fact)
    {
        tuple[slot] = fact;
        if (slot + 1 < rule.Arity)
        {
            return Bind(rule, slot + 1, tuple);
        }

        var work = Work;
        var passes = rule.GroupsPass(tuple, facts, ref work);
        Work = work;
        return !passes || Fire(rule, tuple);
    }

    private bool Fire(JoinedRule rule, object[] tuple)
    {
        if (++Firings > maxFirings || Work > IndexedMatcher.MaxJoinWork)
        {
            return false;
        }

        fired?.Add(rule.Id);
        if (rule.Fire(tuple) is not { } item)
        {
            return true;
        }

        if (rule.Produces is { } type && item is Fact fact)
        {
            _asserted ??= new Dictionary<string, List<Fact>>(StringComparer.Ordinal);
            if (!_asserted.TryGetValue(type, out var list))
            {
                _asserted[type] = list = [];
            }

            list.Add(fact);
        }

        produced.Add(item);
        return true;
    }
}
