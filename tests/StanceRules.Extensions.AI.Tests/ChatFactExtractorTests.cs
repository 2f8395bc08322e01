using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;

namespace StanceRules.Extensions.AI.Tests;

/// <summary>
/// The extractor end to end: the real OpenAI-compatible client of Microsoft.Extensions.AI (OpenAI's ChatClient, through
/// AsIChatClient) talks HTTP to a loopback server that replays recorded chat-completion streams (Replies/*.sse).
/// </summary>
public sealed class ChatFactExtractorTests
{
    private static readonly DateOnly Published = new(2023, 3, 21);
    private static readonly string Article = File.ReadAllText(RecordedModelServer.ReplyPath("article.txt"));

    internal static IChatClient Client(RecordedModelServer server) =>
        new ChatClient("recorded-model", new ApiKeyCredential("test-key"), new OpenAIClientOptions
        {
            Endpoint = server.Endpoint,
            // Retries are the extractor's to count: the SDK's own (on 5xx and broken connections) are off.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        }).AsIChatClient();

    private static ChatFactExtractor Extractor(RecordedModelServer server, ChatExtractionOptions? options = null, IChatAnswerCache? cache = null) =>
        new(Client(server), StanceEngine.CreateDefault(), options, cache);

    [Fact]
    public async Task GoodAnswer_KeepsEveryFact_WithEvidenceAsTheArticlesOwnSpan()
    {
        await using var server = new RecordedModelServer(new Reply.Recorded("good.sse"));

        var result = await Extractor(server).ExtractAsync(Article, "test-wire-1", Published, "Sanctions");

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        Assert.Equal(1, result.Attempts);
        Assert.False(result.FromCache);
        Assert.Equal("test-wire-1", result.Article.Id);
        Assert.Equal(Published, result.Article.Published);
        Assert.Equal(["RUS", "UKR", "CHN"], result.Article.Facts.Select(f => f.Actor));
        var condemn = Assert.IsType<Statement>(result.Facts[0].Fact);
        Assert.Equal("condemn", condemn.Act);
        // The model wrote straight quotes and single spaces; the evidence kept is the article's text, curly quotes, line break and all.
        const string russia = "Russia’s foreign ministry condemned the   new\nsanctions on Tuesday, calling them “illegal”.";
        Assert.Equal(russia, condemn.Evidence);
        Assert.Equal(Article.IndexOf(russia, StringComparison.Ordinal), result.Facts[0].EvidenceOffset);
        Assert.Equal(result.Facts[0].EvidenceOffset, condemn.EvidenceOffset);   // the fact document carries it too (evidence_offset)
        Assert.Equal(russia.Length, result.Facts[0].EvidenceLength);
        var welcome = Assert.IsType<Statement>(result.Facts[1].Fact);
        Assert.Equal("welcome", welcome.Act);
        Assert.Equal("welcomed", result.Facts[1].ActAsWritten);
        Assert.True(welcome.Hedged);
        Assert.Equal("Volodymyr Zelenskyy", result.Facts[1].Resolution.Actor);
        Assert.Equal(ResolutionKind.Country, result.Facts[1].Resolution.Kind);
        var vote = Assert.IsType<Vote>(result.Facts[2].Fact);
        Assert.Equal(VoteChoice.Abstain, vote.Choice);
        Assert.Equal(Article.IndexOf("China abstained", StringComparison.Ordinal), result.Facts[2].EvidenceOffset);

        // The kept facts are a fact document the engine infers from.
        var report = StanceEngine.CreateDefault().Infer(result.Article);
        Assert.Contains(report.Stances, s => s.Country == "CHN" && s.Issue == "russia-ukraine-war" && s.Stance == Stance.Abstains);
    }

    [Fact]
    public async Task Request_AsksForTheShippedSchema_WithTheLexiconsActsAndTheCataloguesIssues()
    {
        await using var server = new RecordedModelServer(new Reply.Recorded("good.sse"));

        await Extractor(server).ExtractAsync(Article, "test-wire-1", Published);

        using var request = JsonDocument.Parse(Assert.Single(server.Requests));
        var root = request.RootElement;
        Assert.True(root.GetProperty("stream").GetBoolean());
        var format = root.GetProperty("response_format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        // Not strict: OpenAI's strict mode refuses the shipped schema (oneOf, open host fact types).
        Assert.False(format.GetProperty("json_schema").TryGetProperty("strict", out var strict) && strict.GetBoolean(), format.ToString());
        var schema = format.GetProperty("json_schema").GetProperty("schema");
        Assert.Equal("StanceRules fact document", schema.GetProperty("title").GetString());
        var system = root.GetProperty("messages")[0].GetProperty("content").ToString();
        Assert.Contains("china-peace-plan", system, StringComparison.Ordinal);
        Assert.Contains("refrain-from-criticizing", system, StringComparison.Ordinal);
        var user = root.GetProperty("messages")[1].GetProperty("content").ToString();
        Assert.Contains("Article id: test-wire-1", user, StringComparison.Ordinal);
        Assert.Contains("Published: 2023-03-21", user, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedJson_IsRetriedWithTheReadersErrors_AndTheNextAnswerIsKept()
    {
        await using var server = new RecordedModelServer(new Reply.Recorded("malformed.sse"), new Reply.Recorded("good.sse"));

        var result = await Extractor(server).ExtractAsync(Article, "test-wire-1", Published);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(2, result.Attempts);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(3, result.Article.Facts.Count);
        var strict = Assert.Single(result.Diagnostics);
        Assert.Equal("SR0001", strict.Code);
        Assert.Equal(DiagnosticSeverity.Warning, strict.Severity);
        Assert.Equal("test-wire-1.answer1.json", strict.Location.File);
        // The second request carries the refused answer and the reader's error, at its line and column.
        using var second = JsonDocument.Parse(server.Requests.Last());
        var messages = second.RootElement.GetProperty("messages");
        Assert.Equal(4, messages.GetArrayLength());
        Assert.Contains($"{strict.Location.Line}:{strict.Location.Column}: SR0001", messages[3].GetProperty("content").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedJsonEveryTime_StopsAfterMaxAttempts_WithAnError()
    {
        await using var server = new RecordedModelServer(new Reply.Recorded("malformed.sse"));

        var result = await Extractor(server, new ChatExtractionOptions { MaxAttempts = 3 }).ExtractAsync(Article, "test-wire-1", Published);

        Assert.False(result.Succeeded);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(3, server.Requests.Count);
        Assert.Empty(result.Article.Facts);
        Assert.Equal(3, result.Diagnostics.Count(d => d.Code == "SR0001"));
        var last = result.Diagnostics[^1];
        Assert.Equal(ChatExtractionCodes.NoValidAnswer, last.Code);
        Assert.Equal(DiagnosticSeverity.Error, last.Severity);
    }

    [Fact]
    public async Task InventedEvidence_DropsThatFact_WithADiagnosticAtItsLine()
    {
        await using var server = new RecordedModelServer(new Reply.Recorded("invented-evidence.sse"));

        var result = await Extractor(server).ExtractAsync(Article, "test-wire-1", Published);

        Assert.True(result.Succeeded);
        var kept = Assert.Single(result.Facts);
        Assert.IsType<Vote>(kept.Fact);
        var dropped = Assert.Single(result.Diagnostics);
        Assert.Equal(ChatExtractionCodes.EvidenceNotInArticle, dropped.Code);
        Assert.Equal(DiagnosticSeverity.Warning, dropped.Severity);
        Assert.Contains("Russia rejected the court's ruling", dropped.Message, StringComparison.Ordinal);
        Assert.True(dropped.Location.Line > 10, dropped.ToString()); // the second fact, not the document's start
    }

    [Fact]
    public async Task UnknownAct_DropsThatFact_WithADiagnostic()
    {
        await using var server = new RecordedModelServer(new Reply.Recorded("unknown-act.sse"));

        var result = await Extractor(server).ExtractAsync(Article, "test-wire-1", Published);

        Assert.True(result.Succeeded);
        Assert.IsType<Vote>(Assert.Single(result.Facts).Fact);
        var dropped = Assert.Single(result.Diagnostics);
        Assert.Equal(ChatExtractionCodes.UnknownAct, dropped.Code);
        Assert.Contains("'frobnicate'", dropped.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgentOfACountry_WithAStanceAct_IsDropped_WithANeutralAct_KeptAsWrittenWithItsRole()
    {
        const string article = "CAIRO, March 21 (Test Wire) - Egyptian police condemned the war in Ukraine on Tuesday.\n\n"
            + "Egyptian police visited the Ukrainian embassy in Cairo on Wednesday.\n\nEgypt condemned the war in Ukraine on Thursday.\n";
        await using var server = new RecordedModelServer(new Reply.Recorded("agent.sse"));

        var result = await Extractor(server).ExtractAsync(article, "test-wire-2", Published);

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var dropped = Assert.Single(result.Diagnostics);
        Assert.Equal(ChatExtractionCodes.AgentStance, dropped.Code);
        Assert.Contains("\"Egyptian police\" is an agent (COP) of EGY", dropped.Message, StringComparison.Ordinal);
        Assert.Equal(["Egyptian police", "EGY"], result.Article.Facts.Select(f => f.Actor));
        Assert.Equal(("visit", "COP"), (((Statement)result.Facts[0].Fact).Act, result.Facts[0].AgentRole));
        Assert.Equal("EGY", result.Facts[0].Resolution.Country);
        Assert.Null(result.Facts[1].AgentRole);
        // Only the state's own act gives a stance: the police's condemnation is no stance of Egypt.
        var stance = Assert.Single(StanceEngine.CreateDefault().Infer(result.Article).Stances);
        Assert.Equal(("EGY", Stance.Condemns), (stance.Country, stance.Stance));
        Assert.Equal(["Egypt condemned the war in Ukraine on Thursday."], stance.Evidence);
    }

    [Fact]
    public async Task FactsTheEngineCannotCheck_AreDroppedOrFixed_EachWithItsCode()
    {
        await using var server = new RecordedModelServer(new Reply.Recorded("unchecked-facts.sse"));

        var result = await Extractor(server).ExtractAsync(Article, "test-wire-1", Published);

        Assert.True(result.Succeeded);
        Assert.Equal(
            [ChatExtractionCodes.NoEvidence, ChatExtractionCodes.UnknownActor, ChatExtractionCodes.UnsupportedFactType, ChatExtractionCodes.UnknownIssue],
            result.Diagnostics.Select(d => d.Code));
        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.Contains("'f2'", result.Diagnostics[1].Message, StringComparison.Ordinal);
        Assert.Contains("the Ministry of Silly Walks", result.Diagnostics[1].Message, StringComparison.Ordinal);
        // The vote is kept without the issue id the catalogue does not have: the catalogue infers it from the motion.
        var vote = Assert.IsType<Vote>(Assert.Single(result.Facts).Fact);
        Assert.Equal("f4", vote.Id);
        Assert.Null(vote.Issue);
        var report = StanceEngine.CreateDefault().Infer(result.Article);
        Assert.Contains(report.Stances, s => s.Country == "CHN" && s.Issue == "russia-ukraine-war" && s.Stance == Stance.Abstains);
    }

    [Fact]
    public async Task StalledModel_StopsAtTheTimeout_WithoutRetrying()
    {
        await using var server = new RecordedModelServer(new Reply.Stalled("good.sse", TimeSpan.FromSeconds(60)));
        var clock = Stopwatch.StartNew();

        var result = await Extractor(server, new ChatExtractionOptions { Timeout = TimeSpan.FromSeconds(1) }).ExtractAsync(Article, "test-wire-1", Published);

        clock.Stop();
        Assert.False(result.Succeeded);
        Assert.Equal(1, result.Attempts);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(ChatExtractionCodes.TimedOut, error.Code);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task CallersCancellation_IsThrown_NotReportedAsATimeout()
    {
        await using var server = new RecordedModelServer(new Reply.Stalled("good.sse", TimeSpan.FromSeconds(60)));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Extractor(server).ExtractAsync(Article, "test-wire-1", Published, cancellationToken: cancel.Token));
    }

    [Fact]
    public async Task HugeAnswer_IsCutAtMaxAnswerChars_AndTheStreamIsClosed()
    {
        const long endless = 256L * 1024 * 1024;
        await using var server = new RecordedModelServer(new Reply.Endless("huge.sse", endless));
        var options = new ChatExtractionOptions { MaxAnswerChars = 64 * 1024, MaxAttempts = 2 };

        var result = await Extractor(server, options).ExtractAsync(Article, "test-wire-1", Published);

        Assert.False(result.Succeeded);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(2, result.Diagnostics.Count(d => d.Code == ChatExtractionCodes.AnswerTooLarge));
        Assert.Equal(ChatExtractionCodes.NoValidAnswer, result.Diagnostics[^1].Code);
        // The client hung up on each stream long before its end (the rest sat in socket buffers at most).
        await WaitUntil(() => server.Written.Count == 2);
        Assert.All(server.Written.Values, written => Assert.True(written < endless / 8, $"{written} bytes written"));
        Assert.Equal(2, server.HungUp.Count);
    }

    [Fact]
    public async Task FailedCall_IsRetried_AndCounted()
    {
        await using var server = new RecordedModelServer(new Reply.Error(500), new Reply.Recorded("good.sse"));

        var result = await Extractor(server).ExtractAsync(Article, "test-wire-1", Published);

        Assert.True(result.Succeeded);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(ChatExtractionCodes.CallFailed, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public async Task SameArticleTwice_IsAnsweredFromTheCache_WithoutAskingTheModel()
    {
        await using var server = new RecordedModelServer(new Reply.Recorded("good.sse"));
        var cache = new InMemoryChatAnswerCache();
        var extractor = Extractor(server, cache: cache);

        var first = await extractor.ExtractAsync(Article, "test-wire-1", Published);
        var second = await extractor.ExtractAsync(Article, "test-wire-2", Published);
        var otherDate = await extractor.ExtractAsync(Article, "test-wire-3", Published.AddDays(1));

        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        Assert.Equal(0, second.Attempts);
        Assert.Equal("test-wire-2", second.Article.Id);
        Assert.Equal(first.Article.Facts.Select(f => f.Evidence), second.Article.Facts.Select(f => f.Evidence));
        Assert.False(otherDate.FromCache);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public async Task ArticleOverMaxArticleChars_IsRefused_BeforeAnyCall()
    {
        await using var server = new RecordedModelServer(new Reply.Recorded("good.sse"));

        var result = await Extractor(server, new ChatExtractionOptions { MaxArticleChars = 100 }).ExtractAsync(Article, "test-wire-1", Published);

        Assert.False(result.Succeeded);
        Assert.Equal(ChatExtractionCodes.ArticleTooLarge, Assert.Single(result.Diagnostics).Code);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void OptionsOutOfRange_AreRefused_WhenTheExtractorIsBuilt()
    {
        using var client = new ThrowingClient();
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChatFactExtractor(client, StanceEngine.CreateDefault(), new ChatExtractionOptions { MaxAttempts = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChatFactExtractor(client, StanceEngine.CreateDefault(), new ChatExtractionOptions { Timeout = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChatFactExtractor(client, StanceEngine.CreateDefault(), new ChatExtractionOptions { MaxAnswerChars = 10 }));
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(50);
        }
    }

    private sealed class ThrowingClient : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<Microsoft.Extensions.AI.ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<Microsoft.Extensions.AI.ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
