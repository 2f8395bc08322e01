using System.Text;

namespace StanceRules.Knowledge;

/// <summary>
/// The matching key of a name: case, diacritics and punctuation ignored ("TÜRKİYE" is "turkiye",
/// "Côte d'Ivoire" is "cote d ivoire", "Vučić" is "vucic"), a leading "the" dropped. The same key
/// serves the gazetteer, the offices and the actors being resolved, so a name that differs from
/// another only by invisible characters (zero-width spaces and joiners, soft hyphens, bidirectional
/// controls: dropped) or by Cyrillic or Greek look-alikes inside a Latin word ("Putіn" with a
/// Cyrillic i: folded to the Latin letter) has the same key everywhere. A word written wholly in
/// another script is a separator, as before.
/// </summary>
internal static class TextKey
{
    public static string Of(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= 128 && IsInvisible(c))
            {
                continue; // "Pu\u200Btin" is "putin"
            }

            var folded = c < 128 ? null : LatinFold.Fold(c) ?? (Confusable(c) is { } latin && InLatinWord(text, i) ? latin : null);
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

    /// <summary>Zero-width and format characters that change no letter: zero-width space, joiners, soft hyphen, word joiner, byte order mark, bidirectional marks, embeddings and isolates.</summary>
    internal static bool IsInvisible(char c) => c is '\u00ad' or (>= '\u200b' and <= '\u200f') or (>= '\u202a' and <= '\u202e') or (>= '\u2060' and <= '\u2064') or (>= '\u2066' and <= '\u2069') or '\ufeff' or '\u180e';

    /// <summary>The Latin letter a Cyrillic or Greek letter looks like ("а", "о", "і", "Ρ"); null for the others.</summary>
    internal static string? Confusable(char c) => c switch
    {
        'а' or 'А' or 'Α' => "a",
        'в' or 'В' or 'Β' => "b",
        'с' or 'С' or 'ϲ' => "c",
        'ԁ' => "d",
        'е' or 'Е' or 'Ε' => "e",
        'һ' or 'Н' or 'Η' => "h",
        'і' or 'І' or 'Ι' or 'ι' or 'ӏ' => "i",
        'ј' or 'Ј' => "j",
        'к' or 'К' or 'Κ' or 'κ' => "k",
        'м' or 'М' or 'Μ' => "m",
        'Ν' => "n",
        'о' or 'О' or 'Ο' or 'ο' => "o",
        'р' or 'Р' or 'Ρ' or 'ρ' => "p",
        'ԛ' => "q",
        'ѕ' or 'Ѕ' => "s",
        'т' or 'Т' or 'Τ' => "t",
        'ν' => "v",
        'ԝ' => "w",
        'х' or 'Х' or 'Χ' or 'χ' => "x",
        'у' or 'У' or 'Υ' => "y",
        'Ζ' => "z",
        _ => null,
    };

    // Whether the letter at i sits in a word with at least one Latin letter: a look-alike in "Putіn", not in "Путин".
    private static bool InLatinWord(string text, int i)
    {
        for (var step = -1; step <= 1; step += 2)
        {
            for (var j = i + step; j >= 0 && j < text.Length; j += step)
            {
                var c = text[j];
                if (char.IsAsciiLetter(c) || (c >= 128 && LatinFold.Fold(c) is { Length: > 0 }))
                {
                    return true;
                }

                if (!char.IsLetter(c) && !IsInvisible(c))
                {
                    break;
                }
            }
        }

        return false;
    }
}
