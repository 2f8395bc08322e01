namespace StanceRules;

/// <summary>
/// What <see cref="StanceEngine.Extract(string, string, DateOnly?, string?, CancellationToken)"/> read from an
/// article's text: the facts (a fact document, as the YAML and JSON readers give), and for each
/// sentence that held a resolved actor or a stance verb but gave no fact, the reason.
/// </summary>
public sealed class ArticleExtraction
{
    internal ArticleExtraction(ArticleFacts facts, IReadOnlyList<ExtractionNote> whyNot, int sentences, IReadOnlyDictionary<Fact, Extraction.CodedActor>? coded = null)
    {
        Facts = facts;
        Coded = coded ?? new Dictionary<Fact, Extraction.CodedActor>();
        WhyNot = whyNot;
        SentenceCount = sentences;
    }

    /// <summary>The facts, each with its <see cref="Fact.Evidence"/> a verbatim span of the text at <see cref="Fact.EvidenceOffset"/>.</summary>
    public ArticleFacts Facts { get; }

    /// <summary>The sentences that named a resolved actor or used a stance verb but gave no fact, in text order, with the reason.</summary>
    public IReadOnlyList<ExtractionNote> WhyNot { get; }

    /// <summary>
    /// Each fact's actor as the extractor coded it, in the manner of the event coders: the countries its words name
    /// and its agent role (null for an actor that speaks for its state, IGO for an organization or a group of countries). For the
    /// score tool; not part of the document.
    /// </summary>
    internal IReadOnlyDictionary<Fact, Extraction.CodedActor> Coded { get; }

    /// <summary>How many sentences the text had.</summary>
    public int SentenceCount { get; }

    /// <summary>
    /// The facts as a fact document (docs/fact-document.md) that <see cref="ArticleFacts.Parse(string, string, FactTypes?, StanceLimits?, FactDocumentFormat)"/>
    /// and <c>stance infer</c> read back unchanged.
    /// </summary>
    /// <param name="format">YAML (the default, also for <see cref="FactDocumentFormat.Auto"/>) or strict JSON.</param>
    public string ToFactDocument(FactDocumentFormat format = FactDocumentFormat.Yaml) => Extraction.FactDocumentWriter.Write(Facts, format == FactDocumentFormat.Json);
}

/// <summary>A sentence that gave no fact, and why (the dictionary coders' discard list).</summary>
public sealed class ExtractionNote
{
    internal ExtractionNote(int offset, string sentence, string reason)
    {
        Offset = offset;
        Sentence = sentence;
        Reason = reason;
    }

    /// <summary>Where the sentence starts in the text (UTF-16 offset).</summary>
    public int Offset { get; }

    /// <summary>The sentence as written.</summary>
    public string Sentence { get; }

    /// <summary>Why it gave no fact, e.g. "condemn: no actor before the act", "'EU leaders' is not a country: group of countries".</summary>
    public string Reason { get; }

    /// <summary>One line: the offset, the reason and the sentence.</summary>
    public override string ToString() => $"@{Offset}: {Reason}: {DisplayText.Truncate(Sentence)}";
}
