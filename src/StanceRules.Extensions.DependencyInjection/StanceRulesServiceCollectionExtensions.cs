using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StanceRules;
using StanceRules.Extensions.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers StanceRules in a service collection.</summary>
public static class StanceRulesServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IStanceEngineProvider"/> (a singleton holding the current engine, hot
    /// reloaded when <see cref="StanceRulesOptions.RulesDirectory"/> changes), <see cref="StanceEngine"/>
    /// (transient: the engine current when resolved) and a hosted service that compiles the rules
    /// when the host starts. The options are validated when the host starts (<c>ValidateOnStart</c>):
    /// a bad value, set in code or bound from configuration, stops it with an
    /// <see cref="OptionsValidationException"/> naming the option. Diagnostics go to the
    /// <c>StanceRules</c> logger category. Calling it again only adds configuration. For a health
    /// check, add <c>services.AddHealthChecks().AddCheck&lt;StanceRulesHealthCheck&gt;("stancerules")</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; none for the embedded rules.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddStanceRules(this IServiceCollection services, Action<StanceRulesOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<StanceRulesOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StanceRulesOptions>, StanceRulesOptionsValidator>());
        services.TryAddSingleton<IStanceEngineProvider>(provider => new StanceEngineMonitor(
            provider.GetRequiredService<IOptions<StanceRulesOptions>>(),
            provider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance,
            provider.GetService<IHostEnvironment>(),
            provider.GetService<TimeProvider>()));
        services.TryAddTransient(provider => provider.GetRequiredService<IStanceEngineProvider>().Current);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, StanceRulesStartup>());
        return services;
    }
}
