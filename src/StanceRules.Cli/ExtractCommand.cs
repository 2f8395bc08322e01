namespace StanceRules.Cli;

/// <summary>
/// <c>stance extract ARTICLE.txt</c>: an article's text in, its fact document out (YAML or JSON),
/// which <c>stance infer</c> reads unchanged; with <c>--why-not</c>, the sentences that named a
/// resolved actor or used a stance verb but gave no fact, with the reason, on stderr.
/// Nothing is printed until the whole article is read.
/// </summary>
internal static class ExtractCommand
{
    public static int Run(Options options, TextWriter stdout, TextWriter stderr)
    {
        var stdin = options.Has("--stdin");
        if (options.Paths.Count != (stdin ? 0 : 1))
        {
            stderr.WriteLine(stdin ? "stance extract: --stdin reads the article from stdin; give no file" : "stance extract: give one article (ARTICLE.txt), or --stdin");
            return CommandLine.Usage;
        }

        var path = stdin ? ArticleInput.StdinName : options.Paths[0];
        var text = ArticleInput.Read(path, options.Stdin, stderr, "extract");
        if (text is null)
        {
            return CommandLine.Invalid;
        }

        var engine = CommandLine.LoadEngine(options.Rules, stderr, options.Has("--extend-defaults"));
        if (engine is null)
        {
            return CommandLine.Invalid;
        }

        var extraction = ArticleInput.Extract(engine, path, text, options.Get("--published"), options.Get("--id"), stderr, "extract");
        if (extraction is null)
        {
            return CommandLine.Invalid;
        }

        stdout.Write(extraction.ToFactDocument(options.Format == "json" ? FactDocumentFormat.Json : FactDocumentFormat.Yaml));
        if (options.Has("--why-not"))
        {
            foreach (var note in extraction.WhyNot)
            {
                stderr.WriteLine(DisplayText.Escape($"{path}: sentence at {note.Offset}: {note.Reason}: {note.Sentence}"));
            }

            stderr.WriteLine($"stance extract: {extraction.Facts.Facts.Count} facts from {extraction.SentenceCount} sentences; {extraction.WhyNot.Count} sentences gave none (listed above)");
        }

        return CommandLine.Ok;
    }
}
