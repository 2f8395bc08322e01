using System.Text;
using StanceRules.Yaml;

namespace StanceRules.Tests.Streams;

/// <summary><see cref="Utf8LineReader"/>: lines split in bytes whatever the reads return, each bad line an error of its own at its number.</summary>
public class Utf8LineReaderTests
{
    /// <summary>A stream that returns at most a given number of bytes per read, as pipes and sockets do.</summary>
    private sealed class Trickle(byte[] bytes, Func<int> chunk) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk()));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk())], cancellationToken);
    }

    /// <summary>
    /// The lines as bytes (<see cref="Utf8LineReader.ReadAsync"/>, decoded here), after checking that the same
    /// stream read as text (<see cref="Utf8LineReader.ReadTextAsync"/>, what the event readers use) gives the same lines.
    /// </summary>
    private static async Task<List<(long Number, string? Text, string? Error)>> Lines(Stream stream, int maxLineBytes)
    {
        var start = stream.Position;
        var lines = new List<(long, string?, string?)>();
        using (var reader = new Utf8LineReader(stream, maxLineBytes))
        {
            while (await reader.ReadAsync(CancellationToken.None) is { } line)
            {
                lines.Add((line.Number, line.Bytes is null ? null : Encoding.UTF8.GetString(line.Bytes), line.Error));
            }
        }

        stream.Position = start;
        var texts = new List<(long, string?, string?)>();
        using (var reader = new Utf8LineReader(stream, maxLineBytes))
        {
            while (await reader.ReadTextAsync(CancellationToken.None) is { } line)
            {
                texts.Add((line.Number, line.Text, line.Error));
            }
        }

        Assert.Equal(lines, texts);
        return lines;
    }

    [Fact]
    public async Task Lines_split_across_reads_of_one_byte_are_whole_with_their_numbers_BOM_CRLF_and_blank_lines_handled()
    {
        var bytes = Encoding.UTF8.GetBytes("\uFEFFfirst é\r\n\n  \t \nthird 😀\nlast without newline");

        var lines = await Lines(new Trickle(bytes, () => 1), 100);

        Assert.Equal([(1L, "first é", null), (4L, "third 😀", null), (5L, "last without newline", null)], lines);
    }

    [Fact]
    public async Task A_line_over_the_limit_is_an_error_of_its_own_and_the_next_lines_are_read_whatever_the_chunks()
    {
        var limit = 1_000;
        var text = "a\n" + new string('x', limit) + "\n" + new string('y', limit + 1) + "\nb\n" + new string('z', 200_000) + "\nc\n" + new string('w', limit + 1);
        var random = new Random(7);
        Func<int>[] chunks = [() => 1, () => 7, () => 64 * 1024, () => random.Next(1, 5_000)];
        foreach (var chunk in chunks)
        {
            var lines = await Lines(new Trickle(Encoding.UTF8.GetBytes(text), chunk), limit);

            var tooLong = $"line longer than {limit:N0} bytes (StanceLimits.MaxFileBytes); skipped";
            Assert.Equal([(1L, "a", null), (2L, new string('x', limit), null), (3L, null, tooLong), (4L, "b", null), (5L, null, tooLong), (6L, "c", null), (7L, null, tooLong)], lines);
        }
    }

    [Fact]
    public async Task A_line_that_is_not_UTF8_is_an_error_of_that_line_only()
    {
        var bytes = Encoding.UTF8.GetBytes("ok\n").Concat(new byte[] { 0x7B, 0xC3, 0x28, 0x7D, 0x0A }).Concat(Encoding.UTF8.GetBytes("ok again")).ToArray();

        var lines = await Lines(new MemoryStream(bytes), 100);

        Assert.Equal([(1L, "ok", null), (2L, null, "the line is not valid UTF-8; skipped"), (3L, "ok again", null)], lines);
    }

    [Fact]
    public async Task Random_text_in_random_chunks_gives_the_lines_a_plain_split_gives()
    {
        var random = new Random(21);
        for (var round = 0; round < 50; round++)
        {
            var text = new StringBuilder();
            for (var i = random.Next(0, 40); i > 0; i--)
            {
                string[] pieces = ["a", "b", " ", "\t", "é", "😀", "{", "}", "\"", "\r"];
                text.Append(string.Concat(Enumerable.Range(0, random.Next(0, 300)).Select(_ => pieces[random.Next(pieces.Length)]))).Append(random.Next(4) == 0 ? "\r\n" : "\n");
            }

            var expected = text.ToString().Split('\n').Select((l, i) => (Number: (long)i + 1, Text: l.EndsWith('\r') ? l[..^1] : l)).Where(l => l.Text.Trim(' ', '\t').Length > 0).Select(l => (l.Number, (string?)l.Text, (string?)null));

            var lines = await Lines(new Trickle(Encoding.UTF8.GetBytes(text.ToString()), () => random.Next(1, 700)), 10_000);

            Assert.Equal(expected, lines);
        }
    }
}
