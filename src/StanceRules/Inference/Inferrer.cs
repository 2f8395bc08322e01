using StanceRules.Rules;

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

        var session = _rules.Sessions.CreateSession();
        session.InsertAll(facts);
        trace?.Attach(session, facts);
        var fired = session.Fire(_options.MaxRuleFirings, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        if (fired >= _options.MaxRuleFirings && !session.Agenda.IsEmpty)
        {
            var pending = new SortedSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < 64 && !session.Agenda.IsEmpty; i++)
            {
                pending.Add(session.Agenda.Peek().Rule.Name);
                session.Fire(1, cancellationToken);
            }

            throw new InferenceLimitException(article.Id, fired, pending.ToArray());
        }

        foreach (var lost in session.Query<UnattributedSignal>())
        {
            foreach (var fact in lost.Facts)
            {
                unresolved.Add(new UnresolvedActor(fact.Id, fact.Actor, $"rule '{lost.Rule}': {lost.Reason}"));
            }
        }

        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < article.Facts.Count; i++)
        {
            order[article.Facts[i].Id] = i;
        }

        var stances = ConflictPolicy.Decide(session.Query<StanceSignal>().ToList(), order);
        var distinctUnresolved = unresolved
            .Distinct()
            .OrderBy(u => order.GetValueOrDefault(u.Fact, int.MaxValue))
            .ThenBy(u => u.Reason, StringComparer.Ordinal)
            .ToArray();
        return new StanceReport(article.Id, article.Published, stances, distinctUnresolved);
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
