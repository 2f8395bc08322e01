using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;

namespace StanceRules.Extensions.AI;

/// <summary>
/// Extracts an article's facts with a model behind <see cref="IChatClient"/>: it asks for the fact document in the JSON
/// Schema StanceRules ships (with the lexicon's acts and the issue catalogue's ids in the instructions), reads the answer
/// with the strict fact reader, keeps only facts whose evidence is a verbatim span of the article, normalizes actors and
/// acts through the engine's gazetteer and lexicon, and bounds attempts, time and answer size. Valid answers are cached
/// by a hash of the article. Thread-safe: share one instance (the chat client and cache must be thread-safe too).
/// </summary>
public sealed class ChatFactExtractor
{
    private readonly IChatClient _client;
    private readonly StanceEngine _engine;
    private readonly ChatExtractionOptions _options;
    private readonly IChatAnswerCache? _cache;
    private readonly ExtractionPrompt _prompt;

    /// <summary>An extractor over a chat client, for an engine's rule set.</summary>
    /// <param name="client">The model: any <see cref="IChatClient"/> (OpenAI-compatible, Azure, Ollama, ...).</param>
    /// <param name="engine">The engine whose gazetteer, lexicon and issue catalogue the facts are checked against.</param>
    /// <param name="options">Bounds; the defaults when null.</param>
    /// <param name="cache">Where valid answers are kept by the article's hash; none when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range.</exception>
    public ChatFactExtractor(IChatClient client, StanceEngine engine, ChatExtractionOptions? options = null, IChatAnswerCache? cache = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(engine);
        _client = client;
        _engine = engine;
        _options = (options ?? new ChatExtractionOptions()).Checked();
        _cache = cache;
        _prompt = new ExtractionPrompt(engine, _options.ModelId);
    }

    /// <summary>The instructions sent to the model as its system message (the schema, the acts, the issue ids, the rules).</summary>
    public string Instructions => _prompt.Instructions;

    /// <summary>Extracts one article's facts.</summary>
    /// <param name="text">The article's text.</param>
    /// <param name="articleId">The article id the fact document gets.</param>
    /// <param name="published">The publication date: officials resolve by it, and the model is told it.</param>
    /// <param name="title">The title the fact document gets.</param>
    /// <param name="cancellationToken">Stops the extraction (it throws <see cref="OperationCanceledException"/>).</param>
    /// <returns>The facts kept and every diagnostic; when no attempt gave a valid answer (or the time ran out), a result
    /// with <see cref="ChatExtraction.Succeeded"/> false and an error.</returns>
    public async Task<ChatExtraction> ExtractAsync(string text, string articleId, DateOnly? published = null, string? title = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(articleId);
        var diagnostics = new List<Diagnostic>();
        var here = new SourceLocation(articleId, 1, 1);
        if (text.Length > _options.MaxArticleChars)
        {
            diagnostics.Add(new Diagnostic(ChatExtractionCodes.ArticleTooLarge, $"The article has {text.Length} characters, more than MaxArticleChars ({_options.MaxArticleChars}); the model was not asked.", here));
            return Failed(articleId, published, title, diagnostics, 0);
        }

        var key = CacheKey(text, published);
        if (_cache is not null && await _cache.GetAsync(key, cancellationToken).ConfigureAwait(false) is { } cached)
        {
            var source = $"{articleId}.cached-answer.json";
            if (ArticleFacts.TryParse(cached, source, out var cachedFacts, out _, _engine.FactTypes, null, FactDocumentFormat.Json))
            {
                return Accept(text, articleId, published, title, cachedFacts, cached, source, diagnostics, 0, fromCache: true);
            }
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, _prompt.Instructions),
            new(ChatRole.User, ExtractionPrompt.ArticleMessage(articleId, published, text)),
        };
        for (var attempt = 1; attempt <= _options.MaxAttempts; attempt++)
        {
            var source = $"{articleId}.answer{attempt}.json";
            string? answer;
            try
            {
                answer = await ReadAnswerAsync(messages, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                diagnostics.Add(new Diagnostic(ChatExtractionCodes.TimedOut, $"The extraction took longer than its timeout ({_options.Timeout}), in attempt {attempt} of {_options.MaxAttempts}.", here));
                return Failed(articleId, published, title, diagnostics, attempt);
            }
#pragma warning disable CA1031 // A chat client may throw anything its provider does (HTTP, SDK, parsing): each is a failed attempt, retried.
            catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
            {
                diagnostics.Add(Warning(ChatExtractionCodes.CallFailed, $"Attempt {attempt} of {_options.MaxAttempts}: the model call failed: {e.GetType().Name}: {e.Message}", new SourceLocation(source, 1, 1)));
                continue;
            }

            if (answer is null)
            {
                diagnostics.Add(Warning(ChatExtractionCodes.AnswerTooLarge, $"Attempt {attempt} of {_options.MaxAttempts}: the answer was longer than MaxAnswerChars ({_options.MaxAnswerChars}); reading stopped there.", new SourceLocation(source, 1, 1)));
                messages.Add(new ChatMessage(ChatRole.User, ExtractionPrompt.RetryMessage([$"The answer was longer than {_options.MaxAnswerChars} characters: give fewer facts, each evidence one sentence."])));
                continue;
            }

            var json = WithoutCodeFence(answer);
            if (ArticleFacts.TryParse(json, source, out var facts, out var errors, _engine.FactTypes, null, FactDocumentFormat.Json))
            {
                if (_cache is not null)
                {
                    await _cache.SetAsync(key, json, cancellationToken).ConfigureAwait(false);
                }

                return Accept(text, articleId, published, title, facts, json, source, diagnostics, attempt, fromCache: false);
            }

            diagnostics.AddRange(errors.Select(e => e with { Severity = DiagnosticSeverity.Warning }));
            messages.Add(new ChatMessage(ChatRole.Assistant, answer));
            messages.Add(new ChatMessage(ChatRole.User, ExtractionPrompt.RetryMessage(errors.Select(e => $"{e.Location.Line}:{e.Location.Column}: {e.Code}: {e.Message}"))));
        }

        diagnostics.Add(new Diagnostic(ChatExtractionCodes.NoValidAnswer, $"No valid fact document after {_options.MaxAttempts} attempts; the warnings above say what each attempt gave.", here));
        return Failed(articleId, published, title, diagnostics, _options.MaxAttempts);
    }

