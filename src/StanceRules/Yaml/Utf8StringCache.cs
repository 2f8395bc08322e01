using System.Buffers.Binary;
using System.Text;

namespace StanceRules.Yaml;

/// <summary>
/// The strings of short, repeated values (actors, acts, issues) decoded once per thread and shared:
/// a fact document stream names the same few hundred actors and acts millions of times, and each
/// would otherwise be a new string. Direct-mapped by a hash of the bytes; a collision replaces the
/// entry. Strings are immutable, so sharing one is invisible to the caller.
/// </summary>
internal static class Utf8StringCache
{
    /// <summary>Values longer than this are decoded each time (evidence, titles: rarely repeated).</summary>
    public const int MaxBytes = 32;

    private const int Size = 1024; // a power of two

    [ThreadStatic]
    private static (byte[] Key, string Value)[]? t_entries;

    /// <summary>The string of UTF-8 bytes (valid, unescaped, at most <see cref="MaxBytes"/>), from the cache when seen before.</summary>
    public static string Get(ReadOnlySpan<byte> utf8)
    {
        var entries = t_entries ??= new (byte[], string)[Size];
        ref var entry = ref entries[Hash(utf8) & (Size - 1)];
        if (entry.Key is { } key && utf8.SequenceEqual(key))
        {
            return entry.Value;
        }

        var value = Encoding.UTF8.GetString(utf8);
        entry = (utf8.ToArray(), value);
        return value;
    }

    // Values of 8 bytes or more: their first and last 8 bytes and their length, mixed (a collision
    // costs a decode, never a wrong string: the bytes are compared). Shorter ones byte by byte.
    private static uint Hash(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length >= 8)
        {
            var (first, last) = (BinaryPrimitives.ReadUInt64LittleEndian(utf8), BinaryPrimitives.ReadUInt64LittleEndian(utf8[^8..]));
            var mixed = ((first * 0x9E3779B97F4A7C15UL) ^ (last * 0xC2B2AE3D27D4EB4FUL)) + (ulong)utf8.Length;
            return (uint)(mixed >> 32) ^ (uint)mixed;
        }

        var hash = 2166136261u;
        foreach (var b in utf8)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash;
    }
}
