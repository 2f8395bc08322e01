namespace StanceRules.Cli;

/// <summary>
/// The <c>stance</c> command: argument parsing and dispatch, and the conventions every command shares, in
/// one place: <c>--help</c>/<c>-h</c> on every command (its section of <see cref="UsageText"/>, exit 0), the exit
/// codes below, <see cref="NoSuchPath"/> for a path that does not exist, <see cref="LoadEngine"/> for --rules.
/// A new command adds its line to <see cref="Commands"/> and its section to <see cref="UsageText"/>.
/// Contract: docs/cli.md (commands, options, exit codes); a test fails when a command or option is missing there.
/// </summary>
internal static class CommandLine
{
    /// <summary>Exit code 0: the command did what was asked and found nothing wrong.</summary>
    public const int Ok = 0;

    /// <summary>
    /// Exit code 1: errors or findings in the input: invalid facts or rules, a path that does not exist or
    /// cannot be read, failed rule tests, an unexpected stance, an unknown country or issue.
    /// </summary>
    public const int Invalid = 1;

    /// <summary>Exit code 2: bad usage: an unknown command or option, a missing or malformed argument.</summary>
    public const int Usage = 2;

    /// <summary>The exit-code table, as --help prints it (contract: docs/cli.md#exit-codes).</summary>
    public const string ExitCodesText = """
        Exit codes (every command):
          0  success
          1  errors or findings in the input: invalid facts or rules, a missing or unreadable
             file, failed rule tests, an unexpected stance, an unknown country or issue
          2  bad usage: an unknown command or option, a missing or malformed argument
        """;

    public const string UsageText = """
        Usage:
          stance infer [FILE|DIR|- ...] [--input-format auto|yaml|json|jsonl] [--stdin-text]
                       [--rules DIR [--extend-defaults]] [--format table|json|jsonl|html] [--workers N]
              Infer each country's stance on each issue from fact documents (*.facts.yaml,
              *.facts.json; *.jsonl and *.ndjson: one document per line), or from articles' text
              (*.txt; *.article.txt in folders), extracted as by stance extract. '-' reads
              standard input (YAML, JSON or JSON Lines: --input-format, default sniffed; empty is
              an error); --stdin-text reads one article's text from it instead. With no file:
              piped standard input, else (a terminal) the seed article's facts. With no --rules: the
              default rule set embedded in the package. Articles are inferred in parallel
              (--workers, default: one per core) and printed in input order; jsonl prints
              one report per line. A bad article is reported on stderr and the rest go on.
              html: one self-contained page, a matrix of countries by issues per article.
          stance validate [DIR] [--rules DIR] [--extend-defaults] [--format text|json]
              Load and compile a rule set (default: the embedded one); print every diagnostic, the
              warnings (no gazetteer, no lexicon) and the layers loaded. --extend-defaults: DIR is a
              layer on the embedded default rules (its files replace the defaults of the same name
              and add the others), as with every command's --rules DIR --extend-defaults.
              json: one object on stdout, the diagnostics included (schemas/validate-output).
          stance test [DIR] [--rules DIR [--extend-defaults]] [--coverage] [--threshold PERCENT]
                      [--run PATTERN] [--junit FILE] [--format text|json]
              Run the rule tests (*.tests.yaml) of DIR with the rules of DIR (or --rules); with no
              DIR: ./rules when it holds tests, else the default rules' own tests. Failures print
              as diffs; --coverage lists the rules fired and never fired. --run: only the cases
              whose name matches PATTERN (ignoring case; * any characters, ? one, | between
              alternatives). --junit: also write a JUnit XML report to FILE for CI.
              json: one object on stdout with every case and the coverage (schemas/test-output).
          stance explain FILE|ARTICLE.txt|- --country X --issue Y [--expect STANCE] [--input-format F]
                         [--rules DIR [--extend-defaults]] [--format text|json]
              Explain a country's stance on an issue in a fact document (or an article's text,
              extracted first): the signals, their rules and evidence, the conflict policy's
              deciding step, and for an absent or other expected stance the rules that could have
              produced it and their failed conditions.
              json: one object on stdout (schemas/explain-output).
          stance corpus PATH...|- [--by day|week|month|quarter|year] [--country X,Y] [--issue I,J]
                        [--input-format F] [--from plover|gdelt|polecat|events]
                        [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--format table|json|csv|html]
                        [--show stances,changes,agreement,closest] [--top N] [--articles-per-cell N]
                        [--rules DIR [--extend-defaults]] [--workers N]
              Stances across many articles: fact documents, articles' text and folders (inferred
              as by infer), or jsonl files (and '-', or piped input) of reports (written by infer
              --format jsonl) or of fact documents, told apart by the first line. --from
              plover|gdelt|polecat|events: the files are event records (PLOVER JSON, GDELT exports,
              POLECAT weekly files; plain or zip; events: sniffed),
              mapped by the rule set's events: section (docs/events.md). Per (country, issue) per
              window (default month; weeks are ISO weeks), the stance decided across the window's
              articles by the conflict policy, with the articles behind it; the changes from one
              window to the next; the agreement of every pair of countries (share alike, S-score,
              number of issues compared); with --country, the countries closest to each. Reports
              without a date are skipped; a repeated article id counts once (warned about when its
              content differs). --articles-per-cell N: how many of the strongest articles each
              (country, issue, window, stance) keeps and shows (default 5, 1 to 1,000): most of
              the memory by day over years. html: one page with a heatmap and the changes per
              issue, and the agreement matrix in bloc order.
              Definitions: docs/corpus.md.
          stance resolve "ACTOR" [--date YYYY-MM-DD] [--rules DIR [--extend-defaults]] [--format text|json]
              Resolve an actor as a fact writes it on a date: the country (or the countries of a
              joint statement), the alias or the office and term that matched, or the reason it is
              no country (former official, organization, group, non-state actor, ambiguous).
              Without --date, officials resolve by their latest office. Exit 1 when no country.
              json: one object on stdout (schemas/resolve-output).
          stance extract ARTICLE.txt [--published YYYY-MM-DD] [--id ID] [--format yaml|json] [--why-not]
                         [--stdin] [--rules DIR [--extend-defaults]]
              Extract an article's facts from its text with the rule set's dictionaries (no model)
              and print them as a fact document that stance infer reads unchanged. The date is
              --published or a header line "Published: YYYY-MM-DD" at the top of the text (also
              "Id:", "Title:"); officials resolve to the country they served that day. --why-not
              lists on stderr each sentence that named a country or used a stance verb but gave
              no fact, with the reason. --stdin reads the article from stdin.
          stance --help | -h | help
              This usage and the exit codes.
          stance --version
              The full version, and after + the commit it was built from.
          stance COMMAND --help
              A command's own usage.
        """;

