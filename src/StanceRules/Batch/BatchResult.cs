using System.Diagnostics.CodeAnalysis;

namespace StanceRules;

/// <summary>
/// The outcome of one article of a batch: its <see cref="Report"/>, or why there is none
/// (<see cref="Diagnostics"/> for a document that does not parse, <see cref="Error"/> for an
/// inference that failed). Exactly one of the three is set.
/// </summary>
public sealed class BatchResult
{
    private BatchResult(long index, string source, string? articleId, StanceReport? report, IReadOnlyList<Diagnostic> diagnostics, Exception? error)
    {
        Index = index;
        Source = source;
        ArticleId = articleId;
        Report = report;
        Diagnostics = diagnostics;
        Error = error;
    }

    /// <summary>The article's 0-based position in the input sequence; results come in this order.</summary>
    public long Index { get; }

    /// <summary>Where the article came from: the file path or source name of a <see cref="FactDocument"/>, or the id of an <see cref="ArticleFacts"/>.</summary>
    public string Source { get; }

    /// <summary>The article id, or null when the document did not parse.</summary>
    public string? ArticleId { get; }

    /// <summary>The stance report; null when the article failed.</summary>
    public StanceReport? Report { get; }

    /// <summary>The document's errors, each with file, line and column; empty unless the document did not parse.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>
    /// The exception inference threw for this article (for example <see cref="InferenceLimitException"/>);
    /// null unless inference failed.
    /// </summary>
    public Exception? Error { get; }

    /// <summary>True when <see cref="Report"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Report))]
    public bool Succeeded => Report is not null;

    /// <summary>
    /// What went wrong, one line per problem (<c>file:line:column: error CODE: message</c> for
    /// diagnostics), or an empty string for a success.
    /// </summary>
    public string ErrorMessage =>
        Error is not null ? DisplayText.Escape($"{Source}: error: {Error.Message}") : string.Join(Environment.NewLine, Diagnostics);

    /// <inheritdoc />
    public override string ToString() => Succeeded ? $"{Source}: {Report.Stances.Count} stances" : ErrorMessage;

    internal static BatchResult Success(long index, string source, StanceReport report) =>
        new(index, source, report.Article, report, [], null);

    internal static BatchResult Invalid(long index, string source, IReadOnlyList<Diagnostic> diagnostics) =>
        new(index, source, null, null, diagnostics, null);

    internal static BatchResult Failed(long index, string source, string? articleId, Exception error) =>
        new(index, source, articleId, null, [], error);
}
