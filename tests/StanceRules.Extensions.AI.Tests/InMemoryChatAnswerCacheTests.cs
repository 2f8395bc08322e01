namespace StanceRules.Extensions.AI.Tests;

public sealed class InMemoryChatAnswerCacheTests
{
    [Fact]
    public async Task Set_BeyondCapacity_DropsTheOldestFirst()
    {
        var cache = new InMemoryChatAnswerCache(capacity: 2);

        await cache.SetAsync("a", "1", default);
        await cache.SetAsync("b", "2", default);
        await cache.SetAsync("c", "3", default);

        Assert.Null(await cache.GetAsync("a", default));
        Assert.Equal("2", await cache.GetAsync("b", default));
        Assert.Equal("3", await cache.GetAsync("c", default));
    }

    [Fact]
    public async Task ConcurrentSets_NeverHoldMoreThanTheCapacity_AndLoseNoRecentAnswer()
    {
        var cache = new InMemoryChatAnswerCache(capacity: 16);

        await Parallel.ForAsync(0, 4000, async (i, token) =>
        {
            await cache.SetAsync($"key{i}", $"answer{i}", token);
            _ = await cache.GetAsync($"key{i / 2}", token);
        });

        Assert.InRange(cache.Count, 1, 16);
        // Whatever is held is the answer stored under its key.
        for (var i = 0; i < 4000; i++)
        {
            if (await cache.GetAsync($"key{i}", default) is { } answer)
            {
                Assert.Equal($"answer{i}", answer);
            }
        }
    }
}