    /// <summary>Runs one command line to its end (commands that read many files run their batch inside) and returns the exit code.</summary>
    /// <remarks>Standard input is <see cref="StandardInput.None"/>: nothing piped (the process passes its own with the other overload).</remarks>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, StandardInput.None, stdout, stderr);

    /// <summary>Runs one command line with the standard input given (<c>-</c>, and piped input when no path is given).</summary>
    public static int Run(string[] args, StandardInput stdin, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            var writer = args.Length == 0 ? stderr : stdout;
            writer.WriteLine(UsageText);
            writer.WriteLine();
            writer.WriteLine(ExitCodesText);
            return args.Length == 0 ? Usage : Ok;
        }

        if (args[0] == "--version")
        {
            stdout.WriteLine(Version);
            return Ok;
        }

        var command = Array.Find(Commands, c => c.Name == args[0]);
        if (command is null)
        {
            return UnknownCommand(args[0], stderr);
        }

        if (args.AsSpan(1).IndexOfAny("--help", "-h") >= 0)
        {
            stdout.WriteLine(HelpFor(command.Name));
            return Ok;
        }

        if (!Options.TryParse(args.AsSpan(1), command, out var options, out var error))
        {
            stderr.WriteLine($"stance {command.Name}: {error}");
            stderr.WriteLine("Run 'stance --help' for usage.");
            return Usage;
        }

