using StanceRules.Yaml;
using YamlDotNet.RepresentationModel;

namespace StanceRules.Loading;

/// <summary>
/// Reads a rule file's <c>types:</c>: fact types with typed fields (<c>text</c>, <c>boolean</c>, <c>number</c>, <c>date</c>,
/// <c>stance</c>), each field optional, beside <see cref="Fact"/>'s own (id, actor, issue, evidence, country).
/// Every file's types are read before any file's rules, so any file's rules may match any file's types.
/// </summary>
internal static partial class FactTypesReader
{
    private static readonly string[] TypeKeys = ["name", "fields"];
    private static readonly string[] FieldKinds = ["text", "boolean", "number", "date", "stance"];

    /// <summary>The types with the file's <c>types:</c> section (if any) declared on top.</summary>
    public static FactTypes Read(YamlText yaml, MappingView file, FactTypes types) =>
        file["types"] is { } node ? Declare(yaml, node, types) : types;

    private static FactTypes Declare(YamlText yaml, YamlNode node, FactTypes types)
    {
        if (yaml.Sequence(node, "'types'") is not { } list)
        {
            return types;
        }

        foreach (var item in list.Children)
        {
            if (yaml.Mapping(item, "a fact type", TypeKeys) is not { } map || map.Required("name") is not { } nameNode || yaml.Scalar(nameNode, "'name'") is not { } name)
            {
                continue;
            }

            if (!FactTypes.IsValidName(name))
            {
                yaml.Error(nameNode, DiagnosticCodes.InvalidValue, ErrorMessages.InvalidValue(name, "a fact type's 'name'", "lower-case letters, digits and hyphens, starting with a letter"));
                continue;
            }

            if (types.TryGet(name, out _))
            {
                yaml.Error(nameNode, DiagnosticCodes.DuplicateEntry, ErrorMessages.DuplicateEntry("fact type", name));
                continue;
            }

            var declared = new List<(string Name, FieldKind Kind)>();
            var reserved = FactType.Create(typeof(DeclaredFact), name).Fields.Keys;
            if (map.Required("fields") is { } fieldsNode && yaml.Mapping(fieldsNode, $"the fields of '{name}'", null) is { } fields)
            {
                foreach (var (field, keyNode) in fields.KeyNodes)
                {
                    if (reserved.Contains(field) || declared.Any(d => d.Name == field) || !SnakeCaseName().IsMatch(field))
                    {
                        yaml.Error(keyNode, reserved.Contains(field) || declared.Any(d => d.Name == field) ? DiagnosticCodes.DuplicateEntry : DiagnosticCodes.InvalidValue,
                            reserved.Contains(field) || declared.Any(d => d.Name == field) ? ErrorMessages.DuplicateEntry($"field of '{name}' (every fact has {string.Join(", ", reserved.Order(StringComparer.Ordinal))})", field) : ErrorMessages.InvalidValue(field, "a field name", "snake_case: lower-case letters, digits and '_'"));
                        continue;
                    }

                    var kindText = yaml.Scalar(fields[field]!, $"the kind of '{field}'");
                    FieldKind? kind = kindText switch
                    {
                        "text" => FieldKind.Text,
                        "boolean" => FieldKind.Boolean,
                        "number" => FieldKind.Number,
                        "date" => FieldKind.Date,
                        "stance" => FieldKind.Enum,
                        _ => null,
                    };
                    if (kind is null)
                    {
                        if (kindText is not null)
                        {
                            yaml.Error(fields[field]!, DiagnosticCodes.InvalidValue, ErrorMessages.InvalidValue(kindText, $"the kind of '{field}'", string.Join(", ", FieldKinds)));
                        }

                        continue;
                    }

                    declared.Add((field, kind.Value));
                }
            }

            types = types.WithDeclared(FactType.Declare(name, declared));
        }

        return types;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial System.Text.RegularExpressions.Regex SnakeCaseName();
}
