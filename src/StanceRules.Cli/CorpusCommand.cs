using System.Globalization;

namespace StanceRules.Cli;

/// <summary>
/// <c>stance corpus</c>: many articles (fact documents, folders, or the jsonl of
/// <c>stance infer --format jsonl</c>) into one <see cref="StanceCorpus"/>, and its answers:
/// stances per window, changes, agreement between countries.
/// </summary>
internal static class CorpusCommand
{
    public static readonly string[] Sections = ["stances", "changes", "agreement", "closest"];

    /// <summary>The most --articles-per-cell: <see cref="CorpusOptions.ArticlesPerCell"/>'s bound.</summary>
    private const int MaxArticlesPerCell = 1_000;

    public static int Run(Options options, TextWriter stdout, TextWriter stderr)
    {
        if (!TryParse(options, stderr, out var query))
        {
            return CommandLine.Usage;
        }

        if (query.Options.EvidenceInTemporaryFile && !CanWriteTemporaryFile(out var tempError))
        {
            // Found before reading anything, not after a long read. The output does not need the file,
            // only the memory it saves: the evidence stays in memory, and the user is told.
            stderr.WriteLine(DisplayText.Escape($"stance corpus: warning: cannot write the evidence file in the temporary folder {Path.GetTempPath()} ({tempError}); the evidence is kept in memory (set TMPDIR, TMP on Windows, to a writable folder)"));
            query = query with { Options = query.Options with { EvidenceInTemporaryFile = false } };
        }

        if (options.Get("--from") is { } from)
        {
            // Machine-coded event records instead of articles: CorpusEvents.
            return CorpusEvents.Run(options, query, from, stdout, stderr);
        }

        if (!DocumentInputs.TryGetFormat(options, "corpus", stderr, out var stdinFormat))
        {
            return CommandLine.Usage;
        }

        // With no path, piped input is read as '-' would be ('stance infer --format jsonl ... | stance corpus').
        var paths = options.Paths.Count == 0 && options.Stdin.IsPiped ? ["-"] : options.Paths;
        if (paths.Count == 0)
        {
            stderr.WriteLine("stance corpus: give fact documents, folders or jsonl files of reports (or - for standard input)");
            return CommandLine.Usage;
        }

        var documents = new List<string>();
        var reportFiles = new List<string>();
        var inputErrors = new List<Diagnostic>();
        var stdin = options.Stdin;
        Stream? stdinReports = null;
        foreach (var path in paths)
        {
            if (path == "-")
            {
                // Reports or fact documents: the first line tells, and is given back to whichever reads the input.
                var (reports, input) = CorpusInputs.Peek(options.Stdin.Open());
                stdin = StandardInput.FromStream(input);
                if (reports)
                {
                    stdinReports = input;
                }
                else
                {
                    documents.Add(path);
                }

                continue;
            }

            // Folders under the library's link policy (no link out of the folder, each file once), as in 'stance infer'.
            if (StanceFiles.TryEnumerateFolder(path, name => InferCommand.IsFactDocumentName(name) || ArticleInput.IsArticleName(name) || IsReportFile(name), StanceLimits.Default, out var found, out var walkErrors))
            {
                inputErrors.AddRange(walkErrors);
                documents.AddRange(found.Where(f => InferCommand.IsFactDocumentName(Path.GetFileName(f)) || ArticleInput.IsArticleName(Path.GetFileName(f))));
                reportFiles.AddRange(found.Where(f => IsReportFile(f) && CorpusInputs.HoldsReports(f)));
                documents.AddRange(found.Where(f => IsReportFile(f) && !CorpusInputs.HoldsReports(f)));
            }
            else if (File.Exists(path))
            {
                (IsReportFile(path) && CorpusInputs.HoldsReports(path) ? reportFiles : documents).Add(path);
            }
            else
            {
                return CommandLine.NoSuchPath("corpus", path, stderr);
            }
        }

        foreach (var error in inputErrors)
        {
            stderr.WriteLine(error);
        }

        if (!CommandLine.TryGetWorkers(options, "corpus", stderr, out var workers))
        {
            return CommandLine.Usage;
        }

        var engine = documents.Count == 0 ? null : CommandLine.LoadEngine(options.Rules, stderr, options.Has("--extend-defaults"));
        if (documents.Count > 0 && engine is null)
        {
            return CommandLine.Invalid;
        }

        var corpus = new StanceCorpus(query.Options);
        var streamed = stdinReports is not null || documents.Any(DocumentInputs.IsStream);
        var total = streamed ? 0 : documents.Count + reportFiles.Sum(CountLines);
        var (done, failed) = (0, 0);
        using (var progress = ProgressBar.Create(stderr, total))
        {
            void Failed(string message)
            {
                progress.Clear();
                stderr.WriteLine(message);
                failed++;
            }

            foreach (var file in stdinReports is null ? reportFiles : [.. reportFiles, "-"])
            {
                var name = file == "-" ? DocumentInputs.StdinName : file;
                try
                {
                    foreach (var (number, line, error) in file == "-" ? ReportLines(stdinReports!) : ReportLines(file))
                    {
                        if (error is not null)
                        {
                            Failed(DisplayText.Escape(number == 0 ? $"{name}: error: {error}" : $"{name}:{number}: error: {error}"));
                        }
                        else
                        {
                            try
                            {
                                AddWarningOnConflict(corpus, ReadReport(line!), $"{name}:{number}", stderr);
                            }
                            catch (FormatException e)
                            {
                                Failed(DisplayText.Escape($"{name}:{number}: error: {e.Message}"));
                            }
                        }

                        progress.Show(++done, failed);
                    }
                }
                catch (IOException e)
                {
                    Failed(DisplayText.Escape($"{name}: error: cannot read: {e.Message}"));
                }
            }

            if (engine is not null)
            {
                // An article that cannot be read or extracted is said on stderr and counted as failed, like a bad document.
                var articles = DocumentInputs.Documents(documents, stdin, stdinFormat, path =>
                {
                    var document = ArticleInput.Document(engine, path, stdin, stderr, "corpus");
                    failed += document is null ? 1 : 0;
                    return document;
                });
                var batch = engine.InferAllAsync(articles, new BatchOptions { MaxDegreeOfParallelism = workers });
                var enumerator = batch.GetAsyncEnumerator();
                try
                {
                    while (enumerator.MoveNextAsync().AsTask().GetAwaiter().GetResult())
                    {
                        var result = enumerator.Current;
                        if (result.Report is { } report)
                        {
                            AddWarningOnConflict(corpus, report, result.Source, stderr);
                        }
                        else
                        {
                            Failed(result.ErrorMessage);
                        }

                        progress.Show(++done, failed);
                    }
                }
                finally
                {
                    enumerator.DisposeAsync().AsTask().GetAwaiter().GetResult();
                }
            }
        }

        Write(CorpusAnswers.Ask(corpus, query, failed), options.Format, stdout);
        return failed == 0 ? CommandLine.Ok : CommandLine.Invalid;
    }

