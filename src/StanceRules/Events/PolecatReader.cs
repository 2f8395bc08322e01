using System.Collections.Frozen;
using System.Globalization;
using System.Runtime.CompilerServices;
using StanceRules.Yaml;

namespace StanceRules;

/// <summary>
/// Reads POLECAT weekly event files (PLOVER-coded, the successor of ICEWS): tab-separated with a
/// header row, read by the header's column names, not their positions, so that the releases'
/// column orders and their optional or renamed columns all read. Streamed line by line
/// (<see cref="Utf8LineReader"/>: one row held at a time, at most <see cref="MaxRowBytes"/>);
/// a bad row is an error at its line and reading goes on. A header without a column the reader
/// needs is one error naming the file and the column, and nothing of the file is read. Fields are
/// not quoted (a tab never occurs inside one); "None" is an absent value. Not thread-safe.
/// Docs: docs/events.md (POLECAT).
/// </summary>
internal sealed class PolecatReader
{
    /// <summary>The longest row read (256 KiB: a story's people, organizations and places are lists): a longer row is an error, never held whole.</summary>
    internal const int MaxRowBytes = 256 * 1024;

    /// <summary>The columns a row is read from: without one of them no event can be read.</summary>
    internal static readonly string[] Required =
        ["Event ID", "Event Date", "Event Type", "Actor Name", "Actor Country", "Primary Actor Sector", "Recipient Name", "Recipient Country", "Primary Recipient Sector"];

