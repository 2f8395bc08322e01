using System.Globalization;
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
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var mapped = Fold(c);
            foreach (var m in mapped)
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

    private static string Fold(char c) => c switch
    {
        'ı' => "i",
        'ø' or 'Ø' => "o",
        'æ' or 'Æ' => "ae",
        'œ' or 'Œ' => "oe",
        'ß' => "ss",
        'đ' or 'Đ' => "d",
        'ł' or 'Ł' => "l",
        'þ' or 'Þ' => "th",
        'ð' or 'Ð' => "d",
        _ => c.ToString(),
    };
}
