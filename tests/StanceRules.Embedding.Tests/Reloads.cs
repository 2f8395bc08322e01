using StanceRules.Extensions.DependencyInjection;

namespace StanceRules.Embedding.Tests;

/// <summary>Waiting for hot reloads in tests.</summary>
internal static class Reloads
{
    /// <summary>
    /// The next reload whose outcome matches. Others may come first: a file is written in more
    /// than one step, and a busy machine may compile a half-written one.
    /// </summary>
    public static Task<StanceRulesReloadedEventArgs> Next(IStanceEngineProvider engines, Func<StanceRulesReloadedEventArgs, bool> matches)
    {
        var next = new TaskCompletionSource<StanceRulesReloadedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        EventHandler<StanceRulesReloadedEventArgs>? handler = null;
        handler = (_, e) =>
        {
            if (matches(e))
            {
                engines.Reloaded -= handler;
                next.TrySetResult(e);
            }
        };
        engines.Reloaded += handler;
        return next.Task;
    }
}
