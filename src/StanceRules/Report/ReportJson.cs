using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace StanceRules;

/// <summary>
/// The report contract's JSON, by hand, so the shape never drifts with a serializer's settings: one writer
/// behind <see cref="StanceReport.ToJson(bool)"/> and <see cref="StanceReportJsonConverter"/>, one strict reader
/// behind <see cref="StanceReport.FromJson(string)"/> and the converter. Contract: docs/report.md#json.
/// </summary>
internal static class ReportJson
{
    // Strings are written pre-encoded with the relaxed encoder (’ stays ’), whatever encoder the writer
    // was given, so ToJson and JsonSerializer with any options write the same characters.
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = Encoder };
    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false, MaxDepth = 16 };

    public static string Write(StanceReport report, bool indented)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions with { Indented = indented }))
        {
            Write(json, report);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static void Write(Utf8JsonWriter json, StanceReport report)
    {
        json.WriteStartObject();
        json.WriteString("article", Encode(report.Article));
        if (report.Published is { } published)
        {
            json.WriteString("published", published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        json.WriteStartArray("stances");
        foreach (var stance in report.Stances)
        {
            json.WriteStartObject();
            json.WriteString("country", Encode(stance.Country));
            if (!stance.IsUnMemberState)
            {
                json.WriteBoolean("un_member", false);
            }

            json.WriteString("issue", Encode(stance.Issue));
            json.WriteString("stance", stance.Stance.ToName());
            json.WriteNumber("confidence", stance.Confidence);
            WriteStrings(json, "rules", stance.Rules);
            WriteStrings(json, "facts", stance.Facts);
            WriteStrings(json, "evidence", stance.Evidence);
            json.WriteStartArray("overruled");
            foreach (var signal in stance.Overruled)
            {
                json.WriteStartObject();
                json.WriteString("stance", signal.Stance.ToName());
                json.WriteNumber("confidence", Math.Round(signal.Confidence, 4));
                WriteStrings(json, "rules", signal.Rules);
                WriteStrings(json, "facts", signal.Facts);
                WriteStrings(json, "evidence", signal.Evidence);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("unresolved");
        foreach (var unresolved in report.Unresolved)
        {
            json.WriteStartObject();
            json.WriteString("fact", Encode(unresolved.Fact));
            json.WriteString("actor", Encode(unresolved.Actor));
            json.WriteString("reason", Encode(unresolved.Reason));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Reads a whole text as one report; errors name the line and column (1-based).</summary>
    public static StanceReport Read(string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, ReaderOptions);
        try
        {
            Next(ref reader);
            var report = Read(ref reader);
            if (reader.Read())
            {
                throw new JsonException("The report's JSON goes on after its closing '}'.");
            }

            return report;
        }
        catch (JsonException e)
        {
            // The reader's own errors (a trailing comma, a comment) carry their position; ours stand at the current token.
            var (line, column) = e.LineNumber is { } zeroBasedLine
                ? ((int)zeroBasedLine + 1, JsonErrorPosition.Column(bytes, (int)zeroBasedLine + 1, e.BytePositionInLine ?? 0))
                : Position(bytes, reader.TokenStartIndex);
            throw new JsonException($"{JsonErrorPosition.WithoutPosition(e.Message).TrimEnd('.')} (line {line}, column {column}).", null, line - 1, column - 1, e);
        }
    }

    /// <summary>Reads one report object starting at the reader's current token (its '{'), leaving the reader on its '}'.</summary>
    public static StanceReport Read(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject, "the report");
        string? article = null;
        DateOnly? published = null;
        List<CountryStance>? stances = null;
        List<UnresolvedActor>? unresolved = null;
        while (Member(ref reader, "the report") is { } name)
        {
            switch (name)
            {
                case "article": article = String(ref reader, name); break;
                case "published":
                    var text = String(ref reader, name);
                    published = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                        ? date
                        : throw new JsonException($"'published' is '{text}', not an ISO date (yyyy-MM-dd).");
                    break;
                case "stances": stances = Array(ref reader, name, ReadStance); break;
                case "unresolved": unresolved = Array(ref reader, name, ReadUnresolved); break;
                default: throw Unknown(name, "the report", "article, published, stances, unresolved");
            }
        }

        return new StanceReport(
            article ?? throw Missing("article", "the report"),
            published,
            stances ?? throw Missing("stances", "the report"),
            unresolved ?? throw Missing("unresolved", "the report"));
    }

    private static CountryStance ReadStance(ref Utf8JsonReader reader)
    {
        const string where = "a stance";
        Expect(ref reader, JsonTokenType.StartObject, where);
        string? country = null, issue = null;
        var unMember = true;
        Stance? stance = null;
        double? confidence = null;
        List<string>? rules = null, facts = null, evidence = null;
        List<(Stance Stance, double Confidence, List<string> Rules, List<string> Facts, List<string> Evidence)>? overruled = null;
        while (Member(ref reader, where) is { } name)
        {
            switch (name)
            {
                case "country": country = String(ref reader, name); break;
                case "un_member": unMember = NotUnMember(ref reader); break;
                case "issue": issue = String(ref reader, name); break;
                case "stance": stance = StanceValue(ref reader); break;
                case "confidence": confidence = Number(ref reader, name); break;
                case "rules": rules = Array(ref reader, name, (ref Utf8JsonReader r) => String(ref r, "a rule")); break;
                case "facts": facts = Array(ref reader, name, (ref Utf8JsonReader r) => String(ref r, "a fact")); break;
                case "evidence": evidence = Array(ref reader, name, (ref Utf8JsonReader r) => String(ref r, "evidence")); break;
                case "overruled": overruled = Array(ref reader, name, ReadOverruled); break;
                default: throw Unknown(name, where, "country, un_member, issue, stance, confidence, rules, facts, evidence, overruled");
            }
        }

        var c = country ?? throw Missing("country", where);
        var i = issue ?? throw Missing("issue", where);
        return new CountryStance(
            c,
            i,
            stance ?? throw Missing("stance", where),
            confidence ?? throw Missing("confidence", where),
            rules ?? throw Missing("rules", where),
            facts ?? throw Missing("facts", where),
            evidence ?? throw Missing("evidence", where),
            (overruled ?? throw Missing("overruled", where)).Select(o => StanceSignal.FromContract(c, i, o.Stance, o.Confidence, o.Rules, o.Facts, o.Evidence)).ToArray())
        {
            IsUnMemberState = unMember,
        };
    }

    /// <summary><c>un_member</c> is written only as <c>false</c> (a UN member state has no such member), so only <c>false</c> reads back.</summary>
    private static bool NotUnMember(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.False, "'un_member'");
        return false;
    }

    private static (Stance, double, List<string>, List<string>, List<string>) ReadOverruled(ref Utf8JsonReader reader)
    {
        const string where = "an overruled signal";
        Expect(ref reader, JsonTokenType.StartObject, where);
        Stance? stance = null;
        double? confidence = null;
        List<string>? rules = null, facts = null, evidence = null;
        while (Member(ref reader, where) is { } name)
        {
            switch (name)
            {
                case "stance": stance = StanceValue(ref reader); break;
                case "confidence": confidence = Number(ref reader, name); break;
                case "rules": rules = Array(ref reader, name, (ref Utf8JsonReader r) => String(ref r, "a rule")); break;
                case "facts": facts = Array(ref reader, name, (ref Utf8JsonReader r) => String(ref r, "a fact")); break;
                case "evidence": evidence = Array(ref reader, name, (ref Utf8JsonReader r) => String(ref r, "evidence")); break;
                default: throw Unknown(name, where, "stance, confidence, rules, facts, evidence");
            }
        }

        return (stance ?? throw Missing("stance", where), confidence ?? throw Missing("confidence", where),
            rules ?? throw Missing("rules", where), facts ?? throw Missing("facts", where), evidence ?? throw Missing("evidence", where));
    }

    private static UnresolvedActor ReadUnresolved(ref Utf8JsonReader reader)
    {
        const string where = "an unresolved actor";
        Expect(ref reader, JsonTokenType.StartObject, where);
        string? fact = null, actor = null, reason = null;
        while (Member(ref reader, where) is { } name)
        {
            switch (name)
            {
                case "fact": fact = String(ref reader, name); break;
                case "actor": actor = String(ref reader, name); break;
                case "reason": reason = String(ref reader, name); break;
                default: throw Unknown(name, where, "fact, actor, reason");
            }
        }

        return new UnresolvedActor(fact ?? throw Missing("fact", where), actor ?? throw Missing("actor", where), reason ?? throw Missing("reason", where));
    }

    private delegate T ItemReader<out T>(ref Utf8JsonReader reader);

    private static List<T> Array<T>(ref Utf8JsonReader reader, string name, ItemReader<T> item)
    {
        Expect(ref reader, JsonTokenType.StartArray, $"'{name}'");
        var list = new List<T>();
        while (true)
        {
            Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return list;
            }

            list.Add(item(ref reader));
        }
    }

    /// <summary>Moves to the next member of an object and onto its value; null at the object's end.</summary>
    private static string? Member(ref Utf8JsonReader reader, string where)
    {
        Next(ref reader);
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            return null;
        }

        var name = reader.GetString()!;
        Next(ref reader);
        return name;
    }

    private static string String(ref Utf8JsonReader reader, string name)
    {
        Expect(ref reader, JsonTokenType.String, $"'{name}'");
        return reader.GetString()!;
    }

    private static double Number(ref Utf8JsonReader reader, string name)
    {
        Expect(ref reader, JsonTokenType.Number, $"'{name}'");
        return reader.GetDouble();
    }

    private static Stance StanceValue(ref Utf8JsonReader reader)
    {
        var text = String(ref reader, "stance");
        return StanceNames.TryParse(text, out var stance) && text == stance.ToName()
            ? stance
            : throw new JsonException($"'stance' is '{text}'; expected supports, abstains, condemns or rejects.");
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, string what)
    {
        if (reader.TokenType != type)
        {
            var expected = type switch
            {
                JsonTokenType.StartObject => "an object",
                JsonTokenType.StartArray => "a list",
                JsonTokenType.String => "a string",
                JsonTokenType.Number => "a number",
                JsonTokenType.False => "false (it is written only for a state that is not a UN member)",
                _ => type.ToString(),
            };
            throw new JsonException($"{char.ToUpperInvariant(what[0])}{what[1..]} must be {expected}, not {reader.TokenType}.");
        }
    }

    private static void Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("The report's JSON ends early.");
        }
    }

    private static JsonException Unknown(string name, string where, string expected) => new($"Unknown member '{name}' in {where}; expected {expected}.");

    private static JsonException Missing(string name, string where) => new($"{char.ToUpperInvariant(where[0])}{where[1..]} has no '{name}'.");

    private static JsonEncodedText Encode(string value) => JsonEncodedText.Encode(value, Encoder);

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(Encode(value));
        }

        json.WriteEndArray();
    }

    /// <summary>The 1-based line and column (in characters) of a byte offset.</summary>
    internal static (int Line, int Column) Position(ReadOnlySpan<byte> utf8, long offset)
    {
        var end = (int)Math.Min(offset, utf8.Length);
        var before = utf8[..end];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var line = before.Count((byte)'\n') + 1;
        return (line, System.Text.Encoding.UTF8.GetCharCount(before[lineStart..]) + 1);
    }
}

