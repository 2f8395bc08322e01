namespace StanceRules.Cli;

/// <summary>
/// <c>stance test --format json</c>: the rule tests' outcome as one object on stdout: the counts, each case
/// with its location, result, diff and rules fired, the errors in the test files, and the coverage (always,
/// as a fraction from 0 to 1, with the rules fired and never fired). Schema: schemas/test-output.schema.json.
/// </summary>
internal static class TestJson
{
    public static void Write(RuleTestReport report, string? rules, CasePattern? run, double? threshold, TextWriter stdout)
    {
        CliJson.Write(stdout, json =>
        {
            json.WriteStartObject();
            json.WriteString("tests", report.Directory);
            CliJson.WriteStringOrNull(json, "rules", rules);
            CliJson.WriteStringOrNull(json, "run", run?.Text);
            json.WriteBoolean("succeeded", report.Succeeded && TestCommand.MeetsThreshold(report, threshold));
            json.WriteNumber("cases", report.Results.Count);
            json.WriteNumber("passed", report.Passed);
            json.WriteNumber("failed", report.Failed);
            json.WriteStartArray("results");
            foreach (var result in report.Results)
            {
                json.WriteStartObject();
                json.WriteString("name", result.Name);
                CliJson.WriteLocation(json, "location", result.Location);
                json.WriteBoolean("passed", result.Passed);
                CliJson.WriteStringOrNull(json, "failure", result.Failure);
                CliJson.WriteStrings(json, "rules_fired", result.RulesFired);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            CliJson.WriteDiagnostics(json, "diagnostics", report.Diagnostics);
            json.WriteStartObject("coverage");
            json.WriteNumber("fraction", Math.Round(report.CoverageFraction, 4));
            CliJson.WriteStrings(json, "rules_fired", report.RulesFired);
            CliJson.WriteStrings(json, "rules_never_fired", report.RulesNeverFired);
            json.WriteEndObject();
            if (threshold is { } minimum)
            {
                json.WriteStartObject("threshold");
                json.WriteNumber("percent", minimum);
                json.WriteBoolean("met", TestCommand.MeetsThreshold(report, minimum));
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("threshold");
            }

            json.WriteEndObject();
        });
    }
}
