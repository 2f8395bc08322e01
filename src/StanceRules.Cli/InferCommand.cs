namespace StanceRules.Cli;

/// <summary><c>stance infer</c>: fact documents in, stance reports out, through the library's batch inference.</summary>
internal static class InferCommand
{
    public const string SeedFileName = "xi-moscow-2023-03-21.facts.yaml";

    /// <summary>How many failed files the closing summary names before it only counts them.</summary>
    private const int SummaryListLength = 10;

    public static int Run(Options options, TextWriter stdout, TextWriter stderr)
    {
        if (!CommandLine.TryGetWorkers(options, "infer", stderr, out var workers))
        {
            return CommandLine.Usage;
        }

        if (!DocumentInputs.TryGetFormat(options, "infer", stderr, out var stdinFormat))
        {
            return CommandLine.Usage;
        }

        var inputErrors = new List<Diagnostic>();
        var stdinText = options.Has("--stdin-text");
        if (stdinText && options.Paths.Count > 0)
        {
            stderr.WriteLine("stance infer: --stdin-text reads one article from standard input; give no file");
            return CommandLine.Usage;
        }

        var files = stdinText ? ["-"] : ResolveInputs(options.Paths, options.Stdin, inputErrors, stderr);
        if (files is null)
        {
            return CommandLine.Invalid;
        }

        foreach (var error in inputErrors)
        {
            stderr.WriteLine(error);
        }

        if (files.Count == 0)
        {
            // Nothing to infer is not an error of the facts: say so, and give an empty result in the format asked for.
            stderr.WriteLine($"stance: no fact documents (*.facts.yaml, *.facts.yml, *.facts.json) or articles (*.article.txt) in {DisplayText.Escape(string.Join(", ", options.Paths))}");
            if (options.Format == "json")
            {
                stdout.WriteLine("[]");
            }
            else if (options.Format == "html")
            {
                HtmlReport.Write([], stdout);
            }

            return inputErrors.Count == 0 ? CommandLine.Ok : CommandLine.Invalid;
        }

        var engine = CommandLine.LoadEngine(options.Rules, stderr, options.Has("--extend-defaults"));
        if (engine is null)
        {
            return CommandLine.Invalid;
        }

        // Ctrl+C stops reading and lets the articles in flight finish, then prints the summary.
        using var cancellation = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        var console = ReferenceEquals(stderr, Console.Error);
        if (console)
        {
            Console.CancelKeyPress += onCancel;
        }

        try
        {
            var articleErrors = 0;
            var documents = DocumentInputs.Documents(files, options.Stdin, stdinFormat, path =>
            {
                var document = ArticleInput.Document(engine, path, options.Stdin, stderr, "infer");
                articleErrors += document is null ? 1 : 0;
                return document;
            }, stdinText, cancellation.Token);
            var total = files.Any(DocumentInputs.IsStream) ? 0 : files.Count;
            var exit = InferAllAsync(engine, documents, total, options.Format, workers, stdout, stderr, cancellation.Token).GetAwaiter().GetResult();
            return exit == CommandLine.Ok && inputErrors.Count + articleErrors > 0 ? CommandLine.Invalid : exit;
        }
        finally
        {
            if (console)
            {
                Console.CancelKeyPress -= onCancel;
            }
        }
    }

    /// <param name="total">How many documents there are, for the progress bar; 0 when unknown (streams).</param>
    private static async Task<int> InferAllAsync(StanceEngine engine, IAsyncEnumerable<FactDocument> documents, int total, string format, int workers, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        // Reports of formats that print everything at the end (json); the others print each report as it comes.
        var reports = new List<StanceReport>();
        var failed = new List<string>();
        using var progress = ProgressBar.Create(stderr, total);
        var done = 0;
        try
        {
            var batch = engine.InferAllAsync(documents, new BatchOptions { MaxDegreeOfParallelism = workers }, cancellationToken);
            await foreach (var result in batch.ConfigureAwait(false))
            {
                progress.Clear();
                if (!result.Succeeded)
                {
                    stderr.WriteLine(result.ErrorMessage);
                    failed.Add(result.Source);
                }
                else if (format == "jsonl")
                {
                    stdout.WriteLine(result.Report.ToJson(indented: false));
                }
                else if (format == "table")
                {
                    if (done - failed.Count > 0)
                    {
                        stdout.WriteLine();
                    }

                    ReportTable.Write(result.Report, stdout);
                }
                else
                {
                    reports.Add(result.Report);
                }

                progress.Show(++done, failed.Count);
            }
        }
        catch (OperationCanceledException)
        {
            progress.Clear();
            stderr.WriteLine(total > 0 ? $"stance: cancelled after {done} of {total} articles" : $"stance: cancelled after {done} articles");
            return CommandLine.Invalid;
        }

        progress.Clear();
        if (format == "json")
        {
            // One document: the report object itself; several: an array of the reports.
            if (done > 1)
            {
                stdout.WriteLine($"[{string.Join(",\n", reports.Select(r => r.ToJson()))}]");
            }
            else if (reports.Count == 1)
            {
                stdout.WriteLine(reports[0].ToJson());
            }
        }
        else if (format == "html")
        {
            HtmlReport.Write(reports, stdout);
        }

        if (failed.Count == 0)
        {
            return CommandLine.Ok;
        }

        if (done > 1)
        {
            stderr.WriteLine($"stance: {failed.Count} of {done} articles failed; the others' reports are on stdout:");
            foreach (var file in failed.Take(SummaryListLength))
            {
                stderr.WriteLine($"  {file}");
            }

            if (failed.Count > SummaryListLength)
            {
                stderr.WriteLine($"  ... and {failed.Count - SummaryListLength} more");
            }
        }

        return CommandLine.Invalid;
    }

    /// <summary>
    /// Files as given (<c>-</c> is standard input), folders expanded to their fact documents (under
    /// the library's link policy: no link out of the folder, each file once); with no path, standard
    /// input when something is piped to it, else the seed.
    /// </summary>
    private static List<string>? ResolveInputs(List<string> paths, StandardInput stdin, List<Diagnostic> errors, TextWriter stderr)
    {
        if (paths.Count == 0 && stdin.IsPiped)
        {
            // 'cat doc.facts.yaml | stance infer' infers the piped document, never the seed.
            return ["-"];
        }

        if (paths.Count == 0)
        {
            var seed = Path.Combine(AppContext.BaseDirectory, "seeds", SeedFileName);
            return [File.Exists(seed) ? seed : Path.Combine("seeds", SeedFileName)];
        }

        var files = new List<string>();
        foreach (var path in paths)
        {
            if (path == "-")
            {
                files.Add(path);
            }
            else if (StanceFiles.TryEnumerateFolder(path, name => IsFactDocumentName(name) || ArticleInput.IsArticleName(name), StanceLimits.Default, out var found, out var walkErrors))
            {
                errors.AddRange(walkErrors);
                files.AddRange(found);
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                CommandLine.NoSuchPath("infer", path, stderr);
                return null;
            }
        }

        return files;
    }

    /// <summary>A fact document's file name (<c>*.facts.yaml</c>, <c>*.facts.yml</c>, <c>*.facts.json</c>): what a folder given to infer or corpus contributes.</summary>
    internal static bool IsFactDocumentName(string name) =>
        name.Contains(".facts.", StringComparison.OrdinalIgnoreCase)
        && (name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".json", StringComparison.OrdinalIgnoreCase));
}
