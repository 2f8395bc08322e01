using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StanceRules.Extensions.DependencyInjection;

namespace StanceRules.Embedding.Tests;

/// <summary>
/// The hot-reload monitor watches the files <see cref="StanceFiles.IsRuleFile"/> names, the files
/// the loader reads: an edit to a <c>*.yml</c> rule file reloads, an edit to a rule test or a fact
/// document in the folder does not. The files exist before the monitor starts and are edited in
/// place, so that only the file predicate decides (a file created in the folder changes the folder
/// itself, which the monitor also watches). They count reloads, so they run alone: in parallel,
/// their compiles delay the timers of the other hot-reload tests, whose timing some of those rely on.
/// </summary>
[Collection(nameof(RuleFileWatchTests))]
public sealed class RuleFileWatchTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly string _rules = Directory.CreateTempSubdirectory("stance-rule-files-").FullName;
    private readonly CapturingLoggerProvider _logs = new();
    private readonly ServiceProvider _services;

    public RuleFileWatchTests()
    {
        foreach (var file in Directory.GetFiles(Repo.Rules, "*.yaml").Where(StanceFiles.IsRuleFile))
        {
            File.Copy(file, Path.Combine(_rules, Path.GetFileName(file)));
        }

        File.WriteAllText(HouseFile, "rules: []\n");
        File.WriteAllText(TestsFile, "cases: []\n");
        File.WriteAllText(FactsFile, File.ReadAllText(Repo.SeedFacts));
        _services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(_logs))
            .AddStanceRules(options =>
            {
                options.RulesDirectory = _rules;
                // Long enough that a file written in two steps (truncate, write) is one reload even on a busy machine.
                options.ReloadDelay = TimeSpan.FromMilliseconds(500);
            })
            .BuildServiceProvider();
    }

    private string HouseFile => Path.Combine(_rules, "house.yml");

    private string TestsFile => Path.Combine(_rules, "house.tests.yaml");

    private string FactsFile => Path.Combine(_rules, "seed.facts.yaml");

    [Fact]
    public async Task EditedYmlRuleFile_Reloads_WithItsRules()
    {
        var engines = _services.GetRequiredService<IStanceEngineProvider>();
        Assert.DoesNotContain("house-praise-supports", engines.Current.RuleIds);

        var reloaded = Reloads.Next(engines, e => e.Succeeded && e.Engine.RuleIds.Contains("house-praise-supports"));
        File.WriteAllText(HouseFile, HouseRule);
        await reloaded.WaitAsync(Patience);

        Assert.Contains("house-praise-supports", engines.Current.RuleIds);
    }

    [Fact]
    public async Task EditedRuleTestsAndFactDocuments_DoNotReload_ARuleFileEditAfterThemIsTheOneReload()
    {
        var engines = _services.GetRequiredService<IStanceEngineProvider>();
        _ = engines.Current;
        var count = 0;
        engines.Reloaded += (_, _) => Interlocked.Increment(ref count);

        File.WriteAllText(TestsFile, "cases: []\n# edited\n");
        File.WriteAllText(FactsFile, File.ReadAllText(Repo.SeedFacts) + "# edited\n");
        // Far longer than the reload delay: a reload those edits had started would be under way now, and come first.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var reloaded = Reloads.Next(engines, e => e.Succeeded && e.Engine.RuleIds.Contains("house-praise-supports"));
        File.WriteAllText(HouseFile, HouseRule);
        await reloaded.WaitAsync(Patience);

        Assert.True(Volatile.Read(ref count) == 1, "reloads:\n" + string.Join("\n", _logs.Entries.Select(e => e.Message)));
    }

    public void Dispose()
    {
        _services.Dispose();
        _logs.Dispose();
        Directory.Delete(_rules, recursive: true);
    }

    private const string HouseRule = """
        rules:
          - id: house-praise-supports
            when:
              - statement: { act: praise }
            then: { stance: supports, confidence: 0.5 }
        """;
}

/// <summary>Runs <see cref="RuleFileWatchTests"/> after every parallel test, alone.</summary>
[CollectionDefinition(nameof(RuleFileWatchTests), DisableParallelization = true)]
public sealed class RuleFileWatchRunsAlone;
