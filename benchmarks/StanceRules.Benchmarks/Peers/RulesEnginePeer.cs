using System.Globalization;
using RulesEngine.Models;
using StanceRules.Benchmarks.Workloads;
using ReRule = RulesEngine.Models.Rule;

namespace StanceRules.Benchmarks.Peers;

/// <summary>
/// Microsoft RulesEngine 6.0.1: each rule is a boolean lambda expression (System.Linq.Dynamic.Core)
/// in a workflow, evaluated for one input at a time; the host turns each successful rule into a
/// signal. RulesEngine has no working memory and no joins, so:
/// <list type="bullet">
/// <item>single-fact rules: one workflow per fact type, executed once per fact (<c>ExecuteAllRulesAsync</c>);</item>
/// <item><c>not</c>: the article's facts are a second rule parameter and the expression says <c>!statements.Any(...)</c>;</item>
/// <item>chaining (the default set's claim): the host collects the claims of the first pass and executes a
/// second workflow once per (claim, statement) pair.</item>
/// </list>
/// Multi-pattern joins with one signal per combination (the join-heavy set) are beyond it.
/// </summary>
public sealed class RulesEnginePeer : Peer
{
    private const string Statements = "statements";
    private const string Votes = "votes";
    private const string ClaimStatement = "claim-statement";

    private readonly RulesEngine.RulesEngine _engine;
    private readonly Dictionary<string, Func<PFact, object?>> _actions = new(StringComparer.Ordinal);
    private readonly bool _hasClaims;
    private readonly PeerKnowledge _knowledge = PeerKnowledge.Default;

    public RulesEnginePeer(RuleSetKind kind, int generated)
    {
        if (!Supports(RulesEngineName, kind))
        {
            throw new NotSupportedException($"RulesEngine cannot express the {kind} rule set (multi-pattern joins).");
        }

        var statementRules = new List<ReRule>();
        var voteRules = new List<ReRule>();
        var claimRules = new List<ReRule>();
        if (kind == RuleSetKind.Default)
        {
            Add(statementRules, "statement-supports", "s.Family == Stance.Supports", f => Pipeline.Emit("statement-supports", 0, f.Issue, Stance.Supports, 0.8, f));
            Add(statementRules, "statement-condemns", "s.Family == Stance.Condemns", f => Pipeline.Emit("statement-condemns", 0, f.Issue, Stance.Condemns, 0.8, f));
            Add(statementRules, "statement-rejects", "s.Family == Stance.Rejects", f => Pipeline.Emit("statement-rejects", 0, f.Issue, Stance.Rejects, 0.85, f));
            Add(statementRules, "silence-is-abstention",
                "s.Family == Stance.Abstains && !statements.Any(x => x.Country == s.Country && x.Issue == s.Issue && x.Family == Stance.Condemns)",
                f => Pipeline.Emit("silence-is-abstention", 0, f.Issue, Stance.Abstains, 0.6, f));
            Add(statementRules, "court-authority-denied", "(s.Act == \"recognize\" || s.Act == \"recognise\") && s.Negated && s.Issue == \"icc-jurisdiction\"",
                f => Pipeline.Claim("court-authority-denied", "denies-court-authority", "icc-jurisdiction", f));
            Add(voteRules, "vote-yes", "v.Choice == VoteChoice.Yes && v.YesMeans != null", f => Pipeline.Emit("vote-yes", 0, f.Issue, ((PVote)f).YesMeans, 0.95, f));
            Add(voteRules, "vote-no", "v.Choice == VoteChoice.No", f => Pipeline.Emit("vote-no", 0, f.Issue, Stance.Rejects, 0.95, f));
            Add(voteRules, "vote-abstain", "v.Choice == VoteChoice.Abstain", f => Pipeline.Emit("vote-abstain", 0, f.Issue, Stance.Abstains, 0.95, f));
            claimRules.Add(new ReRule
            {
                RuleName = "denied-court-decision-rejected",
                Expression = "c.Name == \"denies-court-authority\" && s.Country == c.Country && s.Family == Stance.Condemns && s.Issue != null && s.Issue.StartsWith(\"icc-\") && s.Issue != \"icc-jurisdiction\"",
                RuleExpressionType = RuleExpressionType.LambdaExpression,
            });
            _hasClaims = true;
        }
        else
        {
            foreach (var rule in GeneratedRules.Create(generated))
            {
                var (id, stance, confidence) = (rule.Id, rule.Stance, rule.Confidence);
                Func<PFact, object?> emit = f => Pipeline.Emit(id, 0, f.Issue, stance, confidence, f);
                switch (rule.Kind)
                {
                    case GenKind.Statement:
                        var negated = rule.Negated is { } n ? (n ? " && s.Negated" : " && !s.Negated") : string.Empty;
                        Add(statementRules, id, $"s.Issue == \"{rule.Issue}\" && s.Act == \"{rule.Act}\"{negated}", emit);
                        break;
                    case GenKind.Vote:
                        Add(voteRules, id, string.Create(CultureInfo.InvariantCulture, $"v.Motion == \"{rule.Motion}\" && v.Choice == VoteChoice.{rule.Choice}"), emit);
                        break;
                    case GenKind.StatementWithoutYesVote:
                        Add(statementRules, id, $"s.Issue == \"{rule.Issue}\" && s.Act == \"{rule.Act}\" && !votes.Any(x => x.Country == s.Country && x.Issue == s.Issue && x.Choice == VoteChoice.Yes)", emit);
                        break;
                }
            }
        }

        var workflows = new List<Workflow>
        {
            new() { WorkflowName = Statements, Rules = statementRules },
            new() { WorkflowName = Votes, Rules = voteRules },
        };
        if (claimRules.Count > 0)
        {
            workflows.Add(new Workflow { WorkflowName = ClaimStatement, Rules = claimRules });
        }

        var settings = new ReSettings { CustomTypes = [typeof(Stance), typeof(VoteChoice)] };
        _engine = new RulesEngine.RulesEngine(workflows.ToArray(), settings);
    }

