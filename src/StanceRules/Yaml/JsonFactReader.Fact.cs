using System.Globalization;
using System.Text;
using System.Text.Json;

namespace StanceRules.Yaml;

// One fact of a JSON fact document: its type first (wherever its key stands), then its keys in
// order, then its required fields, with the YAML reader's errors at the same places.
internal ref partial struct JsonFactReader
{
    /// <summary>A fact's given id (any scalar, as written; null when absent or empty) and its <c>type</c> value, read ahead on a copy.</summary>
    private static string? Scan(Utf8JsonReader reader, out Utf8JsonReader type, out bool hasType)
    {
        type = default;
        hasType = false;
        return reader.TokenType == JsonTokenType.StartObject ? ScanToEnd(ref reader, out type, out hasType) : null;
    }

    /// <summary>What <see cref="Scan"/> gives, from the reader's place in a fact's object (its start, or a value) to the object's end.</summary>
    private static string? ScanToEnd(scoped ref Utf8JsonReader reader, out Utf8JsonReader type, out bool hasType)
    {
        string? id = null;
        type = default;
        hasType = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isId = reader.ValueTextEquals("id"u8);
            var isType = !isId && reader.ValueTextEquals("type"u8);
            reader.Read();
            if (isType)
            {
                type = reader;
                hasType = true;
            }
            else if (isId)
            {
                id = reader.TokenType switch
                {
                    JsonTokenType.String => reader.GetString() is { Length: > 0 } text ? text : null,
                    JsonTokenType.StartObject or JsonTokenType.StartArray or JsonTokenType.Null => null,
                    _ => Encoding.UTF8.GetString(reader.ValueSpan),
                };
            }

            reader.Skip();
        }

        return id;
    }

    private static readonly string[] DefaultIds = Enumerable.Range(1, 256).Select(i => $"f{i}").ToArray();

    /// <summary>The id of a fact that gives none: <c>f</c> and its 1-based index.</summary>
    private static string DefaultId(int index) => index < DefaultIds.Length ? DefaultIds[index] : $"f{index + 1}";

    /// <summary>Reads one element of <c>facts</c> to its end: the fact, or null with its errors; and the id it gives, as its duplicate check needs it.</summary>
    private Fact? Fact(ref Utf8JsonReader reader, int index, FactTypes types, out string? givenId)
    {
        var start = reader.TokenStartIndex;
        givenId = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            Error(start, DiagnosticCodes.WrongNodeKind, ErrorMessages.WrongNodeKind($"fact {index + 1}", "an object", Kind(ref reader)));
            reader.Skip();
            return null;
        }

        // The type first. Usually it is the first key, written "type" (seen in the bytes): read in
        // place. Else it is looked for ahead, on a copy of the reader.
        FactType? type;
        var typeKeys = 0; // "type" keys read in the loop below, and the one read before it
        if (FirstKeyIsType(start))
        {
            typeKeys = 1;
            reader.Read();
            reader.Read();
            type = reader.TokenType != JsonTokenType.Null ? TypeOf(ref reader, types) : null;
            if (type is null)
            {
                if (reader.TokenType == JsonTokenType.Null)
                {
                    MissingKey(reader.TokenStartIndex, "type", $"fact {index + 1}");
                }

                reader.Skip();
                givenId = ScanToEnd(ref reader, out _, out _);
                return null;
            }
        }
        else
        {
            var typeValue = reader;
            var hasType = typeValue.Read() && typeValue.TokenType == JsonTokenType.PropertyName && typeValue.ValueTextEquals("type"u8) && typeValue.Read();
            if (!hasType)
            {
                givenId = Scan(reader, out typeValue, out hasType);
            }

            type = hasType && typeValue.TokenType != JsonTokenType.Null ? TypeOf(ref typeValue, types) : null;
            if (type is null)
            {
                if (!hasType || typeValue.TokenType == JsonTokenType.Null)
                {
                    MissingKey(hasType ? typeValue.TokenStartIndex : start, "type", $"fact {index + 1}");
                }

                givenId = Scan(reader, out _, out _);
                reader.Skip();
                return null;
            }
        }

        var errorsBefore = ErrorCount;
        var fact = type.CreateFact();
        var fields = type.SettableFields;
        Span<long> given = fields.Length <= 64 ? stackalloc long[fields.Length] : new long[fields.Length]; // 0: absent; value's offset + 1; negative when null or blank
        given.Clear();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var keyAt = reader.TokenStartIndex;
            var f = reader.ValueTextEquals("type"u8) ? -2 : Find(ref reader, fields);
            _unsure |= f == -2 ? ++typeKeys > 1 : f >= 0 && given[f] != 0; // a key given twice
            if (f == -1)
            {
                Error(keyAt, DiagnosticCodes.UnknownKey, ErrorMessages.UnknownKey(reader.GetString()!, $"a {type.Name} fact", type.DocumentKeys));
            }

            reader.Read();
            if (f >= 0)
            {
                var value = reader.TokenType == JsonTokenType.Null ? null : Value(ref reader, fields[f]);
                var blank = reader.TokenType == JsonTokenType.Null || (fields[f].Kind == FieldKind.Text && string.IsNullOrWhiteSpace(value as string));
                given[f] = blank ? -(reader.TokenStartIndex + 1) : reader.TokenStartIndex + 1;
                if (fields[f].Name == "id")
                {
                    givenId = reader.TokenType switch
                    {
                        JsonTokenType.String => value is string { Length: > 0 } id ? id : null,
                        JsonTokenType.StartObject or JsonTokenType.StartArray or JsonTokenType.Null => null,
                        _ => Encoding.UTF8.GetString(reader.ValueSpan),
                    };
                }

                if (value is string issue && fields[f].Name == "issue" && !FactDocumentReader.IsIssueId(issue))
                {
                    Error(reader.TokenStartIndex, DiagnosticCodes.InvalidValue, ErrorMessages.InvalidIssueId(issue));
                }
                else if (value is not null)
                {
                    fields[f].SetValue(fact, value);
                }
            }

            reader.Skip();
        }

        for (var f = 0; f < fields.Length; f++)
        {
            if (fields[f].IsRequired && given[f] <= 0)
            {
                MissingKey(given[f] == 0 ? start : -given[f] - 1, fields[f].Name, $"a {type.Name} fact");
            }
        }

        if (fact.Id.Length == 0)
        {
            fact.SetId(DefaultId(index));
        }

        return ErrorCount == errorsBefore ? fact : null;
    }

    /// <summary>Whether the first key of the object at <paramref name="objectStart"/> is written <c>"type"</c> (no escapes).</summary>
    private readonly bool FirstKeyIsType(long objectStart)
    {
        var after = _positions.Source[(int)(objectStart + 1)..];
        var at = after.IndexOfAnyExcept(" \t\r\n"u8);
        return at >= 0 && after[at..].StartsWith("\"type\""u8);
    }

    /// <summary>The fact type a <c>type</c> value names; null (with a diagnostic) when it names none.</summary>
    private FactType? TypeOf(ref Utf8JsonReader value, FactTypes types)
    {
        if (_lastType is { } last && value.TokenType == JsonTokenType.String && value.ValueTextEquals(last.NameUtf8))
        {
            return last;
        }

        if (Scalar(ref value, "'type'") is not { } name)
        {
            return null;
        }

        if (!types.TryGet(name, out var type) || !type.IsFact)
        {
            Error(value.TokenStartIndex, DiagnosticCodes.UnknownFactType, ErrorMessages.UnknownFactType(name, types.Names.Where(n => types.TryGet(n, out var t) && t.IsFact)));
            return null;
        }

        return _lastType = type;
    }

    private static int Find(ref Utf8JsonReader reader, FactField[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (reader.ValueTextEquals(fields[i].NameUtf8))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A value as the field's type, as <see cref="FactDocumentReader.ReadValue"/> reads it; null (with a diagnostic) when it does not fit.</summary>
    private object? Value(ref Utf8JsonReader reader, FactField field)
    {
        var token = reader.TokenType;
        switch (field.Kind)
        {
            case FieldKind.Text when token == JsonTokenType.String:
                return field.ValuesRepeat && !reader.ValueIsEscaped && reader.ValueSpan.Length <= Utf8StringCache.MaxBytes ? Utf8StringCache.Get(reader.ValueSpan) : reader.GetString();
            case FieldKind.Date when token == JsonTokenType.String && !reader.ValueIsEscaped && FieldValues.TryDigits(reader.ValueSpan, out var date):
                return date;
            case FieldKind.Boolean when token is JsonTokenType.True or JsonTokenType.False:
                return token == JsonTokenType.True;
            case FieldKind.Number when token == JsonTokenType.Number && double.TryParse(reader.ValueSpan, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n):
                if (FieldValues.Number(field, n) is { } number)
                {
                    return number;
                }

                break;
        }

        var what = $"'{field.Name}'";
        if (Scalar(ref reader, what) is not { } text)
        {
            return null;
        }

        switch (field.Kind)
        {
            case FieldKind.Text:
                return text;
            case FieldKind.Date when FieldValues.TryDate(text, out var d):
                return d;
            case FieldKind.Enum when EnumText.TryParse(field.EnumType!, text, out var e):
                return e;
        }

        var expected = FieldValues.Expected(field);
        Error(reader.TokenStartIndex, DiagnosticCodes.InvalidValue, ErrorMessages.InvalidValue(text, what, expected));
        return null;
    }
}
