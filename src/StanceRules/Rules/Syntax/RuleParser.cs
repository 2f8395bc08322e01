using System.Text.RegularExpressions;
using StanceRules.Yaml;
using YamlDotNet.RepresentationModel;

namespace StanceRules.Rules.Syntax;

/// <summary>
/// Reads one rule from its YAML node into <see cref="RuleSyntax"/>: the keys a rule, a pattern
/// and <c>then</c> may have, the kinds of node each takes, operator names, pattern headers and
/// the form of <c>$VAR.FIELD</c>. It reports shape errors only; names, types and literal values
/// are the binder's (<see cref="Binding.RuleBinder"/>). Two checks of form are left to the binder so
/// that they come after the checks they always came after: an empty condition (after its field
/// resolves) and a malformed reference (where references resolve, after the operator applies).
/// </summary>
internal sealed partial class RuleParser
{
    private static readonly string[] RuleKeys = ["id", "description", "priority", "tags", "when", "then"];
    private static readonly string[] ThenKeys = ["stance", "confidence", "country", "issue", "assert"];

    /// <summary>The operators by name, in the order error messages list them.</summary>
    private static readonly (string Name, RuleOperator Operator)[] Operators =
    [
        ("eq", RuleOperator.Equal), ("ne", RuleOperator.NotEqual), ("in", RuleOperator.In), ("not_in", RuleOperator.NotIn),
        ("gt", RuleOperator.GreaterThan), ("ge", RuleOperator.GreaterOrEqual), ("lt", RuleOperator.LessThan), ("le", RuleOperator.LessOrEqual),
        ("contains", RuleOperator.Contains), ("starts_with", RuleOperator.StartsWith), ("ends_with", RuleOperator.EndsWith),
        ("matches", RuleOperator.Matches), ("present", RuleOperator.Present),
    ];

    private readonly YamlText _yaml;

    public RuleParser(YamlText yaml)
    {
        _yaml = yaml;
    }

    /// <summary>Parses a rule; null when it is not even a mapping (reported).</summary>
    /// <param name="node">The rule's YAML node.</param>
    /// <param name="id">The rule's id when it has a readable one, for messages.</param>
    public RuleSyntax? Parse(YamlNode node, string? id)
    {
        var map = _yaml.Mapping(node, id is null ? "a rule" : $"rule '{id}'", RuleKeys);
        if (map is null)
        {
            return null;
        }

        if (id is null)
        {
            map.Required("id");
        }
        else if (!FactTypes.IsValidName(id))
        {
            _yaml.Error(map["id"]!, DiagnosticCodes.InvalidValue, ErrorMessages.InvalidRuleId(id));
            id = null;
        }

        var description = map.OptionalScalar("description");
        var priority = 0;
        if (map["priority"] is { } priorityNode && _yaml.Number(priorityNode, "'priority'") is { } p)
        {
            if (p != Math.Floor(p) || p is < -1000 or > 1000)
            {
                _yaml.Error(priorityNode, DiagnosticCodes.OutOfRange, ErrorMessages.OutOfRange("'priority'", "a whole number from -1000 to 1000"));
            }
            else
            {
                priority = (int)p;
            }
        }

        var tags = map["tags"] is { } tagsNode ? _yaml.ScalarList(tagsNode, "'tags'") ?? [] : [];

        WhenSyntax? when = null;
        if (map.Required("when") is { } whenNode && _yaml.Sequence(whenNode, "'when'") is { } list)
        {
            if (list.Children.Count == 0)
            {
                _yaml.Error(whenNode, DiagnosticCodes.MissingKey, ErrorMessages.EmptyWhen);
            }

            when = new WhenSyntax(whenNode, Elements(list, PatternRole.Match), list.Children.Count);
        }

        var then = map.Required("then") is { } thenNode ? Action(thenNode) : null;
        return new RuleSyntax(node, _yaml.At(node), id, map["id"], description, priority, tags, when, then);
    }

