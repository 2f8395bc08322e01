namespace StanceRules.Cli;

/// <summary><c>stance validate</c>: compile a rule set and print every diagnostic.</summary>
internal static class ValidateCommand
{
    public static int Run(Options options, TextWriter stdout, TextWriter stderr)
    {
        if (options.Paths.Count > 1 || (options.Paths.Count == 1 && options.Rules is not null))
        {
            stderr.WriteLine("stance: validate takes one rule set folder");
            return CommandLine.Usage;
        }

        var directory = options.Paths.Count == 1 ? options.Paths[0] : options.Rules;
        if (directory is not null && !Directory.Exists(directory))
        {
            return CommandLine.NoSuchPath("validate", directory, stderr);
        }

        if (options.Format == "json")
        {
            return ValidateJson.Run(directory, options.Has("--extend-defaults"), stdout);
        }

        var engine = CommandLine.LoadEngine(directory, stderr, options.Has("--extend-defaults"));
        if (engine is null)
        {
            return CommandLine.Invalid;
        }

        stdout.WriteLine($"Layers: {Layers(engine.SourceFiles, directory)}");
        stdout.WriteLine($"{directory ?? "embedded default rules"}: {engine.RuleIds.Count} rules compiled, no errors{(engine.Warnings.Count > 0 ? $", {engine.Warnings.Count} warning(s)" : "")}.");
        return CommandLine.Ok;
    }

    /// <summary>"embedded defaults (a.yaml, b.yaml), then DIR (c.yaml)": the layers a rule set was compiled from, in order.</summary>
    private static string Layers(IReadOnlyList<string> files, string? directory)
    {
        var embedded = files.Where(f => f.StartsWith("embedded:", StringComparison.Ordinal)).Select(f => StanceFiles.PathInRuleSet(f, directory)).ToArray();
        var folder = files.Where(f => !f.StartsWith("embedded:", StringComparison.Ordinal)).Select(f => StanceFiles.PathInRuleSet(f, directory)).ToArray();
        var layers = new List<string>();
        if (embedded.Length > 0)
        {
            layers.Add($"embedded defaults ({string.Join(", ", embedded)})");
        }

        if (directory is not null)
        {
            layers.Add($"{directory} ({(folder.Length > 0 ? string.Join(", ", folder) : "no rule files")})");
        }

        return string.Join(", then ", layers);
    }
}
