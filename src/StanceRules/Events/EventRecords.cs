using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using StanceRules.Yaml;

namespace StanceRules;

/// <summary>The event formats <see cref="EventRecords"/> reads.</summary>
public enum EventFormat
{
    /// <summary>By the content: JSON (<c>[</c> or <c>{</c> first) is PLOVER, anything else GDELT.</summary>
    Auto,

    /// <summary>PLOVER-coded records as JSON: an array (the gold-standard records' file) or JSON Lines.</summary>
    Plover,

    /// <summary>A GDELT 1.0 (57 or 58 columns) or 2.0 (61 columns) event export: tab-separated, no header.</summary>
    Gdelt,
}

/// <summary>One record read, or why a line could not be: its line number either way.</summary>
/// <param name="Source">The file (or entry of a zip) the record came from.</param>
/// <param name="Line">The record's line in it (1-based).</param>
/// <param name="Record">The record; null when <paramref name="Error"/> is set.</param>
/// <param name="Error">Why the line is not a record (wrong column count, bad date, non-numeric code, too long); the reader goes on.</param>
public readonly record struct EventRead(string Source, long Line, EventRecord? Record, string? Error);

/// <summary>
/// Readers of machine-coded event data, streamed: GDELT event exports (CAMEO-coded, plain or
/// <c>.zip</c>) and PLOVER-coded JSON records. Bad rows are returned with their line numbers and
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
        var reader = new LineReader(stream, format == EventFormat.Plover ? StanceLimits.Default.MaxFileBytes : MaxGdeltRowBytes, format == EventFormat.Plover ? "StanceLimits.MaxFileBytes" : "EventRecords.MaxGdeltRowBytes");
        var first = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (first is not { } line)
        {
            yield break;
        }

        if (format == EventFormat.Auto)
        {
            var start = line.Text?.TrimStart() ?? string.Empty;
            format = start.StartsWith('[') || start.StartsWith('{') ? EventFormat.Plover : EventFormat.Gdelt;
        }

        if (format == EventFormat.Plover && (line.Text?.TrimStart().StartsWith('[') ?? false))
        {
            await foreach (var read in ReadPloverArrayAsync(line, reader, sourceName, cancellationToken).ConfigureAwait(false))
            {
                yield return read;
            }

            yield break;
        }

        for (StreamLine? next = line; next is { } item; next = await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (item.Error is not null)
            {
                yield return new EventRead(sourceName, item.Number, null, item.Error);
                continue;
            }

            if (format == EventFormat.Gdelt)
            {
                yield return GdeltRow(sourceName, item.Number, item.Text!);
            }
            else
            {
                foreach (var read in PloverLine(sourceName, item.Number, item.Text!))
                {
                    yield return read;
                }
            }
        }
    }

    /// <summary>
    /// One GDELT row: the columns of the GDELT 1.0 (57, or 58 with SOURCEURL) and 2.0 (61) event
    /// codebooks. Read: GLOBALEVENTID (0), SQLDATE (1), Actor1Name/CountryCode/Type1Code (6, 7, 12),
    /// Actor2Name/CountryCode/Type1Code (16, 17, 22), EventCode (26), QuadClass (29), SOURCEURL (last).
    /// </summary>
    internal static EventRead GdeltRow(string sourceName, long number, string row)
    {
        Span<Range> columns = stackalloc Range[62];
        var count = row.AsSpan().Split(columns, '\t');
        if (count is not (57 or 58 or 61))
        {
            return Bad(count > 61 ? "more than 61" : count.ToString(CultureInfo.InvariantCulture));
        }

        var text = row.AsSpan();
        var id = text[columns[0]];
        if (id.IsEmpty || !IsDigits(id))
        {
            return Bad(null, $"GLOBALEVENTID '{Shown(id)}' is not a number");
        }

        if (!DateOnly.TryParseExact(text[columns[1]], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return Bad(null, $"SQLDATE '{Shown(text[columns[1]])}' is not a date as YYYYMMDD");
        }

        var code = text[columns[26]];
        if (code.Length is < 2 or > 4 || !IsDigits(code))
        {
            return Bad(null, $"EventCode '{Shown(code)}' is not a CAMEO code (2 to 4 digits)");
        }

        var quad = text[columns[29]];
        if (quad.Length != 1 || quad[0] is < '1' or > '4')
        {
            return Bad(null, $"QuadClass '{Shown(quad)}' is not 1 to 4");
        }

        var target = text[columns[17]].IsEmpty && text[columns[16]].IsEmpty ? null : new EventActor(text[columns[16]].ToString(), text[columns[17]].ToString(), text[columns[22]].ToString());
        var record = new EventRecord
        {
            Id = id.ToString(),
            Date = date,
            Coding = EventCoding.Cameo,
            Code = code.ToString(),
            QuadClass = quad[0] - '0',
            Source = new EventActor(text[columns[6]].ToString(), text[columns[7]].ToString(), text[columns[12]].ToString()),
            Target = target,
            Evidence = count == 57 ? null : text[columns[count - 1]].ToString(),
        };
        return new EventRead(sourceName, number, record, null);

        EventRead Bad(string? found, string? why = null) => new(sourceName, number, null, why ?? $"expected 57 or 58 (GDELT 1.0) or 61 (GDELT 2.0) tab-separated columns, found {found}");
    }

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static string Shown(ReadOnlySpan<char> text) => DisplayText.Escape(DisplayText.Truncate(text.ToString()));
}