    /// <summary>Parses <c>$VAR.FIELD</c>; false when <paramref name="text"/> is not of that form.</summary>
    public static bool TryParseReference(string text, out string variable, out string field)
    {
        var match = VariableReference().Match(text);
        variable = match.Groups[1].Value;
        field = match.Groups[2].Value;
        return match.Success;
    }

    private List<ElementSyntax> Elements(YamlSequenceNode elements, PatternRole role)
    {
        var result = new List<ElementSyntax>();
        foreach (var element in elements.Children)
        {
            if (element is not YamlMappingNode { Children.Count: 1 } single)
            {
                _yaml.Error(element, DiagnosticCodes.WrongNodeKind, ErrorMessages.WrongNodeKind("a 'when' item", "a mapping with one key (a pattern, 'not' or 'exists')", YamlText.Describe(element)));
                continue;
            }

            var (keyNode, body) = single.Children.First();
            var header = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            ElementSyntax? parsed = header switch
            {
                "not" => Group(keyNode, body, PatternRole.Not),
                "exists" => Group(keyNode, body, PatternRole.Exists),
                _ => Pattern(keyNode, header, body, role),
            };
            if (parsed is not null)
            {
                result.Add(parsed);
            }
        }

        return result;
    }

    /// <summary>The body of <c>not</c> or <c>exists</c>: one pattern, or a list of elements (AND).</summary>
    private GroupSyntax? Group(YamlNode keyNode, YamlNode body, PatternRole role)
    {
        var location = _yaml.At(keyNode);
        if (body is YamlSequenceNode list)
        {
            return new GroupSyntax(role, location, IsList: true, Elements(list, role));
        }

        if (body is not YamlMappingNode { Children.Count: 1 } single)
        {
            _yaml.Error(body, DiagnosticCodes.WrongNodeKind, ErrorMessages.WrongNodeKind("the body of 'not' or 'exists'", "one pattern or a list of them", YamlText.Describe(body)));
            return null;
        }

        var (patternKey, patternBody) = single.Children.First();
        var header = (patternKey as YamlScalarNode)?.Value ?? string.Empty;
        if (header is "not" or "exists")
        {
            // not: { exists: ... } is written as a list so the nesting is explicit.
            _yaml.Error(patternKey, DiagnosticCodes.WrongNodeKind, ErrorMessages.WrongNodeKind($"'{header}' directly inside another group", "inside a list", "a single key"));
            return null;
        }

        var pattern = Pattern(patternKey, header, patternBody, role);
        return new GroupSyntax(role, location, IsList: false, pattern is null ? [] : [pattern]);
    }

    private PatternSyntax? Pattern(YamlNode keyNode, string header, YamlNode body, PatternRole role)
    {
        var match = PatternHeader().Match(header);
        if (!match.Success)
        {
            _yaml.Error(keyNode, DiagnosticCodes.UnknownPatternType, ErrorMessages.PatternHeader(header));
            return null;
        }

        var fields = new List<FieldConditionSyntax>();
        if (!YamlText.IsNull(body) && _yaml.Mapping(body, $"the '{header}' pattern", null) is { } conditions)
        {
            foreach (var (field, fieldKeyNode) in conditions.KeyNodes)
            {
                var conditionNode = conditions[field]!;
                var empty = YamlText.IsNull(conditionNode) || conditionNode is YamlMappingNode { Children.Count: 0 } or YamlSequenceNode { Children.Count: 0 };
                fields.Add(new FieldConditionSyntax(field, fieldKeyNode, _yaml.At(fieldKeyNode), conditionNode, $"{field}: {Describe(conditionNode)}", empty ? [] : Conditions(conditionNode)));
            }
        }

        return new PatternSyntax(role, _yaml.At(keyNode), keyNode, match.Groups[1].Value, match.Groups[2].Success ? match.Groups[2].Value : null, fields);
    }

