using YamlDotNet.RepresentationModel;

namespace StanceRules.Yaml;

/// <summary>Reads a fact document into typed facts, collecting every error. Contract: docs/fact-document.md.</summary>
internal static class FactDocumentReader
{
    private static readonly string[] DocumentKeys = ["article", "facts"];
    private static readonly string[] ArticleKeys = ["id", "published", "title"];

    // json: the text is a JSON document (already checked as strict JSON), so errors are worded for JSON.
    public static ArticleFacts? Read(string text, string file, FactTypes types, List<Diagnostic> diagnostics, StanceLimits limits, bool json = false)
    {
        var yaml = new YamlText(file, diagnostics, limits) { Json = json };
        var root = yaml.Load(text, (limits.MaxFactsPerDocument, nameof(StanceLimits.MaxFactsPerDocument), "number of facts"));
        if (root is null)
        {
            if (diagnostics.Count == 0)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.MissingKey, ErrorMessages.MissingKey("article", "the fact document"), new SourceLocation(file, 1, 1)));
            }

            return null;
        }

        var document = yaml.Mapping(root, "the fact document", DocumentKeys);
        if (document is null)
        {
            return null;
        }

        string? id = null;
        string? title = null;
        DateOnly? published = null;
        if (document.Required("article") is { } articleNode && yaml.Mapping(articleNode, "'article'", ArticleKeys) is { } article)
        {
            id = article.Required("id") is { } idNode ? yaml.Scalar(idNode, "'id'") : null;
            if (id is not null && string.IsNullOrWhiteSpace(id))
            {
                // A blank id is no id (the article needs one to be told apart in a batch).
                yaml.Error(article["id"]!, DiagnosticCodes.MissingKey, ErrorMessages.MissingKey("id", "'article'"));
                id = null;
            }
            title = article.OptionalScalar("title");
            if (article["published"] is { } publishedNode && !YamlText.IsNull(publishedNode) && yaml.Scalar(publishedNode, "'published'") is { } date)
            {
                if (FieldValues.TryDate(date, out var parsed))
                {
                    published = parsed;
                }
                else
                {
                    yaml.Error(publishedNode, DiagnosticCodes.InvalidValue, ErrorMessages.InvalidValue(date, "'published'", "an ISO date (yyyy-MM-dd)"));
                }
            }
        }

        var facts = document.Required("facts") is { } factsNode ? ReadFacts(yaml, factsNode, types, limits) : null;
        return diagnostics.Count == 0 && id is not null && facts is not null ? ArticleFacts.FromReader(id, facts, published, title) : null;
    }

    /// <summary>
    /// Reads a list of facts wherever it stands (a fact document's <c>facts</c>, a rule test's
    /// inline facts), reporting errors through <paramref name="yaml"/> at their own positions.
    /// Null when the node is not a list or holds more facts than the limit.
    /// </summary>
    internal static List<Fact>? ReadFacts(YamlText yaml, YamlNode factsNode, FactTypes types, StanceLimits limits)
    {
        if (yaml.Sequence(factsNode, "'facts'") is not { } sequence)
        {
            return null;
        }

        if (sequence.Children.Count > limits.MaxFactsPerDocument)
        {
            yaml.Error(sequence, DiagnosticCodes.LimitExceeded, ErrorMessages.LimitExceeded("number of facts", sequence.Children.Count, nameof(StanceLimits.MaxFactsPerDocument), limits.MaxFactsPerDocument));
            return null;
        }

        var facts = new List<Fact>(sequence.Children.Count);
        var firstLineOfId = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            // Ids are checked before the fact itself, so a duplicate is found even when the
            // first fact with that id has errors of its own.
            var node = sequence.Children[i];
            var map = node is YamlMappingNode mapping ? new MappingView(yaml, mapping, $"fact {i + 1}") : null;
            // A null id is no id: the fact gets the default one, so that is the id checked.
            var factId = IdValue(map) is YamlScalarNode { Value: { Length: > 0 } given } idValue && !YamlText.IsNull(idValue) ? given : $"f{i + 1}";
            if (firstLineOfId.TryGetValue(factId, out var firstLine))
            {
                yaml.Error(node, DiagnosticCodes.DuplicateFactId, ErrorMessages.DuplicateFactId(factId, firstLine));
                continue;
            }

            firstLineOfId[factId] = (int)node.Start.Line;
            if (ReadFact(yaml, node, map, i, types) is { } fact)
            {
                facts.Add(fact);
            }
        }

        return facts;
    }

    /// <summary>The value under the key <c>id</c> (an untagged scalar key, as the mapping itself compares keys), or null.</summary>
    private static YamlNode? IdValue(MappingView? map) => map?.KeyNode("id") switch
    {
        null => null,
        YamlScalarNode { Tag.IsEmpty: true } => map["id"],
        _ => map.Node.Children.TryGetValue(new YamlScalarNode("id"), out var value) ? value : null,
    };

    // map: the fact's mapping view, already built by the caller (null when the node is not a mapping).
    private static Fact? ReadFact(YamlText yaml, YamlNode node, MappingView? map, int index, FactTypes types)
    {
        var errorsBefore = yaml.Diagnostics.Count;
        if (map is null)
        {
            yaml.Mapping(node, $"fact {index + 1}", null); // reports the node that is not a mapping
            return null;
        }

        var typeNode = map.Required("type");
        var typeName = typeNode is null ? null : yaml.Scalar(typeNode, "'type'");
        if (typeName is null)
        {
            return null;
        }

        if (!types.TryGet(typeName, out var type) || !type.IsFact)
        {
            yaml.Error(typeNode!, DiagnosticCodes.UnknownFactType, ErrorMessages.UnknownFactType(typeName, types.Names.Where(n => types.TryGet(n, out var t) && t.IsFact)));
            return null;
        }

        var fact = type.CreateFact();
        foreach (var (key, keyNode) in map.KeyNodes)
        {
            if (key == "type")
            {
                continue;
            }

            if (!type.Fields.TryGetValue(key, out var field) || !field.IsSettable)
            {
                yaml.Error(keyNode, DiagnosticCodes.UnknownKey, ErrorMessages.UnknownKey(key, $"a {typeName} fact", type.DocumentKeys));
                continue;
            }

            var valueNode = map[key]!;
            if (YamlText.IsNull(valueNode))
            {
                continue;
            }

            if (ReadFieldValue(yaml, valueNode, field, key, quoted: true) is { } value)
            {
                if (key == "issue" && value is string issue && !IsIssueId(issue))
                {
                    yaml.Error(valueNode, DiagnosticCodes.InvalidValue, ErrorMessages.InvalidIssueId(issue));
                    continue;
                }

                field.SetValue(fact, value);
            }
        }

        foreach (var field in type.SettableFields)
        {
            if (!field.IsRequired)
            {
                continue;
            }

            var valueNode = map[field.Name];
            if (valueNode is null || YamlText.IsNull(valueNode) || (field.Kind == FieldKind.Text && string.IsNullOrWhiteSpace((valueNode as YamlScalarNode)?.Value)))
            {
                yaml.Error(valueNode ?? node, DiagnosticCodes.MissingKey, ErrorMessages.MissingKey(field.Name, $"a {typeName} fact"));
            }
        }

        if (fact.Id.Length == 0)
        {
            fact.SetId($"f{index + 1}");
        }

        return yaml.Diagnostics.Count == errorsBefore ? fact : null;
    }

    /// <summary>An issue id as rules and reports use it: kebab-case, so it can never carry control characters or markup.</summary>
    internal static bool IsIssueId(string value) => value.Length <= 200 && FactTypes.IsValidName(value);

    /// <summary>Reads a scalar as the field's type; null (with a diagnostic) when it does not fit.</summary>
    internal static object? ReadValue(YamlText yaml, YamlNode node, FactField field, string what) => ReadFieldValue(yaml, node, field, what, quoted: false);

    // quoted: the value is named as '<label>' in messages; the name is only written for an error,
    // so reading a fact allocates no message text.
    private static object? ReadFieldValue(YamlText yaml, YamlNode node, FactField field, string label, bool quoted)
    {
        var text = node is YamlScalarNode scalar ? scalar.Value ?? string.Empty : yaml.Scalar(node, quoted ? $"'{label}'" : label);
        if (text is null)
        {
            return null;
        }

        switch (field.Kind)
        {
            case FieldKind.Text:
                return text;
            case FieldKind.Boolean when YamlText.IsPlain(node) && YamlText.TryBoolean(text, out var b):
                return b;
            case FieldKind.Number when YamlText.IsPlain(node) && YamlText.TryNumber(text, out var n):
                if (FieldValues.Number(field, n) is { } number)
                {
                    return number;
                }

                break;
            case FieldKind.Date when FieldValues.TryDate(text, out var d):
                return d;
            case FieldKind.Enum when EnumText.TryParse(field.EnumType!, text, out var e):
                return e;
        }

        var expected = FieldValues.Expected(field);
        yaml.Error(node, DiagnosticCodes.InvalidValue, ErrorMessages.InvalidValue(text, quoted ? $"'{label}'" : label, expected));
        return null;
    }
}
