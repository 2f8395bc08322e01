using System.Runtime.CompilerServices;

namespace StanceRules.Cli;

/// <summary>
/// The fact documents of a command line: files one document each, JSON Lines files
/// (<c>.jsonl</c>, <c>.ndjson</c>: one document per line, streamed) and standard input (<c>-</c>:
/// YAML, JSON or JSON Lines, by <c>--input-format</c> or sniffed), and articles' text (<c>*.txt</c>, or
/// standard input with <c>--stdin-text</c>), extracted first. Contract: docs/cli.md#standard-input.
/// </summary>
internal static class DocumentInputs
{
    /// <summary>The name diagnostics give standard input.</summary>
    public const string StdinName = "<stdin>";

    public static readonly string[] InputFormats = ["auto", "yaml", "json", "jsonl"];

    /// <summary>Whether the path is read as a stream of documents (<c>-</c>, or a JSON Lines file) rather than as one document.</summary>
    public static bool IsStream(string path) => path == "-" || IsJsonLinesName(path);

    public static bool IsJsonLinesName(string path) =>
        path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>--input-format</c> (what <c>-</c> holds); false (a usage error, said) for an unknown value.</summary>
    public static bool TryGetFormat(Options options, string command, TextWriter stderr, out FactStreamFormat format)
    {
        var text = options.Get("--input-format") ?? "auto";
        format = text switch
        {
            "yaml" => FactStreamFormat.Yaml,
            "json" => FactStreamFormat.Json,
            "jsonl" => FactStreamFormat.JsonLines,
            _ => FactStreamFormat.Auto,
        };
        if (!InputFormats.Contains(text))
        {
            stderr.WriteLine($"stance {command}: unknown --input-format '{DisplayText.Escape(text)}'; expected {string.Join(", ", InputFormats)}");
            return false;
        }

        return true;
    }

    /// <summary>
    /// The documents of the inputs in order; a stream is read only as the consumer asks for its documents.
    /// An article's text (<c>*.txt</c>, or <c>-</c> when <paramref name="stdinIsText"/>) becomes the document
    /// <paramref name="article"/> extracts from it, or nothing when it cannot (said by <paramref name="article"/>).
    /// </summary>
    public static async IAsyncEnumerable<FactDocument> Documents(IEnumerable<string> inputs, StandardInput stdin, FactStreamFormat stdinFormat, Func<string, FactDocument?> article, bool stdinIsText = false, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var input in inputs)
        {
            if (input == "-" ? stdinIsText : ArticleInput.IsArticle(input))
            {
                if (article(input) is { } extracted)
                {
                    yield return extracted;
                }
            }
            else if (input == "-")
            {
                var stream = stdin.Open();
                await foreach (var document in FactDocument.ReadAllAsync(stream, StdinName, stdinFormat, cancellationToken: cancellationToken).ConfigureAwait(false))
                {
                    yield return document;
                }
            }
            else if (IsJsonLinesName(input) && StanceFiles.OpenRegularFile(input, out _) is { } file)
            {
                await using (file.ConfigureAwait(false))
                {
                    await foreach (var document in FactDocument.ReadAllAsync(file, input, FactStreamFormat.JsonLines, cancellationToken: cancellationToken).ConfigureAwait(false))
                    {
                        yield return document;
                    }
                }
            }
            else
            {
                // A file, or a JSON Lines file that cannot be opened: the library's read reports why, at the file.
                yield return FactDocument.FromFile(input);
            }
        }
    }
}
