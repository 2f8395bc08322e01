using System.IO.Compression;
using System.Runtime.CompilerServices;
using StanceRules.Yaml;

namespace StanceRules;

/// <summary>The event formats <see cref="EventRecords"/> reads.</summary>
public enum EventFormat
{
    /// <summary>By the content: JSON (<c>[</c> or <c>{</c> first) is PLOVER, a first line with the columns "Event ID" and "Event Type" POLECAT, anything else GDELT.</summary>
    Auto,

    /// <summary>PLOVER-coded records as JSON: an array (the gold-standard records' file) or JSON Lines.</summary>
    Plover,

    /// <summary>A GDELT 1.0 (57 or 58 columns) or 2.0 (61 columns) event export: tab-separated, no header.</summary>
    Gdelt,

    /// <summary>A POLECAT weekly event file (PLOVER-coded): tab-separated, read by its header's column names.</summary>
    Polecat,
}

/// <summary>One record read, or why a line could not be: its line number either way.</summary>
/// <param name="Source">The file (or entry of a zip) the record came from.</param>
/// <param name="Line">The record's line in it (1-based).</param>
/// <param name="Record">The record; null when <paramref name="Error"/> is set.</param>
/// <param name="Error">Why the line is not a record (wrong column count, bad date, non-numeric code, too long); the reader goes on.</param>
public readonly record struct EventRead(string Source, long Line, EventRecord? Record, string? Error);

/// <summary>
/// Readers of machine-coded event data, streamed: GDELT event exports (CAMEO-coded, plain or
/// <c>.zip</c>), POLECAT weekly files (PLOVER-coded, tab-separated with a header; plain or <c>.zip</c>)
/// and PLOVER-coded JSON records. Bad rows are returned with their line numbers and
/// reading goes on; memory does not grow with the input (one row at a time; a JSON array of
/// PLOVER records is read whole, at most <see cref="StanceLimits.MaxFileBytes"/>). Docs: docs/events.md.
/// </summary>
public static partial class EventRecords
{
    /// <summary>The longest GDELT row read (64 KiB): a longer row is an error, never held whole.</summary>
    public const int MaxGdeltRowBytes = 64 * 1024;

    /// <summary>Reads a file of events: <c>.zip</c> archives entry by entry (in name order), any other file as it is.</summary>
    /// <param name="path">The file.</param>
    /// <param name="format">PLOVER, GDELT, or sniffed from the content (the default).</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static async IAsyncEnumerable<EventRead> ReadFileAsync(string path, EventFormat format = EventFormat.Auto, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var stream = StanceFiles.OpenRegularFile(path, out var error);
        if (stream is null)
        {
            yield return new EventRead(path, 0, null, $"cannot read: {error}");
            yield break;
        }

        await using (stream.ConfigureAwait(false))
        {
            if (!path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            {
                await foreach (var read in ReadAsync(stream, path, format, cancellationToken).ConfigureAwait(false))
                {
                    yield return read;
                }

                yield break;
            }

            using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
            foreach (var entry in zip.Entries.Where(e => !e.FullName.EndsWith('/')).OrderBy(e => e.FullName, StringComparer.Ordinal))
            {
                var entryStream = entry.Open();
                await using (entryStream.ConfigureAwait(false))
                {
                    await foreach (var read in ReadAsync(entryStream, $"{path}!{entry.FullName}", format, cancellationToken).ConfigureAwait(false))
                    {
                        yield return read;
                    }
                }
            }
        }
    }

