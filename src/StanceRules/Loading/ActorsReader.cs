using System.Globalization;
using StanceRules.Knowledge;

namespace StanceRules.Loading;

/// <summary>
/// Reads a TABARI/PETRARCH <c>.actors</c> dictionary (the event-data coders' format): an actor is
/// a line with its name (words joined by <c>_</c>), then <c>+</c> lines with its synonyms, then
/// indented <c>[CODE]</c> lines: <c>[USAGOV 090120-170120]</c> (country, role, from-to),
/// <c>[USAGOV &gt;090120]</c> (from, no end), <c>[USAGOV &lt;090120]</c> (until), <c>[USAELI]</c>
/// (undated), <c>[---]</c> (no actor); a code may also follow the name on its line. <c>#</c> starts a comment. Dates are
/// <c>YYMMDD</c> (00-30 is 20YY, else 19YY, as in TABARI and PETRARCH) or <c>YYYYMMDD</c>.
/// A bad code or date is an error naming the file, line and column.
/// </summary>
internal static class ActorsReader
{
    /// <summary>Whether a rule-set file is an <c>.actors</c> dictionary (<c>*.actors</c>, <c>*.actors.txt</c>).</summary>
    public static bool IsActorsFile(string name) =>
        name.EndsWith(".actors", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".actors.txt", StringComparison.OrdinalIgnoreCase);

    public static List<ActorsRecord> Read(string file, string text, List<Diagnostic> diagnostics)
    {
        var records = new List<ActorsRecord>();
        ActorsRecord? current = null;
        var lineNumber = 0;
        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            lineNumber++;
            var hash = raw.IndexOf('#');
            var line = (hash >= 0 ? raw[..hash] : raw).TrimEnd();
            var indent = line.Length - line.TrimStart().Length;
            line = line.TrimStart();
            if (line.IsEmpty)
            {
                continue;
            }

            var column = indent + 1;
            if (line[0] == '+')
            {
                if (current is null)
                {
                    Error(diagnostics, file, lineNumber, column, line, "a synonym ('+NAME') after an actor's name line");
                    continue;
                }

                if (Name(line[1..]) is { Length: > 0 } synonym)
                {
                    current.Synonyms.Add((synonym, new SourceLocation(file, lineNumber, column)));
                }
                else
                {
                    Error(diagnostics, file, lineNumber, column, line, "a synonym with at least one letter or digit");
                }

                continue;
            }

            if (line[0] == '[')
            {
                if (current is null)
                {
                    Error(diagnostics, file, lineNumber, column, line, "a code after an actor's name line");
                    continue;
                }

                ReadCodes(line, file, lineNumber, column, current, diagnostics);
                continue;
            }

            // A name line, perhaps with its code: "AFGHANISTAN_  [AFG]".
            var bracket = line.IndexOf('[');
            var name = Name(bracket >= 0 ? line[..bracket] : line);
            if (name.Length == 0)
            {
                Error(diagnostics, file, lineNumber, column, line, "an actor's name with at least one letter or digit");
                current = null;
                continue;
            }

            current = new ActorsRecord(name, new SourceLocation(file, lineNumber, column), [], []);
            records.Add(current);
            if (bracket >= 0)
            {
                ReadCodes(line[bracket..], file, lineNumber, column + bracket, current, diagnostics);
            }
        }

        return records;
    }

    // "HOSNI_MUBARAK_" is "HOSNI MUBARAK"; the key of the gazetteer folds case and punctuation.
    private static string Name(ReadOnlySpan<char> text) => text.ToString().Replace('_', ' ').Trim() is var name && TextKey.Of(name).Length > 0 ? name : string.Empty;

    private static void ReadCodes(ReadOnlySpan<char> line, string file, int lineNumber, int column, ActorsRecord record, List<Diagnostic> diagnostics)
    {
        var rest = line;
        var offset = 0;
        while (rest.IndexOf('[') is var open and >= 0)
        {
            var close = rest[open..].IndexOf(']');
            if (close < 0)
            {
                Error(diagnostics, file, lineNumber, column + offset + open, rest[open..], "a code closed by ']'");
                return;
            }

            var body = rest.Slice(open + 1, close - 1).Trim();
            var at = new SourceLocation(file, lineNumber, column + offset + open);
            if (body.SequenceEqual("---"))
            {
                // TABARI's null code: the phrase is no actor ("INDIAN_OCEAN  [---]").
            }
            else if (Code(body, at) is { } code)
            {
                record.Codes.Add(code);
            }
            else
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidValue, ErrorMessages.InvalidValue(body.ToString(), "an actors code", "[CCCROLE], [CCCROLE YYMMDD-YYMMDD], [CCCROLE >YYMMDD] or [CCCROLE <YYMMDD] with real dates"), at));
            }

            offset += open + close + 1;
            rest = rest[(open + close + 1)..];
        }
    }

    private static ActorsCode? Code(ReadOnlySpan<char> body, SourceLocation at)
    {
        var space = body.IndexOfAny(' ', '\t');
        var code = space < 0 ? body : body[..space];
        var dates = space < 0 ? [] : body[(space + 1)..].Trim();
        if (code.Length < 3 || !IsUpper(code))
        {
            return null;
        }

        var country = code[..3].ToString();
        var role = code[3..].ToString();
        if (dates.IsEmpty)
        {
            return new ActorsCode(country, role, null, null, Dated: false, at);
        }

        if (dates[0] is '>' or '<')
        {
            var day = Date(dates[1..].Trim());
            return day is null ? null : dates[0] == '>' ? new ActorsCode(country, role, day, null, true, at) : new ActorsCode(country, role, null, day, true, at);
        }

        var dash = dates.IndexOf('-');
        if (dash < 0 || Date(dates[..dash].Trim()) is not { } from || Date(dates[(dash + 1)..].Trim()) is not { } to || to < from)
        {
            return null;
        }

        return new ActorsCode(country, role, from, to, true, at);
    }

    private static bool IsUpper(ReadOnlySpan<char> code)
    {
        foreach (var c in code)
        {
            if (!char.IsAsciiLetterUpper(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>YYMMDD (00-30: 20YY, else 19YY) or YYYYMMDD; null when it is neither or no such day.</summary>
    internal static DateOnly? Date(ReadOnlySpan<char> text)
    {
        if (text.Length is not (6 or 8) || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return null;
        }

        var year = text.Length == 6 ? int.Parse(text[..2], CultureInfo.InvariantCulture) : int.Parse(text[..4], CultureInfo.InvariantCulture);
        if (text.Length == 6)
        {
            year += year <= 30 ? 2000 : 1900;
        }

        var month = int.Parse(text[^4..^2], CultureInfo.InvariantCulture);
        var day = int.Parse(text[^2..], CultureInfo.InvariantCulture);
        return year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }

    private static void Error(List<Diagnostic> diagnostics, string file, int line, int column, ReadOnlySpan<char> text, string expected) =>
        diagnostics.Add(new Diagnostic(DiagnosticCodes.InvalidValue, ErrorMessages.InvalidValue(text.ToString(), "an actors line", expected), new SourceLocation(file, line, column)));
}
