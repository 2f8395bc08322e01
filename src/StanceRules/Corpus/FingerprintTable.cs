using System.Numerics;

namespace StanceRules;

/// <summary>
/// The corpus's articles seen: an article id's fingerprint to the fingerprint of what its first
/// report said. Open addressing in two flat arrays (16 bytes a slot, filled up to 7/8) instead of a
/// <see cref="Dictionary{TKey, TValue}"/> (28 bytes an entry, a prime over twice the count after
/// each growth): a corpus of millions of articles keeps this table for its whole life, so it is
/// most of what grows with the input. Not thread-safe, like the corpus that owns it.
/// </summary>
internal sealed class FingerprintTable
{
    private const int InitialCapacity = 64;

    // Fibonacci hashing on the slot: the fingerprints are already mixed, but a merge inserts another
    // table's keys in its slot order, which linear probing on the same bits would cluster.
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    private ulong[] _keys = new ulong[InitialCapacity];
    private ulong[] _values = new ulong[InitialCapacity];
    private int _shift = 64 - BitOperations.Log2(InitialCapacity);
    private int _used;

    // Zero marks an empty slot, so the one key zero is held beside the arrays.
    private bool _hasZero;
    private ulong _zeroValue;

    /// <summary>The number of fingerprints held.</summary>
    public int Count => _used + (_hasZero ? 1 : 0);

    /// <summary>Adds <paramref name="key"/> with <paramref name="value"/> unless it is held; then gives the value held.</summary>
    public bool TryAdd(ulong key, ulong value, out ulong held)
    {
        if (key == 0)
        {
            held = _hasZero ? _zeroValue : value;
            if (_hasZero)
            {
                return false;
            }

            (_hasZero, _zeroValue) = (true, value);
            return true;
        }

        if ((_used + 1) * 8L > _keys.Length * 7L)
        {
            Grow();
        }

        var mask = _keys.Length - 1;
        for (var i = Slot(key); ; i = (i + 1) & mask)
        {
            var slotKey = _keys[i];
            if (slotKey == key)
            {
                held = _values[i];
                return false;
            }

            if (slotKey == 0)
            {
                (_keys[i], _values[i]) = (key, value);
                _used++;
                held = value;
                return true;
            }
        }
    }

    /// <summary>Whether <paramref name="key"/> is held.</summary>
    public bool Contains(ulong key)
    {
        if (key == 0)
        {
            return _hasZero;
        }

        var mask = _keys.Length - 1;
        for (var i = Slot(key); ; i = (i + 1) & mask)
        {
            var slotKey = _keys[i];
            if (slotKey == key)
            {
                return true;
            }

            if (slotKey == 0)
            {
                return false;
            }
        }
    }

    /// <summary>Every (fingerprint, value) held, in no particular order.</summary>
    public IEnumerable<(ulong Key, ulong Value)> Entries()
    {
        if (_hasZero)
        {
            yield return (0, _zeroValue);
        }

        for (var i = 0; i < _keys.Length; i++)
        {
            if (_keys[i] != 0)
            {
                yield return (_keys[i], _values[i]);
            }
        }
    }

    private int Slot(ulong key) => (int)((key * Golden) >> _shift);

    private void Grow()
    {
        var (keys, values) = (_keys, _values);
        _keys = new ulong[keys.Length * 2];
        _values = new ulong[keys.Length * 2];
        _shift--;
        var mask = _keys.Length - 1;
        for (var j = 0; j < keys.Length; j++)
        {
            if (keys[j] == 0)
            {
                continue;
            }

            var i = Slot(keys[j]);
            while (_keys[i] != 0)
            {
                i = (i + 1) & mask;
            }

            (_keys[i], _values[i]) = (keys[j], values[j]);
        }
    }
}