    public override string Name => RulesEngineName;

    public override object Infer(ArticleFacts article)
    {
        var prepared = Pipeline.Prepare(article, _knowledge);
        var outputs = new List<object>();
        var claims = new List<PClaim>();
        var statements = new RuleParameter("statements", prepared.Statements);
        var votes = new RuleParameter("votes", prepared.Votes);
        foreach (var statement in prepared.Statements)
        {
            Collect(Execute(Statements, new RuleParameter("s", statement), statements, votes), statement, outputs, claims);
        }

        foreach (var vote in prepared.Votes)
        {
            Collect(Execute(Votes, new RuleParameter("v", vote)), vote, outputs, claims);
        }

        if (_hasClaims)
        {
            foreach (var claim in claims)
            {
                foreach (var statement in prepared.Statements)
                {
                    foreach (var result in Execute(ClaimStatement, new RuleParameter("c", claim), new RuleParameter("s", statement)))
                    {
                        if (result.IsSuccess && Pipeline.Emit(result.Rule.RuleName, 10, statement.Issue, Stance.Rejects, 0.9, claim, statement) is { } output)
                        {
                            outputs.Add(output);
                        }
                    }
                }
            }
        }

        return Pipeline.Finish(prepared, outputs);
    }

    private List<RuleResultTree> Execute(string workflow, params RuleParameter[] inputs) =>
        _engine.ExecuteAllRulesAsync(workflow, inputs).AsTask().GetAwaiter().GetResult();

    private void Collect(List<RuleResultTree> results, PFact fact, List<object> outputs, List<PClaim> claims)
    {
        foreach (var result in results)
        {
            if (!result.IsSuccess)
            {
                if (result.ExceptionMessage is { Length: > 0 } error)
                {
                    throw new InvalidOperationException($"RulesEngine rule '{result.Rule.RuleName}' failed: {error}");
                }

                continue;
            }

            switch (_actions[result.Rule.RuleName](fact))
            {
                case PClaim claim:
                    claims.Add(claim);
                    break;
                case { } output:
                    outputs.Add(output);
                    break;
            }
        }
    }

    private void Add(List<ReRule> rules, string name, string expression, Func<PFact, object?> action)
    {
        rules.Add(new ReRule { RuleName = name, Expression = expression, RuleExpressionType = RuleExpressionType.LambdaExpression });
        _actions[name] = action;
    }
}