        options.Stdin = stdin;
        return command.Run(options, stdout, stderr);
    }

    /// <summary>
    /// What <c>stance --version</c> prints: the full informational version, e.g. <c>0.1.0-local+996a56b1...</c>:
    /// the package version (a prerelease suffix such as <c>-local</c> included) and, after <c>+</c>, the commit
    /// it was built from (when it was built in a git checkout).
    /// </summary>
    public static string Version =>
        typeof(CommandLine).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), inherit: false) is [System.Reflection.AssemblyInformationalVersionAttribute { InformationalVersion: { Length: > 0 } version }, ..]
            ? version
            : typeof(CommandLine).Assembly.GetName().Version?.ToString(3) ?? "unknown";

    /// <summary>Every command, the options it accepts, and what runs it. Add a command here.</summary>
    private static readonly CommandSpec[] Commands =
    [
        new("infer", ["--rules", "--format", "--workers", "--input-format"], ["--extend-defaults", "--stdin-text"], InferCommand.Run) { Formats = ["table", "json", "jsonl", "html"] },
        new("validate", ["--rules", "--format"], ["--extend-defaults"], ValidateCommand.Run) { Formats = ["text", "json"] },
        new("explain", ["--rules", "--country", "--issue", "--expect", "--format", "--input-format"], ["--extend-defaults"], ExplainCommand.Run) { Formats = ["text", "json"] },
        new("test", ["--rules", "--threshold", "--run", "--junit", "--format"], ["--coverage", "--extend-defaults"], TestCommand.Run) { Formats = ["text", "json"] },
        new("corpus", ["--rules", "--format", "--workers", "--input-format", "--from", "--by", "--country", "--issue", "--since", "--until", "--show", "--top", "--articles-per-cell"], ["--extend-defaults"], CorpusCommand.Run) { Formats = ["table", "json", "csv", "html"] },
        new("resolve", ["--rules", "--date", "--format"], ["--extend-defaults"], ResolveCommand.Run) { Formats = ["text", "json"] },
        new("extract", ["--rules", "--format", "--published", "--id"], ["--extend-defaults", "--why-not", "--stdin"], ExtractCommand.Run) { Formats = ["yaml", "json"] },
    ];

    private static int UnknownCommand(string name, TextWriter stderr)
    {
        stderr.WriteLine($"stance: unknown command '{name}'; expected {string.Join(", ", Commands.Select(c => c.Name))}.");
        stderr.WriteLine("Run 'stance --help' for usage.");
        return Usage;
    }

    /// <summary>A command's usage: its section of <see cref="UsageText"/> (the line naming it and the indented lines under it), then the exit codes.</summary>
    public static string HelpFor(string command)
    {
        var lines = UsageText.ReplaceLineEndings("\n").Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith($"  stance {command}", StringComparison.Ordinal));
        var section = lines.Skip(start).Take(1).Concat(lines.Skip(start + 1).TakeWhile(l => l.StartsWith("      ", StringComparison.Ordinal)));
        return $"Usage:\n{string.Join('\n', section)}\n\n{ExitCodesText}";
    }

    /// <summary>The most --workers: far more than any machine has cores, far below what overflows.</summary>
    public const int MaxWorkers = 1024;

    /// <summary>--workers, bounded so that nothing derived from it (a batch's read-ahead is 4 per worker) can overflow; false (a usage error, said) when out of range.</summary>
    public static bool TryGetWorkers(Options options, string command, TextWriter stderr, out int workers)
    {
        workers = Environment.ProcessorCount;
        if (options.Get("--workers") is { } value && (!int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out workers) || workers is < 1 or > MaxWorkers))
        {
            stderr.WriteLine($"stance {command}: --workers takes a whole number from 1 to {MaxWorkers}, not '{DisplayText.Escape(value)}'");
            return false;
        }

        return true;
    }

    /// <summary>A path named on the command line that does not exist: an error in the input (exit 1), said the same way by every command.</summary>
    public static int NoSuchPath(string command, string path, TextWriter stderr)
    {
        stderr.WriteLine(DisplayText.Escape($"{path}:1:1: error {DiagnosticCodes.FileNotReadable}: stance {command}: no such file or folder"));
        return Invalid;
    }

    /// <summary>Loads the rules the options name (or the embedded default), printing diagnostics.</summary>
    /// <param name="rulesDirectory">The folder; null for the embedded rules.</param>
    /// <param name="stderr">Where diagnostics and warnings go.</param>
    /// <param name="extendDefaults">--extend-defaults: the folder is a layer on the embedded rules.</param>
    public static StanceEngine? LoadEngine(string? rulesDirectory, TextWriter stderr, bool extendDefaults = false)
    {
        if (rulesDirectory is null)
        {
            return StanceEngine.CreateDefault();
        }

        if (StanceEngine.TryLoad(rulesDirectory, out var engine, out var diagnostics, new StanceEngineOptions { ExtendDefaultRules = extendDefaults }))
        {
            foreach (var warning in engine.Warnings)
            {
                stderr.WriteLine(warning);
            }

            return engine;
        }

        foreach (var diagnostic in diagnostics)
        {
            stderr.WriteLine(diagnostic);
        }

        return null;
    }
}

/// <summary>A command: its name, the options it accepts (with a value, or flags) and its entry point.</summary>
internal sealed record CommandSpec(string Name, string[] ValueOptions, string[] FlagOptions, Func<Options, TextWriter, TextWriter, int> Run)
{
    /// <summary>The values <c>--format</c> accepts, the first being the default; empty when the command has no --format.</summary>
    public string[] Formats { get; init; } = [];
}

/// <summary>A command's parsed arguments: paths, options with values, flags.</summary>
internal sealed class Options
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    public List<string> Paths { get; } = [];

    public string? Rules => Get("--rules");

    public string Format { get; private set; } = "table";

    /// <summary>What <c>-</c> reads (set by <see cref="CommandLine.Run(string[], StandardInput, TextWriter, TextWriter)"/>).</summary>
    public StandardInput Stdin { get; set; } = StandardInput.None;

    public string? Get(string option) => _values.GetValueOrDefault(option);

    public bool Has(string flag) => _flags.Contains(flag);

    public static bool TryParse(ReadOnlySpan<string> args, CommandSpec command, out Options options, out string? error)
    {
        options = new Options();
        if (command.Formats.Length > 0)
        {
            options.Format = command.Formats[0];
        }

        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (command.ValueOptions.Contains(arg))
            {
                if (i + 1 >= args.Length)
                {
                    error = $"{arg} needs a value";
                    return false;
                }

                options._values[arg] = args[++i];
            }
            else if (command.FlagOptions.Contains(arg))
            {
                options._flags.Add(arg);
            }
            else if (arg.StartsWith('-') && arg.Length > 1)
            {
                error = $"unknown option '{arg}'";
                return false;
            }
            else
            {
                options.Paths.Add(arg);
            }
        }

        if (options.Get("--format") is { } format)
        {
            if (!command.Formats.Contains(format))
            {
                error = $"unknown format '{format}'; expected {string.Join(" or ", command.Formats)}";
                return false;
            }

            options.Format = format;
        }

        return true;
    }
}
