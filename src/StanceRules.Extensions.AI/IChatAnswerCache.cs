using System.Collections.Concurrent;

namespace StanceRules.Extensions.AI;

/// <summary>
/// Where a <see cref="ChatFactExtractor"/> keeps the model's valid answers, by a key that hashes the article's text, its
/// date and the request (prompt, schema, vocabulary, model id), so the same article is not sent twice. Implementations
/// must be thread-safe: one extractor serves concurrent extractions.
/// </summary>
public interface IChatAnswerCache
{
    /// <summary>The answer stored under the key, or null.</summary>
    /// <param name="key">A SHA-256 hash, 64 lower-case hex digits.</param>
    /// <param name="cancellationToken">Stops the look-up.</param>
    ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>Stores an answer (a fact document the strict reader accepted) under the key.</summary>
    /// <param name="key">A SHA-256 hash, 64 lower-case hex digits.</param>
    /// <param name="answer">The answer's text.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    ValueTask SetAsync(string key, string answer, CancellationToken cancellationToken);
}

/// <summary>
/// The default <see cref="IChatAnswerCache"/>: in memory, thread-safe, holding at most <see cref="Capacity"/> answers
/// (the oldest stored is dropped first).
/// </summary>
public sealed class InMemoryChatAnswerCache : IChatAnswerCache
{
    private readonly ConcurrentDictionary<string, string> _answers = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();
    private readonly object _evicting = new();

    /// <summary>A cache of at most <paramref name="capacity"/> answers.</summary>
    /// <param name="capacity">How many answers are kept; default 1,024; at least 1.</param>
    public InMemoryChatAnswerCache(int capacity = 1024)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    /// <summary>How many answers are kept at most.</summary>
    public int Capacity { get; }

    /// <summary>How many answers are held now.</summary>
    public int Count => _answers.Count;

    /// <inheritdoc />
    public ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return ValueTask.FromResult(_answers.TryGetValue(key, out var answer) ? answer : null);
    }

    /// <inheritdoc />
    public ValueTask SetAsync(string key, string answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(answer);
        if (_answers.TryAdd(key, answer))
        {
            _order.Enqueue(key);
            lock (_evicting)
            {
                while (_answers.Count > Capacity && _order.TryDequeue(out var oldest))
                {
                    _answers.TryRemove(oldest, out _);
                }
            }
        }
        else
        {
            _answers[key] = answer;
        }

        return ValueTask.CompletedTask;
    }
}
