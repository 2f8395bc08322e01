using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace StanceRules.Yaml;

/// <summary>
/// A fast reader for the plain YAML the knowledge files are written in (rules/offices/*.yaml,
/// rules/gazetteer.yaml): block mappings and sequences indented with spaces, one-line flow
/// mappings and sequences, one-line plain, single- and double-quoted scalars, comments. It
/// gives the parse events YamlDotNet's parser gives for the same text, with the same marks, so
/// the node tree, every diagnostic and every position are the same; it is several times faster,
/// which is most of what loading the default knowledge costs. Anything else (tabs, anchors,
/// tags, block scalars, multi-line scalars, a ':', '#' or bracket inside a plain scalar, a quoted key,
/// an empty document, ...) is not read here: <see cref="TryRead"/> returns null and the caller
/// uses YamlDotNet's parser, which also reports every syntax error.
/// </summary>
internal sealed partial class PlainYaml
{
    private static readonly AnchorName NoAnchor = AnchorName.Empty;
    private static readonly TagName NoTag = TagName.Empty;

    private readonly string _text;
    private readonly int _maxDepth;
    private readonly List<ParsingEvent> _events;
    private int _pos;
    private int _line = 1;
    private int _lineStart;
    private int _depth;

    private PlainYaml(string text, int maxDepth)
    {
        _text = text;
        _maxDepth = maxDepth;
        _events = new List<ParsingEvent>(text.Length / 8);
    }

    /// <summary>
    /// The events of the text as YamlDotNet's parser gives them, replayed; null when the text is
    /// not in the plain subset (then YamlDotNet's parser reads it). Collections nested deeper
    /// than <paramref name="maxDepth"/> are left to that parser too, which reports the limit.
    /// </summary>
    public static IParser? TryRead(string text, int maxDepth)
    {
        if (!AllPrintable(text))
        {
            return null;
        }

        var reader = new PlainYaml(text, maxDepth);
        return reader.Document() ? new Replay(reader._events) : null;
    }

    /// <summary>The events, for tests that compare them with YamlDotNet's; null as for <see cref="TryRead"/>.</summary>
    internal static IReadOnlyList<ParsingEvent>? Events(string text, int maxDepth = 64)
    {
        var reader = new PlainYaml(text, maxDepth);
        return AllPrintable(text) && reader.Document() ? reader._events : null;
    }

    // Line breaks are "\n" and "\r\n"; tabs, other controls, NEL, the Unicode line and paragraph
    // separators, a byte order mark inside and surrogates are left to YamlDotNet.
    private static bool AllPrintable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ' ? c != '\n' && !(c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                : c is (>= '\u007f' and <= '\u009f') or '\u2028' or '\u2029' or '\ufeff' or '\ufffe' or '\uffff' || char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    private bool Eof => _pos >= _text.Length;

    private char At(int offset = 0) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

    private bool LineEnd(int offset = 0) => At(offset) is '\0' or '\n' or '\r';

    private int Indent => _pos - _lineStart;

    private Mark Here => new(_pos, _line, _pos - _lineStart + 1);

    // Where YamlDotNet's parser ends the stream: past the text, on a new line.
    private Mark End
    {
        get
        {
            var last = _text.Length > 0 ? _text[^1] : '\n';
            return new Mark(_text.Length, _line + (last == '\n' ? 0 : 1), 1);
        }
    }

    private Mark Next => Eof ? End : Here;

    private bool Document()
    {
        _events.Add(new StreamStart(Mark.Empty, Mark.Empty));
        NextContent();
        if (Eof)
        {
            return false;
        }

        _events.Add(new DocumentStart(null, null, true, Here, Here));
        var root = AtSequenceEntry() ? BlockSequence(Indent, indentless: false)
            : KeyAhead(flow: false) ? BlockMapping(Indent)
            : At() is '[' or '{' && Value(flow: false) && EndLine();
        if (!root || !Eof)
        {
            return false;
        }

        _events.Add(new DocumentEnd(true, End, End));
        _events.Add(new StreamEnd(End, End));
        return true;
    }

    /// <summary>Past spaces, comments and line breaks to the next content, or the end.</summary>
    private void NextContent()
    {
        while (!Eof)
        {
            var c = _text[_pos];
            if (c == ' ')
            {
                _pos++;
            }
            else if (c == '#')
            {
                while (!LineEnd())
                {
                    _pos++;
                }
            }
            else if (c is '\n' or '\r')
            {
                _pos += c == '\r' ? 2 : 1;
                _line++;
                _lineStart = _pos;
            }
            else
            {
                return;
            }
        }
    }

    /// <summary>The rest of a line after a value: spaces, then a comment (after a space) or the line's end; then the next content.</summary>
    private bool EndLine()
    {
        var start = _pos;
        while (At() == ' ')
        {
            _pos++;
        }

        if (!LineEnd() && !(At() == '#' && _pos > start))
        {
            return false;
        }

        NextContent();
        return true;
    }

    private bool AtSequenceEntry() => At() == '-' && (At(1) == ' ' || LineEnd(1));

    private bool Enter() => ++_depth <= _maxDepth;

    private bool BlockMapping(int indent)
    {
        if (!Enter())
        {
            return false;
        }

        _events.Add(new MappingStart(NoAnchor, NoTag, true, MappingStyle.Block, Here, Here));
        while (true)
        {
            Key();
            var afterColon = Here;
            var spaced = At() == ' ';
            while (At() == ' ')
            {
                _pos++;
            }

            if (LineEnd() || At() == '#')
            {
                var bare = !spaced && LineEnd();
                NextContent();
                var nested = !Eof && Indent > indent;
                if (nested && AtSequenceEntry() ? !BlockSequence(Indent, indentless: false)
                    : nested ? !KeyAhead(flow: false) || !BlockMapping(Indent)
                    : !Eof && Indent == indent && AtSequenceEntry() ? !BlockSequence(indent, indentless: true)
                    : !bare || !Add(string.Empty, ScalarStyle.Plain, afterColon, afterColon))
                {
                    return false;
                }
            }
            else if (!Value(flow: false) || !EndLine())
            {
                return false;
            }

            if (Eof || Indent < indent)
            {
                break;
            }

            if (Indent > indent || !KeyAhead(flow: false))
            {
                return false;
            }
        }

        _events.Add(new MappingEnd(Next, Next));
        _depth--;
        return true;
    }

    private bool BlockSequence(int indent, bool indentless)
    {
        if (!Enter())
        {
            return false;
        }

        var start = Here;
        _events.Add(new SequenceStart(NoAnchor, NoTag, true, SequenceStyle.Block, start, indentless ? new Mark(start.Index + 1, start.Line, start.Column + 1) : start));
        while (true)
        {
            _pos++; // the '-'
            if (LineEnd())
            {
                return false; // an item on the lines below
            }

            while (At() == ' ')
            {
                _pos++;
            }

            if (At() == '#' || AtSequenceEntry())
            {
                return false;
            }

            if (KeyAhead(flow: false) ? !BlockMapping(Indent) : !Value(flow: false) || !EndLine())
            {
                return false;
            }

            if (Eof || Indent < indent)
            {
                break;
            }

            if (Indent > indent)
            {
                return false;
            }

            if (!AtSequenceEntry())
            {
                if (indentless)
                {
                    break; // the next key of the mapping this sequence is a value of
                }

                return false;
            }
        }

        _events.Add(new SequenceEnd(Next, Next));
        _depth--;
        return true;
    }
}
