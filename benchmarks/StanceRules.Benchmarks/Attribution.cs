using System.Globalization;
using NRules;
using NRules.Fluent;
using NRules.Fluent.Dsl;
using NRules.RuleModel;
using StanceRules.Benchmarks.Peers;
using StanceRules.Benchmarks.Workloads;

namespace StanceRules.Benchmarks;

/// <summary>
/// <c>--attribute</c>: where StanceRules' time goes relative to hand-written NRules. Starting
/// from the fluent baseline, each variant adds one thing StanceRules does (read in
/// src/StanceRules and in the trees <c>--explain</c> prints), cumulatively:
/// <list type="number">
/// <item><c>+ignore-case</c>: text compared with <c>string.Equals(a, b, OrdinalIgnoreCase)</c> and the act list as a
/// case-insensitive <c>HashSet</c>, as the YAML translator generates;</item>
/// <item><c>+trace</c>: actions build the signal the way RuleActions does (a list of facts, a rule chain, two
/// <c>Distinct().ToArray()</c> per firing, even for one fact);</item>
/// <item><c>+session</c>: the session is read as Inferrer does (<c>Fire(limit, token)</c>, then two typed
/// <c>Query</c> scans instead of one);</item>
/// </list>
/// then StanceRules itself. All variants are checked to give the same output, then timed interleaved.
/// </summary>
internal static class Attribution
{
    public static int Run(TimeSpan budget)
    {
        var corpus = Corpus.Synthetic(10_000);
        var baseline = new FluentPeer(RuleSetKind.Default, 0);
        Peer[] peers =
        [
            baseline,
            new Variant("+ignore-case", libraryTrace: false, librarySession: false),
            new Variant("+ignore-case+trace", libraryTrace: true, librarySession: false),
            new Variant("+ignore-case+trace+session", libraryTrace: true, librarySession: true),
            Peer.Create(Peer.StanceRulesName, RuleSetKind.Default),
        ];
        Check.Verify(corpus, RuleSetKind.Default, peers: peers);
        var result = Interleaved.Measure(corpus, peers, budget, minRounds: 15);
        foreach (var peer in peers.Skip(1))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"throughput {peer.Name}/{Peer.FluentName}: {result.Ratio(peer.Name):0.00} [{result.Ratio(peer.Name, 0.25):0.00}, {result.Ratio(peer.Name, 0.75):0.00}]"));
        }

        foreach (var peer in peers)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            peer.Run(corpus);
            var perFact = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)corpus.FactCount;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"allocated {peer.Name}: {perFact:N0} B/fact; {result.FactsPerSecond(peer.Name):N0} facts/s"));
        }

        var outside = Interleaved.Measure(corpus, [baseline, new OutsideTheRules()], TimeSpan.FromSeconds(10), minRounds: 15);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"outside the rules (resolution, issue inference, lexicon, conflict policy): {1 / outside.Ratio(OutsideTheRules.Label):P0} of the baseline's time"));
        CompileCost();
        SessionCost("default rules (9)", FluentPeer.Compile(RuleSetKind.Default, 0));
        SessionCost("1,000 generated rules", FluentPeer.Compile(RuleSetKind.Generated, 1000));
        return 0;
    }

    /// <summary>How much of compiling the default set is the knowledge files: the knowledge with one rule, against the whole set.</summary>
    private static void CompileCost()
    {
        const string OneRule = "rules:\n  - id: one\n    when:\n      - vote: { choice: abstain }\n    then: { stance: abstains }\n";
        var knowledgeOnly = new List<double>();
        var whole = new List<double>();
        for (var i = 0; i < 12; i++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            StanceEngine.FromYaml(RuleFiles.With("one.yaml", OneRule));
            knowledgeOnly.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            StanceEngine.FromYaml(RuleFiles.Default);
            whole.Add(watch.Elapsed.TotalMilliseconds);
        }

        static double Median(List<double> v) => v.Order().ElementAt(v.Count / 2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"compile (warm, median of 12): knowledge files + 1 rule {Median(knowledgeOnly):N1} ms; default set (9 rules) {Median(whole):N1} ms"));
    }

    /// <summary>Only what every engine does outside its rules: resolve, then decide on no signals.</summary>
    private sealed class OutsideTheRules : Peer
    {
        public const string Label = "outside-the-rules";

        public override string Name => Label;

        public override object Infer(ArticleFacts article) => Pipeline.Finish(Pipeline.Prepare(article, PeerKnowledge.Default), []);
    }

    /// <summary>
    /// <c>--sessions</c>: what a session costs against reusing one. Creating a session, by rule
    /// count; then the fluent rules with a session per article against one session reused
    /// (facts retracted after each article), interleaved, per article.
    /// </summary>
    public static int Sessions(TimeSpan budget)
    {
        SessionCost("default rules (9)", FluentPeer.Compile(RuleSetKind.Default, 0));
        SessionCost("1,000 generated rules", FluentPeer.Compile(RuleSetKind.Generated, 1000));
        foreach (var workload in Workload.All.Where(w => w.Name is "corpus-10000/default" or "rules-1000"))
        {
            var corpus = workload.Corpus();
            Peer[] peers = [Peer.Create(Peer.FluentName, workload.Kind, workload.Generated), Peer.Create(Peer.FluentReusedName, workload.Kind, workload.Generated)];
            Check.Verify(corpus, workload.Kind, workload.Generated, peers);
            var result = Interleaved.Measure(corpus, peers, budget / 2, minRounds: 5);
            double PerArticle(string engine) => corpus.FactCount / result.FactsPerSecond(engine) / corpus.Articles.Count * 1e6;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{workload.Name}: session per article {PerArticle(Peer.FluentName):N1} us/article, reused {PerArticle(Peer.FluentReusedName):N1} us/article; throughput {Peer.FluentReusedName}/{Peer.FluentName}: {result.Ratio(Peer.FluentReusedName):0.00} [{result.Ratio(Peer.FluentReusedName, 0.25):0.00}, {result.Ratio(Peer.FluentReusedName, 0.75):0.00}]"));
        }

        return 0;
    }

    /// <summary>
    /// <c>--budget</c>: what StanceRules' match budget costs, in one run: the fluent baseline,
    /// the baseline with the library's <c>MatchBudget</c> subscribed to each session as
    /// <c>Inferrer</c> does (limits never reached), and with the budget as it was before it
    /// counted by rule identity (by the rule's id string), on the default rules and at 1,000 rules.
    /// </summary>
    public static int Budget(TimeSpan budget)
    {
        foreach (var workload in Workload.All.Where(w => w.Name is "corpus-10000/default" or "rules-1000"))
        {
            var corpus = workload.Corpus();
            Peer[] peers =
            [
                Peer.Create(Peer.FluentName, workload.Kind, workload.Generated),
                new FluentPeer(workload.Kind, workload.Generated, "+budget", session =>
                {
                    var matches = new global::StanceRules.Inference.MatchBudget(int.MaxValue, long.MaxValue);
                    session.Events.ActivationCreatedEvent += matches.OnMatch;
                    session.Events.RuleFiredEvent += matches.OnFired;
                }),
                new FluentPeer(workload.Kind, workload.Generated, "+budget-by-rule-id", session =>
                {
                    var matches = new BudgetByRuleId(int.MaxValue, long.MaxValue);
                    session.Events.ActivationCreatedEvent += matches.OnMatch;
                    session.Events.RuleFiredEvent += matches.OnFired;
                }),
            ];
            Check.Verify(corpus, workload.Kind, workload.Generated, peers);
            var result = Interleaved.Measure(corpus, peers, budget / 2, minRounds: 9);
            foreach (var peer in peers.Skip(1))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{workload.Name} throughput {peer.Name}/{Peer.FluentName}: {result.Ratio(peer.Name):0.000} [{result.Ratio(peer.Name, 0.25):0.000}, {result.Ratio(peer.Name, 0.75):0.000}] ({result.Rounds} rounds)"));
            }
        }

        return 0;
    }

    /// <summary>The match budget before commit 775362b: per match, the rule's id hashed into a dictionary.</summary>
    private sealed class BudgetByRuleId(int maxMatches, long maxBytes)
    {
        private readonly Dictionary<string, int> _byRule = new(StringComparer.Ordinal);
        private readonly long _startBytes = GC.GetAllocatedBytesForCurrentThread();
        private int _count;

        public void OnMatch(object? sender, NRules.Diagnostics.AgendaEventArgs e)
        {
            var rule = e.Rule.Name;
            _byRule[rule] = _byRule.GetValueOrDefault(rule) + 1;
            if (++_count > maxMatches)
            {
                throw new InvalidOperationException("match limit");
            }
        }

        public void OnFired(object? sender, NRules.Diagnostics.AgendaEventArgs e)
        {
            if (GC.GetAllocatedBytesForCurrentThread() - _startBytes > maxBytes)
            {
                throw new InvalidOperationException("byte limit");
            }
        }
    }

    /// <summary>What creating one NRules session costs, by rule count: paid once per article (Infer opens one session per call).</summary>
    private static void SessionCost(string what, ISessionFactory sessions)
    {
        const int Sessions = 2_000;
        for (var i = 0; i < 200; i++)
        {
            sessions.CreateSession();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < Sessions; i++)
        {
            sessions.CreateSession();
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"session creation, {what}: {watch.Elapsed.TotalMicroseconds / Sessions:N1} us and {(GC.GetAllocatedBytesForCurrentThread() - before) / (double)Sessions / 1024:N1} KB per session"));
    }

    private sealed class Variant : Peer
    {
        private readonly ISessionFactory _sessions;
        private readonly bool _libraryTrace;
        private readonly bool _librarySession;

        public Variant(string name, bool libraryTrace, bool librarySession)
        {
            Name = name;
            _libraryTrace = libraryTrace;
            _librarySession = librarySession;
            var repository = new RuleRepository();
            repository.Load(x => x.NestedTypes().From(IgnoreCaseRules.Types));
            _sessions = new RuleCompiler().Compile(repository.GetRules());
        }

        public override string Name { get; }

        public override object Infer(ArticleFacts article)
        {
            LibraryActions.Trace = _libraryTrace;
            var prepared = Pipeline.Prepare(article, PeerKnowledge.Default);
            var session = _sessions.CreateSession();
            session.InsertAll(prepared.Facts);
            if (!_librarySession)
            {
                session.Fire();
                return Pipeline.Finish(prepared, session.Query<object>().AsEnumerable());
            }

            session.Fire(100_000, CancellationToken.None);
            var lost = session.Query<Unattributed>().ToList();
            var signals = session.Query<Sig>().ToList();
            return Pipeline.Finish(prepared, lost.Cast<object>().Concat(signals));
        }
    }

    /// <summary>Actions that, when <see cref="Trace"/> is on, build signals the way the library's RuleActions does.</summary>
    public static class LibraryActions
    {
        [ThreadStatic]
        private static bool _trace;

        public static bool Trace { get => _trace; set => _trace = value; }

        public static void Emit(IContext context, string rule, int priority, string? issue, Stance? stance, double confidence, params object[] matched)
        {
            var facts = matched.Cast<PFact>().ToArray();
            if (!Trace)
            {
                Out.Emit(context, rule, priority, issue, stance, confidence, facts);
                return;
            }

            if (stance is null)
            {
                return;
            }

            var (sources, chain) = TraceLikeLibrary(matched, rule);
            GC.KeepAlive(chain);
            if (issue is null)
            {
                context.InsertLinked("out", new Unattributed(rule, sources));
                return;
            }

            if (sources.Any(f => f.IsHedged))
            {
                confidence *= Pipeline.HedgeFactor;
            }

            context.InsertLinked("out", new Sig(facts[0].Country, issue, stance.Value, confidence, rule, priority, sources));
        }

        public static void Assert(IContext context, string rule, string name, string? issue, params object[] matched)
        {
            if (Trace)
            {
                GC.KeepAlive(TraceLikeLibrary(matched, rule));
            }

            Out.Assert(context, rule, name, issue, matched.Cast<PFact>().ToArray());
        }

        private static (PFact[] Facts, string[] Chain) TraceLikeLibrary(object[] matched, string rule)
        {
            var facts = new List<PFact>(matched.Length);
            var chain = new List<string>();
            foreach (var item in matched)
            {
                if (item is PFact { Sources.Count: > 0 } derived)
                {
                    facts.AddRange(derived.Sources);
                    chain.Add("derived");
                }
                else if (item is PFact fact)
                {
                    facts.Add(fact);
                }
            }

            chain.Add(rule);
            return (facts.Distinct().ToArray(), chain.Distinct(StringComparer.Ordinal).ToArray());
        }
    }

    /// <summary>The default rules as the YAML translator writes them: case-insensitive text, a HashSet for lists, object[] matches.</summary>
    public static class IgnoreCaseRules
    {
        private static readonly HashSet<string> RecognizeActs = new(["recognize", "recognise"], StringComparer.OrdinalIgnoreCase);

        public static readonly Type[] Types = [typeof(Supports), typeof(Condemns), typeof(Rejects), typeof(Silence), typeof(VoteYes), typeof(VoteNo), typeof(VoteAbstain), typeof(CourtDenied), typeof(DeniedRejected)];

        public class Supports : Rule
        {
            public override void Define()
            {
                PStatement s = null!;
                When().Match(() => s, x => x.Family == Stance.Supports);
                Then().Do(ctx => LibraryActions.Emit(ctx, "statement-supports", 0, s.Issue, Stance.Supports, 0.8, new object[] { s }));
            }
        }

        public class Condemns : Rule
        {
            public override void Define()
            {
                PStatement s = null!;
                When().Match(() => s, x => x.Family == Stance.Condemns);
                Then().Do(ctx => LibraryActions.Emit(ctx, "statement-condemns", 0, s.Issue, Stance.Condemns, 0.8, new object[] { s }));
            }
        }

        public class Rejects : Rule
        {
            public override void Define()
            {
                PStatement s = null!;
                When().Match(() => s, x => x.Family == Stance.Rejects);
                Then().Do(ctx => LibraryActions.Emit(ctx, "statement-rejects", 0, s.Issue, Stance.Rejects, 0.85, new object[] { s }));
            }
        }

        public class Silence : Rule
        {
            public override void Define()
            {
                PStatement s = null!;
                When()
                    .Match(() => s, x => x.Family == Stance.Abstains)
                    .Not<PStatement>(x => string.Equals(x.Country, s.Country, StringComparison.OrdinalIgnoreCase), x => string.Equals(x.Issue, s.Issue, StringComparison.OrdinalIgnoreCase), x => x.Family == Stance.Condemns);
                Then().Do(ctx => LibraryActions.Emit(ctx, "silence-is-abstention", 0, s.Issue, Stance.Abstains, 0.6, new object[] { s }));
            }
        }

        public class VoteYes : Rule
        {
            public override void Define()
            {
                PVote v = null!;
                When().Match(() => v, x => x.Choice == VoteChoice.Yes, x => !(x.YesMeans == null));
                Then().Do(ctx => LibraryActions.Emit(ctx, "vote-yes", 0, v.Issue, v.YesMeans, 0.95, new object[] { v }));
            }
        }

        public class VoteNo : Rule
        {
            public override void Define()
            {
                PVote v = null!;
                When().Match(() => v, x => x.Choice == VoteChoice.No);
                Then().Do(ctx => LibraryActions.Emit(ctx, "vote-no", 0, v.Issue, Stance.Rejects, 0.95, new object[] { v }));
            }
        }

        public class VoteAbstain : Rule
        {
            public override void Define()
            {
                PVote v = null!;
                When().Match(() => v, x => x.Choice == VoteChoice.Abstain);
                Then().Do(ctx => LibraryActions.Emit(ctx, "vote-abstain", 0, v.Issue, Stance.Abstains, 0.95, new object[] { v }));
            }
        }

        public class CourtDenied : Rule
        {
            public override void Define()
            {
                PStatement s = null!;
                When().Match(() => s, x => x.Act != null && RecognizeActs.Contains(x.Act), x => x.Negated == true, x => string.Equals(x.Issue, "icc-jurisdiction", StringComparison.OrdinalIgnoreCase));
                Then().Do(ctx => LibraryActions.Assert(ctx, "court-authority-denied", "denies-court-authority", "icc-jurisdiction", new object[] { s }));
            }
        }

        [Priority(10)]
        public class DeniedRejected : Rule
        {
            public override void Define()
            {
                PClaim c = null!;
                PStatement s = null!;
                When()
                    .Match(() => c, x => string.Equals(x.Name, "denies-court-authority", StringComparison.OrdinalIgnoreCase))
                    .Match(() => s, x => string.Equals(x.Country, c.Country, StringComparison.OrdinalIgnoreCase), x => x.Family == Stance.Condemns,
                        x => x.Issue != null && x.Issue.StartsWith("icc-", StringComparison.OrdinalIgnoreCase) && !string.Equals(x.Issue, "icc-jurisdiction", StringComparison.OrdinalIgnoreCase));
                Then().Do(ctx => LibraryActions.Emit(ctx, "denied-court-decision-rejected", 10, s.Issue, Stance.Rejects, 0.9, new object[] { c, s }));
            }
        }
    }
}
