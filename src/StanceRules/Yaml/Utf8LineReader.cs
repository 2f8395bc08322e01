using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace StanceRules.Yaml;

/// <summary>One line of a stream as UTF-8 bytes: its 1-based number, and its bytes or why it could not be read.</summary>
/// <param name="Number">The line's number in the stream (blank lines are counted, not returned).</param>
/// <param name="Bytes">The line without its end (<c>\n</c> or <c>\r\n</c>), valid UTF-8, its own array; null when <paramref name="Error"/> is set.</param>
/// <param name="Error">A line longer than the limit, or not UTF-8; the reader goes on with the next line.</param>
internal readonly record struct Utf8Line(long Number, byte[]? Bytes, string? Error);

/// <summary>One line of a stream as text: its 1-based number, and its text or why it could not be read.</summary>
/// <param name="Number">The line's number in the stream (blank lines are counted, not returned).</param>
/// <param name="Text">The line without its end (<c>\n</c> or <c>\r\n</c>); null when <paramref name="Error"/> is set.</param>
/// <param name="Error">A line longer than the limit, or not UTF-8; the reader goes on with the next line.</param>
internal readonly record struct StreamLine(long Number, string? Text, string? Error);

/// <summary>
/// Reads a stream line by line, as bytes for JSON Lines (<see cref="ReadAsync"/>: each line is copied
/// once, into the array the caller keeps; no text is decoded) or as text for the event files
/// (<see cref="ReadTextAsync"/>: decoded from the buffer). Lines are split on <c>\n</c> in a pooled
/// buffer. The
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

    /// <summary>The next non-blank line as bytes, or null at the end of the stream.</summary>
    public async ValueTask<Utf8Line?> ReadAsync(CancellationToken cancellationToken)
    {
        while (await NextAsync(cancellationToken).ConfigureAwait(false) is var (begin, end))
        {
            if (Content(begin, end, out var bytes) is { } error)
            {
                return new Utf8Line(_number, null, error);
            }

            if (!bytes.IsEmpty)
            {
                return new Utf8Line(_number, bytes.ToArray(), null);
            }
        }

        return null;
    }

    /// <summary>The next non-blank line as text, or null at the end of the stream.</summary>
    public async ValueTask<StreamLine?> ReadTextAsync(CancellationToken cancellationToken)
    {
        while (await NextAsync(cancellationToken).ConfigureAwait(false) is var (begin, end))
        {
            if (Content(begin, end, out var bytes) is { } error)
            {
                return new StreamLine(_number, null, error);
            }

            if (!bytes.IsEmpty)
            {
                return new StreamLine(_number, Encoding.UTF8.GetString(bytes), null);
            }
        }

        return null;
    }

    /// <summary>Where the next line lies in the buffer (valid until the next read), or null at the end of the stream.</summary>
    private async ValueTask<(int Begin, int End)?> NextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var (begin, end) = (_start, _start + newline);
                _start = end + 1;
                return (begin, end);
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
                    return (begin, end);
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

    /// <summary>
    /// Counts the line between two offsets of the buffer and gives its content (empty when it is blank),
    /// or why it cannot be read: longer than the limit, or not UTF-8.
    /// </summary>
    private string? Content(int begin, int end, out ReadOnlySpan<byte> bytes)
    {
        _number++;
        bytes = default;
        if (_skipping || end - begin > _maxLineBytes)
        {
            _skipping = false;
            return $"line longer than {_maxLineBytes:N0} bytes ({_limitName}); skipped";
        }

        var line = _buffer.AsSpan(begin, end - begin);
        if (_number == 1 && line.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            line = line[3..]; // a byte-order mark, however the first reads were cut
        }

        if (line.Length > 0 && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        if (line.Trim((ReadOnlySpan<byte>)[(byte)' ', (byte)'\t']).IsEmpty)
        {
            return null;
        }

        if (!Utf8.IsValid(line))
        {
            return "the line is not valid UTF-8; skipped";
        }

        bytes = line;
        return null;
    }

    /// <summary>Returns the buffer to the pool.</summary>
    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        (_start, _end, _ended) = (0, 0, true);
    }
}
