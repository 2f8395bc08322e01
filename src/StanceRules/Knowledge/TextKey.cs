using System.Text;

namespace StanceRules.Knowledge;

/// <summary>
/// The matching key of a name: case, diacritics and punctuation ignored ("TÜRKİYE" is "turkiye",
/// "Côte d'Ivoire" is "cote d ivoire", "Vučić" is "vucic"), a leading "the" dropped.
/// </summary>
internal static class TextKey
{
    public static string Of(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            var folded = c < 128 ? null : LatinFold.Fold(c);
            if (folded is null && c >= 128)
            {
                // Not a Latin letter (a quote, a dash, a letter of another script): a separator.
                pendingSpace = true;
                continue;
            }

            foreach (var m in folded ?? (ReadOnlySpan<char>)[c])
            {
                var lower = char.ToLowerInvariant(m);
                if (char.IsAsciiLetterLower(lower) || char.IsAsciiDigit(lower))
                {
                    if (pendingSpace && builder.Length > 0)
                    {
                        builder.Append(' ');
                    }

                    pendingSpace = false;
                    builder.Append(lower);
                }
                else
                {
                    pendingSpace = true;
                }
            }
        }

        var key = builder.ToString();
        return key.StartsWith("the ", StringComparison.Ordinal) ? key[4..] : key;
    }
}
