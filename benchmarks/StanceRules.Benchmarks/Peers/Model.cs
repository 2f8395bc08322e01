namespace StanceRules.Benchmarks.Peers;

// The peers' fact model: the library's Statement/Vote/Claim after resolution. The library keeps
// the resolved fields (Country, Family) internal, so the peers resolve into types of their own.

/// <summary>A resolved fact as the peers match it.</summary>
public abstract class PFact
{
    public required string Id { get; init; }
    public required string Actor { get; init; }

    /// <summary>ISO alpha-3 code (never null: unresolved facts are not matched).</summary>
    public required string Country { get; set; }

    public string? Issue { get; set; }
    public string? Evidence { get; init; }
    public virtual bool IsHedged => false;

    /// <summary>For derived facts: the input facts behind them.</summary>
    public IReadOnlyList<PFact> Sources { get; set; } = [];
}

public sealed class PStatement : PFact
{
    public required string Act { get; init; }
    public string? Target { get; init; }
    public bool Negated { get; init; }
    public bool Hedged { get; init; }
    public Stance? Family { get; set; }
    public override bool IsHedged => Hedged;
}

public sealed class PVote : PFact
{
    public string? Body { get; init; }
    public string? Motion { get; init; }
    public VoteChoice Choice { get; init; }
    public Stance? YesMeans { get; init; }
}

public sealed class PClaim : PFact
{
    public required string Name { get; init; }
    public Stance? Stance { get; init; }
}

/// <summary>A stance signal as a peer emits it (the library's StanceSignal has an internal constructor).</summary>
public sealed class Sig
{
    public Sig(string country, string issue, Stance stance, double confidence, string rule, int priority, PFact[] facts)
    {
        Country = country;
        Issue = issue;
        Stance = stance;
        Confidence = confidence;
        Rule = rule;
        Priority = priority;
        Facts = facts;
    }

    public string Country { get; }
    public string Issue { get; }
    public Stance Stance { get; }
    public double Confidence { get; }
    public string Rule { get; }
    public int Priority { get; }
    public PFact[] Facts { get; }
}

/// <summary>A prepared article: the resolved facts a peer matches, plus what did not resolve.</summary>
public sealed class Prepared
{
    public required ArticleFacts Article { get; init; }
    public required List<PFact> Facts { get; init; }
    public required List<PStatement> Statements { get; init; }
    public required List<PVote> Votes { get; init; }
    public required List<UnresolvedActor> Unresolved { get; init; }
}

/// <summary>A signal without an issue: reported as unresolved (the library's UnattributedSignal).</summary>
public sealed record Unattributed(string Rule, PFact[] Facts);

public sealed record PStance(string Country, string Issue, Stance Stance, double Confidence, string DecidedBy, Sig[] Signals, Sig[] Overruled);

public sealed record PReport(string Article, IReadOnlyList<PStance> Stances, IReadOnlyList<UnresolvedActor> Unresolved);

/// <summary>
/// What every peer does around its rules, copied from the library's Inferrer, RuleActions and
/// ConflictPolicy: resolve the facts; turn a rule's match into a signal; decide one stance per
/// (country, issue). Sharing it keeps the comparison about the rule engines.
/// </summary>
public static class Pipeline
{
    public const double HedgeFactor = 0.5;

    private static readonly Stance[] Precedence = [Stance.Rejects, Stance.Condemns, Stance.Abstains, Stance.Supports];

    public static Prepared Prepare(ArticleFacts article, PeerKnowledge knowledge)
    {
        var unresolved = new List<UnresolvedActor>();
        var facts = new List<PFact>(article.Facts.Count);
        var statements = new List<PStatement>(article.Facts.Count);
        var votes = new List<PVote>();
        foreach (var fact in article.Facts)
        {
            var (iso3, reason) = knowledge.Resolve(fact.Actor, article.Published);
            if (iso3 is null)
            {
                unresolved.Add(new UnresolvedActor(fact.Id, fact.Actor, reason!));
                continue;
            }

            switch (fact)
            {
                case Statement s:
                    if (!knowledge.IsKnownAct(s.Act))
                    {
                        unresolved.Add(new UnresolvedActor(fact.Id, fact.Actor, $"act '{s.Act}' is not in the lexicon"));
                    }

                    var statement = new PStatement
                    {
                        Id = s.Id, Actor = s.Actor, Country = iso3, Issue = s.Issue ?? knowledge.InferIssue(s.Target), Evidence = s.Evidence,
                        Act = s.Act, Target = s.Target, Negated = s.Negated, Hedged = s.Hedged, Family = knowledge.FamilyOf(s.Act, s.Negated),
                    };
                    facts.Add(statement);
                    statements.Add(statement);
                    break;
                case Vote v:
                    var vote = new PVote
                    {
                        Id = v.Id, Actor = v.Actor, Country = iso3, Issue = v.Issue ?? knowledge.InferIssue(v.Motion), Evidence = v.Evidence,
                        Body = v.Body, Motion = v.Motion, Choice = v.Choice, YesMeans = v.YesMeans,
                    };
                    facts.Add(vote);
                    votes.Add(vote);
                    break;
                default:
                    throw new NotSupportedException($"The peers know statements and votes, not {fact.GetType().Name}.");
            }
        }

        return new Prepared { Article = article, Facts = facts, Statements = statements, Votes = votes, Unresolved = unresolved };
    }