    /// <summary>A field's condition: a value (equality), a list (membership), or a mapping of operators.</summary>
    private List<ConditionSyntax> Conditions(YamlNode node)
    {
        var result = new List<ConditionSyntax>();
        switch (node)
        {
            case YamlSequenceNode:
                Add(result, RuleOperator.In, "in", node);
                break;
            case YamlMappingNode mapping:
                foreach (var (opNode, operand) in mapping.Children)
                {
                    var name = NormalizeOperator((opNode as YamlScalarNode)?.Value ?? string.Empty);
                    var index = Array.FindIndex(Operators, o => o.Name == name);
                    if (index < 0)
                    {
                        _yaml.Error(opNode, DiagnosticCodes.UnknownOperator, ErrorMessages.UnknownOperator(name, Operators.Select(o => o.Name)));
                        continue;
                    }

                    Add(result, Operators[index].Operator, name, operand);
                }

                break;
            default:
                Add(result, RuleOperator.Equal, "eq", node);
                break;
        }

        return result;
    }

    private void Add(List<ConditionSyntax> conditions, RuleOperator op, string name, YamlNode operand)
    {
        OperandSyntax? parsed = op switch
        {
            RuleOperator.In or RuleOperator.NotIn => _yaml.Sequence(operand, $"the operand of '{name}'") is { } list
                ? new ListSyntax(list, _yaml.At(list), list.Children.Select(Literal).ToArray())
                : null,
            // A regular expression or a boolean: never a reference, whatever it starts with.
            RuleOperator.Matches or RuleOperator.Present => Literal(operand),
            _ => Value(operand),
        };
        if (parsed is not null)
        {
            conditions.Add(new ConditionSyntax(op, name, parsed));
        }
    }

    private static string NormalizeOperator(string op) => op switch
    {
        "==" => "eq",
        "!=" => "ne",
        ">" => "gt",
        ">=" => "ge",
        "<" => "lt",
        "<=" => "le",
        _ => op,
    };

    private LiteralSyntax Literal(YamlNode node) => new(node, _yaml.At(node));

    /// <summary>A literal, or <c>$VAR.FIELD</c> for a scalar starting with '$'.</summary>
    private OperandSyntax Value(YamlNode node) =>
        node is YamlScalarNode { Value: { } text } && text.StartsWith('$') ? Reference(node, text) : Literal(node);

    /// <summary><c>$VAR.FIELD</c>; a malformed one is kept (with empty names) for the binder to report where it resolves references.</summary>
    private ReferenceSyntax Reference(YamlNode node, string text) =>
        TryParseReference(text, out var variable, out var field)
            ? new ReferenceSyntax(node, _yaml.At(node), text, variable, field)
            : new ReferenceSyntax(node, _yaml.At(node), text, string.Empty, string.Empty);

    private ActionSyntax? Action(YamlNode node)
    {
        var then = _yaml.Mapping(node, "'then'", ThenKeys);
        if (then is null)
        {
            return null;
        }

        var hasStance = then["stance"] is not null;
        var hasAssert = then["assert"] is not null;
        if (hasStance == hasAssert)
        {
            _yaml.Error(node, DiagnosticCodes.MissingKey, ErrorMessages.ThenNeedsOne);
            return null;
        }

        var (country, countryReadable) = Target(then, "country");
        if (hasAssert)
        {
            foreach (var key in new[] { "issue", "confidence" })
            {
                if (then.KeyNode(key) is { } misplaced)
                {
                    _yaml.Error(misplaced, DiagnosticCodes.UnknownKey, ErrorMessages.UnknownKey(key, "'then' with 'assert' (give it inside the asserted fact)", ["assert", "country"]));
                }
            }

            return new AssertSyntax(node, _yaml.At(node), country, countryReadable, AssertedFact(then["assert"]!));
        }

        var stanceNode = then["stance"]!;
        var stance = _yaml.Scalar(stanceNode, "'then.stance'") is not null ? Value(stanceNode) : null;
        var confidence = 1.0;
        if (then["confidence"] is { } confidenceNode && _yaml.Number(confidenceNode, "'confidence'") is { } c)
        {
            if (c is < 0 or > 1)
            {
                _yaml.Error(confidenceNode, DiagnosticCodes.OutOfRange, ErrorMessages.OutOfRange("'confidence'", "between 0 and 1"));
            }

            confidence = c;
        }

        var (issue, issueReadable) = Target(then, "issue");
        return new EmitSyntax(node, _yaml.At(node), country, countryReadable, issue, issueReadable, stance, confidence);
    }

