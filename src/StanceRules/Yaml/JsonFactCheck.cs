using System.Text;
using System.Text.Json;

namespace StanceRules.Yaml;

/// <summary>
/// The first pass of <see cref="JsonFactReader"/> over a JSON fact document's bytes: strict JSON
/// syntax (as <see cref="StrictJson"/>), then the size, and the bounds the YAML reader enforces
/// while it parses (nesting depth, value length, items in a list, duplicate keys), the first one
/// broken in document order, as <see cref="YamlText.Load"/> reports it. No allocation for a
/// document that passes, except the frames of deeply nested or wide objects.
/// </summary>
internal static class JsonFactCheck
{
    public static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false, MaxDepth = 256 };

    /// <summary>True when the document may be read; else one diagnostic, at its line and column.</summary>
    public static bool Check(ReadOnlySpan<byte> utf8, string file, StanceLimits limits, List<Diagnostic> diagnostics)
    {
        var reader = new Utf8JsonReader(utf8, Options);
        var frames = new Frame[8];
        var keys = new List<Key>();
        var depth = 0;
        (long At, string Code, string Message)? first = null;
        try
        {
            while (reader.Read())
            {
                if (first is not null)
                {
                    continue; // past the first broken bound, only the syntax is still checked
                }

                var token = reader.TokenType;
                var at = reader.TokenStartIndex;
                if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    depth--;
                    keys.RemoveRange(frames[depth].KeysStart, keys.Count - frames[depth].KeysStart);
                    first = depth > 0 ? frames[depth - 1].ValueDone() : null;
                    continue;
                }

                if (token == JsonTokenType.PropertyName)
                {
                    first = Length(ref reader, limits) ?? frames[depth - 1].AddKey(ref reader, keys, utf8);
                    continue;
                }

                if (depth > 0 && frames[depth - 1].Items >= 0 && ++frames[depth - 1].Items > limits.MaxFactsPerDocument)
                {
                    first = (at, DiagnosticCodes.LimitExceeded, ErrorMessages.LimitExceeded("number of facts", frames[depth - 1].Items, nameof(StanceLimits.MaxFactsPerDocument), limits.MaxFactsPerDocument));
                    continue;
                }

                if (token is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    if (depth + 1 > limits.MaxNestingDepth)
                    {
                        first = (at, DiagnosticCodes.LimitExceeded, ErrorMessages.LimitExceeded("nesting depth", depth + 1, nameof(StanceLimits.MaxNestingDepth), limits.MaxNestingDepth));
                        continue;
                    }

                    if (depth == frames.Length)
                    {
                        Array.Resize(ref frames, depth * 2);
                    }

                    frames[depth++] = new Frame { Items = token == JsonTokenType.StartArray ? 0 : -1, KeysStart = keys.Count, Duplicate = -1 };
                    continue;
                }

                first = Length(ref reader, limits) ?? (depth > 0 ? frames[depth - 1].ValueDone() : null);
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

        if (first is { } error)
        {
            diagnostics.Add(new Diagnostic(error.Code, error.Message, new JsonPositions(utf8, file).At(error.At)));
            return false;
        }

        return true;
    }

    /// <summary>A value longer than <see cref="StanceLimits.MaxStringLength"/> characters (keys too, as YAML counts them).</summary>
    private static (long, string, string)? Length(ref Utf8JsonReader reader, StanceLimits limits)
    {
        var raw = reader.ValueSpan;
        if (raw.Length <= limits.MaxStringLength)
        {
            return null; // a character is at least one byte, and escapes only get shorter
        }

        var length = reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName
            ? (reader.ValueIsEscaped ? reader.GetString()!.Length : Encoding.UTF8.GetCharCount(raw))
            : raw.Length;
        return length > limits.MaxStringLength
            ? (reader.TokenStartIndex, DiagnosticCodes.LimitExceeded, ErrorMessages.LimitExceeded("value length in characters", length, nameof(StanceLimits.MaxStringLength), limits.MaxStringLength))
            : null;
    }

    /// <summary>A key of an open object: its raw bytes' place, or its text when it has escapes.</summary>
    private readonly record struct Key(int Start, int Length, string? Text);

    /// <summary>An open object or array.</summary>
    private struct Frame
    {
        public int Items;        // values so far in an array; -1 for an object
        public int KeysStart;    // where this object's keys start in the shared list
        public long Duplicate;   // a repeated key waiting for its value to end (YAML reports it then); -1 when none
        public string? DuplicateName;
        public HashSet<string>? Many; // the keys of a wide object, past 32

        /// <summary>Reports a key seen before in this object once its value is read.</summary>
        public (long, string, string)? AddKey(ref Utf8JsonReader reader, List<Key> keys, ReadOnlySpan<byte> utf8)
        {
            var start = (int)reader.TokenStartIndex + 1; // after the quote
            var key = reader.ValueIsEscaped ? new Key(start, reader.ValueSpan.Length, reader.GetString()) : new Key(start, reader.ValueSpan.Length, null);
            var count = keys.Count - KeysStart;
            if (Many is not null || count >= 32)
            {
                if (Many is null)
                {
                    Many = new HashSet<string>(StringComparer.Ordinal);
                    for (var i = KeysStart; i < keys.Count; i++)
                    {
                        Many.Add(Text(keys[i], utf8));
                    }
                }

                if (!Many.Add(Text(key, utf8)))
                {
                    (Duplicate, DuplicateName) = (reader.TokenStartIndex, Text(key, utf8));
                }

                return null;
            }

            for (var i = KeysStart; i < keys.Count; i++)
            {
                var other = keys[i];
                var same = key.Text is null && other.Text is null
                    ? utf8.Slice(key.Start, key.Length).SequenceEqual(utf8.Slice(other.Start, other.Length))
                    : Text(key, utf8) == Text(other, utf8);
                if (same)
                {
                    (Duplicate, DuplicateName) = (reader.TokenStartIndex, Text(key, utf8));
                    break;
                }
            }

            keys.Add(key);
            return null;
        }

        /// <summary>A value of this object or array has been read: a duplicate key waiting for it is now the error.</summary>
        public readonly (long, string, string)? ValueDone() =>
            Duplicate >= 0 ? (Duplicate, DiagnosticCodes.YamlSyntax, ErrorMessages.JsonSyntax($"Duplicate key {DuplicateName}")) : null;

        private static string Text(Key key, ReadOnlySpan<byte> utf8) => key.Text ?? Encoding.UTF8.GetString(utf8.Slice(key.Start, key.Length));
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
