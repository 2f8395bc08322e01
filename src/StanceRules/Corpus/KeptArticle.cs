using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;

namespace StanceRules;

/// <summary>
/// A kept article as a cell holds it (<see cref="CellTally"/>): a view of one entry in an array of
/// bytes, the article's confidence level and date followed by its id and evidence texts, each
/// after its length (7 bits a byte, the high bit set when more follow). A tally holds its
/// strongest articles as one array of such entries, one after the other (<see cref="CellTally"/>:
/// one object per tally, not one per article), never changed once written, so answers share it.
/// The texts are UTF-8; text that UTF-8 cannot hold unchanged (a lone surrogate) is kept as its
/// UTF-16 code units, so the answer never differs from what was added. In a corpus that keeps its
/// evidence in a file (<see cref="EvidenceFile"/>), the evidence texts are written there, each
/// after its length as here, and the entry holds their offset and length in the file after the id. The public
/// <see cref="CorpusArticle"/> is built when a question is answered; the stance is the tally's.
/// </summary>
internal readonly struct KeptArticle
{
    // An entry: a 16-bit header (the level, HeaderUtf16 when the texts are UTF-16 code units,
    // HeaderInFile when the evidence texts are in the corpus's EvidenceFile), the day number (32 bits),
    // the length of the texts in bytes, then the texts, each after its length (with HeaderInFile: the
    // id, then the evidence's offset and length in the file).
    private const int FixedBytes = 6;
    private const ushort HeaderUtf16 = 0x8000;
    private const ushort HeaderInFile = 0x4000;

    // The stack buffer for encoding; a longer id and evidence are encoded in a rented array.
    private const int StackBytes = 1024;

    private readonly byte[] _data;
    private readonly int _at;

    private KeptArticle(byte[] data, int at)
    {
        _data = data;
        _at = at;
    }

    public DateOnly Published => DateOnly.FromDayNumber(BinaryPrimitives.ReadInt32LittleEndian(_data.AsSpan(_at + 2)));

    /// <summary>The confidence in ten-thousandths (<see cref="CellTally.Level"/>).</summary>
    public int Level => Header & ~(HeaderUtf16 | HeaderInFile);

    /// <summary>Whether this is no article (the default value).</summary>
    public bool IsNone => _data is null;

    /// <summary>The entry's length in bytes.</summary>
    public int Length
    {
        get
        {
            var at = _at + FixedBytes;
            var texts = ReadLength(_data, ref at);
            return at - _at + texts;
        }
    }

    private ushort Header => BinaryPrimitives.ReadUInt16LittleEndian(_data.AsSpan(_at));

    private bool IsUtf16 => (Header & HeaderUtf16) != 0;

    private bool IsInFile => (Header & HeaderInFile) != 0;

    /// <summary>The entry of an article, in an array of its own; its evidence texts written to <paramref name="file"/> when given.</summary>
    public static KeptArticle Create(string id, DateOnly published, int level, ReadOnlySpan<string> evidence, EvidenceFile? file = null)
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
            var utf8 = TryAppend(id, buffer, ref written);
            var idEnd = written;
            foreach (var text in evidence)
            {
                utf8 = utf8 && TryAppend(text, buffer, ref written);
            }

            return utf8 ? Entry(level, published, 0, buffer, idEnd, written, file) : CreateUtf16(id, published, level, evidence, file);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The entry at <paramref name="at"/> of an array of entries.</summary>
    public static KeptArticle At(byte[] entries, int at) => new(entries, at);

    /// <summary>The entry at <paramref name="at"/> of an array of entries, moving <paramref name="at"/> past it to the next.</summary>
    public static KeptArticle Next(byte[] entries, ref int at)
    {
        var entry = new KeptArticle(entries, at);
        at += entry.Length;
        return entry;
    }

    /// <summary>Whether the two are the same entry of the same array.</summary>
    public bool SameAs(in KeptArticle other) => ReferenceEquals(_data, other._data) && _at == other._at;

    /// <summary>Whether this entry is in <paramref name="entries"/>.</summary>
    public bool IsIn(byte[]? entries) => entries is not null && ReferenceEquals(_data, entries);

    /// <summary>Where this entry starts in <see cref="Data"/>.</summary>
    public int Offset => _at;

    /// <summary>The array the entry is in.</summary>
    public byte[] Data => _data;

    /// <summary>This entry, in an array of its own unless it already is one (so a larger array is not held for it).</summary>
    public KeptArticle Alone() => _at == 0 && Length == _data.Length ? this : new KeptArticle(Bytes.ToArray(), 0);

    /// <summary>This entry, in a new array of its own.</summary>
    public KeptArticle Copied() => new(Bytes.ToArray(), 0);

    /// <summary>The entry's bytes.</summary>
    public ReadOnlySpan<byte> Bytes => _data.AsSpan(_at, Length);

    /// <summary>The article id.</summary>
    public string Id()
    {
        var at = TextsStart();
        return ReadText(_data, ref at, IsUtf16);
    }

    /// <summary>The sign of <c>string.CompareOrdinal(id, Id())</c>, without building the id when it is ASCII.</summary>
    public int CompareIdTo(string id)
    {
        if (IsUtf16)
        {
            return Math.Sign(string.CompareOrdinal(id, Id()));
        }

        var at = TextsStart();
        var length = ReadLength(_data, ref at);
        var bytes = _data.AsSpan(at, length);
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

    /// <summary>The article, its evidence read from <paramref name="file"/> when it is there (the file of the corpus the entry is in).</summary>
    public CorpusArticle ToArticle(Stance stance, EvidenceFile? file = null)
    {
        var at = _at + FixedBytes;
        var texts = ReadLength(_data, ref at);
        var end = at + texts;
        var id = ReadText(_data, ref at, IsUtf16);
        var evidence = new List<string>();
        var (data, dataEnd) = (_data, end);
        if (IsInFile)
        {
            var (offset, length) = FileRange(ref at);
            data = Required(file).Read(offset, length);
            (at, dataEnd) = (0, length);
        }

        while (at < dataEnd)
        {
            evidence.Add(ReadText(data, ref at, IsUtf16));
        }

        return new CorpusArticle(id, Published, stance, (double)Level / CellTally.Scale, evidence.ToArray());
    }

    /// <summary>
    /// This entry with its evidence in <paramref name="to"/> rather than <paramref name="from"/>, in
    /// an array of its own (itself when its evidence is not in a file, or already in <paramref name="to"/>).
    /// </summary>
    public KeptArticle MovedTo(EvidenceFile to, EvidenceFile? from)
    {
        if (!IsInFile || ReferenceEquals(to, from))
        {
            return this;
        }

        var at = TextsStart();
        var idBytes = ReadLength(_data, ref at);
        at += IsUtf16 ? 2 * idBytes : idBytes;
        var idEnd = at - TextsStart();
        var (offset, length) = FileRange(ref at);
        var evidence = Required(from).Read(offset, length);
        var texts = new byte[idEnd + evidence.Length];
        _data.AsSpan(TextsStart(), idEnd).CopyTo(texts);
        evidence.CopyTo(texts.AsSpan(idEnd));
        return Entry(Level, Published, (ushort)(Header & HeaderUtf16), texts, idEnd, texts.Length, to);
    }

    private static EvidenceFile Required(EvidenceFile? file) =>
        file ?? throw new InvalidOperationException("A kept article's evidence is in a file, and no file was given.");

    private static KeptArticle CreateUtf16(string id, DateOnly published, int level, ReadOnlySpan<string> evidence, EvidenceFile? file)
    {
        // Each text's code units after its length (at most 5 bytes).
        var size = 5 + 2 * id.Length;
        foreach (var text in evidence)
        {
            size += 5 + 2 * text.Length;
        }

        var texts = new byte[size];
        var (written, idEnd) = (0, 0);
        foreach (var text in (string[])[id, .. evidence])
        {
            WriteLength(texts, ref written, (uint)text.Length);
            MemoryMarshal.AsBytes(text.AsSpan()).CopyTo(texts.AsSpan(written));
            written += 2 * text.Length;
            idEnd = idEnd == 0 ? written : idEnd;
        }

        return Entry(level, published, HeaderUtf16, texts, idEnd, written, file);
    }

    /// <summary>
    /// The entry of <paramref name="buffer"/>'s first <paramref name="written"/> bytes of texts, the
    /// id's ending at <paramref name="idEnd"/>; with a file, the evidence after the id written there
    /// and its offset and length put in its place (the buffer is changed).
    /// </summary>
    private static KeptArticle Entry(int level, DateOnly published, ushort flags, Span<byte> buffer, int idEnd, int written, EvidenceFile? file)
    {
        if (file is not null && written > idEnd)
        {
            // At most 10 bytes of offset and 5 of length, where the evidence was (at least one length byte a text).
            Span<byte> range = stackalloc byte[15];
            var rangeBytes = 0;
            WriteLength(range, ref rangeBytes, (ulong)file.Append(buffer[idEnd..written]));
            WriteLength(range, ref rangeBytes, (uint)(written - idEnd));
            if (idEnd + rangeBytes > buffer.Length)
            {
                var larger = new byte[idEnd + rangeBytes];
                buffer[..idEnd].CopyTo(larger);
                buffer = larger;
            }

            range[..rangeBytes].CopyTo(buffer[idEnd..]);
            (written, flags) = (idEnd + rangeBytes, (ushort)(flags | HeaderInFile));
        }

        return Entry(level, published, flags, buffer[..written]);
    }

    private static KeptArticle Entry(int level, DateOnly published, ushort flags, ReadOnlySpan<byte> texts)
    {
        Span<byte> length = stackalloc byte[5];
        var lengthBytes = 0;
        WriteLength(length, ref lengthBytes, (uint)texts.Length);

        var data = new byte[FixedBytes + lengthBytes + texts.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(data, (ushort)(level | flags));
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(2), published.DayNumber);
        length[..lengthBytes].CopyTo(data.AsSpan(FixedBytes));
        texts.CopyTo(data.AsSpan(FixedBytes + lengthBytes));
        return new KeptArticle(data, 0);
    }

    private int TextsStart()
    {
        var at = _at + FixedBytes;
        _ = ReadLength(_data, ref at);
        return at;
    }

    /// <summary>The offset and length of the evidence in the file, read at <paramref name="at"/> (after the id).</summary>
    private (long Offset, int Length) FileRange(ref int at) => ((long)ReadVarint(_data, ref at), ReadLength(_data, ref at));

    /// <summary>The text at <paramref name="at"/> of <paramref name="data"/>, moving past it.</summary>
    private static string ReadText(byte[] data, ref int at, bool utf16)
    {
        var length = ReadLength(data, ref at);
        if (utf16)
        {
            var text = new string(MemoryMarshal.Cast<byte, char>(data.AsSpan(at, 2 * length)));
            at += 2 * length;
            return text;
        }

        var decoded = Encoding.UTF8.GetString(data, at, length);
        at += length;
        return decoded;
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

        WriteLength(buffer, ref written, (uint)bytes);
        buffer.Slice(start + 5, bytes).CopyTo(buffer[written..]);
        written += bytes;
        return true;
    }

    private static void WriteLength(Span<byte> buffer, ref int written, ulong value)
    {
        while (value >= 0x80)
        {
            buffer[written++] = (byte)(value | 0x80);
            value >>= 7;
        }

        buffer[written++] = (byte)value;
    }

    private static int ReadLength(byte[] data, ref int at) => (int)ReadVarint(data, ref at);

    /// <summary>The value <see cref="WriteLength"/> wrote at <paramref name="at"/>, moving past it.</summary>
    private static ulong ReadVarint(byte[] data, ref int at)
    {
        var (value, shift) = (0UL, 0);
        byte next;
        do
        {
            next = data[at++];
            value |= (ulong)(next & 0x7F) << shift;
            shift += 7;
        }
        while (next >= 0x80);

        return value;
    }
}
