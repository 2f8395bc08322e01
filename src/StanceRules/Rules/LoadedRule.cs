using System.Linq.Expressions;
using NRules.RuleModel;
using StanceRules.Rules.Binding;

namespace StanceRules.Rules;

/// <summary>
/// A rule of a loaded rule set: what it says (<see cref="Rule"/>, the bound model explanations
/// and rule tests read) and what NRules runs (<see cref="Definition"/>), with the predicate the
/// lowering made for each condition.
/// </summary>
internal sealed class LoadedRule
{
    private readonly IReadOnlyDictionary<object, ConditionPredicate> _predicates;

    public LoadedRule(BoundRule rule, IRuleDefinition definition, IReadOnlyDictionary<object, ConditionPredicate> predicates, LambdaExpression outcome, Func<object[], object?> outcomeClosure)
    {
        OutcomeClosure = outcomeClosure;
        Rule = rule;
        Definition = definition;
        _predicates = predicates;
        Outcome = outcome;
    }

    public BoundRule Rule { get; }

    public IRuleDefinition Definition { get; }

    public string Id => Rule.Id;

    /// <summary>
    /// What a match produces, <c>(T1 p1, ...) => RuleActions.Emit/Assert(...)</c> over the top-level
    /// patterns' facts (<see cref="BoundRule.Positives"/>, in order), returning the signal or fact (or
    /// null): the body of the action NRules runs, which only inserts it, and what the indexed matcher runs.
    /// </summary>
    public LambdaExpression Outcome { get; }

    /// <summary><see cref="Outcome"/> as a closure over the tuple of the top-level patterns' facts (no expression tree), for conditions run as closures.</summary>
    public Func<object[], object?> OutcomeClosure { get; }

    public SourceLocation Location => Rule.Location;

    /// <summary>The predicate of a field test of this rule (the condition NRules evaluates).</summary>
    public ConditionPredicate Predicate(BoundFieldTest test) => _predicates[test];

    /// <summary>The predicate of one comparison of this rule.</summary>
    public ConditionPredicate Predicate(BoundCondition condition) => _predicates[condition];
}
