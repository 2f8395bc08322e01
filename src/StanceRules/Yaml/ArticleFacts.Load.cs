using StanceRules.Yaml;

namespace StanceRules;

// Reading a fact document is the text-reading layer's job (docs/architecture.md): ArticleFacts
// itself is a model type, so its public loaders live here, beside the reader they call.
public sealed partial class ArticleFacts
{
    // A document reader's facts, which it has checked as the public constructor would (each has an
    // actor and an id, and no two share one): kept as they are, without a second check and copy.
    private ArticleFacts(string id, List<Fact> facts, DateOnly? published, string? title, bool _)
    {
        Id = id;
        Facts = facts;
        Published = published;
        Title = title;
    }

    /// <summary>An article of the facts a document reader built and checked (actors given, ids given and unique); the list is the article's now.</summary>
    internal static ArticleFacts FromReader(string id, List<Fact> facts, DateOnly? published, string? title)
    {
        System.Diagnostics.Debug.Assert(!string.IsNullOrWhiteSpace(id) && facts.All(f => f.Id.Length > 0 && !string.IsNullOrWhiteSpace(f.Actor)) && facts.DistinctBy(f => f.Id, StringComparer.Ordinal).Count() == facts.Count);
        return new ArticleFacts(id, facts, published, title, true);
    }

    /// <summary>Loads a fact document (<c>*.facts.yaml</c> or <c>*.facts.json</c>; a <c>.json</c> file must be strict JSON).</summary>
    /// <param name="path">The file to read.</param>
    /// <param name="factTypes">The fact types the document may use; <see cref="FactTypes.Default"/> when null.</param>
    /// <exception cref="StanceRulesException">The document has errors; every one is in <see cref="StanceRulesException.Diagnostics"/>.</exception>
    /// <param name="limits">Bounds on the document (size, nesting, facts); <see cref="StanceLimits.Default"/> when null.</param>
    public static ArticleFacts Load(string path, FactTypes? factTypes = null, StanceLimits? limits = null) =>
        TryLoad(path, out var article, out var diagnostics, factTypes, limits) ? article : throw new StanceRulesException(diagnostics);

    /// <summary>Loads a fact document, returning every error instead of throwing.</summary>
    public static bool TryLoad(string path, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ArticleFacts? article, out IReadOnlyList<Diagnostic> diagnostics, FactTypes? factTypes = null, StanceLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var errors = new List<Diagnostic>();
        var text = SourceFile.Read(path, limits ?? StanceLimits.Default, errors);
        if (text is null)
        {
            article = null;
            diagnostics = errors;
            return false;
        }

        return TryParse(text, path, out article, out diagnostics, factTypes, limits);
    }

    /// <summary>Reads a fact document from a stream (UTF-8, at most <see cref="StanceLimits.MaxFileBytes"/>), asynchronously.</summary>
    /// <param name="stream">The document's bytes; read to its end, not closed.</param>
    /// <param name="sourceName">The name diagnostics give as the file; with <see cref="FactDocumentFormat.Auto"/> a name ending in <c>.json</c> means JSON.</param>
    /// <param name="format">YAML, strict JSON, or by <paramref name="sourceName"/>.</param>
    /// <param name="factTypes">The fact types the document may use; <see cref="FactTypes.Default"/> when null.</param>
    /// <param name="limits">Bounds on the document; <see cref="StanceLimits.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <exception cref="StanceRulesException">The document has errors, is too large or is not UTF-8.</exception>
    public static async Task<ArticleFacts> LoadAsync(Stream stream, string sourceName, FactDocumentFormat format = FactDocumentFormat.Auto, FactTypes? factTypes = null, StanceLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        limits ??= StanceLimits.Default;
        var errors = new List<Diagnostic>();
        var text = await SourceFile.ReadAsync(stream, sourceName, limits, errors, cancellationToken).ConfigureAwait(false);
        if (text is null)
        {
            throw new StanceRulesException(errors);
        }

        return TryParse(text, sourceName, out var article, out var diagnostics, factTypes, limits, format) ? article : throw new StanceRulesException(diagnostics);
    }

