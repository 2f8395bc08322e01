namespace StanceRules;

/// <summary>
/// Bounds on untrusted input: rule files and fact documents. Every limit has a default, can be
/// changed, and when exceeded gives a diagnostic (<see cref="DiagnosticCodes.LimitExceeded"/>)
/// that names it. See docs/security.md.
/// </summary>
public sealed class StanceLimits
{
    /// <summary>The defaults.</summary>
    public static StanceLimits Default { get; } = new();

    /// <summary>Largest rule file or fact document, in bytes (UTF-8). Default 4 MiB.</summary>
    public int MaxFileBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Deepest nesting of YAML mappings and lists. Default 32.</summary>
    public int MaxNestingDepth { get; init; } = 32;

    /// <summary>
    /// YAML aliases (<c>*name</c>) allowed per file. Default 0: aliases are refused, so no
    /// document can expand ("billion laughs") into more work than its size.
    /// </summary>
    public int MaxAliases { get; init; }

    /// <summary>Longest single YAML value (a key or scalar), in characters. Default 10,000.</summary>
    public int MaxStringLength { get; init; } = 10_000;

    /// <summary>Most rules in one rule set. Default 10,000.</summary>
    public int MaxRules { get; init; } = 10_000;

    /// <summary>Most facts in one fact document. Default 100,000.</summary>
    public int MaxFactsPerDocument { get; init; } = 100_000;
}
