using System.Globalization;

namespace StanceRules.Explain;

/// <summary>Facts, derived facts and signals as one line of text for explanations and test diffs.</summary>
internal static class FactText
{
    /// <summary>A field's value as the rule language writes it (<c>none</c> when empty).</summary>
    public static string Value(object? value) => value switch
    {
        null => "none",
        string s => s.Length == 0 ? "\"\"" : DisplayText.Escape(s),
        bool b => b ? "true" : "false",
        double d => d.ToString("0.###", CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Enum e => EnumText.ToText(e),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "none",
    };

    /// <summary>The value of a snake_case field of a fact (or signal), or null when the type has no such field.</summary>
    public static bool TryField(FactTypes types, object item, string field, out object? value)
    {
        value = null;
        if (types.Of(item) is not { } type || !type.Fields.TryGetValue(field, out var info))
        {
            return false;
        }

        value = info.GetValue(item);
        return true;
    }

    /// <summary>The registered type name of a fact or signal (<c>statement</c>, <c>claim</c>...).</summary>
    public static string TypeName(FactTypes types, object item) => types.Of(item)?.Name ?? item.GetType().Name.ToLowerInvariant();

    /// <summary>A short name: a fact's id, a claim's name and sources, a signal's rule.</summary>
    public static string Name(object item) => DisplayText.Escape(NameUnescaped(item));

    private static string NameUnescaped(object item) => item switch
    {
        Claim claim => $"claim {claim.Name}({string.Join('+', claim.Sources.Select(s => s.Id))})",
        Fact fact => fact.Id,
        StanceSignal signal => $"signal {signal.Stance.ToName()} by {signal.Rule}({string.Join('+', signal.Facts)})",
        _ => item.ToString() ?? "?",
    };

    /// <summary>One line: id, type, what it says, its country and issue, e.g. <c>f12 statement: Kyiv officials comply (negated) → UKR, china-peace-plan</c>.</summary>
    public static string Line(FactTypes types, object item) => DisplayText.Escape(LineUnescaped(types, item));

    private static string LineUnescaped(FactTypes types, object item)
    {
        switch (item)
        {
            case Statement s:
                var flags = string.Join(", ", new[] { s.Negated ? "negated" : null, s.Hedged ? "hedged" : null }.OfType<string>());
                return $"{s.Id} statement: {s.Actor} {s.Act}{(flags.Length > 0 ? $" ({flags})" : "")}{(s.Target is null ? "" : $" \"{s.Target}\"")}; family {Value(s.Family)}{Where(s)}";
            case Vote v:
                return $"{v.Id} vote: {v.Actor} {Value(v.Choice)}{(v.Motion is null ? "" : $" on {v.Motion}")}; yes_means {Value(v.YesMeans)}{Where(v)}";
            case Claim c:
                return $"{Name(c)}{(c.Stance is null ? "" : $" {Value(c.Stance)}")}{Where(c)}";
            case Fact f:
                return $"{f.Id} {TypeName(types, f)}: {f.Actor}{Where(f)}";
            case StanceSignal signal:
                return $"{Name(signal)} → {signal.Country}, {signal.Issue}";
            default:
                return item.ToString() ?? "?";
        }
    }

    private static string Where(Fact fact) => $" → {fact.Country ?? "no country"}, {fact.Issue ?? "no issue"}";
}
