using NRules;
using NRules.Extensibility;
using NRules.Fluent;
using NRules.Fluent.Dsl;
using NRules.RuleModel;
using StanceRules.Benchmarks.Workloads;

namespace StanceRules.Benchmarks.Peers;

/// <summary>
/// The baseline: the same rules written by hand in NRules' fluent DSL, over pre-resolved facts
/// (<see cref="Pipeline.Prepare"/>), with the same actions (signals inserted as linked facts) and
/// the same conflict policy (<see cref="Pipeline.Finish"/>).
/// </summary>
public sealed class FluentPeer : Peer
{
    private readonly ISessionFactory _sessions;
    private readonly PeerKnowledge _knowledge = PeerKnowledge.Default;
    private readonly bool _reuseSession;
    private ISession? _session;

    /// <param name="kind">The rule set.</param>
    /// <param name="generated">For generated rules: how many.</param>
    /// <param name="compiler">An expression compiler for NRules; the framework's when null.</param>
    /// <param name="reuseSession">
    /// False (the baseline): a session per article, as NRules' documentation shows and as a user
    /// writes it. True (<see cref="Peer.FluentReusedName"/>, a tuned peer): one session for every
    /// article, its facts retracted after each (which retracts the linked signals and claims).
    /// </param>
    public FluentPeer(RuleSetKind kind, int generated, IExpressionCompiler? compiler = null, bool reuseSession = false)
    {
        _sessions = Compile(kind, generated, compiler);
        _reuseSession = reuseSession;
        Name = reuseSession ? FluentReusedName : compiler is null ? FluentName : $"{FluentName}+{compiler.GetType().Name}";
    }

    /// <summary>The baseline with something done to each new session (<c>--budget</c>: subscribe a match budget), under another name.</summary>
    public FluentPeer(RuleSetKind kind, int generated, string name, Action<ISession> onSession)
        : this(kind, generated)
    {
        Name = name;
        _onSession = onSession;
    }

    private readonly Action<ISession>? _onSession;

    public override string Name { get; }

    /// <summary>Loads the fluent rules of a rule set and compiles them (the start-up cost of this peer).</summary>
    public static ISessionFactory Compile(RuleSetKind kind, int generated, IExpressionCompiler? compiler = null, IReadOnlyList<GenRule>? specs = null)
    {
        var repository = kind == RuleSetKind.Generated ? new RuleRepository(new GeneratedRuleActivator(specs ?? GeneratedRules.Create(generated))) : new RuleRepository();
        var types = kind switch
        {
            RuleSetKind.Default => DefaultFluentRules.Types,
            RuleSetKind.Generated => GeneratedFluentRules.Types,
            _ => JoinFluentRules.Types,
        };
        repository.Load(x => x.NestedTypes().From(types));
        var ruleCompiler = new RuleCompiler();
        if (compiler is not null)
        {
            ruleCompiler.ExpressionCompiler = compiler;
        }

        return ruleCompiler.Compile(repository.GetRules());
    }

    public override object Infer(ArticleFacts article)
    {
        var prepared = Pipeline.Prepare(article, _knowledge);
        var session = _reuseSession ? _session ??= _sessions.CreateSession() : _sessions.CreateSession();
        _onSession?.Invoke(session);
        session.InsertAll(prepared.Facts);
        session.Fire();
        var report = Pipeline.Finish(prepared, session.Query<object>().AsEnumerable());
        if (_reuseSession)
        {
            session.RetractAll(prepared.Facts);
        }

        return report;
    }

    private sealed class GeneratedRuleActivator(IReadOnlyList<GenRule> rules) : IRuleActivator
    {
        public IEnumerable<Rule> Activate(Type type) =>
            type == typeof(GeneratedFluentRules.StatementRule) ? rules.Where(r => r.Kind == GenKind.Statement).Select(r => new GeneratedFluentRules.StatementRule(r))
            : type == typeof(GeneratedFluentRules.VoteRule) ? rules.Where(r => r.Kind == GenKind.Vote).Select(r => new GeneratedFluentRules.VoteRule(r))
            : type == typeof(GeneratedFluentRules.StatementWithoutYesVoteRule) ? rules.Where(r => r.Kind == GenKind.StatementWithoutYesVote).Select(r => new GeneratedFluentRules.StatementWithoutYesVoteRule(r))
            : [(Rule)Activator.CreateInstance(type)!];
    }
}

