using System.Text;

namespace StanceRules.Yaml;

/// <summary>One line of a stream: its 1-based number, and its text or why it could not be read.</summary>
/// <param name="Number">The line's number in the stream (blank lines are counted, not returned).</param>
/// <param name="Text">The line without its end (<c>\n</c> or <c>\r\n</c>); null when <paramref name="Error"/> is set.</param>
/// <param name="Error">A line longer than the limit, or not UTF-8; the reader goes on with the next line.</param>
internal readonly record struct StreamLine(long Number, string? Text, string? Error);

/// <summary>
/// Reads a stream line by line, holding one line at a time (at most <c>maxLineBytes</c>): a
/// longer line is scanned to its end and returned as an error, never held whole, and a line
/// that is not UTF-8 is an error of that line only. A UTF-8 byte-order mark at the start is
/// skipped; blank lines are counted and skipped. Not thread-safe.
/// </summary>
internal sealed class LineReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Stream _stream;
    private readonly int _maxLineBytes;
    private readonly string _limitName;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private byte[] _line = new byte[4 * 1024];
    private int _lineLength;
    private bool _tooLong;
    private int _start;
    private int _end;
    private long _number;
    private bool _atStart = true;
    private bool _ended;

    /// <param name="stream">The bytes.</param>
    /// <param name="maxLineBytes">The longest line held.</param>
    /// <param name="limitName">What the limit is called in the error of a longer line.</param>
    public LineReader(Stream stream, int maxLineBytes, string limitName = $"{nameof(StanceLimits)}.{nameof(StanceLimits.MaxFileBytes)}")
    {
        _stream = stream;
        _maxLineBytes = maxLineBytes;
        _limitName = limitName;
    }

    /// <summary>How many bytes were read from the stream so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>The next non-blank line, or null at the end of the stream.</summary>
    public async ValueTask<StreamLine?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_start == _end)
            {
                if (_ended)
                {
                    return null;
                }

                _start = 0;
                _end = await _stream.ReadAsync(_buffer, cancellationToken).ConfigureAwait(false);
                BytesRead += _end;
                if (_atStart && _end > 0)
                {
                    _atStart = false;
                    if (_buffer.AsSpan(0, _end).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
                    {
                        _start = 3;
                    }
                }

                if (_end == 0)
                {
                    _ended = true;
                    if (_lineLength > 0 || _tooLong)
                    {
                        // The last line, when the stream does not end with a newline.
                        if (Finish() is { } last)
                        {
                            return last;
                        }
                    }

                    return null;
                }

                continue;
            }

            var span = _buffer.AsSpan(_start, _end - _start);
            var newline = span.IndexOf((byte)'\n');
            Append(newline < 0 ? span : span[..newline]);
            if (newline < 0)
            {
                _start = _end;
                continue;
            }

            _start += newline + 1;
            if (Finish() is { } line)
            {
                return line;
            }
        }
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (_tooLong || _lineLength + bytes.Length > _maxLineBytes)
        {
            // Past the limit the line is only scanned for its end.
            _tooLong = true;
            return;
        }

        if (_lineLength + bytes.Length > _line.Length)
        {
            Array.Resize(ref _line, Math.Min(Math.Max(_line.Length * 2, _lineLength + bytes.Length), _maxLineBytes));
        }

        bytes.CopyTo(_line.AsSpan(_lineLength));
        _lineLength += bytes.Length;
    }

    private StreamLine? Finish()
    {
        _number++;
        var (length, tooLong) = (_lineLength, _tooLong);
        (_lineLength, _tooLong) = (0, false);
        if (tooLong)
        {
            return new StreamLine(_number, null, $"line longer than {_maxLineBytes:N0} bytes ({_limitName}); skipped");
        }

        var bytes = _line.AsSpan(0, length);
        if (bytes.Length > 0 && bytes[^1] == (byte)'\r')
        {
            bytes = bytes[..^1];
        }

        if (bytes.Trim((ReadOnlySpan<byte>)[(byte)' ', (byte)'\t']).IsEmpty)
        {
            return null;
        }

        try
        {
            return new StreamLine(_number, StrictUtf8.GetString(bytes), null);
        }
        catch (DecoderFallbackException)
        {
            return new StreamLine(_number, null, "the line is not valid UTF-8; skipped");
        }
    }
}
