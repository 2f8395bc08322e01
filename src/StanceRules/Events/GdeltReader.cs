using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using System.Text.Unicode;

namespace StanceRules;

/// <summary>
/// Reads GDELT event rows from bytes: a pooled buffer, rows found and split on spans, codes and
/// dates parsed as numbers, and a string made only for the columns an <see cref="EventRecord"/>
/// keeps (short repeated ones, names, codes and roles, from a small cache). A row longer than
/// <see cref="EventRecords.MaxGdeltRowBytes"/> is scanned to its end and reported, never held;
/// a row that is not UTF-8 is an error of that row. A byte-order mark at the start is skipped;
/// blank rows are counted and skipped. Not thread-safe.
/// </summary>
internal sealed class GdeltReader : IDisposable
{
    private const int BufferBytes = 256 * 1024;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Stream _stream;
    private readonly string _source;
    private readonly ShortStrings _strings = new();

    // Actors recently made, by their strings' cache slots (see Actor).
    private const int ActorSlots = 1024;
    private readonly EventActor?[] _actors = new EventActor?[ActorSlots];
    private readonly string?[] _codes = new string?[5 * 10_000];
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
    private int _start;
    private int _end;
    private long _line;
    private bool _skipping;
    private bool _ended;
    private bool _atStart = true;

    /// <param name="stream">The bytes (not closed).</param>
    /// <param name="source">The name errors and records give.</param>
    /// <param name="firstLine">The number of the stream's first line (1, or a row's own number when it is read alone).</param>
    public GdeltReader(Stream stream, string source, long firstLine = 1)
    {
        _stream = stream;
        _source = source;
        _line = firstLine - 1;
    }