/// <summary>
/// The report contract for System.Text.Json: <c>JsonSerializer.Serialize(report)</c> (with any options or
/// <see cref="StanceReportJsonContext"/>) writes what <see cref="StanceReport.ToJson(bool)"/> writes (indented
/// when the options say so), and <c>JsonSerializer.Deserialize&lt;StanceReport&gt;</c> reads it as strictly as
/// <see cref="StanceReport.FromJson(string)"/>.
/// </summary>
public sealed class StanceReportJsonConverter : JsonConverter<StanceReport>
{
    /// <inheritdoc />
    public override StanceReport Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReportJson.Read(ref reader);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, StanceReport value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        ReportJson.Write(writer, value);
    }
}

/// <summary>
/// A source-generated System.Text.Json context for the report (trim- and NativeAOT-safe):
/// <c>JsonSerializer.Serialize(report, StanceReportJsonContext.Default.StanceReport)</c> equals
/// <c>report.ToJson()</c>; <c>JsonSerializer.Deserialize(json, StanceReportJsonContext.Default.StanceReport)</c>
/// reads it back. Add it to an app's resolver chain (for example ASP.NET Core's
/// <c>TypeInfoResolverChain</c>) to return reports from endpoints.
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(StanceReport))]
public sealed partial class StanceReportJsonContext : JsonSerializerContext
{
}
