using System.Text.RegularExpressions;
using StanceRules.Rules.Syntax;
using StanceRules.Yaml;
using YamlDotNet.RepresentationModel;

namespace StanceRules.Rules.Binding;

/// <summary>
/// Binds a parsed rule: resolves its patterns' fact types and variables (each <c>not</c> and
/// <c>exists</c> sees the variables bound before it; what it binds stays inside), the fields
/// conditions read, which operators apply to which kinds of field, and converts literals to the
/// field's type. Reports the semantic errors, every one of them; type errors, unknown names and
/// unbound variables are found here, never at inference.
/// </summary>
internal sealed partial class RuleBinder
{
    private readonly YamlText _yaml;
    private readonly FactTypes _types;

    public RuleBinder(YamlText yaml, FactTypes types)
    {
        _yaml = yaml;
        _types = types;
    }

    /// <summary>Variables visible at a point in a rule; nested groups get a copy.</summary>
    private sealed class Scope
    {
        public Dictionary<string, BoundPattern> Variables { get; init; } = new(StringComparer.Ordinal);

        public Scope Nested() => new() { Variables = new Dictionary<string, BoundPattern>(Variables, StringComparer.Ordinal) };
    }

    /// <summary>What binding one rule accumulates.</summary>
    private sealed class RuleState
    {
        public List<BoundPattern> Patterns { get; } = [];

        public List<BoundPattern> Positives { get; } = [];

        public int Declarations { get; set; }
    }

    /// <summary>Binds a rule; null when it has errors (all of them are reported, by the parser or here).</summary>
    /// <param name="rule">The parsed rule.</param>
    /// <param name="errorsBefore">How many diagnostics the file had before the rule was parsed.</param>
    /// <param name="claimId">Claims the rule's id for the rule set; false (reported) when another rule has it.</param>
    public BoundRule? Bind(RuleSyntax rule, int errorsBefore, Func<string, SourceLocation, bool> claimId)
    {
        var id = rule.Id;
        if (id is not null && !claimId(id, _yaml.At(rule.IdNode!)))
        {
            id = null;
        }

        var state = new RuleState();
        var when = new List<BoundElement>();
        if (rule.When is { } whenSyntax)
        {
            Elements(whenSyntax.Elements, new Scope(), state, when, topLevel: true);
            // Only when every item was read as a group: a pattern that failed to bind already has its error.
            if (whenSyntax.ItemCount > 0 && state.Positives.Count == 0 && whenSyntax.Elements.Count == whenSyntax.ItemCount && whenSyntax.Elements.All(e => e is GroupSyntax))
            {
                _yaml.Error(whenSyntax.Node, DiagnosticCodes.MissingKey, ErrorMessages.NoPositivePattern);
            }
        }

        var then = rule.Then is { } action ? Action(action, state.Positives) : null;
        if (_yaml.Diagnostics.Count > errorsBefore || id is null || then is null)
        {
            return null;
        }

        return new BoundRule(id, rule.Description, rule.Priority, rule.Tags, rule.Location, when, state.Patterns, state.Positives, then);
    }

    private void Elements(IReadOnlyList<ElementSyntax> elements, Scope scope, RuleState state, List<BoundElement> bound, bool topLevel)
    {
        foreach (var element in elements)
        {
            switch (element)
            {
                case PatternSyntax pattern:
                    if (Pattern(pattern, scope, state) is { } p)
                    {
                        bound.Add(p);
                        if (topLevel)
                        {
                            state.Positives.Add(p);
                        }
                    }

                    break;
                case GroupSyntax group:
                    var inner = new List<BoundElement>();
                    Elements(group.Elements, scope.Nested(), state, inner, topLevel: false);
                    bound.Add(new BoundGroup(group.Role, group.IsList, inner));
                    break;
            }
        }
    }

    private BoundPattern? Pattern(PatternSyntax syntax, Scope scope, RuleState state)
    {
        if (!_types.TryGet(syntax.TypeName, out var type))
        {
            _yaml.Error(syntax.KeyNode, DiagnosticCodes.UnknownPatternType, ErrorMessages.UnknownFactType(syntax.TypeName, _types.Names));
            return null;
        }

        state.Declarations++;
        var name = syntax.Variable ?? $"_{state.Declarations}";
        if (scope.Variables.ContainsKey(name))
        {
            _yaml.Error(syntax.KeyNode, DiagnosticCodes.DuplicateVariable, ErrorMessages.DuplicateVariable(name));
            return null;
        }

        var tests = new List<BoundFieldTest>();
        foreach (var fieldSyntax in syntax.Fields)
        {
            if (!type.Fields.TryGetValue(fieldSyntax.Field, out var field))
            {
                _yaml.Error(fieldSyntax.KeyNode, DiagnosticCodes.UnknownField, ErrorMessages.UnknownField(fieldSyntax.Field, type.Name, type.FieldNames));
                continue;
            }

            if (fieldSyntax.IsEmpty)
            {
                var node = fieldSyntax.ValueNode;
                _yaml.Error(node is YamlScalarNode ? fieldSyntax.KeyNode : node, DiagnosticCodes.EmptyCondition, ErrorMessages.EmptyCondition(fieldSyntax.Field, YamlText.Describe(node) is var d && d == "an empty value" ? "~" : node is YamlMappingNode ? "{}" : "[]"));
                continue;
            }

            var conditions = new List<BoundCondition>();
            foreach (var condition in fieldSyntax.Conditions)
            {
                if (Condition(field, condition, scope) is { } bound)
                {
                    conditions.Add(bound);
                }
            }

            if (conditions.Count > 0)
            {
                tests.Add(new BoundFieldTest(field, fieldSyntax.Text, fieldSyntax.Location, conditions));
            }
        }

        // Its own variable is visible to the elements after it, not to its own conditions.
        var pattern = new BoundPattern(syntax.Role, type, name, syntax.Location, tests);
        state.Patterns.Add(pattern);
        scope.Variables[name] = pattern;
        return pattern;
    }

