using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StanceRules.Extensions.DependencyInjection;

namespace StanceRules.Embedding.Tests;

/// <summary>
/// What a host expects of the DI package: options checked at start, a missing rules folder as the
/// documented diagnostic, one <c>Reloaded</c> per edit however many triggers it sets off, and a health check.
/// The reloads here are run by calling the monitor's reload directly (no watcher, no timer): deterministic.
/// </summary>
public sealed class HostReadinessTests : IDisposable
{
    private const string Rule = "rules:\n  - id: welcomes\n    when: [ statement: { act: welcome } ]\n    then: { stance: supports, confidence: 0.6 }\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("stance-host-").FullName;
    private readonly CapturingLoggerProvider _logs = new();

    public HostReadinessTests()
    {
        File.WriteAllText(Path.Combine(_folder, "rules.yaml"), Rule);
        foreach (var (name, text) in Repo.KnowledgeFiles())
        {
            File.WriteAllText(Path.Combine(_folder, Path.GetFileName(name)), text);
        }
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3_600_001)]
    public void ReloadDelay_OutsideZeroToAnHour_FailsTheStartValidation_NamingIt(int milliseconds)
    {
        using var services = new ServiceCollection()
            .AddStanceRules(options => options.ReloadDelay = TimeSpan.FromMilliseconds(milliseconds))
            .BuildServiceProvider();

        // What a host runs before its hosted services (ValidateOnStart).
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(typeof(StanceRulesOptions), error.OptionsType);
        Assert.StartsWith("StanceRulesOptions.ReloadDelay must be from 0 to 1 hour; it is ", Assert.Single(error.Failures), StringComparison.Ordinal);
        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStanceEngineProvider>().Current);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3_600_000)]
    public void ReloadDelay_AtTheEndsOfItsRange_PassesTheStartValidation(int milliseconds)
    {
        using var services = new ServiceCollection()
            .AddStanceRules(options => options.ReloadDelay = TimeSpan.FromMilliseconds(milliseconds))
            .BuildServiceProvider();

        services.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), services.GetRequiredService<IOptions<StanceRulesOptions>>().Value.ReloadDelay);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task MissingRulesFolder_FailsTheStart_WithSR0006_AndACriticalLog_WhetherReloadIsOnOrOff(bool reloadOnChange)
    {
        var missing = Path.Combine(_folder, "no-such-folder");
        using var services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(_logs))
            .AddStanceRules(options => (options.RulesDirectory, options.ReloadOnChange) = (missing, reloadOnChange))
            .BuildServiceProvider();

        var error = await Assert.ThrowsAsync<StanceRulesException>(() => services.GetServices<IHostedService>().Single().StartAsync(CancellationToken.None));

        Assert.Contains(error.Diagnostics, d => d.Code == "SR0006");
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("error SR0006", StringComparison.Ordinal));
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Critical);
    }

    [Fact]
    public void OneEdit_ReloadTriggeredTwice_RaisesOneReloaded()
    {
        using var monitor = Monitor();
        var first = monitor.Current;
        var events = Subscribe(monitor);

        Edit("0.6", "0.7");
        monitor.Reload();
        monitor.Reload(); // a second trigger for the same edit: a second watcher event, or the folder guard's check

        var reloaded = Assert.Single(events);
        Assert.True(reloaded.Succeeded);
        Assert.NotSame(first, monitor.Current);
        Assert.Same(reloaded.Engine, monitor.Current);
    }

    [Fact]
    public void ReloadTriggered_WithTheRuleFilesUnchanged_RaisesNothing_AndKeepsTheEngine()
    {
        using var monitor = Monitor();
        var first = monitor.Current;
        var events = Subscribe(monitor);

        File.SetLastWriteTimeUtc(Path.Combine(_folder, "rules.yaml"), DateTime.UtcNow.AddMinutes(1)); // touched, not changed
        monitor.Reload();

        Assert.Empty(events);
        Assert.Same(first, monitor.Current);
    }

    [Fact]
    public void EditThatDoesNotCompile_TriggeredTwice_RaisesOneFailedReload_AndItsFixRaisesOneSuccess()
    {
        using var monitor = Monitor();
        var first = monitor.Current;
        var events = Subscribe(monitor);

        Edit("supports", "adores");
        monitor.Reload();
        monitor.Reload();
        Edit("adores", "supports"); // back to the rules in force: still a change from the failed attempt
        monitor.Reload();
        monitor.Reload();

        Assert.Equal([false, true], events.Select(e => e.Succeeded));
        Assert.NotSame(first, monitor.Current);
    }

    [Fact]
    public async Task HealthCheck_BeforeTheRulesAreLoaded_IsTheFailureStatus()
    {
        using var monitor = Monitor();

        var result = await Check(monitor, new ManualTime(), HealthStatus.Degraded);

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.StartsWith("No rules are loaded yet", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthCheck_WhenTheRulesDoNotCompile_IsUnhealthy_CountingTheErrors()
    {
        Edit("supports", "adores");
        using var monitor = Monitor();
        Assert.Throws<StanceRulesException>(() => monitor.Current);

        var result = await Check(monitor, new ManualTime());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains("do not compile (1 errors; the first: ", result.Description, StringComparison.Ordinal);
        Assert.Equal(1, result.Data["errors"]);
    }

    [Fact]
    public async Task HealthCheck_Loaded_IsHealthy_WithTheRulesCountAndAge()
    {
        var time = new ManualTime();
        using var monitor = Monitor(time);
        _ = monitor.Current;
        time.Now += TimeSpan.FromSeconds(90);

        var result = await Check(monitor, time);

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal($"1 rules from {_folder}, compiled 1 min ago.", result.Description);
        Assert.Equal((1, 90d, true), (result.Data["ruleCount"], result.Data["ageSeconds"], result.Data["lastReloadSucceeded"]));
        Assert.Equal("2026-01-01T00:00:00.0000000+00:00", result.Data["loadedAt"]);
    }

    [Fact]
    public async Task HealthCheck_AfterAnEditThatDoesNotCompile_IsDegraded_UntilAnEditCompiles()
    {
        var time = new ManualTime();
        using var monitor = Monitor(time);
        _ = monitor.Current;

        time.Now += TimeSpan.FromHours(2);
        Edit("supports", "adores");
        monitor.Reload();
        var broken = await Check(monitor, time);
        Edit("adores", "rejects");
        monitor.Reload();
        time.Now += TimeSpan.FromSeconds(5);
        var fixedAgain = await Check(monitor, time);

        Assert.Equal(HealthStatus.Degraded, broken.Status);
        Assert.Contains("the rules compiled 2 h ago stay in force", broken.Description, StringComparison.Ordinal);
        Assert.Equal((false, 1), (broken.Data["lastReloadSucceeded"], broken.Data["lastReloadErrors"]));
        Assert.Equal(HealthStatus.Healthy, fixedAgain.Status);
        Assert.Equal(5d, fixedAgain.Data["ageSeconds"]);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Task<HealthCheckResult> Check(StanceEngineMonitor monitor, TimeProvider time, HealthStatus failureStatus = HealthStatus.Unhealthy)
    {
        var check = new StanceRulesHealthCheck(monitor, time);
        return check.CheckHealthAsync(new HealthCheckContext { Registration = new HealthCheckRegistration("stancerules", check, failureStatus, null) });
    }

    private static List<StanceRulesReloadedEventArgs> Subscribe(StanceEngineMonitor monitor)
    {
        var events = new List<StanceRulesReloadedEventArgs>();
        monitor.Reloaded += (_, e) => events.Add(e);
        return events;
    }

    private StanceEngineMonitor Monitor(TimeProvider? time = null) =>
        new(Options.Create(new StanceRulesOptions { RulesDirectory = _folder, ReloadOnChange = false }), NullLoggerFactory.Instance, null, time);

    private void Edit(string from, string to)
    {
        var path = Path.Combine(_folder, "rules.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace(from, to, StringComparison.Ordinal));
    }

    private sealed class ManualTime : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
