using StanceRules.Knowledge;

namespace StanceRules.Extraction;

/// <summary>A sentence of the article: its span and its paragraph.</summary>
internal readonly record struct SentenceSpan(int Start, int End, int Paragraph);

/// <summary>A word of a sentence: its span in the article, its matching key in the sentence's key buffer, and its context.</summary>
internal struct Word
{
    public int Start;
    public int End;
    public int KeyStart;
    public int KeyLength;
    public int Segment;
    public bool Capitalized;
    public bool AllUpper;
    public bool InQuote;
}

/// <summary>
/// Splits an article into sentences and a sentence into words, in one pass each and without
/// regular expressions: a full stop ends a sentence unless it closes an abbreviation of the
/// patterns ("U.S.", "Mr.") or an initial ("George W. Bush"); a blank line ends a paragraph.
/// Words are runs of letters and digits (Latin letters folded, as the gazetteer's keys are);
/// punctuation between words starts a new segment, so a name never spans a comma.
/// </summary>
internal static class TextScanner
{
    public static void Sentences(string text, HashSet<string> abbreviations, List<SentenceSpan> into, CancellationToken cancellationToken)
    {
        var start = 0;
        var paragraph = 0;
        var i = 0;
        while (i < text.Length)
        {
            if ((i & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var c = text[i];
            if (c == '\n')
            {
                var j = i + 1;
                while (j < text.Length && text[j] is ' ' or '\t' or '\r')
                {
                    j++;
                }

                if (j < text.Length && text[j] == '\n')
                {
                    Add(text, start, i, paragraph, into);
                    paragraph++;
                    start = j + 1;
                    i = j + 1;
                    continue;
                }
            }
            else if (c is '.' or '!' or '?')
            {
                var j = i + 1;
                while (j < text.Length && text[j] is '"' or '\'' or '\u201d' or '\u2019' or ')' or ']')
                {
                    j++;
                }

                if ((j == text.Length || char.IsWhiteSpace(text[j])) && !(c == '.' && IsAbbreviation(text, start, i, abbreviations)))
                {
                    var k = j;
                    while (k < text.Length && char.IsWhiteSpace(text[k]) && text[k] != '\n')
                    {
                        k++;
                    }

                    if (k == text.Length || !char.IsLower(text[k]))
                    {
                        Add(text, start, j, paragraph, into);
                        start = j;
                        i = j;
                        continue;
                    }
                }
            }

            i++;
        }

        Add(text, start, text.Length, paragraph, into);
    }

    /// <summary>Whether the full stop at <paramref name="dot"/> closes an abbreviation or an initial.</summary>
    private static bool IsAbbreviation(string text, int sentenceStart, int dot, HashSet<string> abbreviations)
    {
        var begin = dot;
        while (begin > sentenceStart && !char.IsWhiteSpace(text[begin - 1]) && text[begin - 1] is not ('(' or '"' or '\u201c'))
        {
            begin--;
        }

        var length = dot + 1 - begin;
        if (length == 2 && char.IsUpper(text[begin]))
        {
            return true; // an initial
        }

        return length is > 1 and <= 12 && abbreviations.Contains(text.Substring(begin, length));
    }

    private static void Add(string text, int start, int end, int paragraph, List<SentenceSpan> into)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            into.Add(new SentenceSpan(start, end, paragraph));
        }
    }

    /// <summary>
    /// The words of a sentence, their keys written to <paramref name="keys"/> (each followed by one
    /// space), and the punctuation that closes each segment in <paramref name="segmentEnds"/>.
    /// </summary>
    public static void Words(string text, SentenceSpan sentence, List<Word> words, KeyBuffer keys, List<char> segmentEnds, HashSet<string> abbreviations)
    {
        words.Clear();
        keys.Clear();
        segmentEnds.Clear();
        var segment = 0;
        var inQuote = false;
        var current = default(Word);
        var inWord = false;
        for (var i = sentence.Start; i <= sentence.End; i++)
        {
            var c = i < sentence.End ? text[i] : ' ';
            string? folded = null;
            var isLetter = c < 128 ? char.IsAsciiLetterOrDigit(c) : (folded = LatinFold.Fold(c)) is not null;
            if (isLetter)
            {
                if (!inWord)
                {
                    current = new Word { Start = i, KeyStart = keys.Length, Segment = segment, Capitalized = char.IsUpper(c), AllUpper = true, InQuote = inQuote };
                    inWord = true;
                }

                if (folded is null)
                {
                    keys.Append(char.ToLowerInvariant(c));
                }
                else
                {
                    keys.Append(folded);
                }

                current.AllUpper &= !char.IsLower(c);
                current.End = i + 1;
                continue;
            }

            if (inWord)
            {
                current.KeyLength = keys.Length - current.KeyStart;
                if (current.KeyLength > 0)
                {
                    keys.Append(' ');
                    words.Add(current);
                }

                inWord = false;
            }

            if (c == '.' && (i + 1 < sentence.End && char.IsLetterOrDigit(text[i + 1]) || IsAbbreviation(text, sentence.Start, i, abbreviations)))
            {
                continue; // "U.S.", "Mr.": a full stop inside a name is no punctuation
            }

            if (c == ',' && i > sentence.Start && char.IsAsciiDigit(text[i - 1]) && i + 3 < sentence.End && char.IsAsciiDigit(text[i + 1]) && char.IsAsciiDigit(text[i + 2]) && char.IsAsciiDigit(text[i + 3]) && (i + 4 >= sentence.End || !char.IsAsciiDigit(text[i + 4])))
            {
                continue; // "25,000": a thousands separator is no punctuation
            }

            if (c is ',' or ';' or ':' or '.' or '!' or '?' or '(' or ')' or '[' or ']' or '\u2014' or '\u2013' or '"' or '\u201c' or '\u201d' or '\u00ab' or '\u00bb')
            {
                if (c is '"')
                {
                    inQuote = !inQuote;
                }
                else if (c is '\u201c' or '\u00ab')
                {
                    inQuote = true;
                }
                else if (c is '\u201d' or '\u00bb')
                {
                    inQuote = false;
                }

                if (words.Count > 0 && words[^1].Segment == segment)
                {
                    segmentEnds.Add(c);
                    segment++;
                }
                else if (segmentEnds.Count > 0 && segmentEnds[^1] == ',' && c != ',')
                {
                    segmentEnds[^1] = c; // ", “" closes with the quote
                }
            }
        }

        segmentEnds.Add('.');
    }
}

/// <summary>A growable buffer of key characters, reused across sentences.</summary>
internal sealed class KeyBuffer
{
    private char[] _chars = new char[256];

    public int Length { get; private set; }

    public ReadOnlySpan<char> Span(int start, int length) => _chars.AsSpan(start, length);

    public string Text(int start, int length) => new(_chars, start, length);

    public void Clear() => Length = 0;

    public void Append(char c)
    {
        if (Length == _chars.Length)
        {
            Array.Resize(ref _chars, _chars.Length * 2);
        }

        _chars[Length++] = c;
    }

    public void Append(string s)
    {
        foreach (var c in s)
        {
            Append(c);
        }
    }
}
