using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using StanceRules.Yaml;

namespace StanceRules;

/// <summary>How a stream of fact documents is read (<see cref="FactDocument.ReadAllAsync"/>).</summary>
public enum FactStreamFormat
{
    /// <summary>
    /// By the source name (<c>.jsonl</c>, <c>.ndjson</c>: JSON Lines; <c>.json</c>: JSON; <c>.yaml</c>,
    /// <c>.yml</c>: YAML), else sniffed: a first line that is a whole JSON object is JSON Lines, other
    /// text starting with <c>{</c> or <c>[</c> is one JSON document, anything else one YAML document.
    /// </summary>
    Auto,

    /// <summary>One YAML fact document: the whole stream.</summary>
    Yaml,

    /// <summary>One strict JSON fact document: the whole stream.</summary>
    Json,

    /// <summary>JSON Lines: one strict JSON fact document per line; blank lines are skipped.</summary>
    JsonLines,
}

public sealed partial class FactDocument
{
    /// <summary>The line number of a document read from a stream (1 for a whole-stream document); 0 for files and texts.</summary>
    public long Line => _fileName is null ? 0 : _firstLine;

    /// <summary>
    /// The fact documents of a stream (standard input, a <c>.jsonl</c> file, a socket), read as the
    /// consumer asks for them: JSON Lines one line at a time, so memory does not grow with the
    /// stream, or a whole YAML or JSON document (at most <see cref="StanceLimits.MaxFileBytes"/>).
    /// </summary>
    /// <remarks>
    /// Nothing is lost silently: a line longer than <see cref="StanceLimits.MaxFileBytes"/> bytes, or
    /// not UTF-8, is a document that fails with that error at its line, and the lines after it are
    /// read; a line's own errors (malformed JSON, unknown keys) are reported at its line number and
    /// column. An empty stream (nothing but whitespace) is one document that fails with "no fact
    /// document", never nothing. Give the result to
    /// <see cref="StanceEngine.InferAllAsync(IAsyncEnumerable{FactDocument}, BatchOptions?, CancellationToken)"/>;
    /// each document's <see cref="Source"/> is <c>name:line</c> for JSON Lines.
    /// </remarks>
    /// <param name="stream">The bytes (UTF-8); read to its end, not closed.</param>
    /// <param name="sourceName">The name diagnostics give as the file, such as <c>&lt;stdin&gt;</c> or the path.</param>
    /// <param name="format">JSON Lines, one YAML or JSON document, or by the name or sniffed (the default).</param>
    /// <param name="limits">Bounds on each document; <see cref="StanceLimits.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static async IAsyncEnumerable<FactDocument> ReadAllAsync(Stream stream, string sourceName, FactStreamFormat format = FactStreamFormat.Auto, StanceLimits? limits = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        limits ??= StanceLimits.Default;
        using var reader = new Utf8LineReader(stream, limits.MaxFileBytes);
        var first = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (first is null)
        {
            yield return Failed(sourceName, 1, DiagnosticCodes.FileNotReadable, "no fact document: the input is empty");
            yield break;
        }

        format = format != FactStreamFormat.Auto ? format : ByName(sourceName) ?? Sniff(first.Value);
        if (format == FactStreamFormat.JsonLines)
        {
            for (var line = first; line is { } item; line = await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var source = $"{sourceName}:{item.Number}";
                yield return item.Error is not null
                    ? Failed(sourceName, item.Number, DiagnosticCodes.FileNotReadable, item.Error, source)
                    : new FactDocument(source, sourceName, null, FactDocumentFormat.Json, item.Number, null, item.Bytes);
            }

            yield break;
        }

        // One document: the lines joined again (blank lines kept, so lines and columns are the stream's).
        var text = new ArrayBufferWriter<byte>();
        var (lines, bytes) = (0L, 0L);
        for (var line = first; line is { } item; line = await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (item.Error is not null)
            {
                yield return Failed(sourceName, item.Number, DiagnosticCodes.FileNotReadable, item.Error);
                yield break;
            }

            bytes = reader.BytesRead;
            if (bytes > limits.MaxFileBytes)
            {
                yield return Failed(sourceName, 1, DiagnosticCodes.LimitExceeded, ErrorMessages.LimitExceeded("document size in bytes", bytes, nameof(StanceLimits.MaxFileBytes), limits.MaxFileBytes));
                yield break;
            }

            text.GetSpan((int)(item.Number - lines - 1))[..(int)(item.Number - lines - 1)].Fill((byte)'\n');
            text.Advance((int)(item.Number - lines - 1));
            text.Write(item.Bytes);
            text.Write("\n"u8);
            lines = item.Number;
        }

        yield return format == FactStreamFormat.Json
            ? new FactDocument(sourceName, sourceName, null, FactDocumentFormat.Json, 1, null, text.WrittenSpan.ToArray())
            : new FactDocument(sourceName, sourceName, System.Text.Encoding.UTF8.GetString(text.WrittenSpan), FactDocumentFormat.Yaml, 1, null);
    }

    /// <summary>Reads and parses the document now (batch inference does this on a worker), returning every error instead of throwing.</summary>
    /// <param name="article">The article's facts, when it was read.</param>
    /// <param name="diagnostics">Every error, at the document's file (or stream), line and column.</param>
    /// <param name="factTypes">The fact types the document may use; <see cref="FactTypes.Default"/> when null.</param>
    /// <param name="limits">Bounds on the document; <see cref="StanceLimits.Default"/> when null.</param>
    public bool TryRead([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ArticleFacts? article, out IReadOnlyList<Diagnostic> diagnostics, FactTypes? factTypes = null, StanceLimits? limits = null) =>
        TryRead(factTypes ?? FactTypes.Default, limits ?? StanceLimits.Default, out article, out diagnostics);

    private static FactDocument Failed(string sourceName, long line, string code, string message, string? source = null) =>
        new(source ?? sourceName, sourceName, null, FactDocumentFormat.Auto, line, new Diagnostic(code, message, new SourceLocation(sourceName, (int)Math.Min(line, int.MaxValue), 1)));

    private static FactStreamFormat? ByName(string name) =>
        name.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase) ? FactStreamFormat.JsonLines
        : name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? FactStreamFormat.Json
        : name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) ? FactStreamFormat.Yaml
        : null;

    /// <summary>JSON Lines when the first line is one whole JSON object; JSON when the text starts as JSON; else YAML.</summary>
    private static FactStreamFormat Sniff(Utf8Line first)
    {
        var text = first.Bytes is null ? string.Empty : System.Text.Encoding.UTF8.GetString(first.Bytes).TrimStart();
        if (text.StartsWith('['))
        {
            return FactStreamFormat.Json;
        }

        if (!text.StartsWith('{'))
        {
            // A first line that could not be read (too long, not UTF-8) is only ever JSON Lines' way of failing one line.
            return first.Error is not null ? FactStreamFormat.JsonLines : FactStreamFormat.Yaml;
        }

        try
        {
            using var json = JsonDocument.Parse(text);
            return json.RootElement.ValueKind == JsonValueKind.Object ? FactStreamFormat.JsonLines : FactStreamFormat.Json;
        }
        catch (JsonException)
        {
            // "{" alone, or a flow mapping of YAML: one document.
            return text == "{" || text.EndsWith(',') ? FactStreamFormat.Json : FactStreamFormat.Yaml;
        }
    }
}
