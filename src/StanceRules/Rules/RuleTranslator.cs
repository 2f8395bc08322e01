using System.Linq.Expressions;
using System.Reflection;
using System.Text.RegularExpressions;
using NRules.RuleModel;
using NRules.RuleModel.Builders;
using StanceRules.Yaml;
using YamlDotNet.RepresentationModel;

namespace StanceRules.Rules;

/// <summary>A rule read from YAML and translated into NRules' rule model.</summary>
internal sealed record CompiledRule(string Id, string? Description, int Priority, SourceLocation Location, IRuleDefinition Definition, IReadOnlyList<PatternInfo> Patterns);

/// <summary>How a pattern takes part in its rule.</summary>
internal enum PatternRole
{
    /// <summary>Must match; binds its variable.</summary>
    Match,

    /// <summary>Inside <c>not</c>: must not match.</summary>
    Not,

    /// <summary>Inside <c>exists</c>: must match at least once.</summary>
    Exists,
}

/// <summary>A pattern of a compiled rule, kept for explanations: its type, variable and conditions.</summary>
internal sealed record PatternInfo(string TypeName, Type ClrType, string Variable, PatternRole Role, SourceLocation Location, IReadOnlyList<ConditionInfo> Conditions);

/// <summary>
/// One field condition as written (<c>family: abstains</c>) and as compiled: a lambda whose first
/// parameter is the pattern's own fact and whose others are the variables it joins on, by name.
/// </summary>
internal sealed record ConditionInfo(string Field, string Text, SourceLocation Location, LambdaExpression Lambda);

/// <summary>
/// Translates one YAML rule into an NRules <see cref="IRuleDefinition"/>: each field condition
/// becomes a lambda whose parameters are named after the pattern declarations they read (that
/// is how NRules binds them), and the action becomes a call to <see cref="RuleActions"/>.
/// Type errors, unknown names and unbound variables are reported here, never at inference.
/// </summary>
internal sealed partial class RuleTranslator
{
    private static readonly string[] RuleKeys = ["id", "description", "priority", "tags", "when", "then"];
    private static readonly string[] ThenKeys = ["stance", "confidence", "country", "issue", "assert"];
    private static readonly string[] Operators = ["eq", "ne", "in", "not_in", "gt", "ge", "lt", "le", "contains", "starts_with", "ends_with", "matches", "present"];

