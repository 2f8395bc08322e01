using StanceRules.Benchmarks.Workloads;
using StanceRules.Inference;
using StanceRules.Loading;
using StanceRules.Rules;
using StanceRules.Rules.Matching;

namespace StanceRules.Benchmarks.Peers;

/// <summary>
/// The floor: the rules' decisions written by hand in plain C# (loops, a switch, dictionaries), run
/// inside StanceRules' own pipeline. The engine compiled from the same YAML resolves the actors,
/// infers the issues and families, makes the signals and claims (<c>RuleActions</c>), decides the
/// stances (<c>ConflictPolicy</c>) and builds the report, exactly as <see cref="StanceEngine.Infer"/>
/// does; only the matching is replaced (<see cref="IndexedMatcher"/>'s hand-written seam). So
/// StanceRules against this peer is the cost of its rule matching alone, against the cheapest code
/// that makes the same decisions. Text compares ignoring case, as the rule language does.
/// </summary>
public sealed class PlainFloorPeer : Peer
{
    private static readonly StringComparer Text = StringComparer.OrdinalIgnoreCase;

    private readonly CompiledRuleSet _rules;
    private readonly StanceEngineOptions _options = new();
    private readonly Dictionary<string, RuleInfo> _info;
    private readonly Dictionary<(string? Issue, string? Act), List<GenRule>> _statementRules = new(PairComparer.Instance);
    private readonly Dictionary<(string Motion, VoteChoice Choice), List<GenRule>> _voteRules = new(VoteComparer.Instance);

    public PlainFloorPeer(RuleSetKind kind, int generated)
    {
        if (kind == RuleSetKind.JoinHeavy)
        {
            throw new NotSupportedException("The plain-C# floor peer writes the default and the generated rules by hand, not the join-heavy set.");
        }

        var engine = kind == RuleSetKind.Default
            ? StanceEngine.FromYaml(RuleFiles.Default)
            : StanceEngine.FromYaml(RuleFiles.With("generated.yaml", GeneratedRules.ToYaml(GeneratedRules.Create(generated))));
        _info = engine.RuleSet.Rules.ToDictionary(r => r.Id, r => new RuleInfo(r.Id, r.Rule.Priority, r.Location), StringComparer.Ordinal);
        HandWrittenRules rules;
        if (kind == RuleSetKind.Default)
        {
            rules = Default;
        }
        else
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

            rules = Generated;
        }

