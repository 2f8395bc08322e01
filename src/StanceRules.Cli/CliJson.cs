using System.Text.Encodings.Web;
using System.Text.Json;

namespace StanceRules.Cli;

/// <summary>
/// What every <c>--format json</c> writer of the CLI shares: one indented object on stdout, written by hand
/// with <see cref="Utf8JsonWriter"/> (no reflection: the tool publishes with NativeAOT), the relaxed encoder
/// the report's JSON uses (’ stays ’; control characters are escaped by JSON itself), snake_case names,
/// and one shape for a location and a diagnostic. Each command's schema is in schemas/ (docs/cli.md#json-output).
/// </summary>
internal static class CliJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes one JSON value (what <paramref name="write"/> writes) and a newline.</summary>
    public static void Write(TextWriter output, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(json);
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary><c>"name": { "file": ..., "line": ..., "column": ... }</c>; <c>null</c> for no location (the default one).</summary>
    public static void WriteLocation(Utf8JsonWriter json, string name, SourceLocation location)
    {
        if (location.File is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteString("file", location.File);
        json.WriteNumber("line", location.Line);
        json.WriteNumber("column", location.Column);
        json.WriteEndObject();
    }

    /// <summary><c>"name": [ { "severity", "code", "message", "location" } ... ]</c>.</summary>
    public static void WriteDiagnostics(Utf8JsonWriter json, string name, IEnumerable<Diagnostic> diagnostics)
    {
        json.WriteStartArray(name);
        foreach (var diagnostic in diagnostics)
        {
            json.WriteStartObject();
            json.WriteString("severity", diagnostic.Severity == DiagnosticSeverity.Warning ? "warning" : "error");
            json.WriteString("code", diagnostic.Code);
            json.WriteString("message", diagnostic.Message);
            WriteLocation(json, "location", diagnostic.Location);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary><c>"name": [ "a", "b" ]</c>.</summary>
    public static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    /// <summary><c>"name": "text"</c>, or <c>null</c>.</summary>
    public static void WriteStringOrNull(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
