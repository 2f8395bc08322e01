namespace StanceRules;

/// <summary>
/// The step of the conflict policy that chose a stance among the signals for a (country, issue)
/// (contract: docs/report.md#the-conflict-policy).
/// </summary>
public enum DecisionStep
{
    /// <summary>
    /// Not known: a stance read back with <see cref="StanceReport.FromJson(string)"/>, whose JSON does not carry the step.
    /// Inference and the corpus never give it.
    /// </summary>
    Unknown = 0,

    /// <summary>Every signal named the same stance, so there was nothing to decide.</summary>
    Unanimous,

    /// <summary>The stance with the highest combined score, 1 − Π(1 − confidence) over its signals, won.</summary>
    Confidence,

    /// <summary>Scores tied; the stance whose strongest rule has the higher priority won.</summary>
    Priority,

    /// <summary>Scores and priorities tied; the stance first in rejects, condemns, abstains, supports won.</summary>
    Precedence,
}

/// <summary>Text forms of <see cref="DecisionStep"/> as they appear in tables, explanations and HTML.</summary>
public static class DecisionStepNames
{
    /// <summary>The lower-case name every writer uses, e.g. <c>confidence</c>; <c>unknown</c> for <see cref="DecisionStep.Unknown"/>.</summary>
    public static string ToName(this DecisionStep step) => step switch
    {
        DecisionStep.Unknown => "unknown",
        DecisionStep.Unanimous => "unanimous",
        DecisionStep.Confidence => "confidence",
        DecisionStep.Priority => "priority",
        DecisionStep.Precedence => "precedence",
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
    };
}
