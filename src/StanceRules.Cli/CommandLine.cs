namespace StanceRules.Cli;

/// <summary>The <c>stance</c> command: argument parsing and dispatch. Exit codes: 0 ok, 1 invalid facts or rules, 2 bad usage.</summary>
internal static class CommandLine
{
    public const int Ok = 0;
    public const int Invalid = 1;
    public const int Usage = 2;

    public const string UsageText = """
        Usage:
          stance infer [FILE|DIR ...] [--rules DIR] [--format table|json]
              Infer each country's stance on each issue from fact documents (*.facts.yaml,
              *.facts.json). With no file: the seed article's facts. With no --rules: the
              default rule set embedded in the package.
          stance validate [DIR]
              Load and compile a rule set (default: the embedded one); print every diagnostic.
          stance --help | --version

        Exit codes: 0 success, 1 invalid facts or rules, 2 bad usage.
        """;

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            (args.Length == 0 ? stderr : stdout).WriteLine(UsageText);
            return Task.FromResult(args.Length == 0 ? Usage : Ok);
        }

        if (args[0] == "--version")
        {
            stdout.WriteLine(typeof(StanceEngine).Assembly.GetName().Version?.ToString(3));
            return Task.FromResult(Ok);
        }

        if (!Options.TryParse(args.AsSpan(1), out var options, out var error))
        {
            stderr.WriteLine($"stance: {error}");
            stderr.WriteLine("Run 'stance --help' for usage.");
            return Task.FromResult(Usage);
        }

        return Task.FromResult(args[0] switch
        {
            "infer" => InferCommand.Run(options, stdout, stderr),
            "validate" => ValidateCommand.Run(options, stdout, stderr),
            _ => UnknownCommand(args[0], stderr),
        });
    }

    private static int UnknownCommand(string name, TextWriter stderr)
    {
        stderr.WriteLine($"stance: unknown command '{name}'; expected infer or validate.");
        stderr.WriteLine("Run 'stance --help' for usage.");
        return Usage;
    }

    /// <summary>Loads the rules the options name (or the embedded default), printing diagnostics.</summary>
    public static StanceEngine? LoadEngine(string? rulesDirectory, TextWriter stderr)
    {
        if (rulesDirectory is null)
        {
            return StanceEngine.CreateDefault();
        }

        if (StanceEngine.TryLoad(rulesDirectory, out var engine, out var diagnostics))
        {
            return engine;
        }

        foreach (var diagnostic in diagnostics)
        {
            stderr.WriteLine(diagnostic);
        }

        return null;
    }
}

/// <summary>Parsed options shared by the commands.</summary>
internal sealed class Options
{
    public List<string> Paths { get; } = [];

    public string? Rules { get; private set; }

    public string Format { get; private set; } = "table";

    public static bool TryParse(ReadOnlySpan<string> args, out Options options, out string? error)
    {
        options = new Options();
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--rules" or "--format":
                    if (i + 1 >= args.Length)
                    {
                        error = $"{arg} needs a value";
                        return false;
                    }

                    var value = args[++i];
                    if (arg == "--rules")
                    {
                        options.Rules = value;
                    }
                    else if (value is "table" or "json")
                    {
                        options.Format = value;
                    }
                    else
                    {
                        error = $"unknown format '{value}'; expected table or json";
                        return false;
                    }

                    break;
                case var _ when arg.StartsWith('-') && arg.Length > 1:
                    error = $"unknown option '{arg}'";
                    return false;
                default:
                    options.Paths.Add(arg);
                    break;
            }
        }

        return true;
    }
}
