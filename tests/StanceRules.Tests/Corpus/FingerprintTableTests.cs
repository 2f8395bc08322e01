namespace StanceRules.Tests.Corpus;

public sealed class FingerprintTableTests
{
    [Fact]
    public void TryAdd_KeepsTheFirstValue_AndGivesItBackForARepeat()
    {
        var table = new FingerprintTable();

        Assert.True(table.TryAdd(42, 7, out var first));
        Assert.Equal(7UL, first);
        Assert.False(table.TryAdd(42, 9, out var held));
        Assert.Equal(7UL, held);
        Assert.Equal(1, table.Count);
    }

    [Fact]
    public void KeyZero_IsHeldLikeAnyOther()
    {
        var table = new FingerprintTable();

        Assert.False(table.Contains(0));
        Assert.True(table.TryAdd(0, 5, out _));
        Assert.True(table.Contains(0));
        Assert.False(table.TryAdd(0, 6, out var held));
        Assert.Equal(5UL, held);
        Assert.Contains((0UL, 5UL), table.Entries());
    }

    [Fact]
    public void AfterManyGrowths_EveryKeyAndValueIsThere_AndNoOther()
    {
        var random = new Random(20261207);
        var reference = new Dictionary<ulong, ulong>();
        var table = new FingerprintTable();
        for (var i = 0; i < 200_000; i++)
        {
            // Half the keys share their low 20 bits: a slot taken from the low bits would cluster them.
            var key = i % 2 == 0 ? (ulong)random.NextInt64() : ((ulong)random.Next() << 20) | 0x5A5A5;
            var value = (ulong)i;
            Assert.Equal(reference.TryAdd(key, value), table.TryAdd(key, value, out var held));
            Assert.Equal(reference[key], held);
        }

        Assert.Equal(reference.Count, table.Count);
        Assert.Equal(reference.OrderBy(e => e.Key).Select(e => (e.Key, e.Value)), table.Entries().OrderBy(e => e.Key));
        Assert.All(reference.Keys.Take(1000), key => Assert.True(table.Contains(key)));
        Assert.False(table.Contains(0x1234_5678_9ABC_DEF1));
    }

    [Fact]
    public void EntriesOfOneTable_AddedToAnother_GiveTheUnion()
    {
        var left = new FingerprintTable();
        var right = new FingerprintTable();
        for (ulong i = 1; i <= 10_000; i++)
        {
            left.TryAdd(i * 0x9E3779B97F4A7C15UL, i, out _);
            right.TryAdd((i + 10_000) * 0x9E3779B97F4A7C15UL, i, out _);
        }

        foreach (var (key, value) in right.Entries())
        {
            Assert.True(left.TryAdd(key, value, out _));
        }

        Assert.Equal(20_000, left.Count);
        Assert.All(right.Entries(), e => Assert.True(left.Contains(e.Key)));
    }
}
