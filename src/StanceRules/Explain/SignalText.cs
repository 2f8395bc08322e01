using System.Globalization;
using StanceRules.Loading;
using StanceRules.Rules;

namespace StanceRules.Explain;

/// <summary>How explanations and rule test diffs write a stance signal and its numbers: one form for both.</summary>
internal static class SignalText
{
    /// <summary>A confidence or score with two decimals.</summary>
    public static string Num(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary><c>✓ supports 0.80</c> for a signal that won, <c>✗ rejects 0.50</c> for one overruled.</summary>
    public static string Verdict(StanceSignal signal, bool won) => $"{(won ? "✓" : "✗")} {signal.Stance.ToName()} {Num(signal.Confidence)}";

    /// <summary>The loaded rule that emitted a signal, or null when the rule set has none of that id.</summary>
    public static LoadedRule? RuleOf(CompiledRuleSet rules, StanceSignal signal) => rules.Rules.FirstOrDefault(r => r.Id == signal.Rule);
}
