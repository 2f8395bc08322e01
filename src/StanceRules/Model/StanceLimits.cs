namespace StanceRules;

/// <summary>
/// Bounds on untrusted input: rule files, fact documents and the work one inference may do.
/// Every limit has a default, can be changed within a range (a value outside it throws
/// <see cref="ArgumentOutOfRangeException"/> when set), and when exceeded gives a diagnostic
/// (<see cref="DiagnosticCodes.LimitExceeded"/>) or an <see cref="InferenceLimitException"/>
/// that names it. See docs/security.md.
/// </summary>
public sealed class StanceLimits
{
    private readonly int _maxFileBytes = 4 * 1024 * 1024;
    private readonly int _maxNestingDepth = 32;
    private readonly int _maxAliases;
    private readonly int _maxStringLength = 10_000;
    private readonly int _maxRules = 1_000;
    private readonly int _maxFactsPerDocument = 100_000;
    private readonly int _maxRuleMatches = 100_000;
    private readonly long _maxInferenceBytes = 128L << 20;

    /// <summary>The defaults.</summary>
    public static StanceLimits Default { get; } = new();

    /// <summary>Largest rule file or fact document, in bytes (UTF-8), counted as read. Default 4 MiB; 1 byte to 1 GiB.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside the range.</exception>
    public int MaxFileBytes { get => _maxFileBytes; init => _maxFileBytes = InRange(value, 1, 1 << 30); }

    /// <summary>Deepest nesting of YAML mappings and lists. Default 32; 1 to 256 (the parser recurses on the stack).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside the range.</exception>
    public int MaxNestingDepth { get => _maxNestingDepth; init => _maxNestingDepth = InRange(value, 1, 256); }

    /// <summary>
    /// YAML aliases (<c>*name</c>) allowed per file. Default 0: aliases are refused, so no
    /// document can expand ("billion laughs") into more work than its size. 0 to 10,000.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside the range.</exception>
    public int MaxAliases { get => _maxAliases; init => _maxAliases = InRange(value, 0, 10_000); }

    /// <summary>Longest single YAML value (a key or scalar), in characters. Default 10,000; 1 to 1 GiB.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside the range.</exception>
    public int MaxStringLength { get => _maxStringLength; init => _maxStringLength = InRange(value, 1, 1 << 30); }

    /// <summary>
    /// Most rules in one rule set. Default 1,000 (a rule set at the default limit compiles in
    /// seconds; see docs/security.md); 1 to 100,000.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside the range.</exception>
    public int MaxRules { get => _maxRules; init => _maxRules = InRange(value, 1, 100_000); }

    /// <summary>Most facts in one fact document, counted while parsing. Default 100,000; 1 to 10,000,000.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside the range.</exception>
    public int MaxFactsPerDocument { get => _maxFactsPerDocument; init => _maxFactsPerDocument = InRange(value, 1, 10_000_000); }

    /// <summary>
    /// Most rule matches (a rule's patterns satisfied by one combination of facts) one inference
    /// may create, beyond an allowance of <see cref="RuleMatchesPerFact"/> per input fact. Every
    /// derived fact and signal comes from a match, so this also bounds what an inference holds in
    /// working memory: rules that assert facts joining each other grow matches combinatorially,
    /// and are stopped here with <see cref="InferenceLimitException"/> long before memory runs
    /// out (at the default, for a one-fact document: about a second and 50 MB; see docs/security.md).
    /// Default 100,000; 1 to 100,000,000.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside the range.</exception>
    public int MaxRuleMatches { get => _maxRuleMatches; init => _maxRuleMatches = InRange(value, 1, 100_000_000); }

    /// <summary>
    /// Most memory one inference may allocate, in bytes, beyond an allowance of
    /// <see cref="InferenceBytesPerFact"/> per input fact (what it holds at any time is less).
    /// Catches what <see cref="MaxRuleMatches"/> cannot see: partial joins of derived facts that
    /// never complete a rule's patterns. Default 128 MiB; 16 MiB to 64 GiB.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside the range.</exception>
    public long MaxInferenceBytes
    {
        get => _maxInferenceBytes;
        init
        {
            if (value is < 16L << 20 or > 64L << 30)
            {
                throw new ArgumentOutOfRangeException(nameof(MaxInferenceBytes), value, $"StanceLimits.{nameof(MaxInferenceBytes)} must be from {16L << 20:N0} to {64L << 30:N0}.");
            }

            _maxInferenceBytes = value;
        }
    }

    /// <summary>The allowance <see cref="MaxRuleMatches"/> adds per input fact, so a large document's own matches fit: 10 (the default rules make fewer than 5 per fact).</summary>
    public const int RuleMatchesPerFact = 10;

    /// <summary>The allowance <see cref="MaxInferenceBytes"/> adds per input fact, so a large document's own work fits: 4 KiB (the default rules allocate about 3.4 KiB per statement).</summary>
    public const int InferenceBytesPerFact = 4096;

    /// <summary>
    /// Follow links (symbolic links, junctions) in a rule set folder or a batch input folder that
    /// lead out of the folder. Default false: such a link is a diagnostic
    /// (<see cref="DiagnosticCodes.LinkNotFollowed"/>). Links inside the folder are never followed
    /// (their target is read where it is), loops end, and each file is read once either way.
    /// </summary>
    public bool FollowLinksOutOfFolder { get; init; }

    private static int InRange(int value, int min, int max, [System.Runtime.CompilerServices.CallerMemberName] string name = "")
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"StanceLimits.{name} must be from {min:N0} to {max:N0}.");
        }

        return value;
    }
}
