namespace StanceRules;

/// <summary>One article's facts: the input of <see cref="StanceEngine.Infer(ArticleFacts, CancellationToken)"/>.</summary>
public sealed class ArticleFacts
{
    /// <summary>Builds an article's facts in code.</summary>
    /// <param name="id">The article id, unique within a batch.</param>
    /// <param name="facts">The facts; each needs an actor and a unique id (empty ids become <c>f&lt;1-based index&gt;</c>).</param>
    /// <param name="published">Optional publication date.</param>
    /// <param name="title">Optional title.</param>
    /// <exception cref="ArgumentException">The id is empty, a fact has no actor, or two facts share an id.</exception>
    public ArticleFacts(string id, IEnumerable<Fact> facts, DateOnly? published = null, string? title = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(facts);
        var list = new List<Fact>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fact in facts)
        {
            ArgumentNullException.ThrowIfNull(fact, nameof(facts));
            var withId = fact.Id.Length > 0 ? fact : WithId(fact, $"f{list.Count + 1}");
            if (string.IsNullOrWhiteSpace(withId.Actor))
            {
                throw new ArgumentException($"Fact '{withId.Id}' has no actor.", nameof(facts));
            }

            if (!ids.Add(withId.Id))
            {
                throw new ArgumentException($"Two facts have the id '{withId.Id}'.", nameof(facts));
            }

            list.Add(withId);
        }

        Id = id;
        Facts = list;
        Published = published;
        Title = title;
    }

    /// <summary>The article id.</summary>
    public string Id { get; }

    /// <summary>The publication date, if known.</summary>
    public DateOnly? Published { get; }

    /// <summary>The title, if known.</summary>
    public string? Title { get; }

    /// <summary>The facts, in document order.</summary>
    public IReadOnlyList<Fact> Facts { get; }

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
        var text = Yaml.SourceFile.Read(path, limits ?? StanceLimits.Default, errors);
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
        var text = await Yaml.SourceFile.ReadAsync(stream, sourceName, limits, errors, cancellationToken).ConfigureAwait(false);
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
        var text = await Yaml.SourceFile.ReadAsync(reader, sourceName, limits, errors, cancellationToken).ConfigureAwait(false);
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
        article = !json || StrictJson.Check(text, sourceName, list)
            ? FactDocumentReader.Read(text, sourceName, factTypes ?? FactTypes.Default, list, limits ?? StanceLimits.Default)
            : null;
        diagnostics = list;
        if (list.Count > 0)
        {
            article = null;
        }

        return article is not null;
    }

    private static Fact WithId(Fact fact, string id)
    {
        var copy = fact.CopyForSession();
        copy.SetId(id);
        return copy;
    }
}

/// <summary>How a fact document's text is read.</summary>
public enum FactDocumentFormat
{
    /// <summary>By the source name: one ending in <c>.json</c> is JSON, anything else YAML.</summary>
    Auto,

    /// <summary>YAML 1.2 (which also reads most JSON).</summary>
    Yaml,

    /// <summary>Strict JSON (RFC 8259): comments and trailing commas are errors, at their line and column.</summary>
    Json,
}
