namespace StanceRules.Cli;

/// <summary><c>stance infer</c>: fact documents in, stance reports out.</summary>
internal static class InferCommand
{
    public const string SeedFileName = "xi-moscow-2023-03-21.facts.yaml";

    public static int Run(Options options, TextWriter stdout, TextWriter stderr)
    {
        var files = ResolveInputs(options.Paths, stderr);
        if (files is null)
        {
            return CommandLine.Usage;
        }

        var engine = CommandLine.LoadEngine(options.Rules, stderr);
        if (engine is null)
        {
            return CommandLine.Invalid;
        }

        var exit = CommandLine.Ok;
        var reports = new List<StanceReport>();
        foreach (var file in files)
        {
            if (!ArticleFacts.TryLoad(file, out var article, out var diagnostics, engine.FactTypes))
            {
                foreach (var diagnostic in diagnostics)
                {
                    stderr.WriteLine(diagnostic);
                }

                exit = CommandLine.Invalid;
                continue;
            }

            reports.Add(engine.Infer(article));
        }

        if (options.Format == "json")
        {
            // One report: the report object itself; several: an array of them.
            stdout.WriteLine(reports.Count == 1 ? reports[0].ToJson() : $"[{string.Join(",\n", reports.Select(r => r.ToJson()))}]");
        }
        else
        {
            for (var i = 0; i < reports.Count; i++)
            {
                if (i > 0)
                {
                    stdout.WriteLine();
                }

                ReportTable.Write(reports[i], stdout);
            }
        }

        return exit;
    }

    /// <summary>Files as given, folders expanded to their fact documents, or the seed when none is given.</summary>
    private static List<string>? ResolveInputs(List<string> paths, TextWriter stderr)
    {
        if (paths.Count == 0)
        {
            var seed = Path.Combine(AppContext.BaseDirectory, "seeds", SeedFileName);
            return [File.Exists(seed) ? seed : Path.Combine("seeds", SeedFileName)];
        }

        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*.facts.*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                stderr.WriteLine($"stance: no such file or folder '{path}'");
                return null;
            }
        }

        return files;
    }
}

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
        var engine = CommandLine.LoadEngine(directory, stderr);
        if (engine is null)
        {
            return CommandLine.Invalid;
        }

        stdout.WriteLine($"{directory ?? "embedded default rules"}: {engine.RuleIds.Count} rules compiled, no errors.");
        return CommandLine.Ok;
    }
}