/// <summary>What the fluent rules' actions call: the match becomes a signal, inserted linked (as StanceRules does).</summary>
public static class Out
{
    private const string LinkKey = "out";

    public static void Emit(IContext context, string rule, int priority, string? issue, Stance? stance, double confidence, params PFact[] matched)
    {
        if (Pipeline.Emit(rule, priority, issue, stance, confidence, matched) is { } output)
        {
            context.InsertLinked(LinkKey, output);
        }
    }

    public static void Assert(IContext context, string rule, string name, string? issue, params PFact[] matched) =>
        context.InsertLinked(LinkKey, Pipeline.Claim(rule, name, issue, matched));
}

/// <summary>rules/stances.yaml, by hand.</summary>
public static class DefaultFluentRules
{
    public static readonly Type[] Types =
    [
        typeof(StatementSupports), typeof(StatementCondemns), typeof(StatementRejects), typeof(SilenceIsAbstention),
        typeof(VoteYes), typeof(VoteNo), typeof(VoteAbstain), typeof(CourtAuthorityDenied), typeof(DeniedCourtDecisionRejected),
    ];

    [Name("statement-supports")]
    public class StatementSupports : Rule
    {
        public override void Define()
        {
            PStatement s = null!;
            When().Match(() => s, x => x.Family == Stance.Supports);
            Then().Do(ctx => Out.Emit(ctx, "statement-supports", 0, s.Issue, Stance.Supports, 0.8, s));
        }
    }

    [Name("statement-condemns")]
    public class StatementCondemns : Rule
    {
        public override void Define()
        {
            PStatement s = null!;
            When().Match(() => s, x => x.Family == Stance.Condemns);
            Then().Do(ctx => Out.Emit(ctx, "statement-condemns", 0, s.Issue, Stance.Condemns, 0.8, s));
        }
    }

    [Name("statement-rejects")]
    public class StatementRejects : Rule
    {
        public override void Define()
        {
            PStatement s = null!;
            When().Match(() => s, x => x.Family == Stance.Rejects);
            Then().Do(ctx => Out.Emit(ctx, "statement-rejects", 0, s.Issue, Stance.Rejects, 0.85, s));
        }
    }

    [Name("silence-is-abstention")]
    public class SilenceIsAbstention : Rule
    {
        public override void Define()
        {
            PStatement s = null!;
            When()
                .Match(() => s, x => x.Family == Stance.Abstains)
                .Not<PStatement>(x => x.Country == s.Country, x => x.Issue == s.Issue, x => x.Family == Stance.Condemns);
            Then().Do(ctx => Out.Emit(ctx, "silence-is-abstention", 0, s.Issue, Stance.Abstains, 0.6, s));
        }
    }

    [Name("vote-yes")]
    public class VoteYes : Rule
    {
        public override void Define()
        {
            PVote v = null!;
            When().Match(() => v, x => x.Choice == VoteChoice.Yes, x => x.YesMeans != null);
            Then().Do(ctx => Out.Emit(ctx, "vote-yes", 0, v.Issue, v.YesMeans, 0.95, v));
        }
    }

    [Name("vote-no")]
    public class VoteNo : Rule
    {
        public override void Define()
        {
            PVote v = null!;
            When().Match(() => v, x => x.Choice == VoteChoice.No);
            Then().Do(ctx => Out.Emit(ctx, "vote-no", 0, v.Issue, Stance.Rejects, 0.95, v));
        }
    }

    [Name("vote-abstain")]
    public class VoteAbstain : Rule
    {
        public override void Define()
        {
            PVote v = null!;
            When().Match(() => v, x => x.Choice == VoteChoice.Abstain);
            Then().Do(ctx => Out.Emit(ctx, "vote-abstain", 0, v.Issue, Stance.Abstains, 0.95, v));
        }
    }

