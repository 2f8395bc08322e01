using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace StanceRules.Extensions.AI;

/// <summary>
/// What the model is asked, built once per engine: the instructions with the lexicon's acts by family and the issue
/// catalogue's ids, the fact document's JSON Schema (the one the repository ships, embedded) as the answer format, and a
/// fingerprint of all of it for the cache key.
/// </summary>
internal sealed class ExtractionPrompt
{
    private const string SchemaResource = "StanceRules.Extensions.AI.facts.schema.json";

    private static readonly Lazy<(string Text, JsonElement Element)> Schema = new(LoadSchema);

    public ExtractionPrompt(StanceEngine engine, string? modelId)
    {
        IssueIds = engine.IssueIds.ToHashSet(StringComparer.Ordinal);
        Instructions = BuildInstructions(engine);
        ResponseFormat = ChatResponseFormat.ForJsonSchema(Schema.Value.Element, "stancerules_fact_document", "One article's facts, as StanceRules reads them.");
        ModelId = modelId;
        Fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{Instructions}\n{Schema.Value.Text}\n{modelId}")));
    }

    public string Instructions { get; }

    public ChatResponseFormat ResponseFormat { get; }

    public string? ModelId { get; }

    public IReadOnlySet<string> IssueIds { get; }

    /// <summary>A hash of everything the answer depends on besides the article.</summary>
    public string Fingerprint { get; }

    public static string SchemaText => Schema.Value.Text;

    /// <summary>The user message: the article, its id and date.</summary>
    public static string ArticleMessage(string articleId, DateOnly? published, string text) =>
        $"""
        Article id: {articleId}
        Published: {(published is { } date ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "unknown")}

        <article>
        {text}
        </article>
        """;

    /// <summary>The message that asks again after an answer the reader refused.</summary>
    public static string RetryMessage(IEnumerable<string> problems) =>
        "Your answer was refused, for these reasons:\n" + string.Join('\n', problems.Select(p => "- " + p)) +
        "\nAnswer again with the whole fact document, as one JSON object that follows the schema, and nothing else.";

    public ChatOptions Options() => new()
    {
        ResponseFormat = ResponseFormat,
        ModelId = ModelId,
    };

    private static string BuildInstructions(StanceEngine engine)
    {
        var acts = engine.Acts
            .GroupBy(a => a.Value is { } family ? family.ToName() : "none")
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"- {g.Key}: {string.Join(", ", g.Select(a => a.Key).Order(StringComparer.Ordinal))}");
        return $"""
            You extract facts from one news article for StanceRules, which infers each country's stance on each issue.
            Answer with one JSON object, nothing before or after it, that follows this JSON Schema:
            {SchemaText}

            Rules:
            - article.id is the article id given; article.published is the date given, or omit it.
            - Give only facts of type "statement" (an actor's act about a target) or "vote" (a recorded vote).
            - actor: who acts, as the article names them (a country, its capital or government seat, or an official's full name).
            - act: exactly one lemma of this list (kebab-case), the one that says what the actor did:
            {string.Join('\n', acts)}
            - negated: true when the article says the actor did not do it ("did not condemn", "refused to recognize").
            - hedged: true when the act is qualified ("cautiously welcomed").
            - target: what the act is about, in the article's words.
            - issue: one of these ids when the fact is about it, else omit it: {string.Join(", ", engine.IssueIds)}.
            - evidence: the sentence of the article that states the fact, copied character for character. Never paraphrase,
              shorten inside, or join sentences: a fact whose evidence is not in the article is dropped.
            - A sentence that does not clearly give an actor, an act and what it is about gives no fact. No fact at all: "facts": [].
            """;
    }

    private static (string, JsonElement) LoadSchema()
    {
        using var stream = typeof(ExtractionPrompt).Assembly.GetManifestResourceStream(SchemaResource)
            ?? throw new InvalidOperationException($"The embedded resource {SchemaResource} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = reader.ReadToEnd();
        using var document = JsonDocument.Parse(text);
        return (text, document.RootElement.Clone());
    }
}
