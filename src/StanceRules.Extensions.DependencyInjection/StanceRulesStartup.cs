using Microsoft.Extensions.Hosting;

namespace StanceRules.Extensions.DependencyInjection;

/// <summary>Compiles the rules when the host starts, so a rule set that does not compile stops the service at once instead of failing its first request.</summary>
internal sealed class StanceRulesStartup(IStanceEngineProvider engines) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = engines.Current;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
