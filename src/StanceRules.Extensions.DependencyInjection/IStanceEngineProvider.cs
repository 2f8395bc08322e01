namespace StanceRules.Extensions.DependencyInjection;

/// <summary>
/// The engine in force: the last rule set that compiled. A singleton; read <see cref="Current"/>
/// once per unit of work (an inference, a request) and use that engine throughout.
/// </summary>
public interface IStanceEngineProvider
{
    /// <summary>
    /// The current engine. The first read compiles the rule set (a host does it at start-up);
    /// after that, reads never block and never fail: a reload swaps the engine atomically.
    /// </summary>
    /// <exception cref="StanceRulesException">The first load failed; every diagnostic has been logged.</exception>
    StanceEngine Current { get; }

    /// <summary>
    /// Raised after each reload that a change of the rules folder triggered, on a thread-pool
    /// thread, whether the new rule set compiled or not: once per change of the rule files. A
    /// reload triggered again for the same edit finds the files as they were last compiled (same
    /// paths, same bytes), compiles nothing and raises nothing.
    /// </summary>
    event EventHandler<StanceRulesReloadedEventArgs>? Reloaded;
}

/// <summary>The outcome of a reload of the rules folder.</summary>
public sealed class StanceRulesReloadedEventArgs : EventArgs
{
    internal StanceRulesReloadedEventArgs(StanceEngine engine, IReadOnlyList<Diagnostic> diagnostics)
    {
        Engine = engine;
        Diagnostics = diagnostics;
    }

    /// <summary>True when the new rule set compiled and is now <see cref="IStanceEngineProvider.Current"/>.</summary>
    public bool Succeeded => Diagnostics.Count == 0;

    /// <summary>The engine in force after the attempt: the new one, or the last good one when the new rule set did not compile.</summary>
    public StanceEngine Engine { get; }

    /// <summary>Every error of a rule set that did not compile, with file, line and column; empty on success.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }
}
