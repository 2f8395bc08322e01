using System.Linq.Expressions;
using StanceRules.Rules.Binding;
using StanceRules.Rules.Syntax;

namespace StanceRules.Rules.Matching;

/// <summary>The field and values an indexed rule is filed under: a fact meets the rule only if its field holds one of them.</summary>
internal sealed record IndexKey(FactField Field, FieldReader Reader, IReadOnlyList<object?> Values);

/// <summary>An emitting rule of one pattern over input facts (with any <c>not</c>/<c>exists</c> groups of one pattern each), as the indexed matcher runs it.</summary>
internal sealed class IndexedRule
{
    private readonly BoundEmit _emit;
    private readonly GroupTest[] _groups;
    private readonly RuleInfo _info;
    private readonly PatternPredicate _matches;
    private readonly FieldReader? _country;
    private readonly FieldReader? _issue;
    private readonly FieldReader? _stance;

    public IndexedRule(LoadedRule rule, BoundPattern pattern, BoundEmit emit, int order, MatchCompiler compile, Func<FactType, FactField, int> distinctValues)
    {
        Rule = rule;
        Pattern = pattern;
        Order = order;
        var slots = new Dictionary<string, (int, BoundPattern)>(StringComparer.Ordinal) { [pattern.Variable] = (0, pattern) };
        _groups = rule.Rule.When.OfType<BoundGroup>().Select(g => GroupTest.Of(rule, g, slots, compile)).ToArray();
        _emit = emit;
        _info = new RuleInfo(rule.Id, rule.Rule.Priority, rule.Location);
        _matches = new PatternPredicate(rule, pattern, compile);
        _country = Reader(emit.Country, compile);
        _issue = Reader(emit.Issue, compile);
        _stance = Reader(emit.Stance, compile);
        Key = KeyOf(pattern, compile, distinctValues);
    }

    public LoadedRule Rule { get; }

    public string Id => Rule.Id;

    public BoundPattern Pattern { get; }

    /// <summary>The rule's place in the rule set: candidates run in this order.</summary>
    public int Order { get; }

    /// <summary>Where the rule is filed, or null when no condition can be hashed (the rule is tried on every fact of its type).</summary>
    public IndexKey? Key { get; }

    /// <summary>Whether the rule has <c>not</c>/<c>exists</c> groups.</summary>
    public bool HasGroups => _groups.Length > 0;

    /// <summary>Whether the rule matches the fact: its own tests, then each <c>not</c>/<c>exists</c> group against the article's facts.</summary>
    /// <param name="fact">The candidate.</param>
    /// <param name="facts">The article's facts, for the groups.</param>
    /// <param name="one">A tuple of one slot for the groups to read the candidate from (the caller's, reused).</param>
    /// <param name="work">Counts the facts the groups test.</param>
    public bool Matches(Fact fact, IReadOnlyList<Fact> facts, object[] one, ref long work)
    {
        if (!_matches.Holds(fact))
        {
            return false;
        }

        if (_groups.Length > 0)
        {
            one[0] = fact;
            foreach (var group in _groups)
            {
                if (!group.Passes(one, facts, ref work))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Whether the fact passes the rule's own pattern tests (its <c>not</c>/<c>exists</c> groups left out): a rule it fails cannot fire on it.</summary>
    public bool PatternHolds(Fact fact) => _matches.Holds(fact);

    /// <summary>What <see cref="RuleActions.Emit"/> makes of this fact (a signal, an unattributed signal, or nothing), without the array of one fact it would take.</summary>
    public object? Produce(Fact fact)
    {
        var stance = _stance is null ? (Stance?)((ConstantOperand)_emit.Stance).Value : (Stance?)_stance.Read(fact);
        if (stance is null)
        {
            return null;
        }

        var country = _country is null ? (string?)((ConstantOperand)_emit.Country).Value : (string?)_country.Read(fact);
        var issue = _issue is null ? (string?)((ConstantOperand)_emit.Issue).Value : (string?)_issue.Read(fact);
        return RuleActions.Signal(_info, country, issue, stance.Value, _emit.Confidence, [fact], _info.OwnChain);
    }

    /// <summary>The condition the rule is filed under (see <see cref="HashableValues"/>), or null when it has none.</summary>
    private static IndexKey? KeyOf(BoundPattern pattern, MatchCompiler compile, Func<FactType, FactField, int> distinctValues)
    {
        // Of the conditions a hash lookup can decide, the one on the field whose values vary most
        // across the rule set: the fewer rules share a key, the fewer residual tests a fact runs.
        (BoundCondition Condition, IReadOnlyList<object?> Values)? best = null;
        foreach (var condition in pattern.Conditions)
        {
            if (HashableValues(condition) is { } values
                && (best is null || distinctValues(pattern.Type, condition.Field) > distinctValues(pattern.Type, best.Value.Condition.Field)))
            {
                best = (condition, values);
            }
        }

        return best is { } key ? new IndexKey(key.Condition.Field, Reader(key.Condition.Field, pattern, compile), key.Values) : null;
    }

    /// <summary>The values a condition files a rule under: equality with a constant or membership in constants, on a text, enum or boolean field; else null.</summary>
    public static IReadOnlyList<object?>? HashableValues(BoundCondition condition) =>
        condition.Field.Kind is not (FieldKind.Text or FieldKind.Enum or FieldKind.Boolean) ? null
        : (condition.Operator, condition.Operand) switch
        {
            (RuleOperator.Equal, ConstantOperand constant) when constant.Value is not null || condition.Field.Kind != FieldKind.Text => [constant.Value],
            (RuleOperator.In, SetOperand { Text: { } text }) when condition.Field.Kind == FieldKind.Text => text.Cast<object?>().ToArray(),
            (RuleOperator.In, SetOperand set) when condition.Field.Kind != FieldKind.Text => set.Values.Select(v => v.Value).ToArray(),
            _ => null,
        };

    private static FieldReader? Reader(BoundOperand operand, MatchCompiler compile) =>
        operand is FieldOperand reference ? Reader(reference.Field, reference.Pattern, compile) : null;

    private static FieldReader Reader(FactField field, BoundPattern pattern, MatchCompiler compile) => new(field, pattern.Type, compile);
}
