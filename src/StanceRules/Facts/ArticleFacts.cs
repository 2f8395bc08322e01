namespace StanceRules;

/// <summary>One article's facts: the input of <see cref="StanceEngine.Infer(ArticleFacts, CancellationToken)"/>.</summary>
public sealed partial class ArticleFacts
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