    private static readonly MethodInfo StringEquals = typeof(string).GetMethod(nameof(string.Equals), [typeof(string), typeof(string), typeof(StringComparison)])!;
    private static readonly MethodInfo StringContains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string), typeof(StringComparison)])!;
    private static readonly MethodInfo StringStartsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string), typeof(StringComparison)])!;
    private static readonly MethodInfo StringEndsWith = typeof(string).GetMethod(nameof(string.EndsWith), [typeof(string), typeof(StringComparison)])!;
    private static readonly MethodInfo SetContains = typeof(HashSet<string>).GetMethod(nameof(HashSet<string>.Contains))!;
    private static readonly MethodInfo RegexIsMatch = typeof(Regex).GetMethod(nameof(Regex.IsMatch), [typeof(string)])!;
    private static readonly MethodInfo DeclaredIsOfType = typeof(DeclaredFact).GetMethod(nameof(DeclaredFact.IsOfType))!;
    private static readonly MethodInfo EmitMethod = typeof(RuleActions).GetMethod(nameof(RuleActions.Emit))!;
    private static readonly MethodInfo AssertMethod = typeof(RuleActions).GetMethod(nameof(RuleActions.Assert))!;
    private static readonly Expression IgnoreCase = Expression.Constant(StringComparison.OrdinalIgnoreCase);

    private readonly YamlText _yaml;
    private readonly FactTypes _types;
    private readonly List<PatternInfo> _patterns = [];
    private int _errors;

    public RuleTranslator(YamlText yaml, FactTypes types)
    {
        _yaml = yaml;
        _types = types;
    }

    private sealed record Binding(string Name, FactType Type, ParameterExpression Parameter);

    /// <summary>Variables visible at a point in a rule; nested groups get a copy.</summary>
    private sealed class Scope
    {
        public Dictionary<string, Binding> Variables { get; init; } = new(StringComparer.Ordinal);

        public Scope Nested() => new() { Variables = new Dictionary<string, Binding>(Variables, StringComparer.Ordinal) };
    }

    /// <summary>Translates a rule; null when it has errors (all of them are reported).</summary>
    public CompiledRule? Translate(YamlNode node, string? id, Func<string, SourceLocation, bool> claimId)
    {
        _errors = _yaml.Diagnostics.Count;
        _patterns.Clear();
        var map = _yaml.Mapping(node, id is null ? "a rule" : $"rule '{id}'", RuleKeys);
        if (map is null)
        {
            return null;
        }

        var location = _yaml.At(node);
        if (id is null)
        {
            map.Required("id");
        }
        else if (!FactTypes.IsValidName(id))
        {
            _yaml.Error(map["id"]!, DiagnosticCodes.InvalidValue, ErrorMessages.InvalidRuleId(id));
        }
        else if (!claimId(id, _yaml.At(map["id"]!)))
        {
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

        var builder = new RuleBuilder();
        builder.Name(id ?? "?");
        builder.Description(description ?? string.Empty);
        builder.Priority(priority);
        builder.Tags(tags);

        var scope = new Scope();
        var positives = new List<Binding>();
        var declarationCount = 0;
        if (map.Required("when") is { } whenNode && _yaml.Sequence(whenNode, "'when'") is { } when)
        {
            if (when.Children.Count == 0)
            {
                _yaml.Error(whenNode, DiagnosticCodes.MissingKey, ErrorMessages.EmptyWhen);
            }

            AddElements(when, builder.LeftHandSide(), scope, positives, ref declarationCount, topLevel: true);
            if (when.Children.Count > 0 && positives.Count == 0 && _yaml.Diagnostics.Count == _errors)
            {
                _yaml.Error(whenNode, DiagnosticCodes.MissingKey, ErrorMessages.NoPositivePattern);
            }
        }

        var info = new RuleInfo(id ?? "?", priority, location);
        if (map.Required("then") is { } thenNode)
        {
            AddAction(thenNode, builder.RightHandSide(), info, scope, positives);
        }

        if (_yaml.Diagnostics.Count > _errors || id is null)
        {
            return null;
        }

        try
        {
            return new CompiledRule(id, description, priority, location, builder.Build(), _patterns.ToArray());
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            _yaml.Error(node, DiagnosticCodes.EngineRejectedRule, ErrorMessages.EngineRejectedRule(id, e.Message));
            return null;
        }
    }

    private void AddElements(YamlSequenceNode elements, GroupBuilder group, Scope scope, List<Binding> positives, ref int declarations, bool topLevel, PatternRole role = PatternRole.Match)
    {
        foreach (var element in elements.Children)
        {
            if (element is not YamlMappingNode { Children.Count: 1 } single)
            {
                _yaml.Error(element, DiagnosticCodes.WrongNodeKind, ErrorMessages.WrongNodeKind("a 'when' item", "a mapping with one key (a pattern, 'not' or 'exists')", YamlText.Describe(element)));
                continue;
            }

            var (keyNode, body) = single.Children.First();
            var header = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            switch (header)
            {
                case "not":
                    AddNested(body, group.Not(), scope, ref declarations);
                    break;
                case "exists":
                    AddNested(body, group.Exists(), scope, ref declarations);
                    break;
                default:
                    if (AddPattern(keyNode, header, body, p => group.Pattern(p), scope, ref declarations, role) is { } binding && topLevel)
                    {
                        positives.Add(binding);
                    }

                    break;
            }
        }
    }

    /// <summary>The body of <c>not</c> or <c>exists</c>: one pattern, or a list of elements (AND).</summary>
    private void AddNested(YamlNode body, object builder, Scope outer, ref int declarations)
    {
        var scope = outer.Nested();
        var ignored = new List<Binding>();
        if (body is YamlSequenceNode list)
        {
            var and = builder is NotBuilder not ? not.Group(GroupType.And) : ((ExistsBuilder)builder).Group(GroupType.And);
            AddElements(list, and, scope, ignored, ref declarations, topLevel: false, builder is NotBuilder ? PatternRole.Not : PatternRole.Exists);
            return;
        }

        if (body is not YamlMappingNode { Children.Count: 1 } single)
        {
            _yaml.Error(body, DiagnosticCodes.WrongNodeKind, ErrorMessages.WrongNodeKind("the body of 'not' or 'exists'", "one pattern or a list of them", YamlText.Describe(body)));
            return;
        }

        var (keyNode, patternBody) = single.Children.First();
        var header = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
        if (header is "not" or "exists")
        {
            // not: { exists: ... } is written as a list so the nesting is explicit.
            _yaml.Error(keyNode, DiagnosticCodes.WrongNodeKind, ErrorMessages.WrongNodeKind($"'{header}' directly inside another group", "inside a list", "a single key"));
            return;
        }

        AddPattern(keyNode, header, patternBody, p =>
        {
            if (builder is NotBuilder not)
            {
                not.Pattern(p);
            }
            else
            {
                ((ExistsBuilder)builder).Pattern(p);
            }
        }, scope, ref declarations, builder is NotBuilder ? PatternRole.Not : PatternRole.Exists);
    }

    private Binding? AddPattern(YamlNode keyNode, string header, YamlNode body, Action<PatternBuilder> attach, Scope scope, ref int declarations, PatternRole role)
    {
        var match = PatternHeader().Match(header);
        if (!match.Success)
        {
            _yaml.Error(keyNode, DiagnosticCodes.UnknownPatternType, ErrorMessages.PatternHeader(header));
            return null;
        }

        var typeName = match.Groups[1].Value;
        if (!_types.TryGet(typeName, out var type))
        {
            _yaml.Error(keyNode, DiagnosticCodes.UnknownPatternType, ErrorMessages.UnknownFactType(typeName, _types.Names));
            return null;
        }

        declarations++;
        var name = match.Groups[2].Success ? match.Groups[2].Value : $"_{declarations}";
        if (scope.Variables.ContainsKey(name))
        {
            _yaml.Error(keyNode, DiagnosticCodes.DuplicateVariable, ErrorMessages.DuplicateVariable(name));
            return null;
        }

        var binding = new Binding(name, type, Expression.Parameter(type.ClrType, name));
        var pattern = new PatternBuilder(type.ClrType, name);
        if (type.IsDeclared)
        {
            // Every declared type is a DeclaredFact: the pattern matches those of its own name.
            pattern.Condition(TrimSafeExpressions.Lambda(Expression.Call(DeclaredIsOfType, binding.Parameter, Expression.Constant(type.Name)), [binding.Parameter]));
        }
        var infos = new List<ConditionInfo>();
        if (!YamlText.IsNull(body) && _yaml.Mapping(body, $"the '{header}' pattern", null) is { } conditions)
        {
            foreach (var (field, fieldKeyNode) in conditions.KeyNodes)
            {
                if (!type.Fields.TryGetValue(field, out var fieldInfo))
                {
                    _yaml.Error(fieldKeyNode, DiagnosticCodes.UnknownField, ErrorMessages.UnknownField(field, type.Name, type.FieldNames));
                    continue;
                }

                var conditionNode = conditions[field]!;
                if (YamlText.IsNull(conditionNode) || conditionNode is YamlMappingNode { Children.Count: 0 } or YamlSequenceNode { Children.Count: 0 })
                {
                    // {} would match everything, [] nothing, ~ is ambiguous: none of them says what the author meant.
                    _yaml.Error(conditionNode is YamlScalarNode ? fieldKeyNode : conditionNode, DiagnosticCodes.EmptyCondition, ErrorMessages.EmptyCondition(field, YamlText.Describe(conditionNode) is var d && d == "an empty value" ? "~" : conditionNode is YamlMappingNode ? "{}" : "[]"));
                    continue;
                }

                var used = new HashSet<ParameterExpression> { binding.Parameter };
                var self = fieldInfo.Read(binding.Parameter);
                if (Condition(fieldInfo, self, conditions[field]!, scope, used) is { } condition)
                {
                    // The pattern's own fact first, then the joined variables.
                    var lambda = TrimSafeExpressions.Lambda(condition, used);
                    pattern.Condition(lambda);
                    infos.Add(new ConditionInfo(field, $"{field}: {Describe(conditions[field]!)}", _yaml.At(fieldKeyNode), lambda));
                }
            }
        }

        attach(pattern);
        _patterns.Add(new PatternInfo(typeName, type.ClrType, name, role, _yaml.At(keyNode), infos));
        scope.Variables[name] = binding;
        return binding;
    }

    /// <summary>A field's condition: a value (equality), a list (membership), or a mapping of operators (all must hold).</summary>
    private Expression? Condition(FactField field, Expression self, YamlNode node, Scope scope, HashSet<ParameterExpression> used)
    {
        switch (node)
        {
            case YamlSequenceNode:
                return Compare(field, self, "in", node, scope, used);
            case YamlMappingNode mapping:
                Expression? all = null;
                foreach (var (opNode, operand) in mapping.Children)
                {
                    var op = NormalizeOperator((opNode as YamlScalarNode)?.Value ?? string.Empty);
                    if (!Operators.Contains(op))
                    {
                        _yaml.Error(opNode, DiagnosticCodes.UnknownOperator, ErrorMessages.UnknownOperator(op, Operators));
                        continue;
                    }

                    if (Compare(field, self, op, operand, scope, used) is { } test)
                    {
                        all = all is null ? test : Expression.AndAlso(all, test);
                    }
                }

                return all;
            default:
                return Compare(field, self, "eq", node, scope, used);
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

    private Expression? Compare(FactField field, Expression self, string op, YamlNode operand, Scope scope, HashSet<ParameterExpression> used)
    {
        var what = $"'{field.Name}'";
        switch (op)
        {
            case "in" or "not_in":
                if (_yaml.Sequence(operand, $"the operand of '{op}'") is not { } list)
                {
                    return null;
                }

                var test = Membership(field, self, list);
                return test is null ? null : op == "in" ? test : Expression.Not(test);
            case "present":
                if (_yaml.Boolean(operand, "the operand of 'present'") is not { } present)
                {
                    return null;
                }

                if (!field.IsNullable)
                {
                    _yaml.Error(operand, DiagnosticCodes.TypeMismatch, ErrorMessages.OperatorNotForKind("present", $"non-nullable {field.KindName}"));
                    return null;
                }

                var isNull = Expression.Equal(self, Expression.Constant(null, field.Type));
                return present ? Expression.Not(isNull) : isNull;
            case "matches":
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
                    var regex = new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
                    return NotNullAnd(self, Expression.Call(Expression.Constant(regex), RegexIsMatch, self));
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

        var applies = field.Kind switch
        {
            FieldKind.Text => op is "eq" or "ne" or "contains" or "starts_with" or "ends_with",
            FieldKind.Boolean or FieldKind.Enum => op is "eq" or "ne",
            _ => op is "eq" or "ne" or "gt" or "ge" or "lt" or "le",
        };
        if (!applies)
        {
            _yaml.Error(operand, DiagnosticCodes.TypeMismatch, ErrorMessages.OperatorNotForKind(op, field.KindName));
            return null;
        }

        var other = Operand(field, operand, scope, used, what);
        if (other is null)
        {
            return null;
        }

        switch (field.Kind, op)
        {
            case (FieldKind.Text, "eq"):
                return Expression.Call(StringEquals, self, other, IgnoreCase);
            case (FieldKind.Text, "ne"):
                return Expression.Not(Expression.Call(StringEquals, self, other, IgnoreCase));
            case (FieldKind.Text, "contains" or "starts_with" or "ends_with"):
                var method = op switch { "contains" => StringContains, "starts_with" => StringStartsWith, _ => StringEndsWith };
                var call = Expression.Call(self, method, other, IgnoreCase);
                return other is ConstantExpression ? NotNullAnd(self, call) : NotNullAnd(self, NotNullAnd(other, call));
            case (FieldKind.Boolean or FieldKind.Enum, "eq"):
                return Expression.Equal(self, other);
            case (FieldKind.Boolean or FieldKind.Enum, "ne"):
                return Expression.NotEqual(self, other);
            case (FieldKind.Number or FieldKind.Date, _) when op is "eq" or "ne" or "gt" or "ge" or "lt" or "le":
                var (left, right) = Unify(self, other);
                return op switch
                {
                    "eq" => Expression.Equal(left, right),
                    "ne" => Expression.NotEqual(left, right),
                    "gt" => Expression.GreaterThan(left, right),
                    "ge" => Expression.GreaterThanOrEqual(left, right),
                    "lt" => Expression.LessThan(left, right),
                    _ => Expression.LessThanOrEqual(left, right),
                };
            default:
                _yaml.Error(operand, DiagnosticCodes.TypeMismatch, ErrorMessages.OperatorNotForKind(op, field.KindName));
                return null;
        }
    }

    private static BinaryExpression NotNullAnd(Expression value, Expression test) =>
        Expression.AndAlso(Expression.NotEqual(value, Expression.Constant(null, value.Type)), test);

    /// <summary>Numbers compare as double; nullable if either side is (no coercion is left to run time).</summary>
    private static (Expression Left, Expression Right) Unify(Expression left, Expression right)
    {
        if (left.Type == right.Type)
        {
            return (left, right);
        }

        var nullable = Nullable.GetUnderlyingType(left.Type) is not null || Nullable.GetUnderlyingType(right.Type) is not null;
        var baseType = (Nullable.GetUnderlyingType(left.Type) ?? left.Type) == typeof(DateOnly) ? typeof(DateOnly) : typeof(double);
        var target = nullable ? (baseType == typeof(DateOnly) ? typeof(DateOnly?) : typeof(double?)) : baseType;
        return (left.Type == target ? left : Expression.Convert(left, target), right.Type == target ? right : Expression.Convert(right, target));
    }

    private Expression? Membership(FactField field, Expression self, YamlSequenceNode list)
    {
        if (field.Kind == FieldKind.Text)
        {
            var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var item in list.Children)
            {
                if (_yaml.Scalar(item, $"an item of the '{field.Name}' list") is { } text)
                {
                    if (text.StartsWith('$'))
                    {
                        _yaml.Error(item, DiagnosticCodes.TypeMismatch, ErrorMessages.TypeMismatch("a variable in a list", "a literal value", "not allowed"));
                        continue;
                    }

                    set.Add(text);
                }
            }

            return NotNullAnd(self, Expression.Call(Expression.Constant(set), SetContains, self));
        }

        Expression? any = null;
        foreach (var item in list.Children)
        {
            if (Literal(field, item, $"an item of the '{field.Name}' list") is { } constant)
            {
                var (left, right) = Unify(self, constant);
                var equal = Expression.Equal(left, right);
                any = any is null ? equal : Expression.OrElse(any, equal);
            }
        }

        return any ?? Expression.Constant(false);
    }

    /// <summary>The right-hand side of a comparison: a literal of the field's type, or <c>$var.field</c>.</summary>
    private Expression? Operand(FactField field, YamlNode node, Scope scope, HashSet<ParameterExpression> used, string what)
    {
        if (node is YamlScalarNode { Value: { } text } && text.StartsWith('$'))
        {
            var reference = Variable(node, text, scope, used);
            if (reference is null)
            {
                return null;
            }

            var (expression, otherField) = reference.Value;
            if (otherField.Kind != field.Kind || (field.Kind == FieldKind.Enum && otherField.EnumType != field.EnumType))
            {
                _yaml.Error(node, DiagnosticCodes.TypeMismatch, ErrorMessages.TypeMismatch($"'{text}'", $"a {field.KindName} (for {what})", $"a {otherField.KindName}"));
                return null;
            }

            return field.Kind == FieldKind.Enum && expression.Type != field.Type ? Expression.Convert(expression, field.Type) : expression;
        }

        return Literal(field, node, what);
    }

    private ConstantExpression? Literal(FactField field, YamlNode node, string what)
    {
        if (field.IsNullable && field.Kind == FieldKind.Enum && node is YamlScalarNode { Value: "none" })
        {
            return Expression.Constant(null, field.Type);
        }

        if (field.Kind == FieldKind.Enum && field.EnumType == typeof(Stance) && node is YamlScalarNode { Value: { } stanceText } && !StanceNames.TryParse(stanceText, out _))
        {
            _yaml.Error(node, DiagnosticCodes.UnknownStance, ErrorMessages.UnknownStance(stanceText));
            return null;
        }

        if (field.Kind == FieldKind.Number)
        {
            // Rules compare numbers as double, so '1000.5' is a fine bound for an int field.
            return _yaml.Number(node, what) is { } number ? Expression.Constant(number) : null;
        }

        var value = FactDocumentReader.ReadValue(_yaml, node, field, what);
        return value is null ? null : Expression.Constant(value, field.Type);
    }

    /// <summary>Resolves <c>$name.field</c> against the variables in scope.</summary>
    private (Expression Expression, FactField Field)? Variable(YamlNode node, string text, Scope scope, HashSet<ParameterExpression>? used)
    {
        var match = VariableReference().Match(text);
        if (!match.Success)
        {
            _yaml.Error(node, DiagnosticCodes.UndefinedVariable, $"'{text}' is not a variable reference; write $NAME.FIELD (for example $s.country)");
            return null;
        }

        var name = match.Groups[1].Value;
        if (!scope.Variables.TryGetValue(name, out var binding))
        {
            _yaml.Error(node, DiagnosticCodes.UndefinedVariable, ErrorMessages.UndefinedVariable(name, scope.Variables.Keys.Where(k => !k.StartsWith('_'))));
            return null;
        }

        var fieldName = match.Groups[2].Value;
        if (!binding.Type.Fields.TryGetValue(fieldName, out var field))
        {
            _yaml.Error(node, DiagnosticCodes.UnknownField, ErrorMessages.UnknownField(fieldName, binding.Type.Name, binding.Type.FieldNames));
            return null;
        }

        used?.Add(binding.Parameter);
        return (field.Read(binding.Parameter), field);
    }

    private void AddAction(YamlNode node, ActionGroupBuilder actions, RuleInfo rule, Scope scope, List<Binding> positives)
    {
        var then = _yaml.Mapping(node, "'then'", ThenKeys);
        if (then is null)
        {
            return;
        }

        var context = Expression.Parameter(typeof(IContext), "ctx");
        var parameters = new List<ParameterExpression> { context };
        parameters.AddRange(positives.Select(p => p.Parameter));
        var matched = TrimSafeExpressions.ObjectArray(positives.Select(p => (Expression)p.Parameter));
        var topScope = new Scope { Variables = positives.ToDictionary(p => p.Name, StringComparer.Ordinal) };

        var hasStance = then["stance"] is not null;
        var hasAssert = then["assert"] is not null;
        if (hasStance == hasAssert)
        {
            _yaml.Error(node, DiagnosticCodes.MissingKey, ErrorMessages.ThenNeedsOne);
            return;
        }

        var country = Target(then, "country", topScope, positives);
        if (hasAssert)
        {
            foreach (var key in new[] { "issue", "confidence" })
            {
                if (then.KeyNode(key) is { } misplaced)
                {
                    _yaml.Error(misplaced, DiagnosticCodes.UnknownKey, ErrorMessages.UnknownKey(key, "'then' with 'assert' (give it inside the asserted fact)", ["assert", "country"]));
                }
            }

            var fact = Assertion(then["assert"]!, topScope);
            if (fact is not null && country is not null)
            {
                actions.Action(TrimSafeExpressions.Lambda(Expression.Call(AssertMethod, context, Expression.Constant(rule), fact, country, matched), parameters));
            }

            return;
        }

        var stance = StanceValue(then["stance"]!, topScope);
        var confidence = 1.0;
        if (then["confidence"] is { } confidenceValue && _yaml.Number(confidenceValue, "'confidence'") is { } c)
        {
            if (c is < 0 or > 1)
            {
                _yaml.Error(confidenceValue, DiagnosticCodes.OutOfRange, ErrorMessages.OutOfRange("'confidence'", "between 0 and 1"));
            }

            confidence = c;
        }

        var issue = Target(then, "issue", topScope, positives);
        if (stance is not null && country is not null && issue is not null)
        {
            actions.Action(TrimSafeExpressions.Lambda(
                Expression.Call(EmitMethod, context, Expression.Constant(rule), country, issue, stance, Expression.Constant(confidence), matched),
                parameters));
        }
    }

    /// <summary>The signal's country or issue: as given in 'then', or the first pattern's field of that name.</summary>
    private Expression? Target(MappingView then, string name, Scope scope, List<Binding> positives)
    {
        if (then[name] is { } node)
        {
            if (_yaml.Scalar(node, $"'then.{name}'") is not { } text)
            {
                return null;
            }

            if (!text.StartsWith('$'))
            {
                // A literal is an ISO alpha-3 code or an issue id: never anything that could read as code.
                var valid = name == "country" ? text.Length == 3 && text.All(char.IsAsciiLetter) : FactTypes.IsValidName(text);
                if (!valid)
                {
                    _yaml.Error(node, DiagnosticCodes.InvalidValue, ErrorMessages.InvalidValue(text, $"'then.{name}'", name == "country" ? "an ISO 3166-1 alpha-3 code or $VAR.FIELD" : "a kebab-case issue id or $VAR.FIELD"));
                    return null;
                }

                return Expression.Constant(name == "country" ? text.ToUpperInvariant() : text, typeof(string));
            }

            if (Variable(node, text, scope, null) is not { } reference)
            {
                return null;
            }

            if (reference.Field.Kind != FieldKind.Text)
            {
                _yaml.Error(node, DiagnosticCodes.TypeMismatch, ErrorMessages.TypeMismatch($"'{text}'", "text", $"a {reference.Field.KindName}"));
                return null;
            }

            return reference.Expression;
        }

        foreach (var binding in positives)
        {
            if (binding.Type.Fields.TryGetValue(name, out var field) && field.Kind == FieldKind.Text)
            {
                return field.Read(binding.Parameter);
            }
        }

        if (positives.Count > 0)
        {
            _yaml.Error(then.Node, DiagnosticCodes.UnboundSignalTarget, ErrorMessages.UnboundSignalTarget(name));
        }

        return null;
    }

    private Expression? StanceValue(YamlNode node, Scope scope)
    {
        if (_yaml.Scalar(node, "'then.stance'") is not { } text)
        {
            return null;
        }

        if (text.StartsWith('$'))
        {
            if (Variable(node, text, scope, null) is not { } reference)
            {
                return null;
            }

            if (reference.Field.EnumType != typeof(Stance))
            {
                _yaml.Error(node, DiagnosticCodes.TypeMismatch, ErrorMessages.TypeMismatch($"'{text}'", "a stance", $"a {reference.Field.KindName}"));
                return null;
            }

            return Expression.Convert(reference.Expression, typeof(Stance?));
        }

        if (!StanceNames.TryParse(text, out var stance))
        {
            _yaml.Error(node, DiagnosticCodes.UnknownStance, ErrorMessages.UnknownStance(text));
            return null;
        }

        return Expression.Constant(stance, typeof(Stance?));
    }

    /// <summary><c>assert: { claim: { name: ..., issue: $s.issue } }</c> as a member-init expression.</summary>
    private MemberInitExpression? Assertion(YamlNode node, Scope scope)
    {
        if (node is not YamlMappingNode { Children.Count: 1 } single)
        {
            _yaml.Error(node, DiagnosticCodes.WrongNodeKind, ErrorMessages.WrongNodeKind("'assert'", "a mapping with one key, the fact type", YamlText.Describe(node)));
            return null;
        }

        var (typeNode, body) = single.Children.First();
        var typeName = (typeNode as YamlScalarNode)?.Value ?? string.Empty;
        if (!_types.TryGet(typeName, out var type))
        {
            _yaml.Error(typeNode, DiagnosticCodes.UnknownPatternType, ErrorMessages.UnknownFactType(typeName, _types.Names));
            return null;
        }

        if (!type.IsFact || type.IsDeclared)
        {
            // A YAML-declared type has no CLR properties to bind: documents give its facts, rules match them.
            _yaml.Error(typeNode, DiagnosticCodes.NotAssertable, ErrorMessages.NotAssertable(typeName));
            return null;
        }

        var bindings = new List<MemberBinding>();
        var given = new HashSet<string>(StringComparer.Ordinal);
        if (!YamlText.IsNull(body) && _yaml.Mapping(body, $"the asserted '{typeName}'", null) is { } fields)
        {
            foreach (var (name, keyNode) in fields.KeyNodes)
            {
                if (name == "country")
                {
                    // The engine sets the asserted fact's country from 'then.country' (or the first pattern): one place, not two that could disagree.
                    _yaml.Error(keyNode, DiagnosticCodes.UnknownKey, ErrorMessages.AssertedCountry);
                    continue;
                }

                if (!type.Fields.TryGetValue(name, out var field) || !field.IsSettable)
                {
                    _yaml.Error(keyNode, DiagnosticCodes.UnknownField, ErrorMessages.UnknownField(name, typeName, type.Fields.Values.Where(f => f.IsSettable).Select(f => f.Name).Append("country").Order(StringComparer.Ordinal)));
                    continue;
                }

                given.Add(name);
                if (Operand(field, fields[name]!, scope, [], $"'{name}'") is { } value)
                {
                    bindings.Add(Expression.Bind(field.Property!, value.Type == field.Type ? value : Expression.Convert(value, field.Type)));
                }
            }
        }

        foreach (var required in type.Fields.Values.Where(f => f.IsRequired && f.Name != "actor" && !given.Contains(f.Name)))
        {
            _yaml.Error(body, DiagnosticCodes.MissingKey, ErrorMessages.MissingKey(required.Name, $"the asserted '{typeName}'"));
        }

        return Expression.MemberInit(Expression.New(type.ClrType), bindings);
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
