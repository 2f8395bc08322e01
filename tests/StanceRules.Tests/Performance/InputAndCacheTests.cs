using System.Reflection;
using System.Text;

namespace StanceRules.Tests.Performance;

/// <summary>
/// What makes the engine safe to share and to memoize: the caller's facts are never written
/// (inference matches resolved copies), and the resolution memo answers as a fresh engine would,
/// whatever order actors and dates come in.
/// </summary>
public class InputAndCacheTests
{
    private const string ChainAndJoint = """
        article: { id: chain, published: 2024-05-01 }
        facts:
          - { id: a1, type: statement, actor: "France, Germany and Britain", act: condemn, target: Russia's invasion of Ukraine }
          - { id: a2, type: statement, actor: Kremlin, act: reject, target: the ICC arrest warrant }
          - { id: a3, type: statement, actor: Moscow, act: recognize, negated: true, target: the International Criminal Court }
          - { id: a4, type: vote, actor: India, motion: A/RES/ES-11/1, choice: abstain }
          - { id: a5, type: statement, actor: 141 countries, act: welcome }
          - { id: a6, type: statement, actor: Beijing, act: applaud-vaguely, issue: ukraine-peace-plan }
        """;

    private static IReadOnlyList<ArticleFacts> Articles() =>
    [
        ArticleFacts.Load(Repo.SeedFacts),
        ArticleFacts.Parse(ChainAndJoint),
        ArticleFacts.Parse(UngaVotes.ToFactDocument("es11-1.csv", "A/RES/ES-11/1"), "es11-1.csv"),
        new ArticleFacts("in-code", [new Statement { Actor = "Kremlin", Act = "condemn", Target = "the invasion of Ukraine" }, new Vote { Actor = "Brazil", Motion = "A/RES/ES-11/4", Choice = VoteChoice.Yes }], new DateOnly(2022, 10, 12)),
    ];

    [Fact]
    public void InferExplainAndRuleTests_LeaveEveryInputFactUnchanged_FieldByField()
    {
        var engine = StanceEngine.CreateDefault();
        foreach (var article in Articles())
        {
            var before = Snapshot(article);

            var report = engine.Infer(article);
            foreach (var stance in report.Stances)
            {
                engine.Explain(article, stance.Country, stance.Issue);
            }

            // What rule tests run: a traced inference (the session kept for reading afterwards).
            var trace = new StanceRules.Inference.InferenceTrace();
            new StanceRules.Inference.Inferrer(engine.RuleSet, new StanceEngineOptions()).Run(article, CancellationToken.None, trace);
            Assert.NotEmpty(trace.WorkingMemory);

            Assert.NotEmpty(report.Stances);
            Assert.Equal(before, Snapshot(article));
        }
    }

    [Fact]
    public void TheInputFacts_NeverCarryWhatInferenceResolved()
    {
        var article = ArticleFacts.Parse(ChainAndJoint);

        var report = StanceEngine.CreateDefault().Infer(article);

        Assert.Contains(report.Stances, s => s.Country == "FRA"); // the engine resolved them ...
        Assert.All(article.Facts, f => Assert.Null(f.Country)); // ... on copies of its own
        Assert.All(article.Facts.OfType<Statement>(), s => Assert.Null(s.Family));
        Assert.All(article.Facts.Where(f => f.Id is "a1" or "a2" or "a3"), f => Assert.Null(f.Issue));
    }

    [Fact]
    public void TheSameArticleObject_InferredOnManyThreadsAtOnce_GivesTheSequentialReportEveryTime()
    {
        var engine = StanceEngine.CreateDefault();
        foreach (var article in Articles())
        {
            var expected = engine.Infer(article).ToJson();
            var reports = new string[64];
            Parallel.For(0, reports.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => reports[i] = engine.Infer(article).ToJson());

            Assert.All(reports, r => Assert.Equal(expected, r));
        }
    }

