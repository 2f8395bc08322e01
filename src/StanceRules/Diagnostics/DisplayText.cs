using System.Text;

// Shared as source with the stance CLI (a linked Compile item in StanceRules.Cli.csproj), which
// prints the same untrusted text; there it is StanceRules.Cli.DisplayText, so that a test that
// sees both assemblies' internals still finds one DisplayText per namespace.
#if STANCE_CLI
namespace StanceRules.Cli;
#else
namespace StanceRules;
#endif

/// <summary>
/// The one escaping helper for text StanceRules shows (tables, diagnostics, explanations, rule
/// test reports): input can never move the cursor, clear the screen, add a line, or reverse the
/// text around it. Control characters (C0, DEL, C1, line and paragraph separators) and bidi and
/// other invisible format characters become visible <c>\n</c>, <c>\t</c>, <c>\u001B</c>
/// escapes; every other character is kept. HTML keeps bidi text but isolates it.
/// </summary>
internal static class DisplayText
{
    private const char FirstStrongIsolate = '\u2068';
    private const char PopDirectionalIsolate = '\u2069';

    /// <summary>One value (a cell, an id, a message): every control and bidi character escaped, newlines included.</summary>
    /// <summary>A value quoted in a message, cut to 60 characters so a huge value cannot flood it.</summary>
    public static string Truncate(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");

    public static string Escape(string? text) => Escape(text, keepNewlines: false);

    /// <summary>A multi-line text the program built (an explanation, a report): as <see cref="Escape(string?)"/>, but its line breaks stay.</summary>
    public static string EscapeKeepingLines(string? text) => Escape(text, keepNewlines: true);

    /// <summary>
    /// For HTML (before HTML-encoding): controls escaped as in <see cref="Escape(string?)"/>;
    /// text holding bidi characters is kept but wrapped in an isolate (U+2068 ... U+2069), which
    /// ends any override it opens, in text and in attribute values alike.
    /// </summary>
    public static string IsolateForHtml(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var escaped = Escape(text, keepNewlines: false, keepBidi: true);
        return escaped.AsSpan().IndexOfAny(BidiCharacters) >= 0 ? FirstStrongIsolate + escaped + PopDirectionalIsolate : escaped;
    }

    /// <summary>True for a character <see cref="Escape(string?)"/> escapes.</summary>
    public static bool IsUnsafe(char c) => char.IsControl(c) || IsBidiOrInvisible(c);

    private static readonly System.Buffers.SearchValues<char> BidiCharacters = System.Buffers.SearchValues.Create(
        "\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");

    private static bool IsBidiOrInvisible(char c) =>
        c is '\u061C' or (>= '\u200B' and <= '\u200F') or (>= '\u2028' and <= '\u202E') or (>= '\u2060' and <= '\u2069') or '\uFEFF' or '\u00AD' or '\u180E';

    private static string Escape(string? text, bool keepNewlines, bool keepBidi = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var first = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (NeedsEscape(text[i], keepNewlines, keepBidi))
            {
                first = i;
                break;
            }
        }

        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (!NeedsEscape(c, keepNewlines, keepBidi))
            {
                builder.Append(c);
                continue;
            }

            builder.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ => $"\\u{(int)c:X4}",
            });
        }

        return builder.ToString();
    }

    private static bool NeedsEscape(char c, bool keepNewlines, bool keepBidi) =>
        !(keepNewlines && c == '\n') && (char.IsControl(c) || (IsBidiOrInvisible(c) && !(keepBidi && BidiCharacters.Contains(c))));
}
