namespace StanceRules.Extensions.AI;

/// <summary>The codes of the diagnostics a <see cref="ChatFactExtractor"/> adds to those of the fact reader (<c>SR…</c>).</summary>
public static class ChatExtractionCodes
{
    /// <summary>Error: the extraction took longer than <see cref="ChatExtractionOptions.Timeout"/>.</summary>
    public const string TimedOut = "SRAI001";

    /// <summary>Warning: an answer was longer than <see cref="ChatExtractionOptions.MaxAnswerChars"/>; reading stopped there.</summary>
    public const string AnswerTooLarge = "SRAI002";

    /// <summary>Warning: a fact has no evidence; it is dropped.</summary>
    public const string NoEvidence = "SRAI003";

    /// <summary>Warning: a fact's evidence is not a span of the article (after whitespace and quote normalization); it is dropped.</summary>
    public const string EvidenceNotInArticle = "SRAI004";

    /// <summary>Warning: a statement's act is not in the lexicon; it is dropped.</summary>
    public const string UnknownAct = "SRAI005";

    /// <summary>Warning: a fact's actor is nothing the gazetteer knows; it is dropped.</summary>
    public const string UnknownActor = "SRAI006";

    /// <summary>Warning: a fact's issue is not in the issue catalogue; the issue is removed, so the catalogue infers it from the target.</summary>
    public const string UnknownIssue = "SRAI007";

    /// <summary>Warning: a fact is neither a statement nor a vote; it is dropped.</summary>
    public const string UnsupportedFactType = "SRAI008";

    /// <summary>Error: the article is longer than <see cref="ChatExtractionOptions.MaxArticleChars"/>; the model is not asked.</summary>
    public const string ArticleTooLarge = "SRAI009";

    /// <summary>Warning: a call to the model failed (the chat client threw); it is retried.</summary>
    public const string CallFailed = "SRAI010";

    /// <summary>Error: no attempt gave a fact document the strict reader accepts.</summary>
    public const string NoValidAnswer = "SRAI011";

    /// <summary>Warning: a fact's actor is a country's agent ("Egyptian police", <see cref="StanceEngine.AgentRole(string)"/>) and its act
    /// states a stance (or it is a vote): an agent never speaks for its state; the fact is dropped.</summary>
    public const string AgentStance = "SRAI012";
}