    /// <summary>The answers in the format asked for.</summary>
    internal static void Write(CorpusAnswers answers, string format, TextWriter stdout)
    {
        switch (format)
        {
            case "json":
                CorpusText.WriteJson(answers, stdout);
                break;
            case "csv":
                CorpusText.WriteCsv(answers, stdout);
                break;
            case "html":
                CorpusHtml.Write(answers, stdout);
                break;
            default:
                CorpusText.WriteTable(answers, stdout);
                break;
        }
    }

    /// <summary>Whether a file can be created in the temporary folder, as the corpus's evidence file will be.</summary>
    private static bool CanWriteTemporaryFile(out string? error)
    {
        try
        {
            using (File.Create(Path.Combine(Path.GetTempPath(), $"stance-corpus-check-{Guid.NewGuid():N}.tmp"), 1, FileOptions.DeleteOnClose))
            {
                error = null;
                return true;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = e.Message;
            return false;
        }
    }

    /// <summary>
    /// Adds a report; a repeated article id that says something else than its first report is a
    /// warning naming where the repeat came from (the first report counts, as the library does).
    /// </summary>
    internal static void AddWarningOnConflict(StanceCorpus corpus, StanceReport report, string source, TextWriter stderr)
    {
        var before = corpus.Conflicting;
        corpus.Add(report);
        if (corpus.Conflicting > before)
        {
            stderr.WriteLine(DisplayText.Escape($"{source}: warning: article id '{report.Article}' was already added with other content (date or stances); the first counts"));
        }
    }

    /// <summary>The one place a report is read back from JSON; swap for a public StanceReport.FromJson when there is one.</summary>
    internal static StanceReport ReadReport(string json)
    {
        try
        {
            return StanceReport.FromJson(json);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new FormatException($"not a stance report: {e.Message}", e);
        }
    }

    private static bool IsReportFile(string path) => path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase);

