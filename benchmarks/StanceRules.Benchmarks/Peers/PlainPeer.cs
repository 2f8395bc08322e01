using StanceRules.Benchmarks.Workloads;

namespace StanceRules.Benchmarks.Peers;

/// <summary>
/// Plain hand-written C#: loops and dictionaries over the pre-resolved facts, the same
/// signals, no engine. The floor no rule engine can beat.
/// </summary>
public sealed class PlainPeer : Peer
{
    private readonly RuleSetKind _kind;
    private readonly PeerKnowledge _knowledge = PeerKnowledge.Default;
    private readonly Dictionary<(string Issue, string Act), List<GenRule>> _statementRules = [];
    private readonly Dictionary<(string Motion, VoteChoice Choice), List<GenRule>> _voteRules = [];

    public PlainPeer(RuleSetKind kind, int generated)
    {
        _kind = kind;
        if (kind == RuleSetKind.Generated)
        {
            foreach (var rule in GeneratedRules.Create(generated))
            {
                if (rule.Kind == GenKind.Vote)
                {
                    Index(_voteRules, (rule.Motion!, rule.Choice!.Value), rule);
                }
                else
                {
                    Index(_statementRules, (rule.Issue!, rule.Act!), rule);
                }
            }
        }
    }

    public override string Name => PlainName;

    public override object Infer(ArticleFacts article)
    {
        var prepared = Pipeline.Prepare(article, _knowledge);
        var outputs = new List<object>();
        switch (_kind)
        {
            case RuleSetKind.Default:
                Default(prepared, outputs);
                break;
            case RuleSetKind.Generated:
                Generated(prepared, outputs);
                break;
            default:
                Joins(prepared, outputs);
                break;
        }

        return Pipeline.Finish(prepared, outputs);
    }

    private static void Add(List<object> outputs, object? output)
    {
        if (output is not null)
        {
            outputs.Add(output);
        }
    }

    private static void Default(Prepared p, List<object> outputs)
    {
        var condemned = new HashSet<(string, string?)>();
        var claims = new List<PClaim>();
        foreach (var s in p.Statements)
        {
            if (s.Family == Stance.Condemns)
            {
                condemned.Add((s.Country, s.Issue));
            }

            if (s.Negated && s.Issue == "icc-jurisdiction" && s.Act is "recognize" or "recognise")
            {
                claims.Add(Pipeline.Claim("court-authority-denied", "denies-court-authority", "icc-jurisdiction", s));
            }
        }

        foreach (var s in p.Statements)
        {
            switch (s.Family)
            {
                case Stance.Supports:
                    Add(outputs, Pipeline.Emit("statement-supports", 0, s.Issue, Stance.Supports, 0.8, s));
                    break;
                case Stance.Condemns:
                    Add(outputs, Pipeline.Emit("statement-condemns", 0, s.Issue, Stance.Condemns, 0.8, s));
                    break;
                case Stance.Rejects:
                    Add(outputs, Pipeline.Emit("statement-rejects", 0, s.Issue, Stance.Rejects, 0.85, s));
                    break;
                case Stance.Abstains when !condemned.Contains((s.Country, s.Issue)):
                    Add(outputs, Pipeline.Emit("silence-is-abstention", 0, s.Issue, Stance.Abstains, 0.6, s));
                    break;
            }
        }

        foreach (var v in p.Votes)
        {
            switch (v.Choice)
            {
                case VoteChoice.Yes when v.YesMeans is not null:
                    Add(outputs, Pipeline.Emit("vote-yes", 0, v.Issue, v.YesMeans, 0.95, v));
                    break;
                case VoteChoice.No:
                    Add(outputs, Pipeline.Emit("vote-no", 0, v.Issue, Stance.Rejects, 0.95, v));
                    break;
                case VoteChoice.Abstain:
                    Add(outputs, Pipeline.Emit("vote-abstain", 0, v.Issue, Stance.Abstains, 0.95, v));
                    break;
            }
        }

        foreach (var c in claims)
        {
            foreach (var s in p.Statements)
            {
                if (s.Country == c.Country && s.Family == Stance.Condemns && s.Issue is { } issue && issue.StartsWith("icc-", StringComparison.Ordinal) && issue != "icc-jurisdiction")
                {
                    Add(outputs, Pipeline.Emit("denied-court-decision-rejected", 10, s.Issue, Stance.Rejects, 0.9, c, s));
                }
            }
        }
    }

