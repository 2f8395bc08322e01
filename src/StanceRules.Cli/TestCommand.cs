using System.Globalization;

namespace StanceRules.Cli;

/// <summary>
/// <c>stance test [DIR] [--rules DIR] [--coverage] [--threshold PERCENT]</c>: runs the rule tests
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

        stdout.WriteLine($"Testing {tests} with {rules ?? "the embedded default rules"}");
        stdout.WriteLine();
        var report = engine.RunTests(tests);
        stdout.Write(report.ToText(coverage: options.Has("--coverage")));
        var exit = report.Succeeded ? CommandLine.Ok : CommandLine.Invalid;
        if (threshold is { } minimum)
        {
            if (report.Coverage + 1e-9 < minimum)
            {
                stdout.WriteLine(FormattableString.Invariant($"coverage {report.Coverage:0.#}% is below the threshold {minimum:0.#}%; never fired: {string.Join(", ", report.RulesNeverFired)}"));
                exit = CommandLine.Invalid;
            }
            else
            {
                stdout.WriteLine(FormattableString.Invariant($"coverage {report.Coverage:0.#}% meets the threshold {minimum:0.#}%"));
            }
        }

        return exit;
    }

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
