namespace StanceRules.Extensions.DependencyInjection;

/// <summary>A snapshot of a <see cref="StanceEngineMonitor"/>, for the health check.</summary>
/// <param name="Rules">The folder's full path, or "the embedded rules".</param>
/// <param name="Engine">The engine in force; null before the first load, or when it failed.</param>
/// <param name="LoadedAt">When the engine in force was compiled.</param>
/// <param name="LoadErrors">The diagnostics of a first load that failed.</param>
/// <param name="LastReloadAt">When the last reload ran (after an edit), if one did.</param>
/// <param name="LastReloadErrors">The diagnostics of the last reload; empty when it compiled.</param>
internal sealed record StanceRulesStatus(
    string Rules,
    StanceEngine? Engine,
    DateTimeOffset? LoadedAt,
    IReadOnlyList<Diagnostic> LoadErrors,
    DateTimeOffset? LastReloadAt,
    IReadOnlyList<Diagnostic> LastReloadErrors);