    /// <summary>Reads a fact document from a text reader (at most <see cref="StanceLimits.MaxFileBytes"/> characters), asynchronously.</summary>
    /// <param name="reader">The document's text; read to its end, not closed.</param>
    /// <param name="sourceName">The name diagnostics give as the file; with <see cref="FactDocumentFormat.Auto"/> a name ending in <c>.json</c> means JSON.</param>
    /// <param name="format">YAML, strict JSON, or by <paramref name="sourceName"/>.</param>
    /// <param name="factTypes">The fact types the document may use; <see cref="FactTypes.Default"/> when null.</param>
    /// <param name="limits">Bounds on the document; <see cref="StanceLimits.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <exception cref="StanceRulesException">The document has errors or is too large.</exception>
    public static async Task<ArticleFacts> LoadAsync(TextReader reader, string sourceName, FactDocumentFormat format = FactDocumentFormat.Auto, FactTypes? factTypes = null, StanceLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);
        limits ??= StanceLimits.Default;
        var errors = new List<Diagnostic>();
        var text = await SourceFile.ReadAsync(reader, sourceName, limits, errors, cancellationToken).ConfigureAwait(false);
        if (text is null)
        {
            throw new StanceRulesException(errors);
        }

        return TryParse(text, sourceName, out var article, out var diagnostics, factTypes, limits, format) ? article : throw new StanceRulesException(diagnostics);
    }

    /// <summary>Parses a fact document from text.</summary>
    /// <param name="text">YAML or JSON.</param>
    /// <param name="sourceName">The name diagnostics give as the file; with <see cref="FactDocumentFormat.Auto"/> a name ending in <c>.json</c> means JSON.</param>
    /// <param name="factTypes">The fact types the document may use; <see cref="FactTypes.Default"/> when null.</param>
    /// <exception cref="StanceRulesException">The document has errors.</exception>
    /// <param name="limits">Bounds on the document (size, nesting, facts); <see cref="StanceLimits.Default"/> when null.</param>
    /// <param name="format">YAML, strict JSON, or by <paramref name="sourceName"/> (the default).</param>
    public static ArticleFacts Parse(string text, string sourceName = "<facts>", FactTypes? factTypes = null, StanceLimits? limits = null, FactDocumentFormat format = FactDocumentFormat.Auto) =>
        TryParse(text, sourceName, out var article, out var diagnostics, factTypes, limits, format) ? article : throw new StanceRulesException(diagnostics);

    /// <summary>Parses a fact document from text, returning every error instead of throwing.</summary>
    /// <remarks>JSON (<see cref="FactDocumentFormat.Json"/>, or a <paramref name="sourceName"/> ending in <c>.json</c>) must be strict RFC 8259 JSON: a comment or trailing comma is an error at its line and column.</remarks>
    public static bool TryParse(string text, string sourceName, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ArticleFacts? article, out IReadOnlyList<Diagnostic> diagnostics, FactTypes? factTypes = null, StanceLimits? limits = null, FactDocumentFormat format = FactDocumentFormat.Auto)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceName);
        var list = new List<Diagnostic>();
        var json = format == FactDocumentFormat.Json || (format == FactDocumentFormat.Auto && sourceName.EndsWith(".json", StringComparison.OrdinalIgnoreCase));
        article = json
            ? JsonFactReader.Read(System.Text.Encoding.UTF8.GetBytes(text), sourceName, factTypes ?? FactTypes.Default, list, limits ?? StanceLimits.Default)
            : FactDocumentReader.Read(text, sourceName, factTypes ?? FactTypes.Default, list, limits ?? StanceLimits.Default);
        diagnostics = list;
        if (list.Count > 0)
        {
            article = null;
        }

        return article is not null;
    }
}