        _rules = engine.RuleSet with { Matcher = new IndexedMatcher(engine.RuleSet.Plan, rules) };
    }

    public override string Name => PlainFloorName;

    /// <summary>What <see cref="StanceEngine.Infer"/> runs (with no telemetry listener), on the hand-written matcher.</summary>
    public override object Infer(ArticleFacts article) => new Inferrer(_rules, _options).Run(article, CancellationToken.None);

    private object Signal(string rule, string? country, string? issue, Stance stance, double confidence, Fact fact)
    {
        var info = _info[rule];
        return RuleActions.Signal(info, country, issue, stance, confidence, [fact], info.OwnChain);
    }

    private int Default(IReadOnlyList<Fact> facts, List<object> produced)
    {
        var firings = 0;
        HashSet<(string?, string?)>? condemned = null;
        List<Fact>? claims = null;
        foreach (var fact in facts)
        {
            switch (fact)
            {
                case Statement s:
                    switch (s.Family)
                    {
                        case Stance.Supports:
                            produced.Add(Signal("statement-supports", s.Country, s.Issue, Stance.Supports, 0.8, s));
                            firings++;
                            break;
                        case Stance.Condemns:
                            produced.Add(Signal("statement-condemns", s.Country, s.Issue, Stance.Condemns, 0.8, s));
                            firings++;
                            break;
                        case Stance.Rejects:
                            produced.Add(Signal("statement-rejects", s.Country, s.Issue, Stance.Rejects, 0.85, s));
                            firings++;
                            break;
                        case Stance.Abstains when !(condemned ??= Condemned(facts)).Contains((s.Country, s.Issue)):
                            produced.Add(Signal("silence-is-abstention", s.Country, s.Issue, Stance.Abstains, 0.6, s));
                            firings++;
                            break;
                    }

                    break;
                case Vote v:
                    switch (v.Choice)
                    {
                        case VoteChoice.Yes when v.YesMeans is { } means:
                            produced.Add(Signal("vote-yes", v.Country, v.Issue, means, 0.95, v));
                            firings++;
                            break;
                        case VoteChoice.No:
                            produced.Add(Signal("vote-no", v.Country, v.Issue, Stance.Rejects, 0.95, v));
                            firings++;
                            break;
                        case VoteChoice.Abstain:
                            produced.Add(Signal("vote-abstain", v.Country, v.Issue, Stance.Abstains, 0.95, v));
                            firings++;
                            break;
                    }

                    break;
            }
        }

        // The chain: a claim from not recognizing the ICC, then a condemnation of a court decision by its country.
        foreach (var fact in facts)
        {
            if (fact is Statement { Negated: true } s && Text.Equals(s.Issue, "icc-jurisdiction") && (Text.Equals(s.Act, "recognize") || Text.Equals(s.Act, "recognise")))
            {
                if (RuleActions.Assert(_info["court-authority-denied"], new Claim { Name = "denies-court-authority", Issue = "icc-jurisdiction" }, s.Country, [s]) is { } claim)
                {
                    produced.Add(claim);
                    (claims ??= []).Add(claim);
                }

                firings++;
            }
            else if (fact is Claim input)
            {
                (claims ??= []).Add(input);
            }
        }

        foreach (var c in claims ?? [])
        {
            if (c is not Claim { Name: var name } || !Text.Equals(name, "denies-court-authority"))
            {
                continue;
            }

            foreach (var fact in facts)
            {
                if (fact is Statement { Family: Stance.Condemns, Issue: { } issue } s && Text.Equals(s.Country, c.Country)
                    && issue.StartsWith("icc-", StringComparison.OrdinalIgnoreCase) && !Text.Equals(issue, "icc-jurisdiction"))
                {
                    if (RuleActions.Emit(_info["denied-court-decision-rejected"], c.Country, issue, Stance.Rejects, 0.9, [c, s]) is { } output)
                    {
                        produced.Add(output);
                    }

                    firings++;
                }
            }
        }

        return firings;
    }

    private static HashSet<(string?, string?)> Condemned(IReadOnlyList<Fact> facts)
    {
        var condemned = new HashSet<(string?, string?)>(PairComparer.Instance);
        foreach (var fact in facts)
        {
            if (fact is Statement { Family: Stance.Condemns } s)
            {
                condemned.Add((s.Country, s.Issue));
            }
        }

        return condemned;
    }

    private int Generated(IReadOnlyList<Fact> facts, List<object> produced)
    {
        var firings = 0;
        HashSet<(string?, string?)>? yesVotes = null;
        foreach (var fact in facts)
        {
            if (fact is Statement { Issue: { } issue } s && _statementRules.TryGetValue((issue, s.Act), out var statementRules))
            {
                foreach (var rule in statementRules)
                {
                    var matches = rule.Kind == GenKind.Statement
                        ? rule.Negated is not { } negated || negated == s.Negated
                        : !(yesVotes ??= YesVotes(facts)).Contains((s.Country, s.Issue));
                    if (matches)
                    {
                        produced.Add(Signal(rule.Id, s.Country, s.Issue, rule.Stance, rule.Confidence, s));
                        firings++;
                    }
                }
            }
            else if (fact is Vote { Motion: { } motion } v && _voteRules.TryGetValue((motion, v.Choice), out var voteRules))
            {
                foreach (var rule in voteRules)
                {
                    produced.Add(Signal(rule.Id, v.Country, v.Issue, rule.Stance, rule.Confidence, v));
                    firings++;
                }
            }
        }

        return firings;
    }

    private static HashSet<(string?, string?)> YesVotes(IReadOnlyList<Fact> facts)
    {
        var yes = new HashSet<(string?, string?)>(PairComparer.Instance);
        foreach (var fact in facts)
        {
            if (fact is Vote { Choice: VoteChoice.Yes } v)
            {
                yes.Add((v.Country, v.Issue));
            }
        }

        return yes;
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

    /// <summary>Two texts compared ignoring case, null equal to null, as the rule language's <c>eq</c>.</summary>
    private sealed class PairComparer : IEqualityComparer<(string?, string?)>
    {
        public static readonly PairComparer Instance = new();

        public bool Equals((string?, string?) x, (string?, string?) y) => Text.Equals(x.Item1, y.Item1) && Text.Equals(x.Item2, y.Item2);

        public int GetHashCode((string?, string?) obj) => HashCode.Combine(obj.Item1 is null ? 0 : Text.GetHashCode(obj.Item1), obj.Item2 is null ? 0 : Text.GetHashCode(obj.Item2));
    }

    private sealed class VoteComparer : IEqualityComparer<(string, VoteChoice)>
    {
        public static readonly VoteComparer Instance = new();

        public bool Equals((string, VoteChoice) x, (string, VoteChoice) y) => Text.Equals(x.Item1, y.Item1) && x.Item2 == y.Item2;

        public int GetHashCode((string, VoteChoice) obj) => HashCode.Combine(Text.GetHashCode(obj.Item1), obj.Item2);
    }
}
