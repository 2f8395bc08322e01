using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StanceRules.Extensions.DependencyInjection;

namespace StanceRules.Embedding.Tests.Telemetry;

/// <summary>The <c>StanceRules</c> meter and activity source: one test per instrument and activity, and the table in docs/telemetry.md.</summary>
[Collection(nameof(Listening))]
public sealed partial class TelemetryTests : IDisposable
{
    // Two statements a rule matches (France and Peru welcome), one that none matches.
    private const string Rules = """
        rules:
          - id: welcomes
            when: [ statement: { act: welcome } ]
            then: { stance: supports, confidence: 0.6 }
        """;

    private static readonly ArticleFacts Article = new("telemetry-1",
    [
        new Statement { Id = "f1", Actor = "France", Act = "welcome", Issue = "i1" },
        new Statement { Id = "f2", Actor = "Peru", Act = "welcome", Issue = "i1" },
        new Statement { Id = "f3", Actor = "Peru", Act = "condemn", Issue = "i2" },
    ]);

    private readonly string _folder = Directory.CreateTempSubdirectory("stance-telemetry-").FullName;

    [Fact]
    public void Infer_RecordsItsDuration_InSeconds_WithoutAnErrorType()
    {
        using var measurements = new Measurements();

        Repo.EngineWithRules(Rules).Infer(Article);

        var duration = Assert.Single(measurements.Of("stancerules.inference.duration"));
        Assert.InRange(duration.Value, 1e-7, 10);
        Assert.Empty(duration.Tags);
        Assert.Equal("s", measurements.Published.Single(i => i.Name == "stancerules.inference.duration").Unit);
    }

    [Fact]
    public void Infer_CountsTheArticlesFacts_TheSignalsAndTheRuleFirings()
    {
        var engine = Repo.EngineWithRules(Rules);
        using var measurements = new Measurements();

        var report = engine.Infer(Article);

        Assert.Equal(2, report.Stances.Count);
        Assert.Equal(3, measurements.Sum("stancerules.inference.facts"));
        Assert.Equal(2, measurements.Sum("stancerules.inference.signals"));
        Assert.Equal(2, measurements.Sum("stancerules.rule.firings"));
    }

    [Fact]
    public void Infer_StoppedAtALimit_CountsTheLimitByName_AndTagsTheDurationWithTheErrorType()
    {
        const string loop = """
            rules:
              - id: echo
                when: [ claim as c: { name: echo } ]
                then:
                  assert: { claim: { name: echo, issue: $c.issue } }
              - id: start
                when: [ statement as s: { act: welcome } ]
                then:
                  assert: { claim: { name: echo, issue: $s.issue } }
            """;
        var engine = Repo.EngineWithRules(loop, new StanceEngineOptions { MaxRuleFirings = 50 });
        using var measurements = new Measurements();

        var error = Assert.Throws<InferenceLimitException>(() => engine.Infer(Article));

        var limit = Assert.Single(measurements.Of("stancerules.inference.limits"));
        Assert.Equal((1d, error.Limit), (limit.Value, limit.Tags["stancerules.limit"]));
        var duration = Assert.Single(measurements.Of("stancerules.inference.duration"));
        Assert.Equal("StanceRules.InferenceLimitException", duration.Tags["error.type"]);
        Assert.Empty(measurements.Of("stancerules.rule.firings"));
    }

    [Fact]
    public void Infer_StartsOneActivity_TaggedWithTheArticleAndWhatItFound()
    {
        var engine = Repo.EngineWithRules(Rules);
        using var activities = new Activities();

        engine.Infer(Article);

        var activity = Assert.Single(activities.Stopped, a => a.OperationName == "StanceRules.Infer");
        Assert.Equal("infer", activity.DisplayName);
        Assert.Equal("telemetry-1", activity.GetTagItem("stancerules.article.id"));
        Assert.Equal((3, 2, 2, 2), (activity.GetTagItem("stancerules.facts"), activity.GetTagItem("stancerules.rule.firings"), activity.GetTagItem("stancerules.signals"), activity.GetTagItem("stancerules.stances")));
        Assert.Equal(ActivityStatusCode.Unset, activity.Status);
    }

    [Fact]
    public void Infer_Cancelled_EndsItsActivityAsAnError()
    {
        using var activities = new Activities();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => StanceEngine.CreateDefault().Infer(ArticleFacts.Load(Repo.SeedFacts), cancelled.Token));

