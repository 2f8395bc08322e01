namespace StanceRules.Extensions.AI;

/// <summary>What a <see cref="ChatFactExtractor"/> made of one article: the facts it kept, where each one's evidence is in
/// the article, and every diagnostic, of the facts dropped as of the attempts that failed.</summary>
public sealed class ChatExtraction
{
    internal ChatExtraction(bool succeeded, ArticleFacts article, IReadOnlyList<ExtractedFact> facts, IReadOnlyList<Diagnostic> diagnostics, int attempts, bool fromCache)
    {
        Succeeded = succeeded;
        Article = article;
        Facts = facts;
        Diagnostics = diagnostics;
        Attempts = attempts;
        FromCache = fromCache;
    }

    /// <summary>Whether the model gave a fact document the strict reader accepted (possibly with every fact dropped). When
    /// false, <see cref="Article"/> has no facts and <see cref="Diagnostics"/> holds an error saying why.</summary>
    public bool Succeeded { get; }

    /// <summary>The kept facts as a fact document, with the article's id, date and title as given (never the model's),
    /// ready for <see cref="StanceEngine.Infer(ArticleFacts, CancellationToken)"/>.</summary>
    public ArticleFacts Article { get; }

    /// <summary>Each kept fact with the span of the article its evidence is, in the order of <see cref="ArticleFacts.Facts"/>.</summary>
    public IReadOnlyList<ExtractedFact> Facts { get; }

    /// <summary>Warnings for each fact dropped or changed and each attempt that failed; an error when <see cref="Succeeded"/> is false.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>How many times the model was asked (0 when the answer came from the cache).</summary>
    public int Attempts { get; }

    /// <summary>Whether the answer came from the <see cref="IChatAnswerCache"/>.</summary>
    public bool FromCache { get; }
}

/// <summary>A fact the extractor kept, with where its evidence is in the article and what the model wrote before normalization.</summary>
public sealed class ExtractedFact
{
    internal ExtractedFact(Fact fact, int evidenceOffset, int evidenceLength, ActorResolution resolution, string? actAsWritten)
    {
        Fact = fact;
        EvidenceOffset = evidenceOffset;
        EvidenceLength = evidenceLength;
        Resolution = resolution;
        ActAsWritten = actAsWritten;
    }

    /// <summary>The fact: its evidence is the article's own text of the span, its actor the ISO3 code when the actor is
    /// one country on the article's date, its act the lexicon's lemma.</summary>
    public Fact Fact { get; }

    /// <summary>Where the evidence starts in the article, in UTF-16 characters from 0 (its first occurrence).</summary>
    public int EvidenceOffset { get; }

    /// <summary>The evidence's length in the article, in UTF-16 characters.</summary>
    public int EvidenceLength { get; }

    /// <summary>How the gazetteer resolved the actor the model wrote (<see cref="ActorResolution.Actor"/> is that text).</summary>
    public ActorResolution Resolution { get; }

    /// <summary>The act as the model wrote it, for a statement; null for other facts.</summary>
    public string? ActAsWritten { get; }

    /// <summary>The agent role of the actor ("Egyptian police": <c>COP</c>, see <see cref="StanceEngine.AgentRole(string)"/>): the
    /// actor is a country's agent, kept as written, and its fact states no stance; null when the actor may speak for a state.</summary>
    public string? AgentRole { get; internal init; }
}
