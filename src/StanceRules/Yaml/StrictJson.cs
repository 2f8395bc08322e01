using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace StanceRules.Yaml;

/// <summary>
/// Checks that a JSON fact document is JSON (RFC 8259: no comments, no trailing commas, no YAML-only
/// syntax) before the fact reader reads its content; a syntax error is a diagnostic at its line and column.
/// </summary>
internal static partial class StrictJson
{
    public static bool Check(string text, string file, List<Diagnostic> diagnostics)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false, MaxDepth = 256 });
        try
        {
            while (reader.Read())
            {
            }

            return true;
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            var column = Column(bytes, line, e.BytePositionInLine ?? 0);
            diagnostics.Add(new Diagnostic(DiagnosticCodes.YamlSyntax, ErrorMessages.JsonSyntax(WithoutPosition(e.Message)), new SourceLocation(file, line, column)));
            return false;
        }
    }

    /// <summary>The 1-based character column of a 0-based byte offset in a 1-based line.</summary>
    public static int Column(ReadOnlySpan<byte> utf8, int line, long bytePosition)
    {
        var start = 0;
        for (var l = 1; l < line; l++)
        {
            var next = utf8[start..].IndexOf((byte)'\n');
            if (next < 0)
            {
                break;
            }

            start += next + 1;
        }

        var length = (int)Math.Min(bytePosition, utf8.Length - start);
        return Encoding.UTF8.GetCharCount(utf8.Slice(start, length)) + 1;
    }

    /// <summary>A System.Text.Json message without the "LineNumber: n | BytePositionInLine: n." it ends with (we give line and column ourselves).</summary>
    public static string WithoutPosition(string message) => Position().Replace(message, string.Empty).Trim();

    [GeneratedRegex(@"\s*(Path: \S* \| )?LineNumber: \d+ \| BytePositionInLine: \d+\.\s*$")]
    private static partial Regex Position();
}
