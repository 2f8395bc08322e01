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

        _services = Services(TimeSpan.FromMilliseconds(150));
    }

    private string StancesFile => Path.Combine(_rules, "stances.yaml");

    [Fact]
    public async Task ValidEdit_SwapsInTheNewRules_AndInferencesOnTheOldEngineKeepTheOldRules()
    {
        var engines = _services.GetRequiredService<IStanceEngineProvider>();
        var before = engines.Current;
        Assert.Equal("rejects 0.85", Describe(before.Infer(_seed).Find("UKR", "china-peace-plan")));

        var reloaded = Reloads.Next(engines, e => e.Succeeded);
        Edit(RejectsThen, "then: { stance: rejects, confidence: 0.3 }");
        await reloaded.WaitAsync(Patience);

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

        // The rule set is the repository's: find where the edit lands rather than assume it.
        var line = Array.FindIndex(File.ReadAllLines(StancesFile), l => l.Contains("- statement: { family: rejects }", StringComparison.Ordinal)) + 1;
        var reloaded = Reloads.Next(engines, e => e.Diagnostics.Any(d => d.Code == DiagnosticCodes.UnknownField));
        Edit("- statement: { family: rejects }", "- statement: { family: rejects, colour: red }\n      - vote as v: { choice: maybe }");
        var outcome = await reloaded.WaitAsync(Patience);

        Assert.False(outcome.Succeeded);
        Assert.Same(good, outcome.Engine);
        Assert.Same(good, engines.Current);
        Assert.Equal(expected, engines.Current.Infer(_seed).ToJson());
        Assert.Equal([line, line + 1], outcome.Diagnostics.Select(d => d.Location.Line));
        var errors = _logs.Entries.Where(e => e.Level == LogLevel.Error).Select(e => e.Message).ToArray();
        foreach (var diagnostic in outcome.Diagnostics)
        {
            Assert.EndsWith("stances.yaml", diagnostic.Location.File, StringComparison.Ordinal);
            var logged = $"{Path.GetFullPath(diagnostic.Location.File)}:{diagnostic.Location.Line}:{diagnostic.Location.Column}: error {diagnostic.Code}: {diagnostic.Message}";
            Assert.Contains(logged, errors);
        }

        Assert.Contains(errors, e => e.Contains($"stances.yaml:{line}:39: error SR2003: fact type 'statement' has no field 'colour'", StringComparison.Ordinal));
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("last good rule set stays in force", StringComparison.Ordinal));

        // Fixing the file brings the folder's rules back.
        reloaded = Reloads.Next(engines, e => e.Succeeded);
        Edit("- statement: { family: rejects, colour: red }\n      - vote as v: { choice: maybe }", "- statement: { family: rejects }");
        await reloaded.WaitAsync(Patience);
        Assert.Equal(expected, engines.Current.Infer(_seed).ToJson());
    }

    [Fact]
    public async Task BurstOfWrites_IsDebouncedIntoOneReload()
    {
        // A delay long enough that the writes below, a few milliseconds apart, land in one quiet period even on a busy machine.
        using var services = Services(TimeSpan.FromSeconds(1));
        var engines = services.GetRequiredService<IStanceEngineProvider>();
        _ = engines.Current;
        var count = 0;
        engines.Reloaded += (_, _) => Interlocked.Increment(ref count);

        // Five writes, ending at 0.75: a burst that ended where it began (0.85) would change nothing and reload nothing.
        var reloaded = Reloads.Next(engines, e => e.Succeeded);
        for (var i = 1; i <= 5; i++)
        {
            Edit(i == 1 ? "confidence: 0.85 }" : $"confidence: 0.7{i - 1} }}", $"confidence: 0.7{i} }}");
        }

        await reloaded.WaitAsync(Patience);
        await Task.Delay(TimeSpan.FromSeconds(1.5));

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

    private ServiceProvider Services(TimeSpan reloadDelay) =>
        new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(_logs).SetMinimumLevel(LogLevel.Debug))
            .AddStanceRules(options =>
            {
                options.RulesDirectory = _rules;
                options.ReloadDelay = reloadDelay;
            })
            .BuildServiceProvider();

    private void Edit(string find, string replace)
    {
        var text = File.ReadAllText(StancesFile);
        Assert.Contains(find, text, StringComparison.Ordinal);
        File.WriteAllText(StancesFile, text.Replace(find, replace, StringComparison.Ordinal));
    }
}
