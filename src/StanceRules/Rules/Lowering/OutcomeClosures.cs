using StanceRules.Rules.Binding;

namespace StanceRules.Rules.Lowering;

/// <summary>
/// A rule's outcome (<see cref="LoadedRule.Outcome"/>) as a closure over the tuple of its top-level
/// patterns' facts: the same calls to <see cref="RuleActions.Emit"/> or <see cref="RuleActions.Assert"/>,
/// with the action's values read by <see cref="FactField.GetValue"/> instead of a compiled tree.
/// </summary>
internal static class OutcomeClosures
{
    public static Func<object[], object?> Of(BoundRule rule)
    {
        var info = new RuleInfo(rule.Id, rule.Priority, rule.Location);
        var arity = rule.Positives.Count;
        var country = Value(rule, rule.Then.Country);
        if (rule.Then is BoundAssert assert)
        {
            var type = assert.Type;
            var fields = assert.Fields.Select(f => (f.Field, Value: Value(rule, f.Value))).ToArray();
            return tuple =>
            {
                var fact = type.CreateFact();
                foreach (var (field, value) in fields)
                {
                    field.SetValue(fact, Coerce(value(tuple), field.Type));
                }

                return RuleActions.Assert(info, fact, (string?)country(tuple), tuple[..arity]);
            };
        }

        var emit = (BoundEmit)rule.Then;
        var issue = Value(rule, emit.Issue);
        var stance = Value(rule, emit.Stance);
        var confidence = emit.Confidence;
        return tuple => RuleActions.Emit(info, (string?)country(tuple), (string?)issue(tuple), (Stance?)stance(tuple), confidence, tuple[..arity]);
    }

    /// <summary>A constant, or a field of a top-level pattern's fact, read from its slot.</summary>
    private static Func<object[], object?> Value(BoundRule rule, BoundOperand operand)
    {
        if (operand is FieldOperand reference)
        {
            var slot = IndexOf(rule.Positives, reference.Pattern);
            var field = reference.Field;
            return tuple => field.GetValue(tuple[slot]);
        }

        var value = ((ConstantOperand)operand).Value;
        return _ => value;
    }

    private static int IndexOf(IReadOnlyList<BoundPattern> patterns, BoundPattern pattern)
    {
        for (var i = 0; i < patterns.Count; i++)
        {
            if (ReferenceEquals(patterns[i], pattern))
            {
                return i;
            }
        }

        throw new InvalidOperationException($"pattern {pattern.Variable} is not a top-level pattern of the rule");
    }

    /// <summary>What <c>Expression.Convert</c> to the field's type does to a value the rule language gives: a number to the field's number type.</summary>
    private static object? Coerce(object? value, Type type) => (value, Nullable.GetUnderlyingType(type) ?? type) switch
    {
        (double d, var t) when t == typeof(int) => (int)d,
        (int i, var t) when t == typeof(double) => (double)i,
        _ => value,
    };
}
