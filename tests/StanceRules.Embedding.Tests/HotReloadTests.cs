using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StanceRules.Extensions.DependencyInjection;

namespace StanceRules.Embedding.Tests;

/// <summary><c>AddStanceRules</c> with a rules folder: edits that compile swap in, edits that do not keep the last good rule set.</summary>
public sealed class HotReloadTests : IDisposable
{
    private const string RejectsThen = "then: { stance: rejects, confidence: 0.85 }";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly string _rules = Directory.CreateTempSubdirectory("stance-hot-reload-").FullName;
    private readonly CapturingLoggerProvider _logs = new();
    private readonly ServiceProvider _services;
    private readonly ArticleFacts _seed = ArticleFacts.Load(Repo.SeedFacts);

    public HotReloadTests()
    {
        foreach (var file in Directory.GetFiles(Repo.Rules, "*.yaml").Where(f => !f.EndsWith(".tests.yaml", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(_rules, Path.GetFileName(file)));
        }

        _services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(_logs).SetMinimumLevel(LogLevel.Debug))
            .AddStanceRules(options =>
            {
                options.RulesDirectory = _rules;
                options.ReloadDelay = TimeSpan.FromMilliseconds(150);
            })
            .BuildServiceProvider();
    }

    private string StancesFile => Path.Combine(_rules, "stances.yaml");

    [Fact]
    public async Task ValidEdit_SwapsInTheNewRules_AndInferencesOnTheOldEngineKeepTheOldRules()
    {
        var engines = _services.GetRequiredService<IStanceEngineProvider>();
        var before = engines.Current;
        Assert.Equal("rejects 0.85", Describe(before.Infer(_seed).Find("UKR", "china-peace-plan")));

        var reloaded = NextReload(engines);
        Edit(RejectsThen, "then: { stance: rejects, confidence: 0.3 }");
        var outcome = await reloaded.WaitAsync(Patience);

        Assert.True(outcome.Succeeded);
        Assert.Same(outcome.Engine, engines.Current);
        Assert.NotSame(before, engines.Current);
        // Kyiv's rejection (0.3) now loses to Zelenskyy's hedged welcome (0.4).
        Assert.Equal("supports 0.40", Describe(engines.Current.Infer(_seed).Find("UKR", "china-peace-plan")));
        Assert.Equal("rejects 0.85", Describe(before.Infer(_seed).Find("UKR", "china-peace-plan")));
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Information && e.Message.StartsWith("Reloaded ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InvalidEdit_KeepsTheLastGoodRules_AndLogsEveryDiagnosticWithLineAndColumn()
    {
        var engines = _services.GetRequiredService<IStanceEngineProvider>();
        var good = engines.Current;
        var expected = good.Infer(_seed).ToJson();

        var reloaded = NextReload(engines);
        Edit("- statement: { family: rejects }", "- statement: { family: rejects, colour: red }\n      - vote as v: { choice: maybe }");
        var outcome = await reloaded.WaitAsync(Patience);

        Assert.False(outcome.Succeeded);
        Assert.Same(good, outcome.Engine);
        Assert.Same(good, engines.Current);
        Assert.Equal(expected, engines.Current.Infer(_seed).ToJson());
        Assert.Equal([21, 22], outcome.Diagnostics.Select(d => d.Location.Line));
        var errors = _logs.Entries.Where(e => e.Level == LogLevel.Error).Select(e => e.Message).ToArray();
        foreach (var diagnostic in outcome.Diagnostics)
        {
            Assert.EndsWith("stances.yaml", diagnostic.Location.File, StringComparison.Ordinal);
            var logged = $"{Path.GetFullPath(diagnostic.Location.File)}:{diagnostic.Location.Line}:{diagnostic.Location.Column}: error {diagnostic.Code}: {diagnostic.Message}";
            Assert.Contains(logged, errors);
        }

        Assert.Contains(errors, e => System.Text.RegularExpressions.Regex.IsMatch(e, @"stances\.yaml:21:\d+: error SR2003: .*colour"));
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("last good rule set stays in force", StringComparison.Ordinal));

        // Fixing the file brings the folder's rules back.
        reloaded = NextReload(engines);
        Edit("- statement: { family: rejects, colour: red }\n      - vote as v: { choice: maybe }", "- statement: { family: rejects }");
        Assert.True((await reloaded.WaitAsync(Patience)).Succeeded);
        Assert.Equal(expected, engines.Current.Infer(_seed).ToJson());
    }

    [Fact]
    public async Task BurstOfWrites_IsDebouncedIntoOneReload()
    {
        var engines = _services.GetRequiredService<IStanceEngineProvider>();
        _ = engines.Current;
        var count = 0;
        engines.Reloaded += (_, _) => Interlocked.Increment(ref count);

        var reloaded = NextReload(engines);
        for (var i = 1; i <= 5; i++)
        {
            Edit(i == 1 ? "confidence: 0.85 }" : $"confidence: 0.8{i - 1} }}", $"confidence: 0.8{i} }}");
        }

        await reloaded.WaitAsync(Patience);
        await Task.Delay(TimeSpan.FromMilliseconds(600));

        Assert.Equal(1, Volatile.Read(ref count));
    }

    [Fact]
    public void StanceEngine_ResolvesToTheCurrentEngine()
    {
        var engines = _services.GetRequiredService<IStanceEngineProvider>();

        Assert.Same(engines.Current, _services.GetRequiredService<StanceEngine>());
        Assert.Same(engines, _services.GetRequiredService<IStanceEngineProvider>());
    }

    public void Dispose()
    {
        _services.Dispose();
        _logs.Dispose();
        Directory.Delete(_rules, recursive: true);
    }

    private static string Describe(CountryStance? stance) => stance is null ? "none" : FormattableString.Invariant($"{stance.Stance.ToName()} {stance.Confidence:0.00}");

    private static Task<StanceRulesReloadedEventArgs> NextReload(IStanceEngineProvider engines)
    {
        var next = new TaskCompletionSource<StanceRulesReloadedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        EventHandler<StanceRulesReloadedEventArgs>? handler = null;
        handler = (_, e) =>
        {
            engines.Reloaded -= handler;
            next.TrySetResult(e);
        };
        engines.Reloaded += handler;
        return next.Task;
    }

    private void Edit(string find, string replace)
    {
        var text = File.ReadAllText(StancesFile);
        Assert.Contains(find, text, StringComparison.Ordinal);
        File.WriteAllText(StancesFile, text.Replace(find, replace, StringComparison.Ordinal));
    }
}