    [Fact]
    public void Resolve_AfterTheSameActorsOnOtherDates_AnswersAsAnEngineThatSawOnlyThatDate()
    {
        string[] actors =
        [
            "Angela Merkel", "Olaf Scholz", "Chancellor Scholz", "Joe Biden", "US President Joe Biden", "Biden", "Trump", "Taliban",
            "the Taliban government", "Boris Johnson", "Rishi Sunak and Emmanuel Macron", "Macron and Scholz", "former President Joe Biden",
            "Kremlin", "Russian Foreign Ministry", "France, Germany and Britain", "EU leaders", "Serbia and Kosovo", "Xi", "Putin",
        ];
        DateOnly?[] dates = [null, new(2017, 4, 1), new(2021, 8, 1), new(2022, 1, 10), new(2025, 3, 1)];
        static string Text(ActorResolution r) => $"{r.Kind} {r.Country} [{string.Join(",", r.Countries)}] {r.Reason} / {r.Matched}";

        // One engine per date: its memo never saw another date.
        var expected = dates.ToDictionary(d => d?.ToString("O") ?? "none", d =>
        {
            var engine = StanceEngine.Load(Repo.Rules);
            return actors.Select(a => Text(engine.Resolve(a, d))).ToArray();
        });

        // One engine for every date, latest first, twice.
        var warm = StanceEngine.Load(Repo.Rules);
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var date in Enumerable.Reverse(dates))
            {
                Assert.Equal(expected[date?.ToString("O") ?? "none"], actors.Select(a => Text(warm.Resolve(a, date))).ToArray());
            }
        }

        Assert.Contains(expected.Values, v => v[0].StartsWith("Country DEU", StringComparison.Ordinal));
        Assert.Contains(expected.Values, v => v[0].StartsWith("FormerOfficial", StringComparison.Ordinal));
    }

    [Fact]
    public void Resolve_OfAnOfficial_DependsOnTheDateEvenWhenCached()
    {
        var engine = StanceEngine.CreateDefault();

        var after = engine.Resolve("Angela Merkel", new DateOnly(2022, 1, 10));
        var during = engine.Resolve("Angela Merkel", new DateOnly(2017, 4, 1));
        var afterAgain = engine.Resolve("Angela Merkel", new DateOnly(2022, 1, 10));

        Assert.Equal(ResolutionKind.FormerOfficial, after.Kind);
        Assert.Equal("DEU", during.Country);
        Assert.Equal(ResolutionKind.FormerOfficial, afterAgain.Kind);
    }

    /// <summary>Every property, public or not, of every fact, and of what they reference, as text.</summary>
    private static string Snapshot(ArticleFacts article)
    {
        var text = new StringBuilder();
        foreach (var fact in article.Facts)
        {
            text.Append(fact.GetType().Name).Append(':');
            Describe(fact, text, depth: 0);
            text.AppendLine();
        }

        return text.ToString();
    }

    private static void Describe(object? value, StringBuilder text, int depth)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                return;
            case string or ValueType:
                text.Append(value);
                return;
            case System.Collections.IEnumerable items:
                text.Append('[');
                foreach (var item in items)
                {
                    Describe(item, text, depth + 1);
                    text.Append(',');
                }

                text.Append(']');
                return;
        }

        if (depth > 3)
        {
            text.Append("...");
            return;
        }

        text.Append('{');
        const BindingFlags Every = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        for (var type = value.GetType(); type is not null && type != typeof(object); type = type.BaseType)
        {
            foreach (var field in type.GetFields(Every | BindingFlags.DeclaredOnly).OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                text.Append(field.Name).Append('=');
                Describe(field.GetValue(value), text, depth + 1);
                text.Append(';');
            }
        }

        text.Append('}');
    }
}

public class BoundedCacheTests
{
    [Fact]
    public void ACacheFedEverNewKeys_NeverHoldsMoreThanItsCapacity_AndStillAnswersWhatItHolds()
    {
        var cache = new StanceRules.Knowledge.BoundedCache<string, int>(100, StringComparer.Ordinal);

        for (var i = 0; i < 10_000; i++)
        {
            cache.Add($"actor {i}", i);
            Assert.InRange(cache.Count, 1, 100);
        }

        cache.Add("Kremlin", 7);
        Assert.True(cache.TryGet("Kremlin", out var value));
        Assert.Equal(7, value);
        Assert.False(cache.TryGet("never added", out _));
    }

    [Fact]
    public void AnEngineResolvingHundredsOfThousandsOfDistinctActors_KeepsItsMemoBounded()
    {
        var engine = StanceEngine.CreateDefault();
        for (var i = 0; i < 3 * StanceRules.Knowledge.Gazetteer.ResolutionCacheSize; i++)
        {
            engine.Resolve($"Minister {i} of Nowhere", new DateOnly(2024, 1, 1 + (i % 28)));
        }

        Assert.Equal("RUS", engine.Resolve("Kremlin").Country);
        var memo = typeof(StanceRules.Knowledge.Gazetteer).GetField("_undated", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!.GetValue(engine.RuleSet.Gazetteer)!;
        Assert.InRange((int)memo.GetType().GetProperty("Count")!.GetValue(memo)!, 1, StanceRules.Knowledge.Gazetteer.ResolutionCacheSize);
    }
}
