using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace StanceRules;

/// <summary>
/// A kept article as a cell holds it (<see cref="CellTally"/>): its date, its confidence level and
/// one block of UTF-8 with its id and evidence texts, each after its length in bytes (7 bits a
/// byte, the high bit set when more follow). One object per kept article, about half the bytes of
/// the strings for ASCII ids and URLs; the public <see cref="CorpusArticle"/> is built when a
/// question is answered. Text that UTF-8 cannot hold unchanged (a lone surrogate) is kept as the
/// strings themselves, so the answer never differs from what was added. The stance is the tally's.
/// </summary>
internal readonly struct KeptArticle
{
    // The stack buffer for encoding; a longer id and evidence are encoded in a rented array.
    private const int StackBytes = 1024;

    // byte[] (the UTF-8 block) or Verbatim.
    private readonly object _data;

    private KeptArticle(object data, DateOnly published, int level)
    {
        _data = data;
        Published = published;
        Level = level;
    }

    public DateOnly Published { get; }

    /// <summary>The confidence in ten-thousandths (<see cref="CellTally.Level"/>).</summary>
    public int Level { get; }

    public static KeptArticle Create(string id, DateOnly published, int level, ReadOnlySpan<string> evidence)
    {
        // A UTF-16 code unit takes at most 3 bytes of UTF-8; a length at most 5 bytes.
        var most = 5 + (3L * id.Length);
        foreach (var text in evidence)
        {
            most += 5 + (3L * text.Length);
        }

        var rented = most > StackBytes ? ArrayPool<byte>.Shared.Rent(checked((int)most)) : null;
        try
        {
            Span<byte> buffer = rented ?? stackalloc byte[StackBytes];
            var written = 0;
            var encoded = TryAppend(id, buffer, ref written);
            foreach (var text in evidence)
            {
                encoded = encoded && TryAppend(text, buffer, ref written);
            }

            return encoded
                ? new KeptArticle(buffer[..written].ToArray(), published, level)
                : new KeptArticle(new Verbatim(id, evidence.ToArray()), published, level);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Whether this is no article (the default value).</summary>
    public bool IsNone => _data is null;

    /// <summary>Whether the two are the same kept article (one is a copy of the other).</summary>
    public bool SameAs(in KeptArticle other) => ReferenceEquals(_data, other._data);

    /// <summary>The article id.</summary>
    public string Id() => _data is Verbatim verbatim ? verbatim.Id : Encoding.UTF8.GetString(IdBytes((byte[])_data, out _));

    /// <summary>The sign of <c>string.CompareOrdinal(id, Id())</c>, without building the id when it is ASCII.</summary>
    public int CompareIdTo(string id)
    {
        if (_data is Verbatim verbatim)
        {
            return Math.Sign(string.CompareOrdinal(id, verbatim.Id));
        }

        var bytes = IdBytes((byte[])_data, out _);
        var common = Math.Min(bytes.Length, id.Length);
        for (var i = 0; i < common; i++)
        {
            if (bytes[i] >= 0x80)
            {
                return CompareDecoded(id, bytes);
            }

            if (id[i] != bytes[i])
            {
                return id[i] < bytes[i] ? -1 : 1;
            }
        }

        // One is a prefix of the other: any byte left is at least one more character.
        return id.Length == common ? (bytes.Length == common ? 0 : -1) : 1;
    }

    public CorpusArticle ToArticle(Stance stance)
    {
        string id;
        string[] evidence;
        if (_data is Verbatim verbatim)
        {
            (id, evidence) = (verbatim.Id, [.. verbatim.Evidence]);
        }
        else
        {
            var data = (byte[])_data;
            id = Encoding.UTF8.GetString(IdBytes(data, out var at));
            var texts = new List<string>();
            while (at < data.Length)
            {
                var length = ReadLength(data, ref at);
                texts.Add(Encoding.UTF8.GetString(data, at, length));
                at += length;
            }

            evidence = [.. texts];
        }

        return new CorpusArticle(id, Published, stance, (double)Level / CellTally.Scale, evidence);
    }

    private static int CompareDecoded(string id, ReadOnlySpan<byte> bytes)
    {
        var rented = bytes.Length > 256 ? ArrayPool<char>.Shared.Rent(bytes.Length) : null;
        try
        {
            Span<char> chars = rented ?? stackalloc char[256];
            var length = Encoding.UTF8.GetChars(bytes, chars);
            return Math.Sign(id.AsSpan().SequenceCompareTo(chars[..length]));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static ReadOnlySpan<byte> IdBytes(byte[] data, out int end)
    {
        var at = 0;
        var length = ReadLength(data, ref at);
        end = at + length;
        return data.AsSpan(at, length);
    }

    /// <summary>Appends the text's UTF-8 after its length; false when it holds a lone surrogate.</summary>
    private static bool TryAppend(string text, Span<byte> buffer, ref int written)
    {
        // Encoded after room for the longest length, then moved back next to the length's actual bytes.
        var start = written;
        var status = Utf8.FromUtf16(text, buffer[(start + 5)..], out _, out var bytes, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            return false;
        }

        var value = (uint)bytes;
        while (value >= 0x80)
        {
            buffer[written++] = (byte)(value | 0x80);
            value >>= 7;
        }

        buffer[written++] = (byte)value;
        buffer.Slice(start + 5, bytes).CopyTo(buffer[written..]);
        written += bytes;
        return true;
    }

    private static int ReadLength(byte[] data, ref int at)
    {
        var (value, shift) = (0, 0);
        byte next;
        do
        {
            next = data[at++];
            value |= (next & 0x7F) << shift;
            shift += 7;
        }
        while (next >= 0x80);

        return value;
    }

    /// <summary>An id and evidence that UTF-8 cannot hold unchanged.</summary>
    private sealed record Verbatim(string Id, string[] Evidence);
}
