namespace StanceRules;

/// <summary>
/// A fact document not read yet: a file, or text with the name its diagnostics should give.
/// Batch inference reads and parses it on a worker, so a malformed document becomes that
/// article's <see cref="BatchResult.Diagnostics"/> instead of an exception.
/// </summary>
public sealed partial class FactDocument
{
    private readonly string? _path;
    private readonly string? _text;

    // A document read from a stream: the name its diagnostics give, the format, its first line's
    // number in the stream (diagnostics are moved there), or the error that stopped its read.
    private readonly string? _fileName;
    private readonly FactDocumentFormat _format;
    private readonly long _firstLine = 1;
    private readonly Diagnostic? _error;
    private readonly byte[]? _utf8; // a JSON document read from a stream: its bytes, read without a string

    private FactDocument(string source, string? path, string? text)
    {
        Source = source;
        _path = path;
        _text = text;
    }

    private FactDocument(string source, string fileName, string? text, FactDocumentFormat format, long firstLine, Diagnostic? error, byte[]? utf8 = null)
    {
        Source = source;
        _text = text;
        _utf8 = utf8;
        _fileName = fileName;
        _format = format;
        _firstLine = firstLine;
        _error = error;
    }

    /// <summary>The file path, or the source name given with the text.</summary>
    public string Source { get; }

    /// <summary>A fact document file (<c>*.facts.yaml</c> or <c>*.facts.json</c>), read when a worker takes it.</summary>
    /// <param name="path">The file.</param>
    public static FactDocument FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new FactDocument(path, path, null);
    }

    /// <summary>A fact document's text (YAML or JSON).</summary>
    /// <param name="text">The document.</param>
    /// <param name="sourceName">The name diagnostics give as the file (for example a message id or URL).</param>
    public static FactDocument FromText(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        return new FactDocument(sourceName, null, text);
    }

    /// <inheritdoc />
    public override string ToString() => Source;

    internal bool TryRead(FactTypes factTypes, StanceLimits limits, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ArticleFacts? article, out IReadOnlyList<Diagnostic> diagnostics)
    {
        if (_error is not null)
        {
            (article, diagnostics) = (null, [_error]);
            return false;
        }

        if (_path is not null)
        {
            return ArticleFacts.TryLoad(_path, out article, out diagnostics, factTypes, limits);
        }

        if (_fileName is null)
        {
            return ArticleFacts.TryParse(_text!, Source, out article, out diagnostics, factTypes, limits);
        }

        bool read;
        if (_utf8 is not null)
        {
            var errors = new List<Diagnostic>();
            article = Yaml.JsonFactReader.Read(_utf8, _fileName, factTypes, errors, limits);
            (read, diagnostics) = (errors.Count == 0 && article is not null, errors);
            article = read ? article : null;
        }
        else
        {
            read = ArticleFacts.TryParse(_text!, _fileName, out article, out diagnostics, factTypes, limits, _format);
        }

        if (!read && _firstLine > 1)
        {
            // The document is one line of a stream: its diagnostics point at that line.
            var shift = _firstLine - 1;
            diagnostics = diagnostics.Select(d => d with { Location = d.Location with { Line = (int)Math.Min(int.MaxValue, d.Location.Line + shift) } }).ToArray();
        }

        return read;
    }
}
