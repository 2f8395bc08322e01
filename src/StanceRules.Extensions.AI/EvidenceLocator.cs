using System.Text;

namespace StanceRules.Extensions.AI;

/// <summary>
/// Finds a fact's evidence in the article as a verbatim span, after normalizing both texts the same way: every run of
/// whitespace is one space, and curly quotes are straight ones (‘ ’ ‚ ‛ are ', “ ” „ ‟ are "). Nothing else is forgiven:
/// case, punctuation, words and their order must be the article's. Built once per article; read-only afterwards.
/// </summary>
internal sealed class EvidenceLocator
{
    private readonly string _article;
    private readonly string _normalized;
    private readonly int[] _origin;

    public EvidenceLocator(string article)
    {
        _article = article;
        var text = new StringBuilder(article.Length);
        var origin = new List<int>(article.Length);
        for (var i = 0; i < article.Length; i++)
        {
            var c = article[i];
            if (char.IsWhiteSpace(c))
            {
                if (text.Length > 0 && text[^1] == ' ')
                {
                    continue;
                }

                c = ' ';
            }

            text.Append(Fold(c));
            origin.Add(i);
        }

        _normalized = text.ToString();
        _origin = [.. origin];
    }

    /// <summary>The span of the article the evidence is (its first occurrence), or null when it is not one.</summary>
    public (int Offset, int Length)? Find(string evidence)
    {
        var wanted = Normalize(evidence);
        if (wanted.Length == 0)
        {
            return null;
        }

        var at = _normalized.IndexOf(wanted, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var start = _origin[at];
        var end = _origin[at + wanted.Length - 1] + 1;
        return (start, end - start);
    }

    /// <summary>The article's text of a span.</summary>
    public string Text((int Offset, int Length) span) => _article.Substring(span.Offset, span.Length);

    internal static string Normalize(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (result.Length > 0 && result[^1] != ' ')
                {
                    result.Append(' ');
                }
            }
            else
            {
                result.Append(Fold(c));
            }
        }

        return result.ToString().TrimEnd(' ');
    }

    private static char Fold(char c) => c switch
    {
        '\u2018' or '\u2019' or '\u201A' or '\u201B' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u201F' => '"',
        _ => c,
    };
}
