using System.Linq.Expressions;
using System.Reflection;
using NRules.RuleModel;
using NRules.RuleModel.Builders;
using StanceRules.Rules.Binding;
using StanceRules.Rules.Syntax;

namespace StanceRules.Rules.Lowering;

/// <summary>
/// Lowers a <see cref="BoundRule"/> to an NRules <see cref="IRuleDefinition"/>: each pattern
/// becomes a declaration named after its variable, each field test one condition lambda whose
/// parameters are named after the declarations it reads (that is how NRules binds them: the
/// pattern's own fact first, then the joined ones), and the action a call to <see cref="RuleActions"/>.
/// Each operator is lowered by its <see cref="OperatorLowering"/>.
/// </summary>
internal static class RuleLowering
{
    private static readonly MethodInfo DeclaredIsOfType = typeof(DeclaredFact).GetMethod(nameof(DeclaredFact.IsOfType))!;
    private static readonly MethodInfo EmitMethod = typeof(RuleActions).GetMethod(nameof(RuleActions.Emit))!;
    private static readonly MethodInfo AssertMethod = typeof(RuleActions).GetMethod(nameof(RuleActions.Assert))!;
    private static readonly MethodInfo InsertMethod = typeof(RuleActions).GetMethod(nameof(RuleActions.Insert))!;

    /// <summary>Lowers a rule.</summary>
    /// <exception cref="ArgumentException">NRules rejected the rule.</exception>
    /// <exception cref="InvalidOperationException">NRules rejected the rule.</exception>
    public static LoadedRule Lower(BoundRule rule)
    {
        var lowering = new Lowerer(rule);
        return lowering.Run();
    }

    private sealed class Lowerer(BoundRule rule)
    {
        private readonly Dictionary<BoundPattern, ParameterExpression> _parameters = rule.Patterns.ToDictionary(p => p, p => Expression.Parameter(p.Type.ClrType, p.Variable));
        private readonly Dictionary<object, ConditionPredicate> _predicates = new(ReferenceEqualityComparer.Instance);

        public LoadedRule Run()
        {
            var builder = new RuleBuilder();
            builder.Name(rule.Id);
            builder.Description(rule.Description ?? string.Empty);
            builder.Priority(rule.Priority);
            builder.Tags(rule.Tags);
            Elements(rule.When, builder.LeftHandSide());
            var outcome = Outcome();
            builder.RightHandSide().Action(ReteAction(outcome));
            return new LoadedRule(rule, builder.Build(), _predicates, outcome, OutcomeClosures.Of(rule));
        }

        private void Elements(IEnumerable<BoundElement> elements, GroupBuilder group)
        {
            foreach (var element in elements)
            {
                switch (element)
                {
                    case BoundPattern pattern:
                        group.Pattern(Pattern(pattern));
                        break;
                    case BoundGroup { Role: PatternRole.Not } not:
                        var notBuilder = group.Not();
                        if (not.IsList)
                        {
                            Elements(not.Elements, notBuilder.Group(GroupType.And));
                        }
                        else
                        {
                            notBuilder.Pattern(Pattern((BoundPattern)not.Elements[0]));
                        }

                        break;
                    case BoundGroup exists:
                        var existsBuilder = group.Exists();
                        if (exists.IsList)
                        {
                            Elements(exists.Elements, existsBuilder.Group(GroupType.And));
                        }
                        else
                        {
                            existsBuilder.Pattern(Pattern((BoundPattern)exists.Elements[0]));
                        }

                        break;
                }
            }
        }

