using System.Text;
using System.Text.Json;

namespace StanceRules.Yaml;

/// <summary>
/// The first pass of <see cref="JsonFactReader"/> over a JSON fact document's bytes: strict JSON
/// syntax (as <see cref="StrictJson"/>), then the size, and the bounds the YAML reader enforces
/// while it parses (nesting depth, value length, items in a list, duplicate keys), the first one
/// broken in document order, as <see cref="YamlText.Load"/> reports it. Its state is reused by
/// each thread: no allocation for a document that passes, unless its objects are wide.
/// </summary>
internal static class JsonFactCheck
{
    public static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false, MaxDepth = 256 };

    /// <summary>True when the document may be read; else one diagnostic, at its line and column.</summary>
    public static bool Check(ReadOnlySpan<byte> utf8, string file, StanceLimits limits, List<Diagnostic> diagnostics)
    {
        var reader = new Utf8JsonReader(utf8, Options);
        var state = t_state ??= new State();
        state.Reset(limits);
        try
        {
            while (reader.Read())
            {
                if (state.FirstAt < 0)
                {
                    state.Token(ref reader, utf8);
                }
            }
        }
        catch (JsonException e)
        {
            StrictJson.Report(e, utf8, file, diagnostics);
            return false;
        }

        if (utf8.Length > limits.MaxFileBytes)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.LimitExceeded, ErrorMessages.LimitExceeded("size in bytes", utf8.Length, nameof(StanceLimits.MaxFileBytes), limits.MaxFileBytes), new SourceLocation(file, 1, 1)));
            return false;
        }

        if (state.FirstAt >= 0)
        {
            diagnostics.Add(new Diagnostic(state.FirstCode!, state.FirstMessage!, new JsonPositions(utf8, file).At(state.FirstAt)));
            return false;
        }

        return true;
    }

    /// <summary>An open object or array: values so far in an array (-1 for an object), where its keys start, a repeated key waiting for its value to end (YAML reports it then), and the set of a wide object's keys.</summary>
    private struct Frame
    {
        public int Items;
        public int KeysStart;
        public int Duplicate; // the index in the keys of a key given twice; -1 when none
        public int Wide;      // the index of the object's key set past 32 keys; -1 when none
    }

    /// <summary>A key of an open object: where its raw bytes are, or the index of its text when it has escapes.</summary>
    private readonly record struct Key(int Start, int Length, long At, int Escaped);

    // Each thread's state, reused by its next check (a check never calls another).
    [ThreadStatic]
    private static State? t_state;

    private sealed class State
    {
        private readonly Frame[] _frames = new Frame[257];
        private StanceLimits _limits = StanceLimits.Default;
        private Key[] _keys = new Key[64];
        private int _keyCount;
        private int _depth;
        private List<string>? _escaped;
        private List<HashSet<string>>? _wide;

        public long FirstAt { get; private set; }

        public string? FirstCode { get; private set; }

        public string? FirstMessage { get; private set; }

        public void Reset(StanceLimits limits)
        {
            (_limits, _keyCount, _depth, FirstAt, FirstCode, FirstMessage) = (limits, 0, 0, -1, null, null);
            _escaped?.Clear();
            _wide?.Clear();
        }

        public void Token(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8)
        {
            var token = reader.TokenType;
            if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                _keyCount = _frames[--_depth].KeysStart;
                ValueDone(utf8);
                return;
            }

            if (token == JsonTokenType.PropertyName)
            {
                if (reader.ValueSpan.Length > _limits.MaxStringLength && TooLong(ref reader))
                {
                    return;
                }

                AddKey(ref reader, utf8);
                return;
            }

            if (_depth > 0 && _frames[_depth - 1].Items >= 0 && ++_frames[_depth - 1].Items > _limits.MaxFactsPerDocument)
            {
                Fail(reader.TokenStartIndex, ErrorMessages.LimitExceeded("number of facts", _frames[_depth - 1].Items, nameof(StanceLimits.MaxFactsPerDocument), _limits.MaxFactsPerDocument));
                return;
            }

            if (token is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                if (_depth + 1 > _limits.MaxNestingDepth)
                {
                    Fail(reader.TokenStartIndex, ErrorMessages.LimitExceeded("nesting depth", _depth + 1, nameof(StanceLimits.MaxNestingDepth), _limits.MaxNestingDepth));
                    return;
                }

                _frames[_depth++] = new Frame { Items = token == JsonTokenType.StartArray ? 0 : -1, KeysStart = _keyCount, Duplicate = -1, Wide = -1 };
                return;
            }

            if (reader.ValueSpan.Length > _limits.MaxStringLength && TooLong(ref reader))
            {
                return;
            }

            ValueDone(utf8);
        }

        private void Fail(long at, string message, string code = DiagnosticCodes.LimitExceeded) => (FirstAt, FirstCode, FirstMessage) = (at, code, message);

        /// <summary>A value longer than <see cref="StanceLimits.MaxStringLength"/> characters (keys too, as YAML counts them); its bytes are more than that already.</summary>
        private bool TooLong(ref Utf8JsonReader reader)
        {
            var length = reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName
                ? (reader.ValueIsEscaped ? reader.GetString()!.Length : Encoding.UTF8.GetCharCount(reader.ValueSpan))
                : reader.ValueSpan.Length;
            if (length <= _limits.MaxStringLength)
            {
                return false; // escapes and multi-byte characters: fewer characters than bytes
            }

            Fail(reader.TokenStartIndex, ErrorMessages.LimitExceeded("value length in characters", length, nameof(StanceLimits.MaxStringLength), _limits.MaxStringLength));
            return true;
        }

        /// <summary>A value of the open object or array has been read: a repeated key waiting for it is now the error.</summary>
        private void ValueDone(ReadOnlySpan<byte> utf8)
        {
            if (_depth > 0 && _frames[_depth - 1].Duplicate >= 0)
            {
                var key = _keys[_frames[_depth - 1].Duplicate];
                Fail(key.At, ErrorMessages.JsonSyntax($"Duplicate key {Text(key, utf8)}"), DiagnosticCodes.YamlSyntax);
            }
        }

        /// <summary>Adds a key of the open object, marking it when the object has it already.</summary>
        private void AddKey(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8)
        {
            ref var frame = ref _frames[_depth - 1];
            var escaped = -1;
            if (reader.ValueIsEscaped)
            {
                (_escaped ??= []).Add(reader.GetString()!);
                escaped = _escaped.Count - 1;
            }

            if (_keyCount == _keys.Length)
            {
                Array.Resize(ref _keys, _keys.Length * 2);
            }

            var key = new Key((int)reader.TokenStartIndex + 1, reader.ValueSpan.Length, reader.TokenStartIndex, escaped);
            _keys[_keyCount] = key;
            if (frame.Wide >= 0 || _keyCount - frame.KeysStart >= 32)
            {
                if (frame.Wide < 0)
                {
                    (_wide ??= []).Add(new HashSet<string>(StringComparer.Ordinal));
                    frame.Wide = _wide.Count - 1;
                    for (var i = frame.KeysStart; i < _keyCount; i++)
                    {
                        _wide[frame.Wide].Add(Text(_keys[i], utf8));
                    }
                }

                if (!_wide![frame.Wide].Add(Text(key, utf8)) && frame.Duplicate < 0)
                {
                    frame.Duplicate = _keyCount;
                }

                _keyCount++;
                return;
            }

            for (var i = frame.KeysStart; i < _keyCount && frame.Duplicate < 0; i++)
            {
                var other = _keys[i];
                var same = key.Escaped < 0 && other.Escaped < 0
                    ? utf8.Slice(key.Start, key.Length).SequenceEqual(utf8.Slice(other.Start, other.Length))
                    : Text(key, utf8) == Text(other, utf8);
                if (same)
                {
                    frame.Duplicate = _keyCount;
                }
            }

            _keyCount++;
        }

        private string Text(Key key, ReadOnlySpan<byte> utf8) => key.Escaped >= 0 ? _escaped![key.Escaped] : Encoding.UTF8.GetString(utf8.Slice(key.Start, key.Length));
    }
}

