using System.Collections.Concurrent;

namespace StanceRules.Knowledge;

/// <summary>
/// A thread-safe memo of a pure function of text, bounded: when it holds <c>capacity</c>
/// entries it starts over, so a stream of ever-new keys (a hostile or very varied corpus) costs
/// a clear now and then, never unbounded memory. Lookups allocate nothing.
/// </summary>
internal sealed class BoundedCache<TKey, TValue>(int capacity, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    /// <summary>Keys longer than this are not cached: they are rare, and would hold large strings.</summary>
    public const int MaxTextLength = 128;

    private readonly ConcurrentDictionary<TKey, TValue> _entries = new(comparer);
    private int _count;

    /// <summary>Entries held now (at most about the capacity).</summary>
    public int Count => _entries.Count;

    public bool TryGet(TKey key, out TValue value) => _entries.TryGetValue(key, out value!);

    public void Add(TKey key, TValue value)
    {
        if (Volatile.Read(ref _count) >= capacity)
        {
            // Full: start over. Entries other threads add meanwhile may go too; they are recomputed.
            _entries.Clear();
            Interlocked.Exchange(ref _count, 0);
        }

        if (_entries.TryAdd(key, value))
        {
            Interlocked.Increment(ref _count);
        }
    }
}
