using System.Globalization;
using System.Text;

namespace StanceRules.Cli;

/// <summary>
/// Article text as the commands take it (<c>*.txt</c>, or stdin with <c>--stdin</c>): read whole and
/// bounded by <see cref="StanceLimits.MaxFileBytes"/>, its header lines read, its facts extracted.
/// Header lines are the text's first lines of the form <c>Published: 2018-03-26</c> (or <c>Date:</c>),
/// <c>Id: NAME</c>, <c>Title: TEXT</c>; the flags <c>--published</c> and <c>--id</c> win over them.
/// Contract: docs/cli.md (stance extract).
/// </summary>
internal static class ArticleInput
{
    /// <summary>The path that names stdin.</summary>
    public const string StdinName = "-";

    /// <summary>Whether a path named on the command line is article text rather than a fact document: <c>*.txt</c>.</summary>
    public static bool IsArticle(string path) => path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a file met in a folder is article text: <c>*.article.txt</c> (not every <c>.txt</c>, so a folder's README.txt stays out).</summary>
    public static bool IsArticleName(string name) => name.EndsWith(".article.txt", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// An article's fact document: its text (<c>*.txt</c>, or stdin for <see cref="StdinName"/>) read and its facts
    /// extracted, given as the fact document's text; null, said on stderr, when it cannot be read or extracted.
    /// </summary>
    public static FactDocument? Document(StanceEngine engine, string path, StandardInput stdin, TextWriter stderr, string command) =>
        ReadAndExtract(engine, path, stdin, stderr, command) is { } extraction
            ? FactDocument.FromText(extraction.ToFactDocument(), path == StdinName ? "stdin" : path)
            : null;

    /// <summary>An article's text read and its facts extracted, the date and id from its header; null, said on stderr, when it cannot be.</summary>
    public static ArticleExtraction? ReadAndExtract(StanceEngine engine, string path, StandardInput stdin, TextWriter stderr, string command) =>
        Read(path, stdin, stderr, command) is { } text ? Extract(engine, path, text, published: null, id: null, stderr, command) : null;

    /// <summary>Reads the text (stdin for <see cref="StdinName"/>), or says why not on stderr and returns null.</summary>
    public static string? Read(string path, StandardInput stdin, TextWriter stderr, string command)
    {
        var max = StanceLimits.Default.MaxFileBytes;
        try
        {
            if (path == StdinName)
            {
                using var reader = new StreamReader(stdin.Open(), new UTF8Encoding(false, false));
                var buffer = new char[max + 1];
                var read = 0;
                int n;
                while (read < buffer.Length && (n = reader.Read(buffer, read, buffer.Length - read)) > 0)
                {
                    read += n;
                }

                return read > max ? TooLarge(path, stderr, command) : new string(buffer, 0, read);
            }

            var info = new FileInfo(path);
            if (!info.Exists)
            {
                CommandLine.NoSuchPath(command, path, stderr);
                return null;
            }

            return info.Length > max ? TooLarge(path, stderr, command) : File.ReadAllText(path, new UTF8Encoding(false, false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine(DisplayText.Escape($"{path}:1:1: error {DiagnosticCodes.FileNotReadable}: stance {command}: cannot read: {e.Message}"));
            return null;
        }
    }

    private static string? TooLarge(string path, TextWriter stderr, string command)
    {
        var max = StanceLimits.Default.MaxFileBytes;
        stderr.WriteLine(DisplayText.Escape($"{path}:1:1: error {DiagnosticCodes.LimitExceeded}: stance {command}: the article is larger than the limit StanceLimits.MaxFileBytes ({max:N0} bytes)"));
        return null;
    }

    /// <summary>
    /// Extracts an article's facts: the date from <paramref name="published"/> or a header line, the
    /// id from <paramref name="id"/>, a header line, or the file name. Null (said on stderr) on error.
    /// </summary>
    public static ArticleExtraction? Extract(StanceEngine engine, string path, string text, string? published, string? id, TextWriter stderr, string command)
    {
        var header = Header(text);
        DateOnly? date = null;
        var dateText = published ?? header.Published;
        if (dateText is not null)
        {
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                stderr.WriteLine(DisplayText.Escape($"{path}:1:1: error {DiagnosticCodes.InvalidValue}: stance {command}: the publication date '{dateText}' is not an ISO date (yyyy-MM-dd)"));
                return null;
            }

            date = parsed;
        }

        var name = id ?? header.Id ?? (path == StdinName ? "stdin" : ArticleId(path));
        try
        {
            return engine.Extract(text, name, date, header.Title);
        }
        catch (StanceRulesException e)
        {
            foreach (var diagnostic in e.Diagnostics)
            {
                stderr.WriteLine(DisplayText.Escape($"{path}: {diagnostic.Code}: {diagnostic.Message}"));
            }

            return null;
        }
    }

    /// <summary>The article id a file name gives: its name without <c>.article.txt</c> or <c>.txt</c>.</summary>
    public static string ArticleId(string path)
    {
        var name = Path.GetFileName(path);
        foreach (var suffix in new[] { ".article.txt", ".txt" })
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && name.Length > suffix.Length)
            {
                return name[..^suffix.Length];
            }
        }

        return name.Length > 0 ? name : "article";
    }

    /// <summary>The header lines at the top of the text (<c>Published:</c>/<c>Date:</c>, <c>Id:</c>, <c>Title:</c>), until the first other line.</summary>
    public static (string? Published, string? Id, string? Title) Header(string text)
    {
        string? published = null, id = null, title = null;
        var position = 0;
        for (var lines = 0; lines < 10 && position < text.Length; lines++)
        {
            var end = text.IndexOf('\n', position);
            var line = (end < 0 ? text[position..] : text[position..end]).Trim();
            position = end < 0 ? text.Length : end + 1;
            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                break;
            }

            var value = line[(colon + 1)..].Trim();
            switch (line[..colon].Trim().ToLowerInvariant())
            {
                case "published" or "date": published = value; break;
                case "id": id = value; break;
                case "title": title = value; break;
                default: return (published, id, title);
            }
        }

        return (published, id, title);
    }
}
