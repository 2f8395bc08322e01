using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace StanceRules.Extensions.AI.Tests;

public sealed class DependencyInjectionTests
{
    [Fact]
    public async Task AddStanceRulesChatExtraction_UsesTheHostsChatClient_AndOneSharedCache()
    {
        await using var server = new RecordedModelServer(new Reply.Recorded("good.sse"));
        var services = new ServiceCollection();
        services.AddSingleton(ChatFactExtractorTests.Client(server));
        services.AddStanceRulesChatExtraction(options => options.MaxAttempts = 2);
        await using var provider = services.BuildServiceProvider();
        var article = await File.ReadAllTextAsync(RecordedModelServer.ReplyPath("article.txt"));

        var first = await provider.GetRequiredService<ChatFactExtractor>().ExtractAsync(article, "di-1", new DateOnly(2023, 3, 21));
        var second = await provider.GetRequiredService<ChatFactExtractor>().ExtractAsync(article, "di-2", new DateOnly(2023, 3, 21));

        Assert.True(first.Succeeded, string.Join("\n", first.Diagnostics));
        Assert.Equal(3, first.Article.Facts.Count);
        Assert.True(second.FromCache);
        Assert.Single(server.Requests);
        Assert.Same(provider.GetRequiredService<IChatAnswerCache>(), provider.GetRequiredService<IChatAnswerCache>());
    }

    [Fact]
    public void AddStanceRulesChatExtraction_WithoutAChatClient_FailsWhenResolved_NamingIt()
    {
        var services = new ServiceCollection();
        services.AddStanceRulesChatExtraction();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<ChatFactExtractor>());
        Assert.Contains(nameof(IChatClient), error.Message, StringComparison.Ordinal);
    }
}
