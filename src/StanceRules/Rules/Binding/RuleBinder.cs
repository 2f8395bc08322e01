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
internal sealed class RuleBinder
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

    private BoundCondition? Condition(FactField field, ConditionSyntax condition, Scope scope)
    {
        var operandNode = condition.Operand.Node;
        var op = condition.Spelling;
        BoundOperand? operand;
        switch (condition.Operator)
        {
            case RuleOperator.In or RuleOperator.NotIn:
                operand = Membership(field, (ListSyntax)condition.Operand);
                break;
            case RuleOperator.Present:
                if (_yaml.Boolean(operandNode, "the operand of 'present'") is not { } present)
                {
                    return null;
                }

                if (!field.IsNullable)
                {
                    _yaml.Error(operandNode, DiagnosticCodes.TypeMismatch, ErrorMessages.OperatorNotForKind("present", $"non-nullable {field.KindName}"));
                    return null;
                }

                operand = new ConstantOperand(present, typeof(bool));
                break;
            case RuleOperator.Matches:
                operand = CompileRegex(field, operandNode, op);
                break;
            default:
                if (!Applies(field.Kind, condition.Operator))
                {
                    _yaml.Error(operandNode, DiagnosticCodes.TypeMismatch, ErrorMessages.OperatorNotForKind(op, field.KindName));
                    return null;
                }

                operand = Operand(field, condition.Operand, scope, $"'{field.Name}'");
                break;
        }

        return operand is null ? null : new BoundCondition(field, condition.Operator, operand, condition.Operand.Location);
    }

    /// <summary>Which comparisons a kind of field has (<c>in</c>, <c>matches</c> and <c>present</c> are checked on their own).</summary>
    private static bool Applies(FieldKind kind, RuleOperator op) => kind switch
    {
        FieldKind.Text => op is RuleOperator.Equal or RuleOperator.NotEqual or RuleOperator.Contains or RuleOperator.StartsWith or RuleOperator.EndsWith,
        FieldKind.Boolean or FieldKind.Enum => op is RuleOperator.Equal or RuleOperator.NotEqual,
        _ => op is RuleOperator.Equal or RuleOperator.NotEqual or RuleOperator.GreaterThan or RuleOperator.GreaterOrEqual or RuleOperator.LessThan or RuleOperator.LessOrEqual,
    };

    private RegexOperand? CompileRegex(FactField field, YamlNode operand, string op)
    {
        if (field.Kind != FieldKind.Text)
        {
            _yaml.Error(operand, DiagnosticCodes.TypeMismatch, ErrorMessages.OperatorNotForKind(op, field.KindName));
            return null;
        }

        if (_yaml.Scalar(operand, "the operand of 'matches'") is not { } pattern)
        {
            return null;
        }

        try
        {
            // Non-backtracking: a rule's pattern cannot make matching take exponential time.
            return new RegexOperand(new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or InvalidOperationException)
        {
            // Constructs the non-backtracking engine does not support (lookarounds,
            // backreferences, atomic groups, conditionals) and automata over its size
            // cap throw NotSupportedException here, at load time, never at inference.
            _yaml.Error(operand, DiagnosticCodes.InvalidRegex, ErrorMessages.InvalidRegex(e.Message));
            return null;
        }
    }

    private SetOperand Membership(FactField field, ListSyntax list)
    {
        var values = new List<ConstantOperand>();
        if (field.Kind == FieldKind.Text)
        {
            var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var item in list.Items)
            {
                if (_yaml.Scalar(item.Node, $"an item of the '{field.Name}' list") is { } text)
                {
                    if (text.StartsWith('$'))
                    {
                        _yaml.Error(item.Node, DiagnosticCodes.TypeMismatch, ErrorMessages.TypeMismatch("a variable in a list", "a literal value", "not allowed"));
                        continue;
                    }

                    if (set.Add(text))
                    {
                        values.Add(new ConstantOperand(text, typeof(string)));
                    }
                }
            }

            return new SetOperand(values, set);
        }

        foreach (var item in list.Items)
        {
            if (Literal(field, item.Node, $"an item of the '{field.Name}' list") is { } constant)
            {
                values.Add(constant);
            }
        }

        return new SetOperand(values, null);
    }

    /// <summary>The right-hand side of a comparison or an asserted field: a literal of the field's type, or <c>$var.field</c> of the same kind.</summary>
    private BoundOperand? Operand(FactField field, OperandSyntax syntax, Scope scope, string what)
    {
        if (syntax is ReferenceSyntax reference)
        {
            if (Resolve(reference, scope) is not { } resolved)
            {
                return null;
            }

            var other = resolved.Field;
            if (other.Kind != field.Kind || (field.Kind == FieldKind.Enum && other.EnumType != field.EnumType))
            {
                _yaml.Error(reference.Node, DiagnosticCodes.TypeMismatch, ErrorMessages.TypeMismatch($"'{reference.Text}'", $"a {field.KindName} (for {what})", $"a {other.KindName}"));
                return null;
            }

            return resolved;
        }

        return Literal(field, syntax.Node, what);
    }

    private ConstantOperand? Literal(FactField field, YamlNode node, string what)
    {
        if (field.IsNullable && field.Kind == FieldKind.Enum && node is YamlScalarNode { Value: "none" })
        {
            return new ConstantOperand(null, field.Type);
        }

        if (field.Kind == FieldKind.Enum && field.EnumType == typeof(Stance) && node is YamlScalarNode { Value: { } stanceText } && !StanceNames.TryParse(stanceText, out _))
        {
            _yaml.Error(node, DiagnosticCodes.UnknownStance, ErrorMessages.UnknownStance(stanceText));
            return null;
        }

        if (field.Kind == FieldKind.Number)
        {
            // Rules compare numbers as double, so '1000.5' is a fine bound for an int field.
            return _yaml.Number(node, what) is { } number ? new ConstantOperand(number, typeof(double)) : null;
        }

        var value = FactDocumentReader.ReadValue(_yaml, node, field, what);
        return value is null ? null : new ConstantOperand(value, field.Type);
    }

    /// <summary>Resolves <c>$name.field</c> against the variables in scope.</summary>
    private FieldOperand? Resolve(ReferenceSyntax reference, Scope scope)
    {
        if (!reference.IsWellFormed)
        {
            _yaml.Error(reference.Node, DiagnosticCodes.UndefinedVariable, $"'{reference.Text}' is not a variable reference; write $NAME.FIELD (for example $s.country)");
            return null;
        }

        if (!scope.Variables.TryGetValue(reference.Variable, out var pattern))
        {
            _yaml.Error(reference.Node, DiagnosticCodes.UndefinedVariable, ErrorMessages.UndefinedVariable(reference.Variable, scope.Variables.Keys.Where(k => !k.StartsWith('_'))));
            return null;
        }

        if (!pattern.Type.Fields.TryGetValue(reference.Field, out var field))
        {
            _yaml.Error(reference.Node, DiagnosticCodes.UnknownField, ErrorMessages.UnknownField(reference.Field, pattern.Type.Name, pattern.Type.FieldNames));
            return null;
        }

        return new FieldOperand(pattern, field);
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
