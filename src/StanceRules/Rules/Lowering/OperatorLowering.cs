using System.Collections.Frozen;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.RegularExpressions;
using StanceRules.Rules.Binding;
using StanceRules.Rules.Syntax;

namespace StanceRules.Rules.Lowering;

/// <summary>
/// How one family of operators becomes an expression over the pattern's field (<c>self</c>):
/// one small class each, found by operator in <see cref="For"/>. Each emits the cheapest tree
/// that says what the operator means: a constant set lookup, a static string comparison, a
/// null check only where the field can be null and the method would throw.
/// </summary>
internal abstract class OperatorLowering
{
    private static readonly FrozenDictionary<RuleOperator, OperatorLowering> Table = new Dictionary<RuleOperator, OperatorLowering>
    {
        [RuleOperator.Equal] = new Equality(negate: false),
        [RuleOperator.NotEqual] = new Equality(negate: true),
        [RuleOperator.In] = new Membership(negate: false),
        [RuleOperator.NotIn] = new Membership(negate: true),
        [RuleOperator.GreaterThan] = new Ordering(Expression.GreaterThan),
        [RuleOperator.GreaterOrEqual] = new Ordering(Expression.GreaterThanOrEqual),
        [RuleOperator.LessThan] = new Ordering(Expression.LessThan),
        [RuleOperator.LessOrEqual] = new Ordering(Expression.LessThanOrEqual),
        [RuleOperator.Contains] = new TextSearch(nameof(string.Contains)),
        [RuleOperator.StartsWith] = new TextSearch(nameof(string.StartsWith)),
        [RuleOperator.EndsWith] = new TextSearch(nameof(string.EndsWith)),
        [RuleOperator.Matches] = new RegexMatch(),
        [RuleOperator.Present] = new Presence(),
    }.ToFrozenDictionary();

    protected static readonly Expression IgnoreCase = Expression.Constant(StringComparison.OrdinalIgnoreCase);

    public static OperatorLowering For(RuleOperator op) => Table[op];

    /// <summary>The test <c>self OP operand</c>; <paramref name="operand"/> gives the expression of a constant or a joined field.</summary>
    public abstract Expression Lower(FactField field, Expression self, BoundOperand operand, Func<BoundOperand, Expression> operandExpression);

    protected static BinaryExpression NotNullAnd(Expression value, Expression test) =>
        Expression.AndAlso(Expression.NotEqual(value, Expression.Constant(null, value.Type)), test);

    /// <summary>
    /// Both sides as one type, nullable if either side is (no coercion is left to run time, and a
    /// nullable side is never narrowed): a boolean or enum keeps its type, lifted to nullable when the
    /// other side is (<c>bool</c> against a declared <c>bool?</c>); numbers compare as double.
    /// </summary>
    protected static (Expression Left, Expression Right) Unify(Expression left, Expression right)
    {
        if (left.Type == right.Type)
        {
            return (left, right);
        }

        var nullable = Nullable.GetUnderlyingType(left.Type) is not null || Nullable.GetUnderlyingType(right.Type) is not null;
        var leftBase = Nullable.GetUnderlyingType(left.Type) ?? left.Type;
        if (leftBase == (Nullable.GetUnderlyingType(right.Type) ?? right.Type) && (leftBase == typeof(bool) || leftBase.IsEnum))
        {
            // The types differ, so exactly one side is nullable: the other is lifted to its type.
            return left.Type == leftBase ? (Expression.Convert(left, right.Type), right) : (left, Expression.Convert(right, left.Type));
        }

        var baseType = leftBase == typeof(DateOnly) ? typeof(DateOnly) : typeof(double);
        var target = nullable ? (baseType == typeof(DateOnly) ? typeof(DateOnly?) : typeof(double?)) : baseType;
        return (left.Type == target ? left : Expression.Convert(left, target), right.Type == target ? right : Expression.Convert(right, target));
    }

