using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace StanceRules;

// Fingerprints: of an article id (de-duplication), and of what a report says (conflicting repeats).
public sealed partial class StanceCorpus
{
    /// <summary>The first 8 bytes of the SHA-256 of the UTF-8 id: stable across processes and machines, unlike string.GetHashCode.</summary>
    private static ulong Fingerprint(string id) => Fingerprint(id.AsSpan());

    /// <inheritdoc cref="Fingerprint(string)"/>
    private static ulong Fingerprint(ReadOnlySpan<char> id)
    {
        var length = Encoding.UTF8.GetMaxByteCount(id.Length);
        var rented = length > 512 ? ArrayPool<byte>.Shared.Rent(length) : null;
        try
        {
            Span<byte> bytes = rented ?? stackalloc byte[512];
            var written = Encoding.UTF8.GetBytes(id, bytes);
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(bytes[..written], hash);
            return BinaryPrimitives.ReadUInt64LittleEndian(hash);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// What a report says, as the corpus counts it: the date and each (country, issue, stance,
    /// confidence in ten-thousandths), in a canonical order; their 64-bit FNV-1a hash. Not a
    /// cryptographic hash: it only tells a repeated article id's content from the first's (which
    /// counts either way), so a collision can at worst leave a conflicting repeat uncounted; the
    /// id's own fingerprint, which decides what counts, stays SHA-256.
    /// </summary>
    private static ulong ContentFingerprint(StanceReport report)
    {
        // One stance (every event's report): the same text, written without a builder or a sort.
        Span<char> one = stackalloc char[256];
        if (report.Stances.Count == 1 && report.Stances[0] is var s
            && one.TryWrite(CultureInfo.InvariantCulture, $"{report.Published?.DayNumber ?? -1}\u001e{s.Country}\u001f{s.Issue}\u001f{(int)s.Stance}\u001f{CellTally.Level(s.Confidence)}", out var written))
        {
            return Fnv(one[..written]);
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{report.Published?.DayNumber ?? -1}");
        foreach (var line in report.Stances
            .Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Country}\u001f{s.Issue}\u001f{(int)s.Stance}\u001f{CellTally.Level(s.Confidence)}"))
            .Order(StringComparer.Ordinal))
        {
            text.Append('\u001e').Append(line);
        }

        return Fnv(text.ToString());
    }

    /// <summary>64-bit FNV-1a over the UTF-16 code units: stable across processes and machines.</summary>
    private static ulong Fnv(ReadOnlySpan<char> text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
