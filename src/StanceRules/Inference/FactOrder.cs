using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace StanceRules.Inference;

/// <summary>
/// The input facts' places in the document, by id (an id that repeats has its last place): what the
/// conflict policy and the unresolved list order by. One fact (an event record's) needs no table.
/// </summary>
internal static class FactOrder
{
    public static IReadOnlyDictionary<string, int> Of(IReadOnlyList<Fact> input)
    {
        if (input.Count == 1)
        {
            return new One(input[0].Id);
        }

        var order = new Dictionary<string, int>(input.Count, StringComparer.Ordinal);
        for (var i = 0; i < input.Count; i++)
        {
            order[input[i].Id] = i;
        }

        return order;
    }

    /// <summary>The order of one fact: its id at place 0.</summary>
    private sealed class One(string id) : IReadOnlyDictionary<string, int>
    {
        public int Count => 1;

        public IEnumerable<string> Keys => [id];

        public IEnumerable<int> Values => [0];

        public int this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

        public bool ContainsKey(string key) => string.Equals(key, id, StringComparison.Ordinal);

        public bool TryGetValue(string key, [MaybeNullWhen(false)] out int value)
        {
            value = 0;
            return ContainsKey(key);
        }

        public IEnumerator<KeyValuePair<string, int>> GetEnumerator()
        {
            yield return new KeyValuePair<string, int>(id, 0);
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
