using StanceRules.Rules.Binding;
using StanceRules.Rules.Syntax;

namespace StanceRules.Rules.Lowering;

/// <summary>
/// The conditions of the bound model as closures rather than expression trees: a field read
/// (<see cref="FactField.GetValue"/>) and a comparison composed as delegates. What the indexed matcher
/// runs where <c>LambdaExpression.Compile()</c> would only interpret (NativeAOT). Each operator means
/// exactly what <see cref="OperatorLowering"/> makes its tree mean: text case-insensitively, numbers as
/// double, a missing value equal only to a missing one and never ordered; the differential tests run
/// the generated rule sets through both.
/// </summary>
internal static class ConditionClosures
{
    private delegate object? ValueRead(object fact, object[]? tuple);

    /// <summary>Every condition of a field test, in order, short-circuiting as <c>AndAlso</c> does.</summary>
    public static ClosureBinder All(IReadOnlyList<BoundCondition> conditions)
    {
        var parts = conditions.Select(Of).ToArray();
        if (parts.Length == 1)
        {
            return parts[0];
        }

        return slotOf =>
        {
            var tests = Array.ConvertAll(parts, p => p(slotOf));
            return (fact, tuple) =>
            {
                foreach (var test in tests)
                {
                    if (!test(fact, tuple))
                    {
                        return false;
                    }
                }

                return true;
            };
        };
    }

    /// <summary>One condition: <c>self OP operand</c> on the candidate's own field.</summary>
    public static ClosureBinder Of(BoundCondition condition)
    {
        var field = condition.Field;
        var op = condition.Operator;
        var operand = condition.Operand;
        return slotOf =>
        {
            switch (op)
            {
                case RuleOperator.Equal or RuleOperator.NotEqual:
                    {
                        var other = Value(operand, slotOf);
                        var negate = op == RuleOperator.NotEqual;
                        return field.Kind == FieldKind.Text
                            ? (fact, tuple) => string.Equals((string?)field.GetValue(fact), (string?)other(fact, tuple), StringComparison.OrdinalIgnoreCase) != negate
                            : (fact, tuple) => Same(field.GetValue(fact), other(fact, tuple)) != negate;
                    }

                case RuleOperator.In or RuleOperator.NotIn:
                    {
                        var set = (SetOperand)operand;
                        var negate = op == RuleOperator.NotIn;
                        if (set.Text is { } text)
                        {
                            return (fact, _) => (field.GetValue(fact) is string value && text.Contains(value)) != negate;
                        }

                        var members = set.Values.Select(v => v.Value).ToArray();
                        return (fact, _) =>
                        {
                            var value = field.GetValue(fact);
                            foreach (var member in members)
                            {
                                if (Same(value, member))
                                {
                                    return !negate;
                                }
                            }

                            return negate;
                        };
                    }

                case RuleOperator.GreaterThan or RuleOperator.GreaterOrEqual or RuleOperator.LessThan or RuleOperator.LessOrEqual:
                    {
                        var other = Value(operand, slotOf);
                        return (fact, tuple) => Ordered(op, field.GetValue(fact), other(fact, tuple));
                    }

                case RuleOperator.Contains or RuleOperator.StartsWith or RuleOperator.EndsWith:
                    {
                        Func<string, string, bool> search = op switch
                        {
                            RuleOperator.Contains => static (s, o) => s.Contains(o, StringComparison.OrdinalIgnoreCase),
                            RuleOperator.StartsWith => static (s, o) => s.StartsWith(o, StringComparison.OrdinalIgnoreCase),
                            _ => static (s, o) => s.EndsWith(o, StringComparison.OrdinalIgnoreCase),
                        };
                        if (operand is ConstantOperand constant)
                        {
                            // As the tree: no null check on a constant (the binder gives none).
                            var text = (string)constant.Value!;
                            return (fact, _) => field.GetValue(fact) is string value && search(value, text);
                        }

                        var other = Value(operand, slotOf);
                        return (fact, tuple) => field.GetValue(fact) is string value && other(fact, tuple) is string text && search(value, text);
                    }

                case RuleOperator.Matches:
                    {
                        var regex = ((RegexOperand)operand).Regex;
                        return (fact, _) => field.GetValue(fact) is string value && regex.IsMatch(value);
                    }

                case RuleOperator.Present:
                    {
                        var present = ((ConstantOperand)operand).Value is true;
                        return (fact, _) => (field.GetValue(fact) is not null) == present;
                    }

                default:
                    throw new InvalidOperationException($"operator {op} has no closure");
            }
        };
    }

    /// <summary>A constant, or a joined field read from its slot of the tuple (or from the candidate, for its own variable).</summary>
    private static ValueRead Value(BoundOperand operand, Func<string, int> slotOf)
    {
        switch (operand)
        {
            case ConstantOperand constant:
                var value = constant.Value;
                return (_, _) => value;
            case FieldOperand reference:
                var field = reference.Field;
                var slot = slotOf(reference.Pattern.Variable);
                return slot < 0 ? (fact, _) => field.GetValue(fact) : (_, tuple) => field.GetValue(tuple![slot]);
            default:
                throw new InvalidOperationException($"operand {operand} has no value of its own");
        }
    }

    /// <summary>
    /// <c>eq</c> on a number, date, boolean or enum, as the lifted <c>Expression.Equal</c> after unifying
    /// the sides: null equals only null; numbers as double (so NaN equals nothing); else by value.
    /// </summary>
    internal static bool Same(object? left, object? right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        return IsNumber(left) && IsNumber(right) ? Number(left) == Number(right) : left.Equals(right);
    }

    /// <summary><c>gt</c>, <c>ge</c>, <c>lt</c>, <c>le</c>, as the lifted comparison: false when a side is missing; dates by date, numbers as double.</summary>
    private static bool Ordered(RuleOperator op, object? left, object? right)
    {
        if (left is null || right is null)
        {
            return false;
        }

        if (left is DateOnly a && right is DateOnly b)
        {
            return op switch
            {
                RuleOperator.GreaterThan => a > b,
                RuleOperator.GreaterOrEqual => a >= b,
                RuleOperator.LessThan => a < b,
                _ => a <= b,
            };
        }

        var (x, y) = (Number(left), Number(right));
        return op switch
        {
            RuleOperator.GreaterThan => x > y,
            RuleOperator.GreaterOrEqual => x >= y,
            RuleOperator.LessThan => x < y,
            _ => x <= y,
        };
    }

    private static bool IsNumber(object value) => value is double or int;

    private static double Number(object value) => value is int i ? i : (double)value;
}