/// <summary>
/// Line and column (1-based, columns in UTF-16 characters, as the YAML reader's marks) of byte
/// offsets in a UTF-8 document, moving forward from the last one asked for, so reporting the
/// errors of a document in order costs one pass over it.
/// </summary>
internal ref struct JsonPositions(ReadOnlySpan<byte> utf8, string file)
{
    private readonly ReadOnlySpan<byte> _utf8 = utf8;
    private int _at;
    private int _line = 1;
    private int _lineStart;
    private int _column = 1;

    public readonly string File => file;

    public readonly ReadOnlySpan<byte> Source => _utf8;

    public SourceLocation At(long offset)
    {
        var index = (int)Math.Clamp(offset, 0, _utf8.Length);
        if (index < _at)
        {
            // Back: to the start of the line the offset is on.
            _line -= _utf8[index.._at].Count((byte)'\n');
            _lineStart = _utf8[..index].LastIndexOf((byte)'\n') + 1;
            (_at, _column) = (_lineStart, 1);
        }

        var skipped = _utf8[_at..index];
        var newlines = skipped.Count((byte)'\n');
        if (newlines > 0)
        {
            _line += newlines;
            _lineStart = _at + skipped.LastIndexOf((byte)'\n') + 1;
            (_at, _column) = (_lineStart, 1);
        }

        _column += Encoding.UTF8.GetCharCount(_utf8[_at..index]);
        _at = index;
        return new SourceLocation(file, _line, _column);
    }
}
