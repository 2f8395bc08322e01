using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StanceRules.Extensions.DependencyInjection;

namespace StanceRules.Embedding.Tests.Security;

/// <summary>
/// Issue 14, classes 1 and 7 in a host: a rule that cannot compile is a positioned diagnostic at
/// start-up and at hot reload (never a stack trace), and hot reload recovers after its folder
/// is deleted and made again.
/// </summary>
public sealed class HostileReloadTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private const string Lookahead = "rules:\n  - id: bad-regex\n    when:\n      - statement: { act: { matches: \"(?=a)b\" } }\n    then: { stance: supports }\n";
    private const string HugeAutomaton = "rules:\n  - id: huge\n    when:\n      - statement: { target: { matches: \"(a{1000}){1000}\" } }\n    then: { stance: supports }\n";

    private readonly string _rules = Directory.CreateTempSubdirectory("stance-hostile-reload-").FullName;
    private readonly CapturingLoggerProvider _logs = new();

    public HostileReloadTests()
    {
        CopyDefaultRules(_rules);
    }

    private static void CopyDefaultRules(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(Repo.Rules, "*.yaml").Where(f => !f.EndsWith(".tests.yaml", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
        }
    }

    private ServiceProvider Services() =>
        new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(_logs).SetMinimumLevel(LogLevel.Debug))
            .AddStanceRules(options =>
            {
                options.RulesDirectory = _rules;
                options.ReloadDelay = TimeSpan.FromMilliseconds(150);
            })
            .BuildServiceProvider();

    [Theory]
    [InlineData(Lookahead, 4)]
    [InlineData(HugeAutomaton, 4)]
    public async Task StartUp_WithARuleThatCannotCompile_LogsAPositionedDiagnostic_AndNoStackTrace(string rules, int line)
    {
        File.WriteAllText(Path.Combine(_rules, "bad.yaml"), rules);
        using var services = Services();
        var startup = Assert.Single(services.GetServices<IHostedService>());

        var error = await Assert.ThrowsAsync<StanceRulesException>(() => startup.StartAsync(CancellationToken.None));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal((DiagnosticCodes.InvalidRegex, line), (diagnostic.Code, diagnostic.Location.Line));
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains($"bad.yaml:{line}:", StringComparison.Ordinal) && e.Message.Contains("error SR2012", StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Entries, e => e.Message.Contains("   at ", StringComparison.Ordinal) || e.Event.Id == 7);
    }

    [Theory]
    [InlineData(Lookahead)]
    [InlineData(HugeAutomaton)]
    public async Task HotReload_OfARuleThatCannotCompile_LogsAPositionedDiagnostic_AndKeepsTheLastGoodRules(string rules)
    {
        using var services = Services();
        var engines = services.GetRequiredService<IStanceEngineProvider>();
        var good = engines.Current;
        var reloaded = Reloads.Next(engines, e => !e.Succeeded);

        File.WriteAllText(Path.Combine(_rules, "bad.yaml"), rules);
        var outcome = await reloaded.WaitAsync(Patience);

        Assert.Same(good, engines.Current);
        Assert.Equal(DiagnosticCodes.InvalidRegex, Assert.Single(outcome.Diagnostics).Code);
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("bad.yaml:4:", StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Entries, e => e.Event.Id == 7);
    }

    [Fact]
    public async Task HotReload_AfterTheFolderIsDeletedAndMadeAgain_PicksUpLaterEdits_AndLogsThatItRecovered()
    {
        using var services = Services();
        var engines = services.GetRequiredService<IStanceEngineProvider>();
        var good = engines.Current;

        Directory.Delete(_rules, recursive: true);
        await WaitFor(() => _logs.Entries.Any(e => e.Event.Id == 10));
        Assert.Same(good, engines.Current);

        var back = Reloads.Next(engines, e => e.Succeeded);
        CopyDefaultRules(_rules);
        await back.WaitAsync(Patience);

        // A reload scheduled by the deletion may compile the new folder before the guard's next tick
        // notices it is back and watches it: wait for that, or the edit below could come too early.
        await WaitFor(() => _logs.Entries.Any(e => e.Event.Id == 11 && e.Level == LogLevel.Information));

        // The point: an edit after the folder came back is picked up.
        var edited = Reloads.Next(engines, e => e.Succeeded && e.Engine.RuleIds.Contains("extra-rule"));
        File.WriteAllText(Path.Combine(_rules, "extra.yaml"), "rules:\n  - id: extra-rule\n    when: [ statement: { act: frobnicate } ]\n    then: { stance: supports }\n");
        var outcome = await edited.WaitAsync(Patience);
        Assert.Contains("extra-rule", engines.Current.RuleIds);
        Assert.Same(outcome.Engine, engines.Current);
    }

    [Fact]
    public async Task HotReload_OfAnAddedFile_NeverReportsTheFolderLost_AndKeepsWatching()
    {
        using var services = Services();
        var engines = services.GetRequiredService<IStanceEngineProvider>();
        _ = engines.Current;

        // On Linux a folder's "creation time" is its change time, which an added file moves.
        var added = Reloads.Next(engines, e => e.Succeeded && e.Engine.RuleIds.Contains("added-rule"));
        File.WriteAllText(Path.Combine(_rules, "added.yaml"), "rules:\n  - id: added-rule\n    when: [ statement: { act: frobnicate } ]\n    then: { stance: supports }\n");
        await added.WaitAsync(Patience);
        await Task.Delay(StanceEngineMonitor.GuardInterval * 2.5);

        var edited = Reloads.Next(engines, e => e.Succeeded && !e.Engine.RuleIds.Contains("added-rule"));
        File.Delete(Path.Combine(_rules, "added.yaml"));
        await edited.WaitAsync(Patience);
        Assert.DoesNotContain(_logs.Entries, e => e.Event.Id == 10 || e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task HotReload_AfterTheFolderIsReplacedByAnother_WatchesTheNewOne()
    {
        using var services = Services();
        var engines = services.GetRequiredService<IStanceEngineProvider>();
        _ = engines.Current;
        var staging = _rules + "-staging";
        CopyDefaultRules(staging);
        File.WriteAllText(Path.Combine(staging, "extra.yaml"), "rules:\n  - id: staged-rule\n    when: [ statement: { act: frobnicate } ]\n    then: { stance: supports }\n");

        // A deployment's swap: the old folder goes, the new one is renamed into its place.
        var swapped = Reloads.Next(engines, e => e.Succeeded && e.Engine.RuleIds.Contains("staged-rule"));
        Directory.Delete(_rules, recursive: true);
        Directory.Move(staging, _rules);
        await swapped.WaitAsync(Patience);

        var edited = Reloads.Next(engines, e => e.Succeeded && !e.Engine.RuleIds.Contains("staged-rule"));
        File.Delete(Path.Combine(_rules, "extra.yaml"));
        await edited.WaitAsync(Patience);
        Assert.DoesNotContain("staged-rule", engines.Current.RuleIds);
    }

    public void Dispose()
    {
        _logs.Dispose();
        if (Directory.Exists(_rules))
        {
            Directory.Delete(_rules, recursive: true);
        }
    }

    private static async Task WaitFor(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(50);
        }
    }
}
