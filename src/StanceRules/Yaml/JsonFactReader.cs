using System.Text;
using System.Text.Json;

namespace StanceRules.Yaml;

/// <summary>
/// Reads a strict JSON fact document from its UTF-8 bytes with <see cref="Utf8JsonReader"/>: no
/// tree, no text copy of the document. It gives the same facts and the same diagnostics (codes,
/// messages, lines, columns, order) as <see cref="StrictJson"/> followed by
/// <see cref="FactDocumentReader"/> in JSON mode, which stays the reference (the tests compare them).
/// In JSON terms, a YAML "plain" scalar is a number, <c>true</c>, <c>false</c> or <c>null</c>: only
/// those are numbers, booleans or null; any scalar reads as text, a number as it is written.
/// </summary>
internal ref partial struct JsonFactReader
{
    private static readonly string[] DocumentKeys = ["article", "facts"];
    private static readonly string[] ArticleKeys = ["id", "published", "title"];

    private readonly List<Diagnostic> _diagnostics;
    private JsonPositions _positions;
    private FactType? _lastType; // the type of the fact before, so its name is not decoded again
    private bool _unsure;        // a key given twice: what only the check pass decides (see ReadInOnePass)

    private JsonFactReader(ReadOnlySpan<byte> utf8, string file, List<Diagnostic> diagnostics)
    {
        _positions = new JsonPositions(utf8, file);
        _diagnostics = diagnostics;
    }

    /// <summary>The document's facts, or null with every error in <paramref name="diagnostics"/>.</summary>
    public static ArticleFacts? Read(ReadOnlySpan<byte> utf8, string file, FactTypes types, List<Diagnostic> diagnostics, StanceLimits limits)
    {
        if (ReadInOnePass(utf8, file, types, diagnostics, limits) is { } article)
        {
            return article;
        }

        if (!JsonFactCheck.Check(utf8, file, limits, diagnostics))
        {
            return null;
        }

        var reader = new Utf8JsonReader(utf8, JsonFactCheck.Options);
        reader.Read();
        return new JsonFactReader(utf8, file, diagnostics).Document(ref reader, types);
    }

    /// <summary>
    /// The facts of a document read in one pass, without the check pass, when that is sure to give
    /// what the two passes give; else null, with nothing added to <paramref name="diagnostics"/>, and
    /// the document is read again in two. Sure means: the document is no longer than
    /// <see cref="StanceLimits.MaxStringLength"/> (so no key or value in it can be longer) and too
    /// short for an array of more than <see cref="StanceLimits.MaxFactsPerDocument"/> items, the
    /// depth limit allows a fact's fields, and the read gives a document with no error, no key
    /// given twice, and no byte after it: so every object and array was one the reader expects
    /// (any other is an error), and the tokenizer saw all of it (a syntax error throws).
    /// </summary>
    private static ArticleFacts? ReadInOnePass(ReadOnlySpan<byte> utf8, string file, FactTypes types, List<Diagnostic> diagnostics, StanceLimits limits)
    {
        if (utf8.Length > limits.MaxStringLength || utf8.Length > limits.MaxFileBytes || (utf8.Length + 1) / 2 > limits.MaxFactsPerDocument || limits.MaxNestingDepth < 3)
        {
            return null;
        }

        var mark = diagnostics.Count;
        try
        {
            var reader = new Utf8JsonReader(utf8, JsonFactCheck.Options);
            if (reader.Read())
            {
                var one = new JsonFactReader(utf8, file, diagnostics);
                var article = one.Document(ref reader, types);
                if (article is not null && !one._unsure && diagnostics.Count == mark && !reader.Read())
                {
                    return article;
                }
            }
        }
        catch (JsonException)
        {
            // Malformed: the check pass reports it.
        }
        catch (InvalidOperationException)
        {
            // A value the tokenizer cannot give as asked: the two passes decide what that is.
        }

        diagnostics.RemoveRange(mark, diagnostics.Count - mark);
        return null;
    }

    private ArticleFacts? Document(ref Utf8JsonReader reader, FactTypes types)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            Error(reader.TokenStartIndex, DiagnosticCodes.WrongNodeKind, ErrorMessages.WrongNodeKind("the fact document", "an object", Kind(ref reader)));
            return null;
        }

        // Keys in any order, errors in the YAML reader's order: the document's unknown keys, then the
        // article's errors, then the facts'. In the usual order (article, then facts) both are read
        // in place; facts before the article wait on a copy of the reader until the article is read.
        var start = reader.TokenStartIndex;
        var unknownAt = _diagnostics.Count;
        Utf8JsonReader waiting = default;
        var (hasArticle, hasFacts, factsWait) = (false, false, false);
        (string? Id, DateOnly? Published, string? Title) article = default;
        List<Fact>? facts = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var keyAt = reader.TokenStartIndex;
            if (reader.ValueTextEquals("article"u8))
            {
                reader.Read();
                _unsure |= hasArticle;
                hasArticle = true;
                article = reader.TokenType == JsonTokenType.Null
                    ? (MissingKey(reader.TokenStartIndex, "article", "the fact document"), null, null)
                    : Article(ref reader);
            }
            else if (reader.ValueTextEquals("facts"u8))
            {
                reader.Read();
                _unsure |= hasFacts;
                hasFacts = true;
                if (hasArticle)
                {
                    facts = FactsValue(ref reader, types);
                }
                else
                {
                    waiting = reader;
                    factsWait = true;
                }
            }
            else
            {
                var key = reader.GetString()!;
                _diagnostics.Insert(unknownAt++, new Diagnostic(DiagnosticCodes.UnknownKey, ErrorMessages.UnknownKey(key, "the fact document", DocumentKeys), _positions.At(keyAt)));
                reader.Read();
            }

            reader.Skip();
        }

        if (!hasArticle)
        {
            MissingKey(start, "article", "the fact document");
        }

        if (factsWait)
        {
            facts = FactsValue(ref waiting, types);
        }
        else if (!hasFacts)
        {
            MissingKey(start, "facts", "the fact document");
        }

        return _diagnostics.Count == 0 && article.Id is not null && facts is not null ? ArticleFacts.FromReader(article.Id, facts, article.Published, article.Title) : null;
    }

    /// <summary>The value of <c>facts</c>: the facts of an array, or null (with a diagnostic).</summary>
    private List<Fact>? FactsValue(ref Utf8JsonReader reader, FactTypes types)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            MissingKey(reader.TokenStartIndex, "facts", "the fact document");
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            Error(reader.TokenStartIndex, DiagnosticCodes.WrongNodeKind, ErrorMessages.WrongNodeKind("'facts'", "an array", Kind(ref reader)));
            return null;
        }

        return Facts(ref reader, types);
    }

    private (string? Id, DateOnly? Published, string? Title) Article(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            Error(reader.TokenStartIndex, DiagnosticCodes.WrongNodeKind, ErrorMessages.WrongNodeKind("'article'", "an object", Kind(ref reader)));
            return (null, null, null);
        }

        // The values are kept as read (no copy of the reader) and checked after the keys, in the
        // YAML reader's order: id, title, published. A date as yyyy-MM-dd is read from its bytes.
        var start = reader.TokenStartIndex;
        ScalarAt id = default, published = default, title = default;
        DateOnly? date = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var keyAt = reader.TokenStartIndex;
            var which = reader.ValueTextEquals("id"u8) ? 1 : reader.ValueTextEquals("published"u8) ? 2 : reader.ValueTextEquals("title"u8) ? 3 : 0;
            var key = which == 0 ? reader.GetString() : null;
            reader.Read();
            _unsure |= which switch { 1 => id.Given, 2 => published.Given, 3 => title.Given, _ => false };
            switch (which)
            {
                case 1: id = ScalarAt.Of(ref reader); break;
                case 2 when reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && FieldValues.TryDigits(reader.ValueSpan, out var day):
                    (date, published) = (day, new ScalarAt(JsonTokenType.Null, reader.TokenStartIndex, null));
                    break;
                case 2: published = ScalarAt.Of(ref reader); break;
                case 3: title = ScalarAt.Of(ref reader); break;
                default: Error(keyAt, DiagnosticCodes.UnknownKey, ErrorMessages.UnknownKey(key!, "'article'", ArticleKeys)); break;
            }

            reader.Skip();
        }

        string? idText = null;
        if (!id.Given || id.Token == JsonTokenType.Null)
        {
            MissingKey(id.Given ? id.At : start, "id", "'article'");
        }
        else if (Scalar(id, "'id'") is { } text)
        {
            idText = string.IsNullOrWhiteSpace(text) ? MissingKey(id.At, "id", "'article'") : text;
        }

        var titleText = title.Given && title.Token != JsonTokenType.Null ? Scalar(title, "'title'") : null;
        if (published.Given && published.Token != JsonTokenType.Null && Scalar(published, "'published'") is { } value)
        {
            if (FieldValues.TryDate(value, out var parsed))
            {
                date = parsed;
            }
            else
            {
                Error(published.At, DiagnosticCodes.InvalidValue, ErrorMessages.InvalidValue(value, "'published'", "an ISO date (yyyy-MM-dd)"));
            }
        }

        return (idText, date, titleText);
    }

    /// <summary>A value kept after its reader moved on: its token, where it starts, and its text as <see cref="Scalar(ref Utf8JsonReader, string)"/> gives it (null for null, objects and arrays).</summary>
    private readonly record struct ScalarAt(JsonTokenType Token, long At, string? Text)
    {
        /// <summary>Whether the key was given (a default value is not).</summary>
        public bool Given => Token != JsonTokenType.None;

        public static ScalarAt Of(ref Utf8JsonReader reader) => new(reader.TokenType, reader.TokenStartIndex, reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.StartObject or JsonTokenType.StartArray or JsonTokenType.Null => null,
            _ => Encoding.UTF8.GetString(reader.ValueSpan),
        });
    }

    /// <summary>A kept value as <see cref="Scalar(ref Utf8JsonReader, string)"/> gives it: null (with a diagnostic) for objects and arrays.</summary>
    private string? Scalar(in ScalarAt value, string what)
    {
        if (value.Token is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            Error(value.At, DiagnosticCodes.WrongNodeKind, ErrorMessages.WrongNodeKind(what, "a string, number or boolean", value.Token == JsonTokenType.StartObject ? "an object" : "an array"));
            return null;
        }

        return value.Text;
    }

    private List<Fact> Facts(ref Utf8JsonReader reader, FactTypes types)
    {
        var facts = new List<Fact>();
        object? firstOfId = null;
        for (var index = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; index++)
        {
            // The fact is read first, but the YAML reader checks its id before it: a repeated id is
            // the only error of its fact.
            var (at, mark) = (reader.TokenStartIndex, _diagnostics.Count);
            var fact = Fact(ref reader, index, types, out var givenId);
            var factId = givenId ?? DefaultId(index);
            if (FirstOf(ref firstOfId, factId, at) is { } firstAt)
            {
                _diagnostics.RemoveRange(mark, _diagnostics.Count - mark);
                var firstLine = new JsonPositions(_positions.Source, _positions.File).At(firstAt).Line;
                Error(at, DiagnosticCodes.DuplicateFactId, ErrorMessages.DuplicateFactId(factId, firstLine));
                continue;
            }

            if (fact is not null)
            {
                facts.Add(fact);
            }
        }

        return facts;
    }

    /// <summary>
    /// Where a fact id was first used, or null (and now it is): a list searched in order for the
    /// few facts of most documents, a dictionary past 16.
    /// </summary>
    private static long? FirstOf(ref object? seen, string id, long at)
    {
        if (seen is Dictionary<string, long> many)
        {
            return many.TryAdd(id, at) ? null : many[id];
        }

        var few = (List<(string Id, long At)>)(seen ??= new List<(string, long)>(8));
        foreach (var (other, otherAt) in few)
        {
            if (string.Equals(other, id, StringComparison.Ordinal))
            {
                return otherAt;
            }
        }

        few.Add((id, at));
        if (few.Count > 16)
        {
            seen = few.ToDictionary(f => f.Id, f => f.At, StringComparer.Ordinal);
        }

        return null;
    }

    public readonly int ErrorCount => _diagnostics.Count;

    public void Error(long at, string code, string message) => _diagnostics.Add(new Diagnostic(code, message, _positions.At(at)));

    private string? MissingKey(long at, string key, string where)
    {
        Error(at, DiagnosticCodes.MissingKey, ErrorMessages.MissingKey(key, where));
        return null;
    }

    /// <summary>A scalar as the YAML reader gives it: a string's text, a number, <c>true</c>, <c>false</c> or <c>null</c> as written; null (with a diagnostic) for objects and arrays.</summary>
    public string? Scalar(ref Utf8JsonReader reader, string what)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                Error(reader.TokenStartIndex, DiagnosticCodes.WrongNodeKind, ErrorMessages.WrongNodeKind(what, "a string, number or boolean", Kind(ref reader)));
                return null;
            default:
                return Encoding.UTF8.GetString(reader.ValueSpan);
        }
    }

    /// <summary>What a value is, in JSON's terms, as errors name it.</summary>
    public static string Kind(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.Null => "null",
        JsonTokenType.String => $"'{DisplayText.Truncate(reader.GetString()!)}'",
        _ => $"'{DisplayText.Truncate(Encoding.UTF8.GetString(reader.ValueSpan))}'",
    };
}
