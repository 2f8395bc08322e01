using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StanceRules.Extensions.AI;
using StanceRules.Extensions.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the model-backed fact extractor in a service collection.</summary>
public static class ChatExtractionServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ChatFactExtractor"/> (transient: over the host's registered <see cref="IChatClient"/> and the
    /// engine <see cref="IStanceEngineProvider"/> holds when resolved) and, unless one is registered already, an
    /// <see cref="InMemoryChatAnswerCache"/> as the <see cref="IChatAnswerCache"/> (a singleton). Calls
    /// <c>AddStanceRules()</c>, which only adds what is not registered yet. Register an <see cref="IChatClient"/> too.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the bounds; none for the defaults.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddStanceRulesChatExtraction(this IServiceCollection services, Action<ChatExtractionOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddStanceRules();
        var options = services.AddOptions<ChatExtractionOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton<IChatAnswerCache>(_ => new InMemoryChatAnswerCache());
        services.TryAddTransient(provider => new ChatFactExtractor(
            provider.GetRequiredService<IChatClient>(),
            provider.GetRequiredService<IStanceEngineProvider>().Current,
            provider.GetRequiredService<IOptions<ChatExtractionOptions>>().Value,
            provider.GetRequiredService<IChatAnswerCache>()));
        return services;
    }
}
