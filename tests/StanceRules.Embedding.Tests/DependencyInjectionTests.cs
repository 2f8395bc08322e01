using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StanceRules.Extensions.DependencyInjection;

namespace StanceRules.Embedding.Tests;

/// <summary>What <c>AddStanceRules</c> registers, and how the first load behaves.</summary>
public sealed class DependencyInjectionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("stance-di-").FullName;
    private readonly CapturingLoggerProvider _logs = new();

    [Fact]
    public void AddStanceRules_WithoutOptions_ServesTheEmbeddedEngine()
    {
        using var services = new ServiceCollection().AddStanceRules().BuildServiceProvider();

        Assert.Same(StanceEngine.CreateDefault(), services.GetRequiredService<IStanceEngineProvider>().Current);
        Assert.Same(StanceEngine.CreateDefault(), services.GetRequiredService<StanceEngine>());
    }

    [Fact]
    public void AddStanceRules_ExtendDefaultRules_LayersAStancesOnlyFolderOnTheEmbeddedRules()
    {
        File.Copy(Path.Combine(Repo.Rules, "stances.yaml"), Path.Combine(_folder, "stances.yaml"));
        using var services = new ServiceCollection()
            .AddStanceRules(options =>
            {
                options.RulesDirectory = _folder;
                options.ExtendDefaultRules = true;
                options.ReloadOnChange = false;
            })
            .BuildServiceProvider();

        var engine = services.GetRequiredService<IStanceEngineProvider>().Current;

        Assert.Empty(engine.Warnings);
        Assert.Equal(StanceEngine.CreateDefault().Infer(ArticleFacts.Load(Repo.SeedFacts)).ToJson(), engine.Infer(ArticleFacts.Load(Repo.SeedFacts)).ToJson());
    }

    [Fact]
    public void AddStanceRules_CalledTwice_RegistersOneProviderAndOneStartup()
    {
        var collection = new ServiceCollection().AddStanceRules().AddStanceRules(o => o.ReloadOnChange = false);

        Assert.Single(collection, d => d.ServiceType == typeof(IStanceEngineProvider));
        Assert.Single(collection, d => d.ServiceType == typeof(IHostedService));
    }

    [Fact]
    public async Task BrokenRulesFolder_FailsTheHostStart_AndLogsEveryDiagnostic()
    {
        File.WriteAllText(Path.Combine(_folder, "bad.yaml"), "rules:\n  - id: x\n    when:\n      - speech: { act: welcome }\n    then: { stance: adores }\n");
        using var services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(_logs))
            .AddStanceRules(options => options.RulesDirectory = _folder)
            .BuildServiceProvider();
        var startup = Assert.Single(services.GetServices<IHostedService>());

        var error = await Assert.ThrowsAsync<StanceRulesException>(() => startup.StartAsync(CancellationToken.None));

        Assert.True(error.Diagnostics.Count >= 2);
        var logged = _logs.Entries.Where(e => e.Level == LogLevel.Error).Select(e => e.Message).ToArray();
        Assert.Equal(error.Diagnostics.Count, logged.Length);
        Assert.All(logged, m => Assert.Matches(@"bad\.yaml:\d+:\d+: error SR\d{4}: ", m));
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Critical);
    }

    [Fact]
    public void RelativeRulesFolder_ResolvesAgainstTheHostsContentRoot()
    {
        foreach (var file in Directory.GetFiles(Repo.Rules, "*.yaml").Where(f => !f.EndsWith(".tests.yaml", StringComparison.Ordinal)))
        {
            Directory.CreateDirectory(Path.Combine(_folder, "my-rules"));
            File.Copy(file, Path.Combine(_folder, "my-rules", Path.GetFileName(file)));
        }

        using var services = new ServiceCollection()
            .AddSingleton<IHostEnvironment>(new Environment(_folder))
            .AddLogging(logging => logging.AddProvider(_logs))
            .AddStanceRules(options =>
            {
                options.RulesDirectory = "my-rules";
                options.ReloadOnChange = false;
            })
            .BuildServiceProvider();

        var engine = services.GetRequiredService<IStanceEngineProvider>().Current;

        Assert.NotSame(StanceEngine.CreateDefault(), engine);
        Assert.Contains(_logs.Entries, e => e.Message == $"Compiled {Path.Combine(_folder, "my-rules")}: {engine.RuleIds.Count} rules");
    }

    public void Dispose()
    {
        _logs.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private sealed class Environment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";

        public string ApplicationName { get; set; } = "tests";

        public string ContentRootPath { get; set; } = root;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