    /// <summary>
    /// A rule's match as RuleActions.Emit turns it into output: a <see cref="Sig"/>; an
    /// <see cref="Unattributed"/> when there is no issue; null when there is no stance.
    /// </summary>
    public static object? Emit(string rule, int priority, string? issue, Stance? stance, double confidence, params PFact[] matched)
    {
        if (stance is null)
        {
            return null;
        }

        var facts = Trace(matched);
        if (issue is null)
        {
            return new Unattributed(rule, facts);
        }

        foreach (var fact in facts)
        {
            if (fact.IsHedged)
            {
                confidence *= HedgeFactor;
                break;
            }
        }

        return new Sig(matched[0].Country, issue, stance.Value, confidence, rule, priority, facts);
    }

    /// <summary>A derived claim, as RuleActions.Assert builds it.</summary>
    public static PClaim Claim(string rule, string name, string? issue, params PFact[] matched)
    {
        var facts = Trace(matched);
        return new PClaim
        {
            Id = $"{rule}({string.Join('+', facts.Select(f => f.Id))})",
            Actor = string.Empty,
            Country = matched[0].Country,
            Issue = issue,
            Name = name,
            Sources = facts,
        };
    }

    private static PFact[] Trace(PFact[] matched)
    {
        if (matched.Length == 1 && matched[0].Sources.Count == 0)
        {
            return matched;
        }

        var facts = new List<PFact>(matched.Length);
        foreach (var item in matched)
        {
            if (item.Sources.Count > 0)
            {
                facts.AddRange(item.Sources);
            }
            else
            {
                facts.Add(item);
            }
        }

        return facts.Distinct().ToArray();
    }

    /// <summary>One stance per (country, issue): ConflictPolicy.Decide and the end of Inferrer.Run.</summary>
    public static PReport Finish(Prepared prepared, IEnumerable<object> outputs)
    {
        var article = prepared.Article;
        var signals = new List<Sig>();
        foreach (var output in outputs)
        {
            if (output is Sig sig)
            {
                signals.Add(sig);
            }
            else if (output is Unattributed lost)
            {
                foreach (var fact in lost.Facts)
                {
                    prepared.Unresolved.Add(new UnresolvedActor(fact.Id, fact.Actor, $"rule '{lost.Rule}': no issue: the fact names none and the catalogue infers none from its target"));
                }
            }
        }

        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < article.Facts.Count; i++)
        {
            order[article.Facts[i].Id] = i;
        }

        int FirstFact(Sig s) => s.Facts.Length == 0 ? int.MaxValue : s.Facts.Min(f => order.GetValueOrDefault(f.Id, int.MaxValue));

        var result = new List<PStance>();
        foreach (var group in signals.GroupBy(s => (s.Country, s.Issue)).OrderBy(g => g.Key.Country, StringComparer.Ordinal).ThenBy(g => g.Key.Issue, StringComparer.Ordinal))
        {
            var ordered = group.OrderByDescending(s => s.Confidence).ThenBy(FirstFact).ThenBy(s => s.Rule, StringComparer.Ordinal).ToArray();
            var candidates = ordered
                .GroupBy(s => s.Stance)
                .Select(g => (Stance: g.Key, Score: Score(g), Priority: g.Max(s => s.Priority), Rank: Array.IndexOf(Precedence, g.Key)))
                .OrderByDescending(c => c.Score)
                .ThenByDescending(c => c.Priority)
                .ThenBy(c => c.Rank)
                .ToArray();
            var winner = candidates[0];
            var decidedBy = candidates.Length == 1 ? "unanimous"
                : winner.Score - candidates[1].Score > 1e-9 ? "confidence"
                : winner.Priority > candidates[1].Priority ? "priority"
                : "precedence";
            result.Add(new PStance(group.Key.Country, group.Key.Issue, winner.Stance, Math.Round(winner.Score, 4), decidedBy,
                ordered.Where(s => s.Stance == winner.Stance).ToArray(), ordered.Where(s => s.Stance != winner.Stance).ToArray()));
        }

        var unresolved = prepared.Unresolved
            .Distinct()
            .OrderBy(u => order.GetValueOrDefault(u.Fact, int.MaxValue))
            .ThenBy(u => u.Reason, StringComparer.Ordinal)
            .ToArray();
        return new PReport(article.Id, result, unresolved);
    }

    private static double Score(IEnumerable<Sig> signals)
    {
        var doubt = 1.0;
        foreach (var signal in signals)
        {
            doubt *= 1 - signal.Confidence;
        }

        return 1 - doubt;
    }
}
