namespace StanceRules.Cli;

/// <summary>
/// <c>stance corpus --from plover|gdelt|polecat|events FILE...|-</c>: machine-coded event records (PLOVER JSON,
/// GDELT exports, POLECAT weekly files, plain or zip; <c>events</c> sniffs each file) into a corpus: each record a fact of the
/// declared type <c>event</c>, its stances decided by the rules (<see cref="StanceEngine.InferEvent"/>). Each file is read into its own partial corpus,
/// in parallel (<c>--workers</c>), and the partial corpora merge in file order: the result is the one
/// of a single pass (docs/events.md).
/// </summary>
internal static class CorpusEvents
{
    private static readonly string[] Sources = ["plover", "gdelt", "polecat", "events"];

    public static int Run(Options options, CorpusQuery query, string from, TextWriter stdout, TextWriter stderr)
    {
        if (!Sources.Contains(from))
        {
            stderr.WriteLine($"stance corpus: unknown --from '{DisplayText.Escape(from)}'; expected {string.Join(", ", Sources)}");
            return CommandLine.Usage;
        }

        if (options.Paths.Count == 0)
        {
            stderr.WriteLine($"stance corpus: --from {from} needs files of events (or - for standard input)");
            return CommandLine.Usage;
        }

        if (options.Paths.FirstOrDefault(p => p != "-" && !File.Exists(p)) is { } missing)
        {
            return CommandLine.NoSuchPath("corpus", missing, stderr);
        }

        if (!CommandLine.TryGetWorkers(options, "corpus", stderr, out var workers))
        {
            return CommandLine.Usage;
        }

        var engine = CommandLine.LoadEngine(options.Rules, stderr, options.Has("--extend-defaults"));
        if (engine is null)
        {
            return CommandLine.Invalid;
        }

        var format = from switch { "plover" => EventFormat.Plover, "gdelt" => EventFormat.Gdelt, "polecat" => EventFormat.Polecat, _ => EventFormat.Auto };
        var parts = new Part?[options.Paths.Count];
        Parallel.For(0, parts.Length, new ParallelOptions { MaxDegreeOfParallelism = workers }, i => parts[i] = Read(options.Paths[i], options.Stdin, format, engine, query.Options));

        // The first file's partial corpus is the result the others merge into: copying it into an
        // empty corpus would hold every cell twice at the peak. Each part is let go once merged.
        var corpus = parts[0]!.Corpus;
        var (failed, events, stances) = (0, 0L, 0L);
        var reasons = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i]!;
            parts[i] = null;
            foreach (var message in part.Messages)
            {
                stderr.WriteLine(message);
            }

            try
            {
                if (i > 0)
                {
                    corpus.Merge(part.Corpus);
                }
            }
            catch (InvalidOperationException e)
            {
                // Two files hold the same event ids: partial corpora merge only when their events are disjoint.
                stderr.WriteLine(DisplayText.Escape($"stance corpus: error: {e.Message}"));
                return CommandLine.Invalid;
            }

            (failed, events, stances) = (failed + part.Failed, events + part.Events, stances + part.Stances);
            foreach (var (reason, count) in part.Reasons)
            {
                reasons[reason] = reasons.GetValueOrDefault(reason) + count;
            }
        }

        stderr.WriteLine($"stance corpus: {events:N0} events, {stances:N0} with a stance, {failed:N0} bad rows");
        foreach (var (reason, count) in reasons.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal))
        {
            stderr.WriteLine($"  {count:N0} without a stance: {reason}");
        }

        CorpusCommand.Write(CorpusAnswers.Ask(corpus, query, failed), options.Format, stdout);
        return failed == 0 ? CommandLine.Ok : CommandLine.Invalid;
    }

    /// <summary>One file's partial corpus, its errors and warnings (printed in file order), and its counts.</summary>
    private sealed record Part(StanceCorpus Corpus, List<string> Messages, int Failed, long Events, long Stances, Dictionary<string, long> Reasons);

    private static Part Read(string path, StandardInput stdin, EventFormat format, StanceEngine engine, CorpusOptions options)
    {
        var corpus = new StanceCorpus(options);
        var messages = new List<string>();
        var reasons = new Dictionary<string, long>(StringComparer.Ordinal);
        var kinds = new Dictionary<string, string>(StringComparer.Ordinal);
        var (failed, events, stances) = (0, 0L, 0L);
        var reads = path == "-" ? EventRecords.ReadAsync(stdin.Open(), DocumentInputs.StdinName, format) : EventRecords.ReadFileAsync(path, format);
        var enumerator = reads.GetAsyncEnumerator();
        try
        {
            while (enumerator.MoveNextAsync().AsTask().GetAwaiter().GetResult())
            {
                var read = enumerator.Current;
                if (read.Record is not { } record)
                {
                    messages.Add(DisplayText.Escape(read.Line == 0 ? $"{read.Source}: error: {read.Error}" : $"{read.Source}:{read.Line}: error: {read.Error}"));
                    failed++;
                    continue;
                }

                events++;
                var report = engine.InferEvent(record);
                if (report.Stances.Count > 0)
                {
                    stances++;
                    var before = corpus.Conflicting;
                    corpus.Add(report);
                    if (corpus.Conflicting > before)
                    {
                        messages.Add(DisplayText.Escape($"{read.Source}:{read.Line}: warning: event id '{record.Id}' was already added with other content; the first counts"));
                    }
                }
                else
                {
                    // Counted by kind, without the code or role that varies, so the summary stays short.
                    var reason = engine.Events.WhyNoStance(record) ?? "no rule gave a stance";
                    if (!kinds.TryGetValue(reason, out var kind))
                    {
                        kind = System.Text.RegularExpressions.Regex.Replace(reason, " '[^']*'", string.Empty);
                        if (kinds.Count < 4096)
                        {
                            kinds[reason] = kind;
                        }
                    }

                    reasons[kind] = reasons.GetValueOrDefault(kind) + 1;
                }
            }
        }
        finally
        {
            enumerator.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        return new Part(corpus, messages, failed, events, stances, reasons);
    }
}