    private static int CountLines(string path)
    {
        try
        {
            return ReportLines(path).Count(l => l.Number > 0);
        }
        catch (IOException)
        {
            return 0; // reported when the file is read
        }
    }

    /// <summary>
    /// The non-blank lines of a jsonl file of reports, with their numbers. Only a regular file is
    /// read (a FIFO or a device is one error, number 0, never a hang), and a line longer than
    /// <see cref="StanceLimits.MaxFileBytes"/> characters is an error and skipped, never held whole.
    /// </summary>
    internal static IEnumerable<(int Number, string? Line, string? Error)> ReportLines(string path)
    {
        using var stream = StanceFiles.OpenRegularFile(path, out var error);
        if (stream is null)
        {
            yield return (0, null, error);
            yield break;
        }

        foreach (var line in ReportLines(stream))
        {
            yield return line;
        }
    }

    /// <summary>The non-blank lines of a stream of reports, with their numbers (as <see cref="ReportLines(string)"/>).</summary>
    internal static IEnumerable<(int Number, string? Line, string? Error)> ReportLines(Stream stream)
    {
        var max = StanceLimits.Default.MaxFileBytes;
        using var reader = new StreamReader(stream);
        var line = new System.Text.StringBuilder();
        var buffer = new char[16 * 1024];
        var (number, tooLong) = (0, false);
        while (true)
        {
            var read = reader.Read(buffer, 0, buffer.Length);
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] != '\n')
                {
                    // Held up to the limit only: past it the line is only scanned for its end.
                    if (line.Length < max)
                    {
                        line.Append(buffer[i]);
                    }
                    else
                    {
                        tooLong = true;
                    }

                    continue;
                }

                if (Line(++number, line, tooLong, max) is { } item)
                {
                    yield return item;
                }

