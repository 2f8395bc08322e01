using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using StanceRules.Yaml;

namespace StanceRules;

// PLOVER-coded records as JSON: the gold-standard records' shape (id, date, event, mode, context,
// source and target as lists of {actorText, code, sector}, text).
public static partial class EventRecords
{
    /// <summary>A JSON array of records (the gold-standard file): read whole, each element at its line.</summary>
    private static async IAsyncEnumerable<EventRead> ReadPloverArrayAsync(StreamLine first, Utf8LineReader reader, string sourceName, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The lines joined again (blank lines kept), so an element's line is its line in the file.
        var text = new StringBuilder();
        var lines = 0L;
        for (StreamLine? next = first; next is { } item; next = await reader.ReadTextAsync(cancellationToken).ConfigureAwait(false))
        {
            if (item.Error is not null || reader.BytesRead > StanceLimits.Default.MaxFileBytes)
            {
                yield return new EventRead(sourceName, item.Number, null, item.Error ?? "a JSON array of records larger than StanceLimits.MaxFileBytes; write JSON Lines (one record per line) instead");
                yield break;
            }

            text.Append('\n', (int)(item.Number - lines - 1)).Append(item.Text).Append('\n');
            lines = item.Number;
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        List<EventRead> reads;
        try
        {
            reads = ArrayElements(bytes, sourceName);
        }
        catch (JsonException e)
        {
            reads = [new EventRead(sourceName, (e.LineNumber ?? 0) + 1, null, $"not a JSON array of PLOVER records: {e.Message}")];
        }

        foreach (var read in reads)
        {
            yield return read;
        }
    }

    private static List<EventRead> ArrayElements(byte[] bytes, string sourceName)
    {
        var reads = new List<EventRead>();
        var json = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        if (!json.Read() || json.TokenType != JsonTokenType.StartArray)
        {
            return [new EventRead(sourceName, 1, null, "not a JSON array of PLOVER records")];
        }

        var (line, counted) = (1L, 0);
        while (json.Read() && json.TokenType != JsonTokenType.EndArray)
        {
            var start = (int)json.TokenStartIndex;
            line += bytes.AsSpan(counted, start - counted).Count((byte)'\n');
            counted = start;
            using var element = JsonDocument.ParseValue(ref json);
            reads.AddRange(Plover(sourceName, line, element.RootElement));
        }

        return reads;
    }

    private static List<EventRead> PloverLine(string sourceName, long number, string line)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            return [new EventRead(sourceName, number, null, $"not a JSON record: {e.Message}")];
        }

        using (document)
        {
            return Plover(sourceName, number, document.RootElement);
        }
    }

    /// <summary>
    /// One PLOVER record: one event per source actor (a compound source, "Hungarian and Romanian
    /// officials", is two events: ids <c>ID#1</c>, <c>ID#2</c>); the first target actor is the target.
    /// </summary>
    private static List<EventRead> Plover(string sourceName, long number, JsonElement record)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            return [new EventRead(sourceName, number, null, "a PLOVER record is a JSON object")];
        }

        var id = Text(record, "id");
        var type = Text(record, "event");
        if (id.Length == 0 || type.Length == 0)
        {
            return [new EventRead(sourceName, number, null, "a PLOVER record needs an 'id' and an 'event' type")];
        }

        DateOnly? date = null;
        if (Text(record, "date") is { Length: > 0 } dateText)
        {
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return [new EventRead(sourceName, number, null, $"'date' '{DisplayText.Escape(DisplayText.Truncate(dateText))}' is not a date as YYYY-MM-DD")];
            }

            date = parsed;
        }

        var sources = Actors(record, "source");
        var target = Actors(record, "target").FirstOrDefault();
        var sentence = Text(record, "text");
        var mode = Text(record, "mode");
        var words = string.Join(' ', new[] { sentence, Text(record, "context"), Text(record, "eventText") }.Where(t => t.Length > 0));
        EventRecord Make(string recordId, EventActor source) => new()
        {
            Id = recordId,
            Date = date,
            Coding = EventCoding.Plover,
            Code = type,
            Mode = mode.Length > 0 ? mode : null,
            Source = source,
            Target = target,
            Evidence = sentence.Length > 0 ? sentence : null,
            Text = words,
        };

        return sources.Count switch
        {
            0 => [new EventRead(sourceName, number, Make(id, new EventActor(string.Empty, string.Empty, string.Empty)), null)],
            1 => [new EventRead(sourceName, number, Make(id, sources[0]), null)],
            _ => sources.Select((s, i) => new EventRead(sourceName, number, Make($"{id}#{i + 1}", s), null)).ToList(),
        };
    }

    private static List<EventActor> Actors(JsonElement record, string name)
    {
        if (!record.TryGetProperty(name, out var actors) || actors.ValueKind != JsonValueKind.Array)
        {
            // Absent, null, or a string (some records code the target as free text): no coded actor.
            return [];
        }

        return actors.EnumerateArray()
            .Where(a => a.ValueKind == JsonValueKind.Object)
            .Select(a => new EventActor(Text(a, "actorText"), Text(a, "code").ToUpperInvariant(), Text(a, "sector")))
            .ToList();
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : string.Empty;
}