    [Name("court-authority-denied")]
    public class CourtAuthorityDenied : Rule
    {
        public override void Define()
        {
            PStatement s = null!;
            When().Match(() => s, x => x.Act == "recognize" || x.Act == "recognise", x => x.Negated, x => x.Issue == "icc-jurisdiction");
            Then().Do(ctx => Out.Assert(ctx, "court-authority-denied", "denies-court-authority", "icc-jurisdiction", s));
        }
    }

    [Name("denied-court-decision-rejected")]
    [Priority(10)]
    public class DeniedCourtDecisionRejected : Rule
    {
        public override void Define()
        {
            PClaim c = null!;
            PStatement s = null!;
            When()
                .Match(() => c, x => x.Name == "denies-court-authority")
                .Match(() => s, x => x.Country == c.Country, x => x.Family == Stance.Condemns,
                    x => x.Issue != null && x.Issue.StartsWith("icc-", StringComparison.Ordinal) && x.Issue != "icc-jurisdiction");
            Then().Do(ctx => Out.Emit(ctx, "denied-court-decision-rejected", 10, s.Issue, Stance.Rejects, 0.9, c, s));
        }
    }
}

/// <summary>
/// The generated rules (<see cref="GeneratedRules"/>) in the fluent DSL: one rule class per
/// shape, instantiated once per generated rule by a rule activator, each instance with its own
/// constants (captured from the spec, as a hand-written rule would hold literals).
/// </summary>
public static class GeneratedFluentRules
{
    public static readonly Type[] Types = [typeof(StatementRule), typeof(VoteRule), typeof(StatementWithoutYesVoteRule)];

    public class StatementRule(GenRule spec) : Rule
    {
        public override void Define()
        {
            var (id, issue, act, stance, confidence) = (spec.Id, spec.Issue, spec.Act, spec.Stance, spec.Confidence);
            PStatement s = null!;
            if (spec.Negated is { } negated)
            {
                When().Match(() => s, x => x.Issue == issue, x => x.Act == act, x => x.Negated == negated);
            }
            else
            {
                When().Match(() => s, x => x.Issue == issue, x => x.Act == act);
            }

            Then().Do(ctx => Out.Emit(ctx, id, 0, s.Issue, stance, confidence, s));
        }
    }

    public class VoteRule(GenRule spec) : Rule
    {
        public override void Define()
        {
            var (id, motion, choice, stance, confidence) = (spec.Id, spec.Motion, spec.Choice!.Value, spec.Stance, spec.Confidence);
            PVote v = null!;
            When().Match(() => v, x => x.Motion == motion, x => x.Choice == choice);
            Then().Do(ctx => Out.Emit(ctx, id, 0, v.Issue, stance, confidence, v));
        }
    }

    public class StatementWithoutYesVoteRule(GenRule spec) : Rule
    {
        public override void Define()
        {
            var (id, issue, act, stance, confidence) = (spec.Id, spec.Issue, spec.Act, spec.Stance, spec.Confidence);
            PStatement s = null!;
            When()
                .Match(() => s, x => x.Issue == issue, x => x.Act == act)
                .Not<PVote>(v => v.Country == s.Country, v => v.Issue == s.Issue, v => v.Choice == VoteChoice.Yes);
            Then().Do(ctx => Out.Emit(ctx, id, 0, s.Issue, stance, confidence, s));
        }
    }
}

/// <summary><see cref="JoinRules"/>, by hand.</summary>
public static class JoinFluentRules
{
    public static readonly Type[] Types =
    [
        typeof(SupportThenNoVote), typeof(CorroboratedCondemnation), typeof(UnopposedSupport), typeof(SilentAbstention),
        typeof(Disapproval), typeof(Approval), typeof(MixedSignals), typeof(AmbivalenceAbstains), typeof(DisapprovalWithYesVote),
    ];

    [Name("support-then-no-vote")]
    public class SupportThenNoVote : Rule
    {
        public override void Define()
        {
            PStatement s = null!;
            PVote v = null!;
            When()
                .Match(() => s, x => x.Family == Stance.Supports)
                .Match(() => v, x => x.Country == s.Country, x => x.Issue == s.Issue, x => x.Choice == VoteChoice.No);
            Then().Do(ctx => Out.Emit(ctx, "support-then-no-vote", 0, s.Issue, Stance.Rejects, 0.7, s, v));
        }
    }