                (line.Length, tooLong) = (0, false);
            }

            if (read == 0)
            {
                // The last line, when the file does not end with a newline.
                if ((line.Length > 0 || tooLong) && Line(++number, line, tooLong, max) is { } last)
                {
                    yield return last;
                }

                yield break;
            }
        }
    }

    private static (int Number, string? Line, string? Error)? Line(int number, System.Text.StringBuilder line, bool tooLong, int max) =>
        tooLong ? (number, null, $"line longer than {max:N0} characters ({nameof(StanceLimits)}.{nameof(StanceLimits.MaxFileBytes)}); skipped")
        : string.IsNullOrWhiteSpace(line.ToString()) ? null
        : (number, line.ToString().TrimEnd('\r'), null);

    private static bool TryParse(Options options, TextWriter stderr, out CorpusQuery query)
    {
        query = new CorpusQuery();
        var by = options.Get("--by") ?? "month";
        if (!Enum.TryParse<CorpusWindow>(by, ignoreCase: true, out var window) || !Enum.GetNames<CorpusWindow>().Contains(by, StringComparer.OrdinalIgnoreCase))
        {
            stderr.WriteLine($"stance corpus: unknown --by '{by}'; expected day, week, month, quarter or year");
            return false;
        }

        DateOnly? since = null, until = null;
        foreach (var (option, set) in new (string, Action<DateOnly>)[] { ("--since", d => since = d), ("--until", d => until = d) })
        {
            if (options.Get(option) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    stderr.WriteLine($"stance corpus: {option} takes a date as YYYY-MM-DD, not '{text}'");
                    return false;
                }

                set(date);
            }
        }

        var top = 10;
        if (options.Get("--top") is { } topText && (!int.TryParse(topText, out top) || top < 1))
        {
            stderr.WriteLine($"stance corpus: --top takes a whole number of at least 1, not '{topText}'");
            return false;
        }

        // CorpusOptions.ArticlesPerCell: what a cell keeps per stance, most of its memory.
        var articles = new CorpusOptions().ArticlesPerCell;
        if (options.Get("--articles-per-cell") is { } articlesText
            && (!int.TryParse(articlesText, NumberStyles.None, CultureInfo.InvariantCulture, out articles) || articles is < 1 or > MaxArticlesPerCell))
        {
            stderr.WriteLine($"stance corpus: --articles-per-cell takes a whole number from 1 to {MaxArticlesPerCell:N0}, not '{DisplayText.Escape(articlesText)}'");
            return false;
        }

        var show = List(options.Get("--show"));
        if (show?.FirstOrDefault(s => !Sections.Contains(s)) is { } unknown)
        {
            stderr.WriteLine($"stance corpus: unknown --show '{unknown}'; expected {string.Join(", ", Sections)}");
            return false;
        }

        if (options.Format == "csv" && show is { Length: > 1 })
        {
            stderr.WriteLine("stance corpus: --format csv prints one table; give --show one of " + string.Join(", ", Sections));
            return false;
        }

        var countries = List(options.Get("--country"))?.Select(c => c.ToUpperInvariant()).ToArray();
        var filter = new CorpusFilter { Countries = countries, Issues = List(options.Get("--issue")), Since = since, Until = until };
        var sections = show ?? (options.Format switch
        {
            "csv" => ["stances"],
            // A terminal table lists every pair only when asked, or among the countries named.
            "table" => countries is { Length: > 1 } ? Sections : ["stances", "changes", "closest"],
            _ => Sections,
        });
        // The evidence shown is kept in a temporary file, not in memory: by day over years it is most of the corpus.
        var evidence = EvidenceShown(options.Format, sections);
        query = new CorpusQuery
        {
            By = window,
            Options = new CorpusOptions { Resolution = ResolutionFor(window, filter), ArticlesPerCell = articles, EvidencePerArticle = evidence, EvidenceInTemporaryFile = evidence > 0 },
            Filter = filter,
            Top = top,
            Show = sections,
        };
        return true;
    }

    /// <summary>
    /// How many evidence texts per kept article the output shows, so the corpus keeps no more
    /// (<see cref="CorpusOptions.EvidencePerArticle"/>; by day over years the kept articles' text is
    /// most of the corpus): JSON and HTML show every kept article's evidence (the default, 2); a table
    /// or CSV shows only the first evidence text of each change's first article, and none without the
    /// changes. Which articles are kept does not depend on their evidence, so the output is the same.
    /// </summary>
    internal static int EvidenceShown(string format, IReadOnlyList<string> sections) =>
        format is "table" or "csv" ? (sections.Contains("changes") ? 1 : 0) : new CorpusOptions().EvidencePerArticle;

    /// <summary>
    /// The coarsest resolution that answers by <paramref name="by"/> with the filter's dates: the
    /// window asked by, unless --since or --until falls inside one (then a finer one, down to days).
    /// Memory grows with the corpus's cells, so the coarser the fewer.
    /// </summary>
    internal static CorpusWindow ResolutionFor(CorpusWindow by, CorpusFilter filter) =>
        Enum.GetValues<CorpusWindow>().Reverse()
            .First(resolution => new StanceCorpus(new CorpusOptions { Resolution = resolution }).CanAnswer(by, filter));

    private static string[]? List(string? text) => text?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>What <c>stance corpus</c> was asked: window, selection, closest count, sections to print.</summary>
internal sealed record CorpusQuery
{
    public CorpusWindow By { get; init; } = CorpusWindow.Month;

    /// <summary>The corpus's options: its resolution is the coarsest that answers the query (<see cref="CorpusCommand.ResolutionFor"/>).</summary>
    public CorpusOptions Options { get; init; } = new() { Resolution = CorpusWindow.Month };

    public CorpusFilter Filter { get; init; } = new();

    public int Top { get; init; } = 10;

    public IReadOnlyList<string> Show { get; init; } = CorpusCommand.Sections;
}
