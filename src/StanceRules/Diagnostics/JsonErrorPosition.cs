using System.Text;
using System.Text.RegularExpressions;

namespace StanceRules;

/// <summary>
/// Where a System.Text.Json error is, as our diagnostics give it: a 1-based line and character
/// column, and the message without the reader's own position. Shared by the fact reader's JSON
/// check and the report reader, which are of the same rank.
/// </summary>
internal static partial class JsonErrorPosition
{
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
