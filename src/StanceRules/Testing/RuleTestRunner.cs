using System.Text;
using StanceRules.Explain;
using StanceRules.Inference;
using StanceRules.Loading;
using StanceRules.Rules;

namespace StanceRules.Testing;

/// <summary>
/// Runs every <c>*.tests.yaml</c> under a folder with one compiled rule set: each case's facts
/// through an inference (with a trace, for coverage), each expectation checked against the
/// report, and each failure written as a diff with the rules and facts behind the actual stance
/// and, for a stance that no rule emitted, the conditions that failed.
/// </summary>
internal sealed class RuleTestRunner
{
    private const int MaxMissLines = 3;

    private readonly CompiledRuleSet _rules;
    private readonly StanceEngineOptions _options;

    public RuleTestRunner(CompiledRuleSet rules, StanceEngineOptions options)
    {
        _rules = rules;
        _options = options;
    }

    public RuleTestReport Run(string directory, Func<string, bool> includeCase, CancellationToken cancellationToken)
    {
        var diagnostics = new List<Diagnostic>();
        var results = new List<RuleTestResult>();
        var fired = new HashSet<string>(StringComparer.Ordinal);
        var ruleIds = _rules.Rules.Select(r => r.Id).ToArray();
        if (!Directory.Exists(directory))
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.FileNotReadable, ErrorMessages.FileNotReadable($"no such folder '{directory}'"), new SourceLocation(directory, 1, 1)));
            return new RuleTestReport(directory, results, diagnostics, ruleIds, fired);
        }

        // Walked and read as rule folders are: the link policy, regular files only, size-checked, strict UTF-8.
        var files = Yaml.SourceFile.EnumerateFolder(directory, f => f.EndsWith(RuleTestFile.Suffix, StringComparison.OrdinalIgnoreCase), _options.Limits.FollowLinksOutOfFolder, diagnostics) ?? [];
        foreach (var (shown, path) in files)
        {
            var name = Path.GetRelativePath(Environment.CurrentDirectory, shown);
            var errors = new List<Diagnostic>();
            if (Yaml.SourceFile.Read(path, name, _options.Limits, errors) is not { } text)
            {
                diagnostics.AddRange(errors);
                continue;
            }

            var cases = RuleTestFile.Read(name, text, _rules.FactTypes, _rules.Gazetteer, ruleIds, errors, _options.Limits);
            diagnostics.AddRange(errors);
            if (errors.Count > 0)
            {
                continue;
            }

            foreach (var testCase in cases.Where(c => includeCase(c.Name)))
            {
                cancellationToken.ThrowIfCancellationRequested();
                results.Add(RunCase(testCase, fired, cancellationToken));
            }
        }

        return new RuleTestReport(directory, results, diagnostics, ruleIds, fired);
    }

    private RuleTestResult RunCase(RuleTestCase testCase, HashSet<string> allFired, CancellationToken cancellationToken)
    {
        var trace = new InferenceTrace();
        var report = new Inferrer(_rules, _options).Run(testCase.Article, cancellationToken, trace);
        allFired.UnionWith(trace.FiredRules);
        var diff = new StringBuilder();
        foreach (var expected in testCase.Expect)
        {
            var row = report.Find(expected.Country, expected.Issue);
            var ok = row is not null
                && row.Stance == expected.Stance
                && (expected.MinConfidence is not { } min || row.Confidence >= min - 1e-9)
                && (expected.Rule is null || row.Rules.Contains(expected.Rule, StringComparer.Ordinal));
            if (ok)
            {
                continue;
            }

            var wanted = new StringBuilder(expected.Stance.ToName());
            if (expected.MinConfidence is { } m)
            {
                wanted.Append(" ≥ ").Append(Num(m));
            }

            if (expected.Rule is not null)
            {
                wanted.Append(" by rule ").Append(expected.Rule);
            }

            Header(diff, expected.Country, expected.Issue, expected.Location);
            diff.Append("  - expected: ").AppendLine(wanted.ToString());
            Actual(diff, row);
            if (row is null || (row.Stance != expected.Stance && row.Overruled.All(s => s.Stance != expected.Stance)))
            {
                WhyNot(diff, trace, expected.Country, expected.Issue, expected.Stance);
            }
        }

        foreach (var absent in testCase.Absent)
        {
            var row = report.Find(absent.Country, absent.Issue);
            if (row is null || (absent.Stance is { } s && row.Stance != s))
            {
                continue;
            }

            Header(diff, absent.Country, absent.Issue, absent.Location);
            diff.Append("  - expected: ").AppendLine(absent.Stance is { } a ? $"no {a.ToName()}" : "no stance");
            Actual(diff, row);
        }

        var failure = diff.Length == 0 ? null : $"FAIL {testCase.Location}: {DisplayText.Escape(testCase.Name)}\n  facts: {testCase.FactsSource}\n{diff}";
        return new RuleTestResult(testCase.Name, testCase.Location, failure is null, failure, trace.FiredRules.Order(StringComparer.Ordinal).ToArray());
    }

    private static void Header(StringBuilder diff, string country, string issue, SourceLocation at) =>
        diff.Append("  ").Append(country).Append(' ').Append(issue).Append("  (").Append(at).AppendLine(")");

    private void Actual(StringBuilder diff, CountryStance? row)
    {
        if (row is null)
        {
            diff.AppendLine("  + actual:   no stance (no rule emitted a signal for this country and issue)");
            return;
        }

        diff.Append("  + actual:   ").Append(row.Stance.ToName()).Append(' ').Append(Num(row.Confidence)).Append(", decided by ").AppendLine(row.DecidedBy.ToName());
        foreach (var signal in row.Signals)
        {
            Signal(diff, signal, won: true);
        }

        foreach (var signal in row.Overruled)
        {
            Signal(diff, signal, won: false);
        }
    }

    private void Signal(StringBuilder diff, StanceSignal signal, bool won)
    {
        var rule = SignalText.RuleOf(_rules, signal);
        diff.Append("      ").Append(SignalText.Verdict(signal, won))
            .Append(" by ").Append(string.Join(" → ", signal.Rules));
        if (rule is not null)
        {
            diff.Append(" (").Append(rule.Location).Append(')');
        }

        diff.AppendLine(won ? "" : " [overruled]");
        foreach (var fact in signal.SourceFacts)
        {
            diff.Append("          ").Append(FactText.Line(_rules.FactTypes, fact));
            if (fact.Evidence is { Length: > 0 } evidence)
            {
                diff.Append(": \"").Append(DisplayText.Truncate(evidence)).Append('"');
            }

            diff.AppendLine();
        }
    }

    /// <summary>For an expected stance that no rule emitted: each rule that could have, and its nearest misses.</summary>
    private void WhyNot(StringBuilder diff, InferenceTrace trace, string country, string issue, Stance stance)
    {
        var diagnoser = new RuleDiagnoser(_rules.FactTypes, trace.WorkingMemory);
        diff.Append("    why not ").Append(stance.ToName()).AppendLine(":");
        // The rules nearest to matching (fewest failed conditions) are shown; `stance explain` shows all.
        var probed = diagnoser.Candidates(_rules.Rules, country, issue, stance)
            .Select(r => (Result: r, r.Distance))
            .ToList();
        if (probed.Count == 0)
        {
            diff.Append("      no rule of this rule set emits ").AppendLine(stance.ToName());
            return;
        }

        var nearest = probed.Min(p => p.Distance);
        foreach (var (result, _) in probed.Where(p => p.Distance == nearest))
        {
            var rule = result.Rule;
            diff.Append("      ").Append(rule.Id).Append(" (").Append(rule.Location).Append("): ").AppendLine(ProbeText.Produces(rule.Rule, stance));
            ProbeText.Write(diff, result, _rules.FactTypes, country, "        ", MaxMissLines);
        }

        var others = probed.Where(p => p.Distance != nearest).Select(p => p.Result.Rule.Id).ToList();
        if (others.Count > 0)
        {
            diff.Append("      also could, but further from matching: ").Append(string.Join(", ", others)).AppendLine(" (stance explain shows them)");
        }
    }

    private static string Num(double value) => SignalText.Num(value);
}
