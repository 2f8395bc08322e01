namespace StanceRules;

/// <summary>
/// A fact document not read yet: a file, or text with the name its diagnostics should give.
/// Batch inference reads and parses it on a worker, so a malformed document becomes that
/// article's <see cref="BatchResult.Diagnostics"/> instead of an exception.
/// </summary>
public sealed class FactDocument
{
    private readonly string? _path;
    private readonly string? _text;

    private FactDocument(string source, string? path, string? text)
    {
        Source = source;
        _path = path;
        _text = text;
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

    internal bool TryRead(FactTypes factTypes, StanceLimits limits, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ArticleFacts? article, out IReadOnlyList<Diagnostic> diagnostics) =>
        _path is not null
            ? ArticleFacts.TryLoad(_path, out article, out diagnostics, factTypes, limits)
            : ArticleFacts.TryParse(_text!, Source, out article, out diagnostics, factTypes, limits);
}
