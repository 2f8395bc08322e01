using NRules;
using NRules.RuleModel;
using StanceRules.Rules;

namespace StanceRules.Inference;

/// <summary>One inference: resolve the article's facts, run them through an NRules session, decide each stance.</summary>
internal sealed class Inferrer
{
    private readonly CompiledRuleSet _rules;
    private readonly StanceEngineOptions _options;
    private readonly SessionPool? _sessions;

    /// <param name="rules">The compiled rule set.</param>
    /// <param name="options">Limits and options.</param>
    /// <param name="reuseSessions">
    /// Whether untraced inferences take their session from a pool and hand it back emptied
    /// (<see cref="SessionPool"/>) instead of creating one each: a long-lived inferrer (the
    /// engine's) sets it; one made for a single traced run need not.
    /// </param>
    public Inferrer(CompiledRuleSet rules, StanceEngineOptions options, bool reuseSessions = false)
    {
        _rules = rules;
        _options = options;
        _sessions = reuseSessions ? new SessionPool(rules.Sessions) : null;
    }

    /// <param name="article">The facts.</param>
    /// <param name="cancellationToken">Stops inference between rule firings.</param>
    /// <param name="trace">When given, filled with the resolved facts, the rules fired and the session (for rule tests and explanations); the session is then a new one, never pooled.</param>
    public StanceReport Run(ArticleFacts article, CancellationToken cancellationToken, InferenceTrace? trace = null)
    {
        var unresolved = new List<UnresolvedActor>();
        var facts = new List<Fact>(article.Facts.Count);
        foreach (var fact in article.Facts)
        {
            var resolution = _rules.Gazetteer.Resolve(fact.Actor, article.Published);
            if (resolution.Country is { } country)
            {
                AddResolved(fact, country.Iso3, facts, unresolved);
            }
            else if (resolution.Countries is { } joint)
            {
                // A joint statement: one resolved copy per country, each with the original id,
                // so every country's signal cites the same fact.
                foreach (var each in joint)
                {
                    AddResolved(fact, each.Iso3, facts, unresolved);
                }
            }
            else
            {
                unresolved.Add(new UnresolvedActor(fact.Id, fact.Actor, resolution.Reason!));
            }
        }

        var pooled = trace is null ? _sessions?.Rent() : null;
        var slot = pooled ?? new BudgetedSession(_rules.Sessions.CreateSession());
        var session = slot.Session;
        var budget = slot.Budget;
        var clean = false;

        // Both budgets grow with the document, so a large legitimate document fits and a runaway on a small one stops early.
        var maxMatches = (int)Math.Min(int.MaxValue, _options.Limits.MaxRuleMatches + ((long)StanceLimits.RuleMatchesPerFact * facts.Count));
        var maxBytes = _options.Limits.MaxInferenceBytes + ((long)StanceLimits.InferenceBytesPerFact * facts.Count);
        budget.Reset(maxMatches, maxBytes);
        try
        {
            int fired;
            try
            {
                session.InsertAll(facts);
                trace?.Attach(session, facts);
                fired = session.Fire(_options.MaxRuleFirings, cancellationToken);
            }
            catch (Exception e) when (budget.Exceeded && e is not OperationCanceledException)
            {
                // The budget stopped the session from inside NRules (which wraps what its actions throw).
                throw budget.ExceededLimit == nameof(StanceLimits.MaxRuleMatches)
                    ? new InferenceLimitException(article.Id, nameof(StanceLimits.MaxRuleMatches), maxMatches, budget.TopRules())
                    : new InferenceLimitException(article.Id, nameof(StanceLimits.MaxInferenceBytes), maxBytes, budget.TopRules());
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (fired >= _options.MaxRuleFirings && !session.Agenda.IsEmpty)
            {
                var pending = new SortedSet<string>(StringComparer.Ordinal);
                for (var i = 0; i < 64 && !session.Agenda.IsEmpty; i++)
                {
                    pending.Add(session.Agenda.Peek().Rule.Name);
                    try
                    {
                        session.Fire(1, cancellationToken);
                    }
                    catch (Exception) when (budget.Exceeded)
                    {
                        break;
                    }
                }

                throw new InferenceLimitException(article.Id, nameof(StanceEngineOptions.MaxRuleFirings), _options.MaxRuleFirings, pending.ToArray());
            }

            var signals = new List<StanceSignal>();
            foreach (var item in session.Query<object>())
            {
                switch (item)
                {
                    case StanceSignal signal:
                        signals.Add(signal);
                        break;
                    case UnattributedSignal lost:
                        foreach (var fact in lost.Facts)
                        {
                            unresolved.Add(new UnresolvedActor(fact.Id, fact.Actor, $"rule '{lost.Rule}': {lost.Reason}"));
                        }

                        break;
                }
            }

            var order = new Dictionary<string, int>(article.Facts.Count, StringComparer.Ordinal);
            for (var i = 0; i < article.Facts.Count; i++)
            {
                order[article.Facts[i].Id] = i;
            }

            var stances = ConflictPolicy.Decide(signals, order);
            var distinctUnresolved = unresolved
                .Distinct()
                .OrderBy(u => order.GetValueOrDefault(u.Fact, int.MaxValue))
                .ThenBy(u => u.Reason, StringComparer.Ordinal)
                .ToArray();
            clean = true;
            return new StanceReport(article.Id, article.Published, stances, distinctUnresolved);
        }
        finally
        {
            if (pooled is not null)
            {
                // Only a session that finished normally is emptied and reused; a stopped, failed
                // or cancelled one may hold anything, so it is dropped.
                _sessions!.Return(pooled, clean ? facts : null);
            }
        }
    }

    private void AddResolved(Fact fact, string country, List<Fact> facts, List<UnresolvedActor> unresolved)
    {
        var copy = fact.CopyForSession();
        copy.Country = country;
        if (copy.Issue is null)
        {
            copy.SetIssue(_rules.Issues.Infer(copy.IssueText));
        }

        copy.ApplyLexicon(_rules.Lexicon);

        // An act with a family is known; only the rest need the second lookup.
        if (copy is Statement { Family: null } statement && !_rules.Lexicon.IsKnown(statement.Act))
        {
            unresolved.Add(new UnresolvedActor(fact.Id, fact.Actor, $"act '{statement.Act}' is not in the lexicon"));
        }

        facts.Add(copy);
    }
}

/// <summary>A session and the budget subscribed to its events once: the unit <see cref="SessionPool"/> hands out.</summary>
internal sealed class BudgetedSession
{
    public BudgetedSession(ISession session)
    {
        Session = session;
        Budget = new MatchBudget();
        session.Events.ActivationCreatedEvent += Budget.OnMatch;
        session.Events.RuleFiredEvent += Budget.OnFired;
    }