    /// <summary><c>eq</c>/<c>ne</c>: text case-insensitively (null equals null), other kinds by value (a missing value equals only a missing one).</summary>
    private sealed class Equality(bool negate) : OperatorLowering
    {
        private static readonly MethodInfo StringEquals = typeof(string).GetMethod(nameof(string.Equals), [typeof(string), typeof(string), typeof(StringComparison)])!;

        public override Expression Lower(FactField field, Expression self, BoundOperand operand, Func<BoundOperand, Expression> operandExpression)
        {
            var other = operandExpression(operand);
            switch (field.Kind)
            {
                case FieldKind.Text:
                    var equal = Expression.Call(StringEquals, self, other, IgnoreCase);
                    return negate ? Expression.Not(equal) : equal;
                default:
                    var (left, right) = Unify(self, other);
                    return negate ? Expression.NotEqual(left, right) : Expression.Equal(left, right);
            }
        }
    }

    /// <summary><c>gt</c>, <c>ge</c>, <c>lt</c>, <c>le</c> on numbers and dates.</summary>
    private sealed class Ordering(Func<Expression, Expression, BinaryExpression> compare) : OperatorLowering
    {
        public override Expression Lower(FactField field, Expression self, BoundOperand operand, Func<BoundOperand, Expression> operandExpression)
        {
            var (left, right) = Unify(self, operandExpression(operand));
            return compare(left, right);
        }
    }

    /// <summary><c>in</c>/<c>not_in</c>: a text field looks itself up in a case-insensitive set; other kinds compare with each member.</summary>
    private sealed class Membership(bool negate) : OperatorLowering
    {
        private static readonly MethodInfo SetContains = typeof(HashSet<string>).GetMethod(nameof(HashSet<string>.Contains))!;

        public override Expression Lower(FactField field, Expression self, BoundOperand operand, Func<BoundOperand, Expression> operandExpression)
        {
            var set = (SetOperand)operand;
            Expression test;
            if (set.Text is { } text)
            {
                test = NotNullAnd(self, Expression.Call(Expression.Constant(text), SetContains, self));
            }
            else
            {
                Expression? any = null;
                foreach (var member in set.Values)
                {
                    var (left, right) = Unify(self, operandExpression(member));
                    var equal = Expression.Equal(left, right);
                    any = any is null ? equal : Expression.OrElse(any, equal);
                }

                test = any ?? Expression.Constant(false);
            }

            return negate ? Expression.Not(test) : test;
        }
    }

    /// <summary><c>contains</c>, <c>starts_with</c>, <c>ends_with</c>: case-insensitive, false on a null field (or a null joined field).</summary>
    private sealed class TextSearch(string method) : OperatorLowering
    {
        private readonly MethodInfo _method = typeof(string).GetMethod(method, [typeof(string), typeof(StringComparison)])!;

        public override Expression Lower(FactField field, Expression self, BoundOperand operand, Func<BoundOperand, Expression> operandExpression)
        {
            var other = operandExpression(operand);
            var call = Expression.Call(self, _method, other, IgnoreCase);
            return operand is ConstantOperand ? NotNullAnd(self, call) : NotNullAnd(self, NotNullAnd(other, call));
        }
    }

    /// <summary><c>matches</c>: the bound, non-backtracking regex; false on a null field.</summary>
    private sealed class RegexMatch : OperatorLowering
    {
        private static readonly MethodInfo IsMatch = typeof(Regex).GetMethod(nameof(Regex.IsMatch), [typeof(string)])!;

        public override Expression Lower(FactField field, Expression self, BoundOperand operand, Func<BoundOperand, Expression> operandExpression) =>
            NotNullAnd(self, Expression.Call(Expression.Constant(((RegexOperand)operand).Regex), IsMatch, self));
    }

    /// <summary><c>present: true</c>/<c>false</c>: whether a nullable field has a value.</summary>
    private sealed class Presence : OperatorLowering
    {
        public override Expression Lower(FactField field, Expression self, BoundOperand operand, Func<BoundOperand, Expression> operandExpression)
        {
            var isNull = Expression.Equal(self, Expression.Constant(null, field.Type));
            return ((ConstantOperand)operand).Value is true ? Expression.Not(isNull) : isNull;
        }
    }
}
