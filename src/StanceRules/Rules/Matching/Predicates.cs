using System.Linq.Expressions;
using StanceRules.Rules.Binding;
using StanceRules.Rules.Syntax;

namespace StanceRules.Rules.Matching;

/// <summary>Which facts a pattern's type takes.</summary>
internal static class FactKinds
{
    /// <summary>Whether the fact is of the type: a declared type by name, a CLR type exactly.</summary>
    public static bool IsOfType(Fact fact, FactType type) => type.IsDeclared
        ? fact is DeclaredFact declared && declared.TypeName == type.Name
        : fact.GetType() == type.ClrType;
}

/// <summary>
/// The field tests of a pattern as one delegate over the fact, compiled on first use (so rules that
/// never meet a fact of their key cost no compile). Built from the lowering's lambdas, the ones
/// NRules evaluates; with <c>constantOnly</c>, only the tests against constants (NRules' alpha tests).
/// With <see cref="MatchCompiler.Closures"/>, the lowering's closures of the same tests instead.
/// </summary>
internal sealed class PatternPredicate(LoadedRule rule, BoundPattern pattern, MatchCompiler compile, bool constantOnly = false)
{
    private Func<object, bool>? _holds;

    public FactType Type => pattern.Type;

    public bool Holds(object fact) => (_holds ??= Compile())(fact);

    private Func<object, bool> Compile()
    {
        var tests = pattern.Tests.Where(t => !constantOnly || !t.Conditions.Any(c => c.Operand is FieldOperand));
        if (compile.Closures)
        {
            var own = pattern.Variable;
            return MatchCompiler.All(tests.Select(t => rule.Predicate(t).Closure(v => v == own ? -1 : throw new InvalidOperationException($"a test of {own} alone reads {v}"))).ToArray());
        }

        var parameter = Expression.Parameter(typeof(object), "fact");
        var typed = Expression.Convert(parameter, pattern.Type.ClrType);
        Expression? body = null;
        foreach (var test in tests)
        {
            var call = Expression.Invoke(rule.Predicate(test).Lambda, typed);
            body = body is null ? call : Expression.AndAlso(body, call);
        }

        return CheckedCompile.As<Func<object, bool>>(compile.Compile, TrimSafeExpressions.Lambda(body ?? Expression.Constant(true), [parameter]));
    }
}

/// <summary>
/// Some field tests of a pattern over a candidate fact and the tuple of facts bound before it, compiled
/// on first use from the lowering's lambdas (whose variables say which slot each argument comes from),
/// or bound from their closures (<see cref="MatchCompiler.Closures"/>) to the same slots.
/// </summary>
internal sealed class TuplePredicate(LoadedRule rule, BoundPattern pattern, IReadOnlyDictionary<string, (int Slot, BoundPattern Pattern)> slots, MatchCompiler compile, Func<BoundFieldTest, bool> include)
{
    private Func<object, object[], bool>? _holds;

    public bool Holds(object fact, object[] tuple) => (_holds ??= Compile())(fact, tuple);

    private Func<object, object[], bool> Compile()
    {
        if (compile.Closures)
        {
            var own = pattern.Variable;
            var tests = pattern.Tests.Where(include).Select(t => rule.Predicate(t).Closure(v => v == own ? -1 : slots[v].Slot)).ToArray();
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
        }

        var candidate = Expression.Parameter(typeof(object), "fact");
        var tuple = Expression.Parameter(typeof(object[]), "tuple");
        var typedCandidate = Expression.Convert(candidate, pattern.Type.ClrType);
        Expression? body = null;
        foreach (var test in pattern.Tests.Where(include))
        {
            var predicate = rule.Predicate(test);
            var call = Expression.Invoke(predicate.Lambda, predicate.Variables.Select(v => v == pattern.Variable
                ? (Expression)typedCandidate
                : Expression.Convert(Expression.ArrayIndex(tuple, Expression.Constant(slots[v].Slot)), slots[v].Pattern.Type.ClrType)));
            body = body is null ? call : Expression.AndAlso(body, call);
        }

        return CheckedCompile.As<Func<object, object[], bool>>(compile.Compile, TrimSafeExpressions.Lambda(body ?? Expression.Constant(true), [candidate, tuple]));
    }
}

/// <summary>A <c>not</c> or <c>exists</c> group of one pattern over input facts, tested with the rule's tuple bound.</summary>
internal sealed record GroupTest(bool Negated, BoundPattern Pattern, TuplePredicate Holds)
{
    public static GroupTest Of(LoadedRule rule, BoundGroup group, IReadOnlyDictionary<string, (int Slot, BoundPattern Pattern)> slots, MatchCompiler compile)
    {
        var pattern = MatchPlanner.GroupPattern(group) ?? throw new ArgumentException("not a group of one pattern", nameof(group));
        return new GroupTest(group.Role == PatternRole.Not, pattern, new TuplePredicate(rule, pattern, slots, compile, static _ => true));
    }

    public bool Passes(object[] tuple, IReadOnlyList<Fact> facts, ref long work)
    {
        var found = false;
        foreach (var fact in facts)
        {
            work++;
            if (FactKinds.IsOfType(fact, Pattern.Type) && Holds.Holds(fact, tuple))
            {
                found = true;
                break;
            }
        }

        return found != Negated;
    }
}

/// <summary>Reads one field of a fact as an object, compiled on first use (rules that never meet a fact cost no compile); <see cref="FactField.GetValue"/> with <see cref="MatchCompiler.Closures"/>.</summary>
internal sealed class FieldReader(FactField field, FactType type, MatchCompiler compile)
{
    private Func<object, object?>? _read;

    public object? Read(object fact) => (_read ??= Compile())(fact);

    private Func<object, object?> Compile()
    {
        if (compile.Closures)
        {
            return field.GetValue;
        }

        var parameter = Expression.Parameter(typeof(object), "fact");
        var read = field.Read(Expression.Convert(parameter, type.ClrType));
        return CheckedCompile.As<Func<object, object?>>(compile.Compile, TrimSafeExpressions.Lambda(Expression.Convert(read, typeof(object)), [parameter]));
    }
}