    private BoundAction? Action(ActionSyntax syntax, List<BoundPattern> positives)
    {
        // The action sees the top-level patterns only.
        var scope = new Scope { Variables = positives.ToDictionary(p => p.Variable, StringComparer.Ordinal) };
        var country = Target(syntax.Country, syntax.CountryReadable, "country", syntax.Node, scope, positives);
        if (syntax is AssertSyntax assert)
        {
            var fact = assert.Fact is { } factSyntax ? AssertedFact(factSyntax, scope) : null;
            return fact is not null && country is not null ? new BoundAssert(country, fact.Value.Type, fact.Value.Fields) : null;
        }

        var emit = (EmitSyntax)syntax;
        var stance = emit.Stance is { } stanceSyntax ? Stance(stanceSyntax, scope) : null;
        var issue = Target(emit.Issue, emit.IssueReadable, "issue", syntax.Node, scope, positives);
        return stance is not null && country is not null && issue is not null ? new BoundEmit(country, issue, stance, emit.Confidence) : null;
    }

    /// <summary>The signal's country or issue: as given in 'then', or the first pattern's field of that name.</summary>
    private BoundOperand? Target(OperandSyntax? given, bool readable, string name, YamlNode then, Scope scope, List<BoundPattern> positives)
    {
        if (!readable)
        {
            return null;
        }

        switch (given)
        {
            case LiteralSyntax literal:
                return new ConstantOperand(name == "country" ? literal.Text!.ToUpperInvariant() : literal.Text, typeof(string));
            case ReferenceSyntax reference:
                if (Resolve(reference, scope) is not { } resolved)
                {
                    return null;
                }

                if (resolved.Field.Kind != FieldKind.Text)
                {
                    _yaml.Error(reference.Node, DiagnosticCodes.TypeMismatch, ErrorMessages.TypeMismatch($"'{reference.Text}'", "text", $"a {resolved.Field.KindName}"));
                    return null;
                }

                return resolved;
        }

        foreach (var pattern in positives)
        {
            if (pattern.Type.Fields.TryGetValue(name, out var field) && field.Kind == FieldKind.Text)
            {
                return new FieldOperand(pattern, field);
            }
        }

        if (positives.Count > 0)
        {
            _yaml.Error(then, DiagnosticCodes.UnboundSignalTarget, ErrorMessages.UnboundSignalTarget(name));
        }

        return null;
    }

    private BoundOperand? Stance(OperandSyntax syntax, Scope scope)
    {
        if (syntax is ReferenceSyntax reference)
        {
            if (Resolve(reference, scope) is not { } resolved)
            {
                return null;
            }

            if (resolved.Field.EnumType != typeof(Stance))
            {
                _yaml.Error(reference.Node, DiagnosticCodes.TypeMismatch, ErrorMessages.TypeMismatch($"'{reference.Text}'", "a stance", $"a {resolved.Field.KindName}"));
                return null;
            }

            return resolved;
        }

        var text = ((LiteralSyntax)syntax).Text!;
        if (!StanceNames.TryParse(text, out var stance))
        {
            _yaml.Error(syntax.Node, DiagnosticCodes.UnknownStance, ErrorMessages.UnknownStance(text));
            return null;
        }

        return new ConstantOperand(stance, typeof(Stance?));
    }

    /// <summary>The type and fields of an asserted fact; null when it has errors.</summary>
    private (FactType Type, IReadOnlyList<(FactField, BoundOperand)> Fields)? AssertedFact(AssertedFactSyntax syntax, Scope scope)
    {
        if (!_types.TryGet(syntax.TypeName, out var type))
        {
            _yaml.Error(syntax.TypeNode, DiagnosticCodes.UnknownPatternType, ErrorMessages.UnknownFactType(syntax.TypeName, _types.Names));
            return null;
        }

        if (!type.IsFact || type.IsDeclared)
        {
            // A YAML-declared type has no CLR properties to bind: documents give its facts, rules match them.
            _yaml.Error(syntax.TypeNode, DiagnosticCodes.NotAssertable, ErrorMessages.NotAssertable(syntax.TypeName));
            return null;
        }

        var fields = new List<(FactField, BoundOperand)>();
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fieldSyntax in syntax.Fields)
        {
            if (!type.Fields.TryGetValue(fieldSyntax.Name, out var field) || !field.IsSettable)
            {
                _yaml.Error(fieldSyntax.KeyNode, DiagnosticCodes.UnknownField, ErrorMessages.UnknownField(fieldSyntax.Name, syntax.TypeName, type.Fields.Values.Where(f => f.IsSettable).Select(f => f.Name).Append("country").Order(StringComparer.Ordinal)));
                continue;
            }

            given.Add(fieldSyntax.Name);
            if (fieldSyntax.Value is { } value && Operand(field, value, scope, $"'{fieldSyntax.Name}'") is { } operand)
            {
                fields.Add((field, operand));
            }
        }

        foreach (var required in type.Fields.Values.Where(f => f.IsRequired && f.Name != "actor" && !given.Contains(f.Name)))
        {
            _yaml.Error(syntax.Body, DiagnosticCodes.MissingKey, ErrorMessages.MissingKey(required.Name, $"the asserted '{syntax.TypeName}'"));
        }

        return (type, fields);
    }
}
