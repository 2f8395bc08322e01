using System.Text;
using System.Text.Json;

namespace StanceRules.Yaml;

/// <summary>
/// Checks that a JSON fact document is JSON (RFC 8259: no comments, no trailing commas, no YAML-only
/// syntax) before the fact reader reads its content; a syntax error is a diagnostic at its line and column.
/// </summary>
internal static class StrictJson
{
    public static bool Check(string text, string file, List<Diagnostic> diagnostics)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, JsonFactCheck.Options);
        try
        {
            while (reader.Read())
            {
            }

            return true;
        }
        catch (JsonException e)
        {
            Report(e, bytes, file, diagnostics);
            return false;
        }
    }

    /// <summary>A System.Text.Json syntax error as our diagnostic: its line, its character column, its message without the reader's position.</summary>
    public static void Report(JsonException e, ReadOnlySpan<byte> utf8, string file, List<Diagnostic> diagnostics)
    {
        var line = (int)(e.LineNumber ?? 0) + 1;
        var column = JsonErrorPosition.Column(utf8, line, e.BytePositionInLine ?? 0);
        diagnostics.Add(new Diagnostic(DiagnosticCodes.YamlSyntax, ErrorMessages.JsonSyntax(JsonErrorPosition.WithoutPosition(e.Message)), new SourceLocation(file, line, column)));
    }
}