    private void Generated(Prepared p, List<object> outputs)
    {
        HashSet<(string, string?)>? yesVotes = null;
        foreach (var s in p.Statements)
        {
            if (s.Issue is null || !_statementRules.TryGetValue((s.Issue, s.Act), out var rules))
            {
                continue;
            }

            foreach (var rule in rules)
            {
                if (rule.Kind == GenKind.Statement ? rule.Negated is not { } negated || negated == s.Negated : !(yesVotes ??= YesVotes(p)).Contains((s.Country, s.Issue)))
                {
                    Add(outputs, Pipeline.Emit(rule.Id, 0, s.Issue, rule.Stance, rule.Confidence, s));
                }
            }
        }

        foreach (var v in p.Votes)
        {
            if (v.Motion is not null && _voteRules.TryGetValue((v.Motion, v.Choice), out var rules))
            {
                foreach (var rule in rules)
                {
                    Add(outputs, Pipeline.Emit(rule.Id, 0, v.Issue, rule.Stance, rule.Confidence, v));
                }
            }
        }
    }

    private static HashSet<(string, string?)> YesVotes(Prepared p) => p.Votes.Where(v => v.Choice == VoteChoice.Yes).Select(v => (v.Country, v.Issue)).ToHashSet();

    private sealed class Group
    {
        public List<PStatement> Statements { get; } = [];
        public List<PVote> Votes { get; } = [];
        public bool HasRejection { get; set; }
    }

    private static void Joins(Prepared p, List<object> outputs)
    {
        var groups = new Dictionary<(string, string?), Group>();
        Group GroupOf(PFact f)
        {
            if (!groups.TryGetValue((f.Country, f.Issue), out var g))
            {
                groups[(f.Country, f.Issue)] = g = new Group();
            }

            return g;
        }

        var condemningVoters = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in p.Statements)
        {
            var g = GroupOf(s);
            g.Statements.Add(s);
            g.HasRejection |= s.Family == Stance.Rejects;
        }

        foreach (var v in p.Votes)
        {
            GroupOf(v).Votes.Add(v);
            if (v.YesMeans == Stance.Condemns)
            {
                condemningVoters.Add(v.Country);
            }
        }

        var disapprovals = new List<PClaim>();
        var approvals = new Dictionary<(string, string?), List<PClaim>>();
        foreach (var s in p.Statements)
        {
            var g = groups[(s.Country, s.Issue)];
            switch (s.Family)
            {
                case Stance.Supports:
                    foreach (var v in g.Votes)
                    {
                        if (v.Choice == VoteChoice.No)
                        {
                            Add(outputs, Pipeline.Emit("support-then-no-vote", 0, s.Issue, Stance.Rejects, 0.7, s, v));
                        }
                    }

                    if (!s.Hedged && !g.HasRejection)
                    {
                        Add(outputs, Pipeline.Emit("unopposed-support", 0, s.Issue, Stance.Supports, 0.6, s));
                    }

                    var approval = Pipeline.Claim("approval", "approves", s.Issue, s);
                    if (!approvals.TryGetValue((s.Country, s.Issue), out var list))
                    {
                        approvals[(s.Country, s.Issue)] = list = [];
                    }

                    list.Add(approval);
                    break;
                case Stance.Condemns:
                    foreach (var b in g.Statements)
                    {
                        if (b.Family == Stance.Condemns && b.Id != s.Id)
                        {
                            foreach (var v in g.Votes)
                            {
                                if (v.Choice == VoteChoice.Yes && v.YesMeans == Stance.Condemns)
                                {
                                    Add(outputs, Pipeline.Emit("corroborated-condemnation", 0, s.Issue, Stance.Condemns, 0.9, s, b, v));
                                }
                            }
                        }
                    }

                    disapprovals.Add(Pipeline.Claim("disapproval", "disapproves", s.Issue, s));
                    break;
                case Stance.Rejects:
                    disapprovals.Add(Pipeline.Claim("disapproval", "disapproves", s.Issue, s));
                    break;
            }
        }

        foreach (var v in p.Votes)
        {
            if (v.Choice == VoteChoice.Abstain && groups[(v.Country, v.Issue)].Statements.Count == 0)
            {
                Add(outputs, Pipeline.Emit("silent-abstention", 0, v.Issue, Stance.Abstains, 0.5, v));
            }
        }

        foreach (var d in disapprovals)
        {
            if (approvals.TryGetValue((d.Country, d.Issue), out var matching))
            {
                foreach (var a in matching)
                {
                    var ambivalent = Pipeline.Claim("mixed-signals", "ambivalent", d.Issue, d, a);
                    Add(outputs, Pipeline.Emit("ambivalence-abstains", 0, ambivalent.Issue, Stance.Abstains, 0.4, ambivalent));
                }
            }

            if (condemningVoters.Contains(d.Country) && groups.TryGetValue((d.Country, d.Issue), out var g))
            {
                foreach (var v in g.Votes)
                {
                    if (v.Choice == VoteChoice.Yes)
                    {
                        Add(outputs, Pipeline.Emit("disapproval-with-yes-vote", 0, d.Issue, v.YesMeans, 0.65, d, v));
                    }
                }
            }
        }
    }

    private static void Index<TKey>(Dictionary<TKey, List<GenRule>> index, TKey key, GenRule rule)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }

        list.Add(rule);
    }
}