        private PatternBuilder Pattern(BoundPattern pattern)
        {
            var self = _parameters[pattern];
            var builder = new PatternBuilder(pattern.Type.ClrType, pattern.Variable);
            if (pattern.Type.IsDeclared)
            {
                // Every declared type is a DeclaredFact: the pattern matches those of its own name.
                builder.Condition(TrimSafeExpressions.Lambda(Expression.Call(DeclaredIsOfType, self, Expression.Constant(pattern.Type.Name)), [self]));
            }

            foreach (var test in pattern.Tests)
            {
                var used = new List<ParameterExpression> { self };
                Expression? all = null;
                foreach (var condition in test.Conditions)
                {
                    var own = new List<ParameterExpression> { self };
                    var lowered = Condition(condition, self, own);
                    _predicates[condition] = new ConditionPredicate(lowered, own, ConditionClosures.Of(condition));
                    used.AddRange(own.Where(p => !used.Contains(p)));
                    all = all is null ? lowered : Expression.AndAlso(all, lowered);
                }

                // The pattern's own fact first, then the joined variables: NRules gets the predicate's own lambda.
                var predicate = new ConditionPredicate(all!, used, ConditionClosures.All(test.Conditions));
                builder.Condition(predicate.Lambda);
                _predicates[test] = predicate;
            }

            return builder;
        }

        private Expression Condition(BoundCondition condition, ParameterExpression self, List<ParameterExpression> used)
        {
            var field = condition.Field;
            return OperatorLowering.For(condition.Operator).Lower(field, field.Read(self), condition.Operand, operand => Operand(operand, used));
        }

        /// <summary>A constant of the type the binder gave it, or a joined field as it is read.</summary>
        private Expression Operand(BoundOperand operand, List<ParameterExpression>? used)
        {
            switch (operand)
            {
                case ConstantOperand constant:
                    return Expression.Constant(constant.Value, constant.Type);
                case FieldOperand reference:
                    var parameter = _parameters[reference.Pattern];
                    if (used is not null && !used.Contains(parameter))
                    {
                        used.Add(parameter);
                    }

                    // As read: the operator unifies the two sides (lifting, never narrowing, a nullable one).
                    return reference.Field.Read(parameter);
                default:
                    throw new InvalidOperationException($"operand {operand} has no expression of its own");
            }
        }

        /// <summary>
        /// The rule's outcome over the top-level patterns' facts: <c>(p1, ...) => RuleActions.Emit(...)</c>
        /// or <c>RuleActions.Assert(...)</c>, what any matcher runs on a match.
        /// </summary>
        private LambdaExpression Outcome()
        {
            var info = new RuleInfo(rule.Id, rule.Priority, rule.Location);
            var positives = rule.Positives.Select(p => _parameters[p]).ToArray();
            var matched = TrimSafeExpressions.ObjectArray(positives);
            var country = Target(rule.Then.Country);
            if (rule.Then is BoundAssert assert)
            {
                var bindings = assert.Fields.Select(f =>
                {
                    var value = Operand(f.Value, null);
                    return (MemberBinding)Expression.Bind(f.Field.Property!, value.Type == f.Field.Type ? value : Expression.Convert(value, f.Field.Type));
                });
                var fact = Expression.MemberInit(Expression.New(assert.Type.ClrType), bindings);
                return TrimSafeExpressions.Lambda(Expression.Convert(Expression.Call(AssertMethod, Expression.Constant(info), fact, country, matched), typeof(object)), positives);
            }

            var emit = (BoundEmit)rule.Then;
            Expression stance = emit.Stance is FieldOperand field
                ? Expression.Convert(Target(field), typeof(Stance?))
                : Expression.Constant(((ConstantOperand)emit.Stance).Value, typeof(Stance?));
            return TrimSafeExpressions.Lambda(
                Expression.Call(EmitMethod, Expression.Constant(info), country, Target(emit.Issue), stance, Expression.Constant(emit.Confidence), matched),
                positives);
        }

        /// <summary>The action NRules runs: <c>(ctx, p1, ...) => RuleActions.Insert(ctx, outcome)</c>, the outcome's body inlined.</summary>
        private static LambdaExpression ReteAction(LambdaExpression outcome)
        {
            var context = Expression.Parameter(typeof(IContext), "ctx");
            return TrimSafeExpressions.Lambda(Expression.Call(InsertMethod, context, outcome.Body), [context, .. outcome.Parameters]);
        }

        /// <summary>A value of the action: a text constant, or the field read from its pattern's fact.</summary>
        private Expression Target(BoundOperand operand) => operand is FieldOperand reference
            ? reference.Field.Read(_parameters[reference.Pattern])
            : Expression.Constant(((ConstantOperand)operand).Value, typeof(string));
    }
}
