using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace StanceRules.Yaml;

/// <summary>The flow collections, keys and scalars of <see cref="PlainYaml"/>, each on one line.</summary>
internal sealed partial class PlainYaml
{
    private bool FlowCollection(bool mapping)
    {
        if (!Enter())
        {
            return false;
        }

        _events.Add(mapping ? new MappingStart(NoAnchor, NoTag, true, MappingStyle.Flow, Here, Here) : new SequenceStart(NoAnchor, NoTag, true, SequenceStyle.Flow, Here, Here));
        var close = mapping ? '}' : ']';
        _pos++;
        SkipSpaces();
        if (At() != close)
        {
            while (true)
            {
                if (mapping)
                {
                    if (!KeyAhead(flow: true))
                    {
                        return false;
                    }

                    Key();
                    if (At() != ' ')
                    {
                        return false;
                    }

                    SkipSpaces();
                }

                if (!Value(flow: true))
                {
                    return false;
                }

                SkipSpaces();
                if (At() == ',')
                {
                    _pos++;
                    SkipSpaces();
                    if (At() == close)
                    {
                        return false; // a trailing comma
                    }

                    continue;
                }

                if (At() == close)
                {
                    break;
                }

                return false;
            }
        }

        _events.Add(mapping ? new MappingEnd(Here, Here) : new SequenceEnd(Here, Here));
        _pos++;
        _depth--;
        return true;
    }

    private void SkipSpaces()
    {
        while (At() == ' ')
        {
            _pos++;
        }
    }

    /// <summary>A value on the current line: a flow collection, a quoted or a plain scalar.</summary>
    private bool Value(bool flow) => At() switch
    {
        '[' => FlowCollection(mapping: false),
        '{' => FlowCollection(mapping: true),
        '"' or '\'' => Quoted(),
        _ => Plain(flow),
    };

    private static bool StartsPlain(char c) => c is not ('\0' or '\n' or '\r' or ' ' or '-' or '?' or ':' or ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`');

    /// <summary>Whether a plain key ("country:") starts here: ':' then a space (or, in a block, the line's end), with nothing in between a plain scalar may not hold.</summary>
    private bool KeyAhead(bool flow)
    {
        if (!StartsPlain(At()))
        {
            return false;
        }

        for (var i = _pos; i < _text.Length && i - _pos < 1024; i++)
        {
            switch (_text[i])
            {
                case ':':
                    var after = i + 1 < _text.Length ? _text[i + 1] : '\n';
                    return _text[i - 1] != ' ' && (after == ' ' || (!flow && after is '\n' or '\r'));
                case '\n' or '\r' or '#' or ',' or '[' or ']' or '{' or '}' or '"' or '\'':
                    return false;
            }
        }

        return false;
    }

    /// <summary>The key <see cref="KeyAhead"/> found, and its ':'.</summary>
    private void Key()
    {
        var start = Here;
        var colon = _text.IndexOf(':', _pos);
        _pos = colon;
        Add(_text[(int)start.Index..colon], ScalarStyle.Plain, start, Here, isKey: true);
        _pos++;
    }

    private bool Plain(bool flow)
    {
        if (!StartsPlain(At()))
        {
            return false;
        }

        var start = Here;
        var end = _pos;
        while (!LineEnd())
        {
            var c = _text[_pos];
            if (c == ' ')
            {
                if (At(1) == '#')
                {
                    break; // a comment
                }
            }
            else if (flow && c is ',' or ']' or '}')
            {
                break;
            }
            else if (c is ':' or '#' or '[' or ']' or '{' or '}' or '`')
            {
                return false;
            }
            else
            {
                end = _pos + 1;
            }

            _pos++;
        }

        _pos = end;
        return Add(_text[(int)start.Index..end], ScalarStyle.Plain, start, Here);
    }

    /// <summary>A single- or double-quoted scalar on one line (in double quotes, only \" and \\ as escapes).</summary>
    private bool Quoted()
    {
        var quote = At();
        var start = Here;
        var value = new System.Text.StringBuilder();
        _pos++;
        while (true)
        {
            if (LineEnd())
            {
                return false;
            }

            var c = _text[_pos];
            if (c == quote)
            {
                if (quote == '\'' && At(1) == '\'')
                {
                    value.Append('\'');
                    _pos += 2;
                    continue;
                }

                _pos++;
                break;
            }

            if (c == '\\' && quote == '"')
            {
                if (At(1) is not ('"' or '\\'))
                {
                    return false;
                }

                _pos++;
                c = _text[_pos];
            }

            value.Append(c);
            _pos++;
        }

        return Add(value.ToString(), quote == '"' ? ScalarStyle.DoubleQuoted : ScalarStyle.SingleQuoted, start, Here);
    }

    private bool Add(string value, ScalarStyle style, Mark start, Mark end, bool isKey = false)
    {
        var plain = style == ScalarStyle.Plain;
        _events.Add(new Scalar(NoAnchor, NoTag, value, style, plain, !plain, start, end, isKey));
        return true;
    }

    /// <summary>Replays the events read.</summary>
    private sealed class Replay(List<ParsingEvent> events) : IParser
    {
        private int _next;

        public ParsingEvent? Current { get; private set; }

        public bool MoveNext()
        {
            Current = _next < events.Count ? events[_next++] : null;
            return Current is not null;
        }
    }
}