    /// <summary>Reads events from a stream (not closed).</summary>
    /// <param name="stream">The bytes (UTF-8).</param>
    /// <param name="sourceName">The name errors give.</param>
    /// <param name="format">PLOVER, GDELT, or sniffed from the content (the default).</param>
    /// <param name="cancellationToken">Stops the read.</param>
    public static async IAsyncEnumerable<EventRead> ReadAsync(Stream stream, string sourceName, EventFormat format = EventFormat.Auto, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrEmpty(sourceName);
        if (format == EventFormat.Auto)
        {
            // Sniff the first byte that is no space (after a byte-order mark), then read on from the start.
            var prefix = new byte[4096];
            var held = 0;
            int read;
            while (held < prefix.Length && (read = await stream.ReadAsync(prefix.AsMemory(held), cancellationToken).ConfigureAwait(false)) > 0)
            {
                held += read;
                if (FirstLineHeld(prefix.AsSpan(0, held)))
                {
                    break;
                }
            }

            format = FirstByte(prefix.AsSpan(0, held)) is (byte)'[' or (byte)'{' ? EventFormat.Plover : IsPolecatHeader(prefix.AsSpan(0, held)) ? EventFormat.Polecat : EventFormat.Gdelt;
            stream = new PrefixedStream(prefix.AsMemory(0, held), stream);
        }

        if (format == EventFormat.Polecat)
        {
            await foreach (var read in PolecatReader.ReadAsync(stream, sourceName, cancellationToken).ConfigureAwait(false))
            {
                yield return read;
            }

            yield break;
        }

        if (format == EventFormat.Gdelt)
        {
            using var gdelt = new GdeltReader(stream, sourceName);
            do
            {
                // Row by row from the buffer, so only the row being read is held.
                while (gdelt.TryNext(out var row))
                {
                    yield return row;
                }
            }
            while (await gdelt.FillAsync(cancellationToken).ConfigureAwait(false));

            yield break;
        }

        using var reader = new Utf8LineReader(stream, StanceLimits.Default.MaxFileBytes, "StanceLimits.MaxFileBytes");
        var first = await reader.ReadTextAsync(cancellationToken).ConfigureAwait(false);
        if (first is not { } line)
        {
            yield break;
        }

        if (line.Text?.TrimStart().StartsWith('[') ?? false)
        {
            await foreach (var read in ReadPloverArrayAsync(line, reader, sourceName, cancellationToken).ConfigureAwait(false))
            {
                yield return read;
            }

            yield break;
        }

        for (StreamLine? next = line; next is { } item; next = await reader.ReadTextAsync(cancellationToken).ConfigureAwait(false))
        {
            if (item.Error is not null)
            {
                yield return new EventRead(sourceName, item.Number, null, item.Error);
                continue;
            }

            foreach (var read in PloverLine(sourceName, item.Number, item.Text!))
            {
                yield return read;
            }
        }
    }

    /// <summary>
    /// One GDELT row read alone: the columns of the GDELT 1.0 (57, or 58 with SOURCEURL) and 2.0 (61)
    /// event codebooks. Read: GLOBALEVENTID (0), SQLDATE (1), Actor1Name/CountryCode/Type1Code (6, 7, 12),
    /// Actor2Name/CountryCode/Type1Code (16, 17, 22), EventCode (26), QuadClass (29), SOURCEURL (last).
    /// </summary>
    internal static EventRead GdeltRow(string sourceName, long number, string row)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(row), writable: false);
        using var reader = new GdeltReader(stream, sourceName, number);
        while (reader.FillAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult())
        {
            if (reader.TryNext(out var read))
            {
                return read;
            }
        }

        return new EventRead(sourceName, number, null, "a blank row");
    }

    /// <summary>Whether the bytes hold the first line that is not blank, to its end (enough to sniff the format).</summary>
    private static bool FirstLineHeld(ReadOnlySpan<byte> bytes)
    {
        var at = bytes.IndexOfAnyExcept((ReadOnlySpan<byte>)[(byte)' ', (byte)'\t', (byte)'\r', (byte)'\n']);
        return at >= 0 && bytes[at..].Contains((byte)'\n');
    }

    /// <summary>Whether the first line held (blank lines and a byte-order mark skipped) is a POLECAT header.</summary>
    private static bool IsPolecatHeader(ReadOnlySpan<byte> bytes)
    {
        var text = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes;
        text = text.TrimStart((ReadOnlySpan<byte>)[(byte)'\r', (byte)'\n']);
        var end = text.IndexOf((byte)'\n');
        return PolecatReader.IsHeader(System.Text.Encoding.UTF8.GetString(end >= 0 ? text[..end] : text).TrimEnd('\r'));
    }

    /// <summary>The first byte that is no white space (a UTF-8 byte-order mark skipped); -1 when none.</summary>
    private static int FirstByte(ReadOnlySpan<byte> bytes)
    {
        var text = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes;
        var at = text.IndexOfAnyExcept((ReadOnlySpan<byte>)[(byte)' ', (byte)'\t', (byte)'\r', (byte)'\n']);
        return at < 0 ? -1 : text[at];
    }
}