    /// <summary>The signal's country or issue as given in 'then': an ISO alpha-3 code or issue id, or a reference.</summary>
    private (OperandSyntax? Value, bool Readable) Target(MappingView then, string name)
    {
        if (then[name] is not { } node)
        {
            return (null, true);
        }

        if (_yaml.Scalar(node, $"'then.{name}'") is not { } text)
        {
            return (null, false);
        }

        if (text.StartsWith('$'))
        {
            return (Reference(node, text), true);
        }

        // A literal is an ISO alpha-3 code or an issue id: never anything that could read as code.
        var valid = name == "country" ? text.Length == 3 && text.All(char.IsAsciiLetter) : FactTypes.IsValidName(text);
        if (!valid)
        {
            _yaml.Error(node, DiagnosticCodes.InvalidValue, ErrorMessages.InvalidValue(text, $"'then.{name}'", name == "country" ? "an ISO 3166-1 alpha-3 code or $VAR.FIELD" : "a kebab-case issue id or $VAR.FIELD"));
            return (null, false);
        }

        return (Literal(node), true);
    }

    /// <summary><c>assert: { claim: { name: ..., issue: $s.issue } }</c>.</summary>
    private AssertedFactSyntax? AssertedFact(YamlNode node)
    {
        if (node is not YamlMappingNode { Children.Count: 1 } single)
        {
            _yaml.Error(node, DiagnosticCodes.WrongNodeKind, ErrorMessages.WrongNodeKind("'assert'", "a mapping with one key, the fact type", YamlText.Describe(node)));
            return null;
        }

        var (typeNode, body) = single.Children.First();
        var typeName = (typeNode as YamlScalarNode)?.Value ?? string.Empty;
        var fields = new List<AssertedFieldSyntax>();
        if (!YamlText.IsNull(body) && _yaml.Mapping(body, $"the asserted '{typeName}'", null) is { } map)
        {
            foreach (var (name, keyNode) in map.KeyNodes)
            {
                if (name == "country")
                {
                    // The engine sets the asserted fact's country from 'then.country' (or the first pattern): one place, not two that could disagree.
                    _yaml.Error(keyNode, DiagnosticCodes.UnknownKey, ErrorMessages.AssertedCountry);
                    continue;
                }

                fields.Add(new AssertedFieldSyntax(name, keyNode, Value(map[name]!)));
            }
        }

        return new AssertedFactSyntax(typeNode, typeName, body, fields);
    }

    /// <summary>A condition's YAML value in flow style, for explanations.</summary>
    private static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value ?? string.Empty,
        YamlSequenceNode sequence => $"[{string.Join(", ", sequence.Children.Select(Describe))}]",
        YamlMappingNode mapping => $"{{ {string.Join(", ", mapping.Children.Select(kv => $"{Describe(kv.Key)}: {Describe(kv.Value)}"))} }}",
        _ => "?",
    };

    // \z, not $: '$' also matches before a final newline, which would let "statement as s\n" through.
    [GeneratedRegex(@"\A([a-z][a-z0-9-]*)(?:[ ]+as[ ]+([a-z][a-z0-9_]*))?\z")]
    private static partial Regex PatternHeader();

    [GeneratedRegex(@"\A\$([a-z][a-z0-9_]*)\.([a-z][a-z0-9_]*)\z")]
    private static partial Regex VariableReference();
}
