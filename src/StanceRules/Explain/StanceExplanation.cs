namespace StanceRules;

/// <summary>
/// Why the engine concluded what it did about one country and issue in one article, and why it
/// did not conclude something else: returned by
/// <see cref="StanceEngine.Explain(ArticleFacts, string, string, Stance?, CancellationToken)"/>.
/// <see cref="ToString"/> gives the text <c>stance explain</c> prints.
/// </summary>
public sealed class StanceExplanation
{
    private readonly string _text;

    internal StanceExplanation(string article, string country, string issue, Stance? expected, CountryStance? result, IReadOnlyList<RuleCandidate> candidates, string text)
    {
        Article = article;
        Country = country;
        Issue = issue;
        Expected = expected;
        Result = result;
        Candidates = candidates;
        _text = text;
    }

    /// <summary>The article id.</summary>
    public string Article { get; }

    /// <summary>The country (ISO 3166-1 alpha-3).</summary>
    public string Country { get; }

    /// <summary>The issue id.</summary>
    public string Issue { get; }

    /// <summary>The stance the caller expected, if any.</summary>
    public Stance? Expected { get; }

    /// <summary>The final stance with its signals and the step of the conflict policy that chose it; null when no rule gave a signal.</summary>
    public CountryStance? Result { get; }

    /// <summary>Every signal for the country and issue: those behind the final stance, then the overruled ones.</summary>
    public IReadOnlyList<StanceSignal> Signals => Result is null ? [] : [.. Result.Signals, .. Result.Overruled];

    /// <summary>
    /// When no stance was found, or <see cref="Expected"/> differs from it and has no signal: the rules that
    /// could have produced it, each with the conditions that failed on the article's facts.
    /// </summary>
    public IReadOnlyList<RuleCandidate> Candidates { get; }

    /// <summary>Whether the final stance is the expected one (true when nothing was expected and a stance was found).</summary>
    public bool IsAsExpected => Result is not null && (Expected is null || Result.Stance == Expected);

    /// <summary>The explanation as text, as <c>stance explain</c> prints it.</summary>
    public override string ToString() => DisplayText.EscapeKeepingLines(_text);
}

/// <summary>A rule that could have produced a stance, and how it fared on the article's facts.</summary>
public sealed class RuleCandidate
{
    internal RuleCandidate(string rule, SourceLocation location, string produces, bool matched, IReadOnlyList<FailedCondition> failedConditions)
    {
        Rule = rule;
        Location = location;
        Produces = produces;
        Matched = matched;
        FailedConditions = failedConditions;
    }

    /// <summary>The rule id.</summary>
    public string Rule { get; }

    /// <summary>Where the rule is defined.</summary>
    public SourceLocation Location { get; }

    /// <summary>What it produces: <c>emits supports 0.8</c>, or <c>could be supports, depends on $v.yes_means</c>.</summary>
    public string Produces { get; }

    /// <summary>Whether all its conditions hold on some facts (then a signal exists, or a <c>not</c> retracted it).</summary>
    public bool Matched { get; }

    /// <summary>The conditions that failed, on the facts that came nearest to matching (fewest failures first).</summary>
    public IReadOnlyList<FailedCondition> FailedConditions { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Rule} ({Location}): {Produces}";
}

/// <summary>A condition of a rule that did not hold on a fact.</summary>
/// <param name="Condition">The condition as written, e.g. <c>family: supports</c>; <c>then.issue: ...</c> when the rule would emit for another issue or country.</param>
/// <param name="Location">Where the condition is written (default for <c>then.*</c> checks).</param>
/// <param name="Fact">The fact it was evaluated on (its id, or a derived fact's name).</param>
/// <param name="Detail">The values it read, e.g. <c>family = rejects</c>.</param>
public sealed record FailedCondition(string Condition, SourceLocation Location, string Fact, string Detail);
