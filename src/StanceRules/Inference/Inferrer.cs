using NRules;
using NRules.RuleModel;
using StanceRules.Loading;
using StanceRules.Rules;
using StanceRules.Rules.Matching;

namespace StanceRules.Inference;

/// <summary>One inference: resolve the article's facts, run them through an NRules session, decide each stance.</summary>
internal sealed class Inferrer
{
    private readonly CompiledRuleSet _rules;
    private readonly StanceEngineOptions _options;

    public Inferrer(CompiledRuleSet rules, StanceEngineOptions options)
    {
        _rules = rules;
        _options = options;
    }

    /// <summary>The rule firings of the last <see cref="Run"/> (for telemetry).</summary>
    public int Firings { get; private set; }

    /// <summary>The stance signals of the last <see cref="Run"/> (for telemetry).</summary>
    public int Signals { get; private set; }

    /// <param name="article">The facts.</param>
    /// <param name="cancellationToken">Stops inference between rule firings.</param>
    /// <param name="trace">When given, filled with the resolved facts, the rules fired and the session (for rule tests and explanations).</param>
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

        return Decide(article.Id, article.Published, article.Facts, facts, unresolved, trace, cancellationToken);
    }

    /// <summary>
    /// One fact whose country its maker set (an event record's coded source country), as an article
    /// of its own: no actor to resolve, the rest as <see cref="Run"/>.
    /// </summary>
    public StanceReport RunResolved(string id, DateOnly? published, Fact fact, CancellationToken cancellationToken)
    {
        if (!_rules.Matcher.CanFireAlone(fact))
        {
            // No rule can fire (most events): what Decide gives when nothing fired, without the run.
            return new StanceReport(id, published, [], []);
        }

        // The one list is the input (for the fact order) and the resolved facts: Decide reads both, changes neither.
        List<Fact> facts = [fact];
        return Decide(id, published, facts, facts, [], null, cancellationToken);
    }

    /// <summary>Runs the rules over the resolved facts and decides each stance.</summary>
    private StanceReport Decide(string articleId, DateOnly? published, IReadOnlyList<Fact> input, List<Fact> facts, List<UnresolvedActor> unresolved, InferenceTrace? trace, CancellationToken cancellationToken)
    {
        // Both budgets grow with the document, so a large legitimate document fits and a runaway on a small one stops early.
        var maxMatches = (int)Math.Min(int.MaxValue, _options.Limits.MaxRuleMatches + ((long)StanceLimits.RuleMatchesPerFact * facts.Count));
        var maxBytes = _options.Limits.MaxInferenceBytes + ((long)StanceLimits.InferenceBytesPerFact * facts.Count);
        var produced = new List<object>(facts.Count);
        ISession? session;
        var plan = _rules.Plan;
        if (plan.AllRete || !TryIndexed(articleId, _rules.Matcher, facts, produced, maxMatches, maxBytes, trace, cancellationToken, out session))
        {
            // The reference path: every rule in one session. Reference mode always; an article past the
            // indexed matcher's budgets too, so its limit is reported exactly as reference mode reports it.
            produced.Clear();
            trace?.Restart();
            session = RunSession(articleId, _rules.AllRules.Value, facts, facts, [], 0, maxMatches, maxBytes, trace, cancellationToken);
        }

        var extra = plan.SignalsFeedRete && session is not null ? produced.Where(p => p is not StanceSignal).ToList() : produced;
        trace?.AddProduced(extra);

        // One pass over working memory and what the indexed matcher kept outside it, in that order.
        var signals = new List<StanceSignal>(produced.Count);
        if (session is null)
        {
            foreach (var item in extra)
            {
                Collect(item, signals, unresolved);
            }
        }
        else
        {
            foreach (var item in session.Query<object>().AsEnumerable().Concat(extra))
            {
                Collect(item, signals, unresolved);
            }
        }

        Signals = signals.Count;
        if (signals.Count == 0 && unresolved.Count == 0)
        {
            // Nothing to decide or list (most events): no fact order to build.
            return new StanceReport(articleId, published, [], []);
        }

        var order = FactOrder.Of(input);

        var stances = ConflictPolicy.Decide(signals, order);
        foreach (var stance in stances)
        {
            stance.IsUnMemberState = _rules.Gazetteer.ByIso3(stance.Country) is not { UnMember: false };
        }

        var distinctUnresolved = unresolved.Count == 0 ? [] : unresolved
            .Distinct()
            .OrderBy(u => order.GetValueOrDefault(u.Fact, int.MaxValue))
            .ThenBy(u => u.Reason, StringComparer.Ordinal)
            .ToArray();
        return new StanceReport(articleId, published, stances, distinctUnresolved);
    }

    /// <summary>A signal to decide, or the facts of an unattributed one to list as unresolved.</summary>
    private static void Collect(object item, List<StanceSignal> signals, List<UnresolvedActor> unresolved)
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

    /// <summary>
    /// The indexed matcher, then NRules for the rules it leaves (only when one of them could match):
    /// false, with nothing kept, when a budget ran out on the way, for the reference path to redo.
    /// </summary>
    private bool TryIndexed(string articleId, IndexedMatcher indexed, List<Fact> facts, List<object> produced, int maxMatches, long maxBytes, InferenceTrace? trace, CancellationToken cancellationToken, out ISession? session)
    {
        session = null;
        var firings = indexed.Match(facts, produced, trace?.Fired, Math.Min(_options.MaxRuleFirings, maxMatches), cancellationToken);
        if (firings < 0)
        {
            return false;
        }

        Firings = firings;

        var plan = indexed.Plan;
        if (!plan.Gates.CanMatch(facts))
        {
            trace?.Attach(null, facts);
            return true;
        }

        try
        {
            // Only the facts some Rete pattern accepts; the signals too when Rete rules match signals.
            var signals = plan.SignalsFeedRete ? produced.OfType<StanceSignal>() : [];
            session = RunSession(articleId, _rules.Sessions, facts, facts.Where(plan.Gates.CanUse), signals, firings, maxMatches, maxBytes, trace, cancellationToken);
            return true;
        }
        catch (InferenceLimitException)
        {
            return false;
        }
    }

    /// <summary>An NRules session over the facts (and the indexed matcher's signals, when rules match signals), within the budgets less what the indexed matcher used.</summary>
    private ISession RunSession(string articleId, ISessionFactory sessions, List<Fact> resolved, IEnumerable<Fact> facts, IEnumerable<StanceSignal> signals, int priorFirings, int maxMatches, long maxBytes, InferenceTrace? trace, CancellationToken cancellationToken)
    {
        // A new session per article: reusing one (retracting the last article's facts) measured
        // slower in NRules 1.0.4 at 9 and at 1,000 rules (benchmarks --sessions; README).
        var session = sessions.CreateSession();
        var allowed = _options.MaxRuleFirings - priorFirings;
        var budget = new MatchBudget(maxMatches - priorFirings, maxBytes);
        session.Events.ActivationCreatedEvent += budget.OnMatch;
        session.Events.RuleFiredEvent += budget.OnFired;
        int fired;
        try
        {
            session.InsertAll(facts);
            session.InsertAll(signals);
            trace?.Attach(session, resolved);
            fired = allowed > 0 ? session.Fire(allowed, cancellationToken) : 0;
        }
        catch (Exception e) when (budget.Exceeded && e is not OperationCanceledException)
        {
            // The budget stopped the session from inside NRules (which wraps what its actions throw).
            throw budget.ExceededLimit == nameof(StanceLimits.MaxRuleMatches)
                ? new InferenceLimitException(articleId, nameof(StanceLimits.MaxRuleMatches), maxMatches, budget.TopRules())
                : new InferenceLimitException(articleId, nameof(StanceLimits.MaxInferenceBytes), maxBytes, budget.TopRules());
        }

        cancellationToken.ThrowIfCancellationRequested();
        Firings = priorFirings + fired;
        if (fired >= allowed && !session.Agenda.IsEmpty)
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

            throw new InferenceLimitException(articleId, nameof(StanceEngineOptions.MaxRuleFirings), _options.MaxRuleFirings, pending.ToArray());
        }

        return session;
    }

    private void AddResolved(Fact fact, string country, List<Fact> facts, List<UnresolvedActor> unresolved)
    {
        var copy = fact.CopyForSession();
        copy.Country = country;
        if (copy.Issue is null)
        {
            copy.SetIssue(_rules.Issues.Infer(copy.IssueText));
        }

        if (copy is Statement statement)
        {
            statement.Family = _rules.Lexicon.FamilyOf(statement.Act, statement.Negated);

            // An act with a family is known; only the rest need the second lookup.
            if (statement.Family is null && !_rules.Lexicon.IsKnown(statement.Act))
            {
                unresolved.Add(new UnresolvedActor(fact.Id, fact.Actor, $"act '{statement.Act}' is not in the lexicon"));
            }
        }

        facts.Add(copy);
    }
}

/// <summary>
/// Counts the rule matches (activations) of one inference and stops it at the limit, by
/// throwing from NRules' event: matches, not firings, are what grows combinatorially when
/// derived facts join each other, and every derived fact and tuple held comes from one.
/// </summary>
/// <remarks>
/// Per match it costs an increment and a lookup keyed by the rule object's identity (not its
/// id string, whose hash per match was most of the budget's own cost).
/// </remarks>
internal sealed class MatchBudget(int maxMatches, long maxBytes)
{
    private readonly Dictionary<IRuleDefinition, int> _byRule = new(ReferenceEqualityComparer.Instance);
    private readonly long _startBytes = GC.GetAllocatedBytesForCurrentThread();
    private int _count;

    public bool Exceeded => ExceededLimit is not null;

    public string? ExceededLimit { get; private set; }

    public void OnMatch(object? sender, NRules.Diagnostics.AgendaEventArgs e)
    {
        ref var perRule = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_byRule, e.Rule, out _);
        perRule++;
        if (++_count > maxMatches)
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
        if (GC.GetAllocatedBytesForCurrentThread() - _startBytes > maxBytes)
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
