namespace StanceRules.Extensions.AI;

/// <summary>
/// The bounds of a <see cref="ChatFactExtractor"/>: how often it asks the model, for how long, how large an answer it reads,
/// and how large an article it sends. Settable (and bindable from configuration); checked when an extractor is built.
/// </summary>
public sealed class ChatExtractionOptions
{
    /// <summary>How many times the model is asked for one article at most: an answer that is not a valid fact document, that
    /// is over <see cref="MaxAnswerChars"/>, or a call that fails is retried until then. Default 3; 1 to 10.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The time one extraction may take, every attempt included; when it is over, the extraction stops with
    /// <c>SRAI001</c>. Default two minutes; more than zero, at most one hour.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The longest answer read, in characters: the answer is streamed, and reading stops (the connection is
    /// closed) as soon as it is longer, with <c>SRAI002</c>. Default 262,144; 1,024 to 16,777,216.</summary>
    public int MaxAnswerChars { get; set; } = 256 * 1024;

    /// <summary>The longest article sent to the model, in characters; a longer one is refused with <c>SRAI009</c> before
    /// any call. Default 200,000; 1 to 16,777,216.</summary>
    public int MaxArticleChars { get; set; } = 200_000;

    /// <summary>The model id passed in <c>ChatOptions.ModelId</c>; null (the default) leaves the chat client's own.</summary>
    public string? ModelId { get; set; }

    internal ChatExtractionOptions Checked()
    {
        Check(MaxAttempts, 1, 10, nameof(MaxAttempts));
        Check(MaxAnswerChars, 1024, 1 << 24, nameof(MaxAnswerChars));
        Check(MaxArticleChars, 1, 1 << 24, nameof(MaxArticleChars));
        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromHours(1))
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "The timeout must be more than zero and at most one hour.");
        }

        return new ChatExtractionOptions
        {
            MaxAttempts = MaxAttempts,
            Timeout = Timeout,
            MaxAnswerChars = MaxAnswerChars,
            MaxArticleChars = MaxArticleChars,
            ModelId = ModelId,
        };
    }

    private static void Check(int value, int min, int max, string name)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be from {min} to {max}.");
        }
    }
}