        var activity = Assert.Single(activities.Stopped, a => a.OperationName == "StanceRules.Infer");
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal("System.OperationCanceledException", activity.GetTagItem("error.type"));
    }

    [Fact]
    public async Task Batch_CountsEachDocumentByOutcome_InOneActivity_ParentOfItsInferences()
    {
        var engine = Repo.EngineWithRules(Rules);
        using var measurements = new Measurements();
        using var activities = new Activities();
        FactDocument[] documents =
        [
            FactDocument.FromText("article: { id: a }\nfacts:\n  - { type: statement, actor: France, act: welcome, issue: i1 }\n", "a.facts.yaml"),
            FactDocument.FromText("article: { id: b }\nfacts: [ oops ]\n", "b.facts.yaml"),
            FactDocument.FromText("article: { id: c }\nfacts: []\n", "c.facts.yaml"),
        ];

        var results = new List<BatchResult>();
        await foreach (var result in engine.InferAllAsync(documents))
        {
            results.Add(result);
        }

        Assert.Equal([true, false, true], results.Select(r => r.Succeeded));
        var done = measurements.Of("stancerules.batch.documents");
        Assert.Equal(3, done.Count);
        Assert.Equal(["invalid_document"], done.Where(d => d.Tags.Count > 0).Select(d => d.Tags["error.type"]));
        var active = measurements.Of("stancerules.batch.active");
        Assert.Equal((3, 3, 0d), (active.Count(a => a.Value > 0), active.Count(a => a.Value < 0), active.Sum(a => a.Value)));
        var batch = Assert.Single(activities.Stopped, a => a.OperationName == "StanceRules.Batch");
        Assert.Equal(3L, batch.GetTagItem("stancerules.batch.documents"));
        var inferences = activities.Stopped.Where(a => a.OperationName == "StanceRules.Infer").ToArray();
        Assert.Equal(2, inferences.Length);
        Assert.All(inferences, a => Assert.Equal(batch.SpanId, a.ParentSpanId));
    }

    [Fact]
    public void Reload_CountsEachReload_TheOneThatDoesNotCompileWithItsErrorType_InAReloadActivity()
    {
        File.WriteAllText(Path.Combine(_folder, "rules.yaml"), Rules);
        foreach (var (name, text) in Repo.KnowledgeFiles())
        {
            File.WriteAllText(Path.Combine(_folder, Path.GetFileName(name)), text);
        }

        using var monitor = new StanceEngineMonitor(Options.Create(new StanceRulesOptions { RulesDirectory = _folder, ReloadOnChange = false }), NullLoggerFactory.Instance);
        _ = monitor.Current;
        using var measurements = new Measurements();
        using var activities = new Activities();

        File.WriteAllText(Path.Combine(_folder, "rules.yaml"), Rules.Replace("0.6", "0.7", StringComparison.Ordinal));
        monitor.Reload();
        File.WriteAllText(Path.Combine(_folder, "rules.yaml"), Rules.Replace("supports", "adores", StringComparison.Ordinal));
        monitor.Reload();

        var reloads = measurements.Of("stancerules.ruleset.reloads");
        Assert.Equal(2, reloads.Count);
        Assert.Empty(reloads[0].Tags);
        Assert.Equal("StanceRules.StanceRulesException", reloads[1].Tags["error.type"]);
        var spans = activities.Stopped.Where(a => a.OperationName == "StanceRules.Reload").ToArray();
        Assert.Equal([ActivityStatusCode.Unset, ActivityStatusCode.Error], spans.Select(a => a.Status));
    }

    [Fact]
    public void TheDocsTable_ListsEveryInstrument_WithItsKindAndUnit()
    {
        Repo.EngineWithRules(Rules).Infer(Article); // the library's instruments exist once an inference ran
        System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(typeof(ReloadTelemetry).TypeHandle);
        using var measurements = new Measurements();

        var published = measurements.Published
            .Select(i => (i.Name, Kind: KindOf(i), Unit: i.Unit ?? string.Empty))
            .OrderBy(i => i.Name, StringComparer.Ordinal)
            .ToArray();
        var documented = TableRow().Matches(File.ReadAllText(Path.Combine(Repo.Root, "docs", "telemetry.md")))
            .Select(m => (Name: m.Groups["name"].Value, Kind: m.Groups["kind"].Value, Unit: m.Groups["unit"].Value))
            .OrderBy(i => i.Name, StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(8, published.Length);
        Assert.Equal(published, documented);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string KindOf(System.Diagnostics.Metrics.Instrument instrument)
    {
        var type = instrument.GetType();
        return type.IsGenericType ? type.GetGenericTypeDefinition().Name.Split('`')[0] : type.Name;
    }

    // | `stancerules.inference.duration` | Histogram | `s` | ...
    [GeneratedRegex(@"^\| `(?<name>stancerules\.[a-z._]+)` \| (?<kind>\w+) \| `(?<unit>[^`]*)` \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
