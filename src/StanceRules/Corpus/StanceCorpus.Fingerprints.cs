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
    /// confidence in ten-thousandths), in a canonical order; the first 8 bytes of their SHA-256.
    /// </summary>
    private static ulong ContentFingerprint(StanceReport report)
    {
        // One stance (every event's report): the same text, written without a builder or a sort.
        Span<char> one = stackalloc char[256];
        if (report.Stances.Count == 1 && report.Stances[0] is var s
            && one.TryWrite(CultureInfo.InvariantCulture, $"{report.Published?.DayNumber ?? -1}\u001e{s.Country}\u001f{s.Issue}\u001f{(int)s.Stance}\u001f{CellTally.Level(s.Confidence)}", out var written))
        {
            return Fingerprint(one[..written]);
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{report.Published?.DayNumber ?? -1}");
        foreach (var line in report.Stances
            .Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Country}\u001f{s.Issue}\u001f{(int)s.Stance}\u001f{CellTally.Level(s.Confidence)}"))
            .Order(StringComparer.Ordinal))
        {
            text.Append('\u001e').Append(line);
        }

        return Fingerprint(text.ToString());
    }
}
