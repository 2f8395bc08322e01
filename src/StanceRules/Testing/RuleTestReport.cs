using System.Globalization;
using System.Text;

namespace StanceRules;

/// <summary>
/// The outcome of running a folder's rule tests (<c>*.tests.yaml</c>) with
/// <see cref="StanceEngine.RunTests(string, CancellationToken)"/>: each case, the errors in the
/// test files, and which rules fired in some case. <see cref="ToText"/> gives what <c>stance test</c> prints.
/// </summary>
public sealed class RuleTestReport
{
    private readonly IReadOnlyList<string> _ruleIds;

    internal RuleTestReport(string directory, IReadOnlyList<RuleTestResult> results, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<string> ruleIds, IReadOnlySet<string> fired)
    {
        _ruleIds = ruleIds;
        Directory = directory;
        Results = results;
        Diagnostics = diagnostics;
        RulesFired = ruleIds.Where(fired.Contains).ToArray();
        RulesNeverFired = ruleIds.Where(r => !fired.Contains(r)).ToArray();
        CoverageFraction = ruleIds.Count == 0 ? 1 : (double)RulesFired.Count / ruleIds.Count;
    }

    /// <summary>The folder the tests were read from.</summary>
    public string Directory { get; }

    /// <summary>Every case that ran, in file order.</summary>
    public IReadOnlyList<RuleTestResult> Results { get; }

    /// <summary>Errors in the test files (or the fact documents they name); a file with errors runs none of its cases.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The number of cases that passed.</summary>
    public int Passed => Results.Count(r => r.Passed);

    /// <summary>The number of cases that failed.</summary>
    public int Failed => Results.Count(r => !r.Passed);

    /// <summary>True when at least one case ran, every case passed and the test files have no errors.</summary>
    public bool Succeeded => Results.Count > 0 && Failed == 0 && Diagnostics.Count == 0;

    /// <summary>The ids of the rules that fired in at least one case, in rule set order.</summary>
    public IReadOnlyList<string> RulesFired { get; }

    /// <summary>The ids of the rules that fired in no case, in rule set order.</summary>
    public IReadOnlyList<string> RulesNeverFired { get; }

    /// <summary>
    /// The fraction of the rule set's rules that fired in some case, from 0 to 1 (1 for a rule set without rules):
    /// <c>RulesFired.Count / (RulesFired.Count + RulesNeverFired.Count)</c>, unrounded. The .NET percent format
    /// shows it as a percentage (<c>$"{report.CoverageFraction:P1}"</c>); <c>stance test --threshold</c> takes a percentage.
    /// </summary>
    public double CoverageFraction { get; }

    /// <summary>The failures (each a diff), the diagnostics, a summary line, and with <paramref name="coverage"/> the rules fired and never fired.</summary>
    public string ToText(bool coverage = false)
    {
        var text = new StringBuilder();
        foreach (var diagnostic in Diagnostics)
        {
            text.AppendLine(diagnostic.ToString());
        }

        foreach (var failure in Results.Where(r => !r.Passed))
        {
            text.Append(failure.Failure).AppendLine();
        }

        foreach (var file in Results.GroupBy(r => r.Location.File))
        {
            var failed = file.Count(r => !r.Passed);
            text.Append(failed == 0 ? "ok    " : "FAIL  ").Append(file.Key).Append(": ").Append(file.Count() - failed).Append(" of ").Append(file.Count()).AppendLine(" cases passed");
        }

        if (coverage)
        {
            var total = RulesFired.Count + RulesNeverFired.Count;
            text.AppendLine().Append("Coverage: ").Append(RulesFired.Count).Append(" of ").Append(total).Append(" rules fired in some case (")
                .Append(Math.Round(100 * CoverageFraction, 1).ToString("0.#", CultureInfo.InvariantCulture)).AppendLine("%)");
            var width = RulesFired.Concat(RulesNeverFired).Select(r => r.Length).DefaultIfEmpty(0).Max();
            foreach (var rule in _ruleIds)
            {
                var cases = Results.Count(c => c.RulesFired.Contains(rule, StringComparer.Ordinal));
                text.Append("  ").Append(rule.PadRight(width)).Append("  ").AppendLine(cases == 0 ? "never fired" : cases == 1 ? "fired in 1 case" : $"fired in {cases} cases");
            }

            text.Append("  never fired: ").AppendLine(RulesNeverFired.Count == 0 ? "none" : string.Join(", ", RulesNeverFired));
        }

        text.AppendLine().Append(Results.Count == 0 && Diagnostics.Count == 0 ? $"no test cases found in {Directory} (*.tests.yaml)" : $"{Results.Count} cases: {Passed} passed, {Failed} failed");
        if (Diagnostics.Count > 0)
        {
            text.Append(", ").Append(Diagnostics.Count).Append(Diagnostics.Count == 1 ? " error" : " errors").Append(" in test files");
        }

        return DisplayText.EscapeKeepingLines(text.AppendLine().ToString());
    }

    /// <inheritdoc />
    public override string ToString() => ToText();
}

/// <summary>One rule test case's outcome.</summary>
public sealed class RuleTestResult
{
    internal RuleTestResult(string name, SourceLocation location, bool passed, string? failure, IReadOnlyList<string> rulesFired)
    {
        Name = name;
        Location = location;
        Passed = passed;
        Failure = failure;
        RulesFired = rulesFired;
    }

    /// <summary>The case's name.</summary>
    public string Name { get; }

    /// <summary>Where the case is written.</summary>
    public SourceLocation Location { get; }

    /// <summary>Whether every expectation held.</summary>
    public bool Passed { get; }

    /// <summary>For a failed case, the diff: each expectation that failed, expected versus actual, with the rules and facts behind the actual.</summary>
    public string? Failure { get; }

    /// <summary>The ids of the rules that fired in this case, sorted.</summary>
    public IReadOnlyList<string> RulesFired { get; }

    /// <inheritdoc />
    public override string ToString() => $"{(Passed ? "ok" : "FAIL")} {Location}: {DisplayText.Escape(Name)}";
}
