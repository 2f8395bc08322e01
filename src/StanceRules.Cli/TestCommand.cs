using System.Globalization;

namespace StanceRules.Cli;

/// <summary>
/// <c>stance test [DIR] [--rules DIR] [--coverage] [--threshold PERCENT] [--run PATTERN] [--junit FILE] [--format text|json]</c>: runs the rule tests
/// (<c>*.tests.yaml</c>) of DIR with the rules of DIR (or of <c>--rules</c>). With no DIR: the
/// <c>rules/</c> folder of the current directory when it holds rules and tests (a rule set's own repository),
/// else the tests shipped beside the tool, run against the embedded default rules.
/// Exit 0 when every case passes (and coverage reaches the threshold), 1 otherwise, 2 on bad usage.
/// </summary>
internal static class TestCommand
{
    public static int Run(Options options, TextWriter stdout, TextWriter stderr)
    {
        if (options.Paths.Count > 1)
        {
            stderr.WriteLine("stance test: give at most one folder of tests");
            return CommandLine.Usage;
        }

        double? threshold = null;
        if (options.Get("--threshold") is { } thresholdText)
        {
            if (!double.TryParse(thresholdText.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var t) || t is < 0 or > 100)
            {
                stderr.WriteLine($"stance test: --threshold takes a percentage from 0 to 100, not '{thresholdText}'");
                return CommandLine.Usage;
            }

            threshold = t;
        }

        CasePattern? run = null;
        if (options.Get("--run") is { } runText && !CasePattern.TryParse(runText, out run, out var runError))
        {
            stderr.WriteLine($"stance test: {runError}");
            return CommandLine.Usage;
        }

        var (tests, rules) = Folders(options);
        if (!Directory.Exists(tests))
        {
            return CommandLine.NoSuchPath("test", tests, stderr);
        }

        var engine = CommandLine.LoadEngine(rules, stderr, options.Has("--extend-defaults"));
        if (engine is null)
        {
            return CommandLine.Invalid;
        }

        var json = options.Format == "json";
        if (!json)
        {
            stdout.WriteLine($"Testing {tests} with {rules ?? "the embedded default rules"}{(run is null ? "" : $", cases matching '{DisplayText.Escape(run.Text)}'")}");
            stdout.WriteLine();
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var report = run is null ? engine.RunTests(tests) : engine.RunTests(tests, run.Matches);
        clock.Stop();
        if (options.Get("--junit") is { } junit)
        {
            try
            {
                TestJunit.Write(report, clock.Elapsed, junit);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine(DisplayText.Escape($"{junit}:1:1: error {DiagnosticCodes.FileNotReadable}: stance test: cannot write the JUnit report: {e.Message}"));
                return CommandLine.Invalid;
            }
        }

        if (json)
        {
            TestJson.Write(report, rules, run, threshold, stdout);
            return report.Succeeded && MeetsThreshold(report, threshold) ? CommandLine.Ok : CommandLine.Invalid;
        }

        stdout.Write(report.ToText(coverage: options.Has("--coverage")));
        if (run is not null && report.Results.Count == 0 && report.Diagnostics.Count == 0)
        {
            stdout.WriteLine($"no case matches --run '{DisplayText.Escape(run.Text)}'");
        }

        var exit = report.Succeeded ? CommandLine.Ok : CommandLine.Invalid;
        if (threshold is { } minimum)
        {
            var percent = 100 * report.CoverageFraction;
            if (!MeetsThreshold(report, minimum))
            {
                stdout.WriteLine(FormattableString.Invariant($"coverage {Math.Floor(percent * 10) / 10:0.#}% is below the threshold {minimum:0.#}%; never fired: {string.Join(", ", report.RulesNeverFired)}"));
                exit = CommandLine.Invalid;
            }
            else
            {
                stdout.WriteLine(FormattableString.Invariant($"coverage {Math.Round(percent, 1):0.#}% meets the threshold {minimum:0.#}%"));
            }
        }

        return exit;
    }

    /// <summary>Whether the coverage reaches a threshold given as a percentage (always, with no threshold).</summary>
    public static bool MeetsThreshold(RuleTestReport report, double? thresholdPercent) =>
        thresholdPercent is not { } minimum || 100 * report.CoverageFraction + 1e-9 >= minimum;
    /// <summary>The folder of tests, and of rules (null: the embedded default).</summary>
    private static (string Tests, string? Rules) Folders(Options options)
    {
        if (options.Paths.Count == 1)
        {
            return (options.Paths[0], options.Rules ?? options.Paths[0]);
        }

        var local = "rules";
        var files = Directory.Exists(local) ? Directory.GetFiles(local, "*", SearchOption.AllDirectories) : [];
        if (files.Any(f => f.EndsWith(".tests.yaml", StringComparison.Ordinal)) && files.Any(StanceFiles.IsRuleFile))
        {
            return (local, options.Rules ?? local);
        }

        // The tests of the default rules ship beside the tool, as rules/*.tests.yaml.
        return (Path.Combine(AppContext.BaseDirectory, "rules"), options.Rules);
    }
}
