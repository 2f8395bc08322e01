using System.Buffers;
using System.Text.Unicode;

namespace StanceRules.Yaml;

/// <summary>One line of a stream as UTF-8 bytes: its 1-based number, and its bytes or why it could not be read.</summary>
/// <param name="Number">The line's number in the stream (blank lines are counted, not returned).</param>
/// <param name="Bytes">The line without its end (<c>\n</c> or <c>\r\n</c>), valid UTF-8, its own array; null when <paramref name="Error"/> is set.</param>
/// <param name="Error">A line longer than the limit, or not UTF-8; the reader goes on with the next line.</param>
internal readonly record struct Utf8Line(long Number, byte[]? Bytes, string? Error);

/// <summary>
/// Reads a stream line by line as bytes, for JSON Lines: lines are split on <c>\n</c> in a pooled
/// buffer and each line is copied once, into the array the caller keeps; no text is decoded. The
/// buffer holds at most one line and a read (64 KB, growing to at most about twice
/// <c>maxLineBytes</c> for a long line): a longer line is scanned to its end and returned as an
/// error, never held whole; a line that is not UTF-8 is an error of
/// that line only. A UTF-8 byte-order mark at the start is skipped; blank lines are counted and
/// skipped. Not thread-safe; dispose it to return the buffer.
/// </summary>
internal sealed class Utf8LineReader : IDisposable
{
    private const int ReadSize = 64 * 1024;

    private readonly Stream _stream;
    private readonly int _maxLineBytes;
    private readonly string _limitName;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(ReadSize);
    private int _start;
    private int _end;
    private long _number;
    private bool _ended;
    private bool _skipping; // inside a line already over the limit: only its end is looked for

    /// <param name="stream">The bytes.</param>
    /// <param name="maxLineBytes">The longest line held.</param>
    /// <param name="limitName">What the limit is called in the error of a longer line.</param>
    public Utf8LineReader(Stream stream, int maxLineBytes, string limitName = $"{nameof(StanceLimits)}.{nameof(StanceLimits.MaxFileBytes)}")
    {
        _stream = stream;
        _maxLineBytes = maxLineBytes;
        _limitName = limitName;
    }

    /// <summary>How many bytes were read from the stream so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>The next non-blank line, or null at the end of the stream.</summary>
    public async ValueTask<Utf8Line?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var (begin, end) = (_start, _start + newline);
                _start = end + 1;
                if (Line(begin, end) is { } line)
                {
                    return line;
                }

                continue;
            }

            if (_skipping || _end - _start > _maxLineBytes)
            {
                (_skipping, _start, _end) = (true, 0, 0); // past the limit, the bytes are dropped as they come
            }

            if (_ended)
            {
                if (_skipping || _end > _start)
                {
                    // The last line, when the stream does not end with a newline.
                    var (begin, end) = (_start, _end);
                    _start = _end;
                    return Line(begin, end);
                }

                return null;
            }

            await FillAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads more bytes after the partial line, moving it to the front or growing the buffer for it.</summary>
    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            (_end, _start) = (_end - _start, 0);
        }

        if (_buffer.Length - _end < ReadSize / 2)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _end + ReadSize));
            _buffer.AsSpan(0, _end).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }

        var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        BytesRead += read;
        _end += read;
        _ended = read == 0;
    }

    /// <summary>The line between two offsets of the buffer; null when it is blank.</summary>
    private Utf8Line? Line(int begin, int end)
    {
        _number++;
        if (_skipping || end - begin > _maxLineBytes)
        {
            _skipping = false;
            return new Utf8Line(_number, null, $"line longer than {_maxLineBytes:N0} bytes ({_limitName}); skipped");
        }

        var bytes = _buffer.AsSpan(begin, end - begin);
        if (_number == 1 && bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..]; // a byte-order mark, however the first reads were cut
        }

        if (bytes.Length > 0 && bytes[^1] == (byte)'\r')
        {
            bytes = bytes[..^1];
        }

        if (bytes.Trim((ReadOnlySpan<byte>)[(byte)' ', (byte)'\t']).IsEmpty)
        {
            return null;
        }

        return Utf8.IsValid(bytes)
            ? new Utf8Line(_number, bytes.ToArray(), null)
            : new Utf8Line(_number, null, "the line is not valid UTF-8; skipped");
    }

    /// <summary>Returns the buffer to the pool.</summary>
    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        (_start, _end, _ended) = (0, 0, true);
    }
}
