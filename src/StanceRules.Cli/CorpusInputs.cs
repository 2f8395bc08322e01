using System.Text.Json;

namespace StanceRules.Cli;

/// <summary>
/// What <c>stance corpus</c> reads from a JSON Lines file or standard input: stance reports (the
/// output of <c>stance infer --format jsonl</c>) or fact documents, told apart by the first line
/// (a report's <c>article</c> is its id, a string; a fact document's is an object).
/// </summary>
internal static class CorpusInputs
{
    /// <summary>Whether a JSON Lines file holds reports: its first non-blank line is one; true when it cannot be opened (the read of reports says why).</summary>
    public static bool HoldsReports(string path)
    {
        using var stream = StanceFiles.OpenRegularFile(path, out _);
        return stream is null || IsReport(FirstLine(new BufferedStream(stream, 64 * 1024), StanceLimits.Default.MaxFileBytes).Line);
    }

    /// <summary>
    /// Standard input, its first line read ahead to tell reports from fact documents, and a stream
    /// that gives the whole input again (the line read ahead, then the rest).
    /// </summary>
    public static (bool Reports, Stream Input) Peek(Stream stdin)
    {
        var buffered = new BufferedStream(stdin, 64 * 1024);
        var (line, bytes) = FirstLine(buffered, StanceLimits.Default.MaxFileBytes);
        return (IsReport(line), new PrefixedStream(bytes, buffered));
    }

    /// <summary>Whether a line is a stance report in JSON: an object whose <c>article</c> is a string.</summary>
    public static bool IsReport(string? line)
    {
        if (line is null || !line.TrimStart().StartsWith('{'))
        {
            return false;
        }

        try
        {
            using var json = JsonDocument.Parse(line);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("article", out var article) && article.ValueKind == JsonValueKind.String;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The bytes up to and including the first non-blank line's end (at most <paramref name="max"/>), and that line.</summary>
    private static (string? Line, byte[] Bytes) FirstLine(Stream stream, int max)
    {
        var bytes = new MemoryStream();
        var start = 0L;
        int b;
        while (bytes.Length < max && (b = stream.ReadByte()) >= 0)
        {
            bytes.WriteByte((byte)b);
            if (b == '\n')
            {
                var line = System.Text.Encoding.UTF8.GetString(bytes.GetBuffer(), (int)start, (int)(bytes.Length - start));
                if (!string.IsNullOrWhiteSpace(line))
                {
                    return (line.Trim('\uFEFF', '\r', '\n'), bytes.ToArray());
                }

                start = bytes.Length;
            }
        }

        var last = System.Text.Encoding.UTF8.GetString(bytes.GetBuffer(), (int)start, (int)(bytes.Length - start));
        return (string.IsNullOrWhiteSpace(last) ? null : last.Trim('\uFEFF', '\r', '\n'), bytes.ToArray());
    }

    /// <summary>A read-only stream: bytes already read, then the rest of the stream they came from.</summary>
    private sealed class PrefixedStream(byte[] prefix, Stream rest) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_position < prefix.Length)
            {
                var n = Math.Min(buffer.Length, prefix.Length - _position);
                prefix.AsSpan(_position, n).CopyTo(buffer);
                _position += n;
                return n;
            }

            return rest.Read(buffer);
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            _position < prefix.Length ? Read(buffer.Span) : await rest.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
