using StanceRules.Rules.Binding;

namespace StanceRules.Rules.Matching;

/// <summary>
/// The indexed rules of a plan filed by fact type and by the value of their key field (alpha
/// hashing, as Drools does it): a fact meets only the rules whose key its field holds, and the
/// rules without a key. Built once per plan; immutable after.
/// </summary>
internal sealed class AlphaIndex
{
    private readonly Dictionary<Type, TypeIndex> _byClrType = [];
    private readonly Dictionary<string, TypeIndex> _byDeclaredName = new(StringComparer.Ordinal);

    public AlphaIndex(IReadOnlyList<IndexedRule> rules)
    {
        foreach (var rule in rules)
        {
            var type = rule.Pattern.Type;
            var index = type.IsDeclared
                ? (_byDeclaredName.TryGetValue(type.Name, out var d) ? d : _byDeclaredName[type.Name] = new TypeIndex())
                : (_byClrType.TryGetValue(type.ClrType, out var c) ? c : _byClrType[type.ClrType] = new TypeIndex());
            index.Add(rule);
        }
    }

    /// <summary>The rules of the fact's type, or null when none is.</summary>
    public TypeIndex? Of(Fact fact) => fact is DeclaredFact declared
        ? _byDeclaredName.GetValueOrDefault(declared.TypeName)
        : _byClrType.GetValueOrDefault(fact.GetType());
}

/// <summary>The rules of one fact type: by the value of an indexed field, and the rest to scan.</summary>
internal sealed class TypeIndex
{
    private readonly List<FieldIndex> _fields = [];
    private readonly List<IndexedRule> _scan = [];

    public void Add(IndexedRule rule)
    {
        if (rule.Key is not { } key)
        {
            _scan.Add(rule);
            return;
        }

        var field = _fields.FirstOrDefault(f => f.Field == key.Field);
        if (field is null)
        {
            _fields.Add(field = new FieldIndex(key.Field, key.Reader));
        }

        foreach (var value in key.Values)
        {
            field.Add(value, rule);
        }
    }

    /// <summary>Whether the fact passes the pattern tests of one of the rules it meets (any order: only whether).</summary>
    public bool AnyPatternHolds(Fact fact)
    {
        foreach (var field in _fields)
        {
            if (field.Lookup(fact) is { } rules && AnyHolds(rules, fact))
            {
                return true;
            }
        }

        return AnyHolds(_scan, fact);
    }

    /// <summary>
    /// The rules the fact may match, in rule-set order: the one list that applies as it is stored
    /// (each is in rule-set order already), or, when several do, merged into <paramref name="merged"/>.
    /// </summary>
    public List<IndexedRule> Candidates(Fact fact, List<IndexedRule> merged)
    {
        List<IndexedRule>? only = null;
        var sources = 0;
        foreach (var field in _fields)
        {
            if (field.Lookup(fact) is { Count: > 0 } rules)
            {
                (only, sources) = (rules, sources + 1);
            }
        }

        if (_scan.Count > 0)
        {
            (only, sources) = (_scan, sources + 1);
        }

        if (sources <= 1)
        {
            return only ?? _scan;
        }

        merged.Clear();
        foreach (var field in _fields)
        {
            if (field.Lookup(fact) is { } rules)
            {
                merged.AddRange(rules);
            }
        }

        merged.AddRange(_scan);
        merged.Sort(static (a, b) => a.Order.CompareTo(b.Order));
        return merged;
    }

    private static bool AnyHolds(List<IndexedRule> rules, Fact fact)
    {
        foreach (var rule in rules)
        {
            if (rule.PatternHolds(fact))
            {
                return true;
            }
        }

        return false;
    }
}

internal sealed class FieldIndex(FactField field, FieldReader reader)
{
    private static readonly object NullKey = new();

    // Text compares case-insensitively in the rule language; enums and booleans by value.
    private readonly Dictionary<object, List<IndexedRule>> _rules = new(field.Kind == FieldKind.Text ? KeyComparer.IgnoreCase : KeyComparer.Exact);

    public FactField Field { get; } = field;

    public void Add(object? value, IndexedRule rule)
    {
        var key = value ?? NullKey;
        if (!_rules.TryGetValue(key, out var list))
        {
            _rules[key] = list = [];
        }

        if (!list.Contains(rule))
        {
            list.Add(rule);
        }
    }

    public List<IndexedRule>? Lookup(Fact fact) => _rules.GetValueOrDefault(reader.Read(fact) ?? NullKey);
}

internal sealed class KeyComparer(bool ignoreCase) : IEqualityComparer<object>
{
    public static readonly KeyComparer IgnoreCase = new(true);
    public static readonly KeyComparer Exact = new(false);

    public new bool Equals(object? x, object? y) => ignoreCase && x is string a && y is string b
        ? string.Equals(a, b, StringComparison.OrdinalIgnoreCase)
        : object.Equals(x, y);

    public int GetHashCode(object obj) => ignoreCase && obj is string s ? StringComparer.OrdinalIgnoreCase.GetHashCode(s) : obj.GetHashCode();
}