    /// <summary>Reads more bytes into the buffer: false at the end of the stream (after the last row was given).</summary>
    public async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_ended)
        {
            return false;
        }

        if (_start > 0)
        {
            // Keep the partial row at the front.
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            (_end, _start) = (_end - _start, 0);
        }

        var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        if (_atStart && read > 0)
        {
            _atStart = false;
            if (_buffer.AsSpan(0, _end + read).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                _start = 3;
            }
        }

        _end += read;
        _ended = read == 0;
        return true;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    /// <summary>The next row held in the buffer (or the last, unended one at the end of the stream); false when more bytes are needed.</summary>
    public bool TryNext(out EventRead read)
    {
        read = default;
        while (_start < _end)
        {
            var pending = _buffer.AsSpan(_start, _end - _start);
            var newline = pending.IndexOf((byte)'\n');
            if (newline < 0 && !_ended)
            {
                if (pending.Length > EventRecords.MaxGdeltRowBytes)
                {
                    // Too long: drop what is held and scan on for the row's end.
                    _start = _end;
                    if (!_skipping)
                    {
                        _skipping = true;
                        read = new EventRead(_source, ++_line, null, $"line longer than {EventRecords.MaxGdeltRowBytes:N0} bytes (EventRecords.MaxGdeltRowBytes); skipped");
                        return true;
                    }
                }

                return false;
            }

            var row = newline < 0 ? pending : pending[..newline];
            _start += newline < 0 ? pending.Length : newline + 1;
            if (_skipping)
            {
                _skipping = false;
                continue;
            }

            _line++;
            if (row.Length > EventRecords.MaxGdeltRowBytes)
            {
                read = new EventRead(_source, _line, null, $"line longer than {EventRecords.MaxGdeltRowBytes:N0} bytes (EventRecords.MaxGdeltRowBytes); skipped");
                return true;
            }

            if (row.Length > 0 && row[^1] == (byte)'\r')
            {
                row = row[..^1];
            }

            if (row.Trim((ReadOnlySpan<byte>)[(byte)' ', (byte)'\t']).IsEmpty)
            {
                continue;
            }

            read = Utf8.IsValid(row) ? Row(row) : new EventRead(_source, _line, null, "the line is not valid UTF-8; skipped");
            return true;
        }

        return false;
    }

    /// <summary>One row, by the codebooks' column positions (see <see cref="EventRecords.GdeltRow"/>).</summary>
    private EventRead Row(ReadOnlySpan<byte> row)
    {
        Span<int> tabs = stackalloc int[61];
        var count = Tabs(row, tabs) + 1;
        if (count is not (57 or 58 or 61))
        {
            return Bad($"expected 57 or 58 (GDELT 1.0) or 61 (GDELT 2.0) tab-separated columns, found {(count > 61 ? "more than 61" : count.ToString(CultureInfo.InvariantCulture))}");
        }

        Span<Range> columns = stackalloc Range[61];
        for (var i = 0; i < count; i++)
        {
            columns[i] = new Range(i == 0 ? 0 : tabs[i - 1] + 1, i == count - 1 ? row.Length : tabs[i]);
        }

        var id = row[columns[0]];
        if (id.IsEmpty || id.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0)
        {
            return Bad($"GLOBALEVENTID '{Shown(id)}' is not a number");
        }

        if (!TryDate(row[columns[1]], out var date))
        {
            return Bad($"SQLDATE '{Shown(row[columns[1]])}' is not a date as YYYYMMDD");
        }

        var code = row[columns[26]];
        if (code.Length is < 2 or > 4 || code.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0 || !Utf8Parser.TryParse(code, out int number, out _))
        {
            return Bad($"EventCode '{Shown(code)}' is not a CAMEO code (2 to 4 digits)");
        }

        var quad = row[columns[29]];
        if (quad.Length != 1 || quad[0] is < (byte)'1' or > (byte)'4')
        {
            return Bad($"QuadClass '{Shown(quad)}' is not 1 to 4");
        }

        var target = row[columns[17]].IsEmpty && row[columns[16]].IsEmpty ? null : Actor(row[columns[16]], row[columns[17]], row[columns[22]]);
        var record = new EventRecord
        {
            Id = Encoding.ASCII.GetString(id),
            Date = date,
            Coding = EventCoding.Cameo,
            Code = _codes[(code.Length * 10_000) + number] ??= Encoding.ASCII.GetString(code),
            QuadClass = quad[0] - '0',
            Source = Actor(row[columns[6]], row[columns[7]], row[columns[12]]),
            Target = target,
            Evidence = count == 57 ? null : Encoding.UTF8.GetString(row[columns[count - 1]]),
        };
        return new EventRead(_source, _line, record, null);
    }

    /// <summary>
    /// The actor of a name, country code and role: the one made last time for the same three strings
    /// (an <see cref="EventActor"/> is immutable; the short strings come from one cache, so the same
    /// values are the same string objects), else a new one in its slot.
    /// </summary>
    private EventActor Actor(ReadOnlySpan<byte> name, ReadOnlySpan<byte> country, ReadOnlySpan<byte> role)
    {
        var (text, code, sector) = (_strings.Get(name, out var a), _strings.Get(country, out var b), _strings.Get(role, out var c));
        ref var slot = ref _actors[(int)(((uint)a * 0x9E3779B1u) ^ ((uint)b * 0x85EBCA77u) ^ ((uint)c * 0xC2B2AE3Du)) & (ActorSlots - 1)];
        if (slot is { } known && ReferenceEquals(known.Text, text) && ReferenceEquals(known.CountryCode, code) && ReferenceEquals(known.Role, sector))
        {
            return known;
        }

        return slot = new EventActor(text, code, sector);
    }

    /// <summary>The positions of the row's tabs, 16 bytes at a time; stops one past <paramref name="tabs"/>' length (too many columns).</summary>
    private static int Tabs(ReadOnlySpan<byte> row, Span<int> tabs)
    {
        var count = 0;
        var i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            var tab = Vector128.Create((byte)'\t');
            ref var start = ref MemoryMarshal.GetReference(row);
            for (; i + 16 <= row.Length; i += 16)
            {
                var mask = Vector128.Equals(Vector128.LoadUnsafe(ref start, (nuint)i), tab).ExtractMostSignificantBits();
                while (mask != 0)
                {
                    if (count == tabs.Length)
                    {
                        return count + 1;
                    }

                    tabs[count++] = i + BitOperations.TrailingZeroCount(mask);
                    mask &= mask - 1;
                }
            }
        }

        for (; i < row.Length; i++)
        {
            if (row[i] == (byte)'\t')
            {
                if (count == tabs.Length)
                {
                    return count + 1;
                }

                tabs[count++] = i;
            }
        }

        return count;
    }

    private EventRead Bad(string why) => new(_source, _line, null, why);

    private static bool TryDate(ReadOnlySpan<byte> text, out DateOnly date)
    {
        date = default;
        if (text.Length != 8 || text.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0)
        {
            return false;
        }

        var year = ((text[0] - '0') * 1000) + ((text[1] - '0') * 100) + ((text[2] - '0') * 10) + (text[3] - '0');
        var month = ((text[4] - '0') * 10) + (text[5] - '0');
        var day = ((text[6] - '0') * 10) + (text[7] - '0');
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static string Shown(ReadOnlySpan<byte> text) => DisplayText.Escape(DisplayText.Truncate(StrictUtf8.GetString(text)));

    /// <summary>
    /// Strings of short fields that repeat from row to row (names, country codes, roles): a
    /// direct-mapped cache keyed by the bytes' hash, so a repeated value costs no allocation.
    /// </summary>
    private sealed class ShortStrings
    {
        private const int Slots = 4096;
        private const int MaxBytes = 48;
        private readonly byte[]?[] _keys = new byte[Slots][];
        private readonly string?[] _values = new string?[Slots];

        /// <param name="bytes">The field's bytes.</param>
        /// <param name="slot">The cache slot the string is in (the same one for the same bytes while it stays), or -1 when it is not cached.</param>
        public string Get(ReadOnlySpan<byte> bytes, out int slot)
        {
            slot = -1;
            if (bytes.IsEmpty)
            {
                return string.Empty;
            }

            if (bytes.Length > MaxBytes)
            {
                return Encoding.UTF8.GetString(bytes);
            }

            slot = Slot(bytes);
            if (_keys[slot] is { } key && bytes.SequenceEqual(key))
            {
                return _values[slot]!;
            }

            var value = Encoding.UTF8.GetString(bytes);
            (_keys[slot], _values[slot]) = (bytes.ToArray(), value);
            return value;
        }

        /// <summary>The slot of the bytes: 8 at a time, multiplied and folded (a cache index, not a fingerprint).</summary>
        private static int Slot(ReadOnlySpan<byte> bytes)
        {
            var hash = (ulong)bytes.Length;
            for (; bytes.Length >= 8; bytes = bytes[8..])
            {
                hash = (hash ^ MemoryMarshal.Read<ulong>(bytes)) * 0x9E3779B97F4A7C15UL;
            }

            ulong tail = 0;
            for (var i = 0; i < bytes.Length; i++)
            {
                tail |= (ulong)bytes[i] << (8 * i);
            }

            hash = (hash ^ tail) * 0x9E3779B97F4A7C15UL;
            return (int)(hash >> 52); // 12 bits: 4,096 slots
        }
    }
}