    public ISession Session { get; }

    public MatchBudget Budget { get; }
}

/// <summary>
/// Counts the rule matches (activations) of one inference and stops it at the limit, by
/// throwing from NRules' event: matches, not firings, are what grows combinatorially when
/// derived facts join each other, and every derived fact and tuple held comes from one.
/// </summary>
/// <remarks>
/// Per match it costs an increment and a lookup keyed by the rule object's identity (not its
/// name: hashing the id string per match was most of the budget's cost). <see cref="Reset"/>
/// arms it for the next inference of a pooled session.
/// </remarks>
internal sealed class MatchBudget
{
    private readonly Dictionary<IRuleDefinition, int> _byRule = new(ReferenceEqualityComparer.Instance);
    private int _maxMatches = int.MaxValue;
    private long _maxBytes = long.MaxValue;
    private long _startBytes;
    private int _count;

    public bool Exceeded => ExceededLimit is not null;

    public string? ExceededLimit { get; private set; }

    /// <summary>Arms the budget for one inference (allocation is counted from here, on this thread).</summary>
    public void Reset(int maxMatches, long maxBytes)
    {
        _maxMatches = maxMatches;
        _maxBytes = maxBytes;
        _count = 0;
        if (_byRule.Count > 0)
        {
            _byRule.Clear();
        }

        ExceededLimit = null;
        _startBytes = GC.GetAllocatedBytesForCurrentThread();
    }

    /// <summary>Stops counting: what the session does while it is emptied for reuse is not an inference.</summary>
    public void Disarm()
    {
        _maxMatches = int.MaxValue;
        _maxBytes = long.MaxValue;
    }

    public void OnMatch(object? sender, NRules.Diagnostics.AgendaEventArgs e)
    {
        ref var perRule = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_byRule, e.Rule, out _);
        perRule++;
        if (++_count > _maxMatches)
        {
            Stop(nameof(StanceLimits.MaxRuleMatches));
        }
    }

    // Partial joins (tuples that do not yet match a whole rule) make no match, but every one is
    // allocated on this thread: the inference runs synchronously, so what it allocated bounds
    // what it holds. Checked after each rule fired: every fact past the input (which the fact
    // limit bounds) is asserted by a firing, so no per-insert event (and its allocation) is needed.
    public void OnFired(object? sender, NRules.Diagnostics.AgendaEventArgs e)
    {
        if (GC.GetAllocatedBytesForCurrentThread() - _startBytes > _maxBytes)
        {
            Stop(nameof(StanceLimits.MaxInferenceBytes));
        }
    }

    private void Stop(string limit)
    {
        ExceededLimit ??= limit;
        throw new MatchBudgetExceededException();
    }

    /// <summary>The rules with the most matches, most first (the ones that ran away).</summary>
    public IReadOnlyList<string> TopRules() =>
        _byRule.Select(r => (Rule: r.Key.Name, Count: r.Value)).OrderByDescending(r => r.Count).ThenBy(r => r.Rule, StringComparer.Ordinal).Take(8).Select(r => r.Rule).ToArray();
}

/// <summary>Thrown inside the session by <see cref="MatchBudget"/>; never escapes the inferrer.</summary>
internal sealed class MatchBudgetExceededException : Exception
{
    public MatchBudgetExceededException()
        : base("The inference exceeded StanceLimits.MaxRuleMatches.")
    {
    }
}