    /// <summary>
    /// The PLOVER event types: the 16 of PLOVER 2.0 (POLECAT's coding) and the 4 of earlier versions
    /// the gold-standard records use (DEMAND, DISAPPROVE, FIGHT, INVESTIGATE). Any other type is a bad row.
    /// </summary>
    internal static readonly FrozenSet<string> Types = new[]
    {
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
        "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
        "DEMAND", "DISAPPROVE", "FIGHT", "INVESTIGATE",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, int> Quads = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["VERBAL COOPERATION"] = 1,
        ["MATERIAL COOPERATION"] = 2,
        ["VERBAL CONFLICT"] = 3,
        ["MATERIAL CONFLICT"] = 4,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private readonly string _source;
    private readonly int _count;
    private readonly int[] _starts;
    private readonly int _id, _date, _type, _actorName, _actorCountry, _actorSector, _recipientName, _recipientCountry, _recipientSector;
    private readonly int _mode, _quad, _contexts, _actorCow, _recipientCow, _storyId, _eventText, _headline, _sourceColumn;

    private PolecatReader(string source, Dictionary<string, int> columns, int count)
    {
        _source = source;
        _count = count;
        _starts = new int[count + 1];
        int At(string name) => columns.GetValueOrDefault(name, -1);
        (_id, _date, _type) = (At("Event ID"), At("Event Date"), At("Event Type"));
        (_actorName, _actorCountry, _actorSector) = (At("Actor Name"), At("Actor Country"), At("Primary Actor Sector"));
        (_recipientName, _recipientCountry, _recipientSector) = (At("Recipient Name"), At("Recipient Country"), At("Primary Recipient Sector"));
        (_mode, _quad, _contexts) = (At("Event Mode"), At("Quad Code"), At("Contexts"));
        (_actorCow, _recipientCow) = (At("Actor COW"), At("Recipient COW"));
        (_storyId, _eventText, _headline, _sourceColumn) = (At("Story ID"), At("Event Text"), At("Headline"), At("Source"));
    }

    /// <summary>Whether a line is a POLECAT header: tab-separated, with the columns "Event ID" and "Event Type".</summary>
    internal static bool IsHeader(string line)
    {
        var names = Split(line, '\t');
        return names.Contains("Event ID", StringComparer.OrdinalIgnoreCase) && names.Contains("Event Type", StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The trimmed values of a line separated by <paramref name="separator"/>.</summary>
    private static List<string> Split(ReadOnlySpan<char> text, char separator)
    {
        var values = new List<string>();
        while (true)
        {
            var at = text.IndexOf(separator);
            values.Add((at < 0 ? text : text[..at]).Trim().ToString());
            if (at < 0)
            {
                return values;
            }

            text = text[(at + 1)..];
        }
    }

    /// <summary>Reads a POLECAT file from a stream (not closed): its header, then every row.</summary>
    internal static async IAsyncEnumerable<EventRead> ReadAsync(Stream stream, string sourceName, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var lines = new Utf8LineReader(stream, MaxRowBytes, "the longest POLECAT row read");
        var first = await lines.ReadTextAsync(cancellationToken).ConfigureAwait(false);
        if (first is not { } header)
        {
            yield break;
        }

        string? error = header.Error;
        var reader = header.Text is { } text ? FromHeader(sourceName, text, out error) : null;
        if (reader is null)
        {
            yield return new EventRead(sourceName, header.Number, null, error);
            yield break;
        }

        for (var next = await lines.ReadTextAsync(cancellationToken).ConfigureAwait(false); next is { } line; next = await lines.ReadTextAsync(cancellationToken).ConfigureAwait(false))
        {
            if (line.Error is not null)
            {
                yield return new EventRead(sourceName, line.Number, null, line.Error);
                continue;
            }

            foreach (var read in reader.Row(line.Number, line.Text!))
            {
                yield return read;
            }
        }
    }

    /// <summary>The reader of the header's columns; null, and why, when a column it needs is missing.</summary>
    internal static PolecatReader? FromHeader(string sourceName, string header, out string? error)
    {
        var names = Split(header, '\t');
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Count; i++)
        {
            // The first of two columns of one name is read.
            columns.TryAdd(names[i], i);
        }

        if (Required.FirstOrDefault(c => !columns.ContainsKey(c)) is { } missing)
        {
            error = $"the POLECAT header has no column '{missing}' (needed: {string.Join(", ", Required)}); the file is not read";
            return null;
        }

        error = null;
        return new PolecatReader(sourceName, columns, names.Count);
    }

    /// <summary>
    /// One row: one event per distinct actor country (ids <c>ID#1</c>, <c>ID#2</c>... when there
    /// are several; the row's only event keeps its id); the first recipient country is the target.
    /// </summary>
    internal List<EventRead> Row(long number, string row)
    {
        var found = Columns(row);
        if (found != _count)
        {
            return [Bad(number, $"expected {_count} tab-separated columns (as the header), found {(found > _count ? $"more than {_count}" : found.ToString(CultureInfo.InvariantCulture))}")];
        }

        var id = Field(row, _id);
        if (id.IsEmpty)
        {
            return [Bad(number, "'Event ID' is empty")];
        }

        var dateText = Field(row, _date);
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return [Bad(number, $"'Event Date' '{Shown(dateText)}' is not a date as YYYY-MM-DD")];
        }

        var typeText = Field(row, _type);
        var type = typeText.ToString().ToUpperInvariant();
        if (!Types.Contains(type))
        {
            return [Bad(number, $"'Event Type' '{Shown(typeText)}' is not a PLOVER event type")];
        }

        var sources = Actors(row, _actorName, _actorCountry, _actorCow, _actorSector);
        var target = Actors(row, _recipientName, _recipientCountry, _recipientCow, _recipientSector).FirstOrDefault();
        var mode = Text(row, _mode);
        var quad = Text(row, _quad);
        string? evidence = null;
        foreach (var column in (ReadOnlySpan<int>)[_storyId, _eventText, _sourceColumn])
        {
            if (evidence is null && Text(row, column) is { Length: > 0 } value)
            {
                evidence = value;
            }
        }

        var words = string.Join(' ', new[] { Text(row, _contexts), Text(row, _eventText), Text(row, _headline) }.Where(t => t.Length > 0));
        var idText = id.ToString();
        EventRecord Make(string recordId, EventActor source) => new()
        {
            Id = recordId,
            Date = date,
            Coding = EventCoding.Plover,
            Code = type,
            QuadClass = Quads.TryGetValue(quad, out var q) ? q : null,
            Mode = mode.Length == 0 ? null : mode,
            Source = source,
            Target = target,
            Evidence = evidence,
            Text = words,
        };

        return sources.Count switch
        {
            0 => [new EventRead(_source, number, Make(idText, new EventActor(Text(row, _actorName), string.Empty, Text(row, _actorSector))), null)],
            1 => [new EventRead(_source, number, Make(idText, sources[0]), null)],
            _ => sources.Select((s, i) => new EventRead(_source, number, Make($"{idText}#{i + 1}", s), null)).ToList(),
        };
    }

    /// <summary>
    /// The actors of one side, one per distinct country: the countries' names (several separated
    /// by ";"), each with the Correlates of War number at its position when the name is absent; a
    /// name of the actor's paired with its country when there are as many names as countries.
    /// </summary>
    private List<EventActor> Actors(string row, int nameColumn, int countryColumn, int cowColumn, int sectorColumn)
    {
        var countries = Parts(Field(row, countryColumn));
        var cows = Parts(Field(row, cowColumn));
        var names = Parts(Field(row, nameColumn));
        var (name, sector) = (Text(row, nameColumn), Text(row, sectorColumn));

        // A number is taken at its name's position only when the two lists line up (or there are no names).
        var numbered = countries.Count == 0 || cows.Count == countries.Count;
        var count = numbered ? Math.Max(countries.Count, cows.Count) : countries.Count;
        var actors = new List<EventActor>(count);
        for (var i = 0; i < count; i++)
        {
            var code = i < countries.Count && countries[i].Length > 0 ? countries[i] : numbered && i < cows.Count ? Cow(cows[i]) : string.Empty;
            if (code.Length > 0 && !actors.Exists(a => string.Equals(a.CountryCode, code, StringComparison.OrdinalIgnoreCase)))
            {
                actors.Add(new EventActor(names.Count == count ? names[i] : name, code, sector));
            }
        }

        if (actors.Count == 0 && name.Length > 0)
        {
            // An actor without a country (an IGO, a company): an event of no country.
            actors.Add(new EventActor(name, string.Empty, sector));
        }

        return actors;
    }

    /// <summary>A Correlates of War number as digits without leading zeros (<c>2.0</c> is <c>2</c>); empty when it is none.</summary>
    private static string Cow(string value)
    {
        var text = value.AsSpan();
        if (text.EndsWith(".0", StringComparison.Ordinal))
        {
            text = text[..^2];
        }

        text = text.TrimStart('0');
        return text.Length is > 0 and <= 4 && !text.ContainsAnyExceptInRange('0', '9') ? text.ToString() : string.Empty;
    }

    /// <summary>The values of a list field, separated by ";" and trimmed; "None" is an empty value (kept, for the positions).</summary>
    private static List<string> Parts(ReadOnlySpan<char> field) =>
        field.IsEmpty ? [] : Split(field, ';').Select(p => p == "None" ? string.Empty : p).ToList();

    /// <summary>Finds the row's columns (their starts); the count found, or one more than the header's when there are more.</summary>
    private int Columns(string row)
    {
        var count = 1;
        _starts[0] = 0;
        for (var at = row.IndexOf('\t'); at >= 0; at = row.IndexOf('\t', at + 1))
        {
            if (count == _count)
            {
                return _count + 1;
            }

            _starts[count++] = at + 1;
        }

        _starts[count] = row.Length + 1;
        return count;
    }

    /// <summary>A column's trimmed value in the row just split; empty for a column the header lacks and for "None".</summary>
    private ReadOnlySpan<char> Field(string row, int column)
    {
        if (column < 0)
        {
            return [];
        }

        var value = row.AsSpan(_starts[column], _starts[column + 1] - _starts[column] - 1).Trim();
        return value.SequenceEqual("None") ? [] : value;
    }

    /// <summary>A column's trimmed value as a string; empty for a column the header lacks and for "None".</summary>
    private string Text(string row, int column) => Field(row, column).ToString();

    private EventRead Bad(long number, string why) => new(_source, number, null, why);

    private static string Shown(ReadOnlySpan<char> text) => DisplayText.Escape(DisplayText.Truncate(text.ToString()));
}
