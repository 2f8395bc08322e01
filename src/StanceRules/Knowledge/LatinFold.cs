namespace StanceRules.Knowledge;

/// <summary>
/// Folds Latin letters with diacritics to their ASCII base letters ("Č" to "c", "ễ" to "e",
/// "ø" to "o", "ß" to "ss") without <see cref="string.Normalize()"/>, which needs ICU and does
/// nothing for non-ASCII text when a host runs with invariant globalization.
/// Generated from Unicode decompositions (Python's unicodedata, NFKD minus combining marks)
/// for U+00C0-U+024F and U+1E00-U+1EFF.
/// </summary>
internal static class LatinFold
{
    // One char per code point from U+00C0; '.' = not a letter to fold, \u0001 = see Multi.
    private const string Latin = "aaaaaa\u0001ceeeeiiiidnooooo.ouuuuy\u0001\u0001aaaaaa\u0001ceeeeiiiidnooooo.ouuuuy\u0001yaaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii\u0001\u0001jjkkkllllllllllnnnnnnnnnoooooo\u0001\u0001rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs..................f.............oo.............uu...................\u0001\u0001\u0001\u0001\u0001\u0001\u0001\u0001\u0001aaiioouuuuuuuuuu.aaaa....ggkkoooo..j\u0001\u0001\u0001gg..nnaa....aaaaeeeeiiiioooorrrruuuusstt..hh......aaeeooooooooyy............................";

    // One char per code point from U+1E00.
    private const string Extended = "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmmmmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwy.s..\u0001.aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy......";

    /// <summary>The lower-case ASCII letters for a char, or null when it is not a foldable Latin letter.</summary>
    public static string? Fold(char c)
    {
        if (c is >= '\u0300' and <= '\u036f')
        {
            return string.Empty; // a combining mark of already-decomposed text
        }

        var mapped = c switch
        {
            >= '\u00c0' and < '\u0250' => Latin[c - 0x00c0],
            >= '\u1e00' and < '\u1f00' => Extended[c - 0x1e00],
            _ => '.',
        };
        return mapped switch
        {
            '.' => null,
            '\u0001' => Multi(c),
            _ => mapped.ToString(),
        };
    }

    private static string Multi(char c) => c switch
    {
        '\u00c6' => "ae",
        '\u00de' => "th",
        '\u00df' => "ss",
        '\u00e6' => "ae",
        '\u00fe' => "th",
        '\u0132' => "ij",
        '\u0133' => "ij",
        '\u0152' => "oe",
        '\u0153' => "oe",
        '\u01c4' => "dz",
        '\u01c5' => "dz",
        '\u01c6' => "dz",
        '\u01c7' => "lj",
        '\u01c8' => "lj",
        '\u01c9' => "lj",
        '\u01ca' => "nj",
        '\u01cb' => "nj",
        '\u01cc' => "nj",
        '\u01f1' => "dz",
        '\u01f2' => "dz",
        '\u01f3' => "dz",
        '\u1e9e' => "ss",
        _ => string.Empty,
    };
}