    /// <summary>The streamed answer, or null as soon as it is longer than the bound (leaving the loop disposes the stream).</summary>
    private async Task<string?> ReadAnswerAsync(List<ChatMessage> messages, CancellationToken cancellationToken)
    {
        var answer = new StringBuilder();
        await foreach (var update in _client.GetStreamingResponseAsync(messages, _prompt.Options(), cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            answer.Append(update.Text);
            if (answer.Length > _options.MaxAnswerChars)
            {
                return null;
            }
        }

        return answer.ToString();
    }

    private ChatExtraction Accept(string text, string articleId, DateOnly? published, string? title, ArticleFacts answer, string answerText, string source, List<Diagnostic> diagnostics, int attempts, bool fromCache)
    {
        var kept = new AnswerChecker(_engine, _prompt, text).Check(answer, answerText, source, published, diagnostics);
        var article = new ArticleFacts(articleId, kept.Select(f => f.Fact), published, title);
        return new ChatExtraction(true, article, kept, diagnostics, attempts, fromCache);
    }

    private static ChatExtraction Failed(string articleId, DateOnly? published, string? title, List<Diagnostic> diagnostics, int attempts) =>
        new(false, new ArticleFacts(articleId, [], published, title), [], diagnostics, attempts, fromCache: false);

    private static Diagnostic Warning(string code, string message, SourceLocation at) => new(code, message, at) { Severity = DiagnosticSeverity.Warning };

    /// <summary>The SHA-256 of the request's fingerprint, the date and the article's text.</summary>
    private string CacheKey(string text, DateOnly? published)
    {
        var date = published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-";
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{_prompt.Fingerprint}\n{date}\n{text}"))).ToLowerInvariant();
    }

    /// <summary>Models often wrap JSON in a Markdown fence (```json ... ```) despite being told not to: the fence, and only it, is removed.</summary>
    private static string WithoutCodeFence(string answer)
    {
        var trimmed = answer.Trim();
        if (!trimmed.StartsWith("```", StringComparison.Ordinal) || !trimmed.EndsWith("```", StringComparison.Ordinal) || trimmed.Length < 6)
        {
            return answer;
        }

        var firstLine = trimmed.IndexOf('\n', StringComparison.Ordinal);
        return firstLine < 0 ? answer : trimmed[(firstLine + 1)..^3];
    }
}