    [Name("corroborated-condemnation")]
    public class CorroboratedCondemnation : Rule
    {
        public override void Define()
        {
            PStatement a = null!;
            PStatement b = null!;
            PVote v = null!;
            When()
                .Match(() => a, x => x.Family == Stance.Condemns)
                .Match(() => b, x => x.Country == a.Country, x => x.Issue == a.Issue, x => x.Family == Stance.Condemns, x => x.Id != a.Id)
                .Match(() => v, x => x.Country == a.Country, x => x.Issue == a.Issue, x => x.Choice == VoteChoice.Yes, x => x.YesMeans == Stance.Condemns);
            Then().Do(ctx => Out.Emit(ctx, "corroborated-condemnation", 0, a.Issue, Stance.Condemns, 0.9, a, b, v));
        }
    }

    [Name("unopposed-support")]
    public class UnopposedSupport : Rule
    {
        public override void Define()
        {
            PStatement s = null!;
            When()
                .Match(() => s, x => x.Family == Stance.Supports, x => !x.Hedged)
                .Not<PStatement>(x => x.Country == s.Country, x => x.Issue == s.Issue, x => x.Family == Stance.Rejects);
            Then().Do(ctx => Out.Emit(ctx, "unopposed-support", 0, s.Issue, Stance.Supports, 0.6, s));
        }
    }

    [Name("silent-abstention")]
    public class SilentAbstention : Rule
    {
        public override void Define()
        {
            PVote v = null!;
            When()
                .Match(() => v, x => x.Choice == VoteChoice.Abstain)
                .Not<PStatement>(x => x.Country == v.Country, x => x.Issue == v.Issue);
            Then().Do(ctx => Out.Emit(ctx, "silent-abstention", 0, v.Issue, Stance.Abstains, 0.5, v));
        }
    }

    [Name("disapproval")]
    public class Disapproval : Rule
    {
        public override void Define()
        {
            PStatement s = null!;
            When().Match(() => s, x => x.Family == Stance.Condemns || x.Family == Stance.Rejects);
            Then().Do(ctx => Out.Assert(ctx, "disapproval", "disapproves", s.Issue, s));
        }
    }

    [Name("approval")]
    public class Approval : Rule
    {
        public override void Define()
        {
            PStatement s = null!;
            When().Match(() => s, x => x.Family == Stance.Supports);
            Then().Do(ctx => Out.Assert(ctx, "approval", "approves", s.Issue, s));
        }
    }

    [Name("mixed-signals")]
    public class MixedSignals : Rule
    {
        public override void Define()
        {
            PClaim d = null!;
            PClaim a = null!;
            When()
                .Match(() => d, x => x.Name == "disapproves")
                .Match(() => a, x => x.Name == "approves", x => x.Country == d.Country, x => x.Issue == d.Issue);
            Then().Do(ctx => Out.Assert(ctx, "mixed-signals", "ambivalent", d.Issue, d, a));
        }
    }

    [Name("ambivalence-abstains")]
    public class AmbivalenceAbstains : Rule
    {
        public override void Define()
        {
            PClaim c = null!;
            When().Match(() => c, x => x.Name == "ambivalent");
            Then().Do(ctx => Out.Emit(ctx, "ambivalence-abstains", 0, c.Issue, Stance.Abstains, 0.4, c));
        }
    }

    [Name("disapproval-with-yes-vote")]
    public class DisapprovalWithYesVote : Rule
    {
        public override void Define()
        {
            PClaim c = null!;
            PVote v = null!;
            When()
                .Match(() => c, x => x.Name == "disapproves")
                .Match(() => v, x => x.Country == c.Country, x => x.Issue == c.Issue, x => x.Choice == VoteChoice.Yes)
                .Exists<PVote>(x => x.Country == c.Country, x => x.YesMeans == Stance.Condemns);
            Then().Do(ctx => Out.Emit(ctx, "disapproval-with-yes-vote", 0, c.Issue, v.YesMeans, 0.65, c, v));
        }
    }
}
