using System.Text.RegularExpressions;
using StanceRules.Rules.Syntax;
using StanceRules.Yaml;
using YamlDotNet.RepresentationModel;

namespace StanceRules.Rules.Binding;

/// <summary>The binder's conditions and operands: which operator applies to which kind of field, literals, lists, regexes and <c>$var.field</c> references.</summary>
internal sealed partial class RuleBinder
{
    private BoundCondition? Condition(FactField field, ConditionSyntax condition, Scope scope)
    {
        var operandNode = condition.Operand.Node;
        var op = condition.Spelling;
        BoundOperand? operand;
        switch (condition.Operator)
        {
            case RuleOperator.In or RuleOperator.NotIn:
                operand = SetOf(field, (ListSyntax)condition.Operand);
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

    private SetOperand SetOf(FactField field, ListSyntax list)
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
}
