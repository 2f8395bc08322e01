namespace StanceRules;

/// <summary>
/// Thrown when an inference exceeds <see cref="StanceEngineOptions.MaxRuleFirings"/> or
/// <see cref="StanceLimits.MaxRuleMatches"/>: rules that keep asserting facts, or whose derived
/// facts join each other without end.
/// </summary>
public sealed class InferenceLimitException : Exception
{
    internal InferenceLimitException(string article, string limit, long max, IReadOnlyList<string> rules)
        : base(limit == nameof(StanceEngineOptions.MaxRuleFirings)
            ? $"Inference of article '{article}' stopped after {max} rule firings (StanceEngineOptions.MaxRuleFirings); the rules still firing were: {string.Join(", ", rules)}. A rule that keeps asserting new facts never lets inference end."
            : limit == nameof(StanceLimits.MaxRuleMatches)
            ? $"Inference of article '{article}' stopped at {max} rule matches (StanceLimits.{limit}, plus {StanceLimits.RuleMatchesPerFact} per input fact); the rules matching most were: {string.Join(", ", rules)}. Rules whose asserted facts match each other grow without end."
            : $"Inference of article '{article}' stopped after allocating {max} bytes (StanceLimits.{limit}, plus {StanceLimits.InferenceBytesPerFact} per input fact); the rules matching most were: {string.Join(", ", rules)}. Rules whose asserted facts join each other grow without end.")
    {
        Limit = limit;
        Rules = rules;
    }

    /// <summary>The ids of the rules that were still firing (or matching most) when inference stopped.</summary>
    public IReadOnlyList<string> Rules { get; }

    /// <summary>The limit that stopped it: <c>MaxRuleFirings</c>, <c>MaxRuleMatches</c> or <c>MaxInferenceBytes</c>.</summary>
    public string Limit { get; }
}
