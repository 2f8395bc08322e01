using System.Text;

namespace StanceRules.Benchmarks.Workloads;

/// <summary>
/// What the generated event files (<see cref="GdeltInputs"/>, <see cref="PolecatInputs"/>) share:
/// rows of tab-separated cells from a seeded random, in UTF-8 with '\n' line ends, to a stream or
/// to bytes.
/// </summary>
internal static class EventRows
{
    /// <summary>What <paramref name="write"/> writes, as bytes.</summary>
    public static byte[] Bytes(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return stream.ToArray();
    }

    /// <summary>
    /// Writes the header (when there is one) and <paramref name="rows"/> rows to a stream (not closed):
    /// each row's cells start as <paramref name="empty"/> and <paramref name="fill"/> sets them from
    /// the random (seeded with <paramref name="seed"/>) and the row's number, from 1.
    /// </summary>
    public static void Write(Stream stream, IReadOnlyList<string>? header, int columns, string empty, long rows, int seed, Action<string[], Random, long> fill)
    {
        var random = new Random(seed);
        var cells = new string[columns];
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        if (header is not null)
        {
            writer.WriteLine(string.Join('\t', header));
        }

        for (var i = 1L; i <= rows; i++)
        {
            Array.Fill(cells, empty);
            fill(cells, random, i);
            writer.WriteLine(string.Join('\t', cells));
        }
    }
}
