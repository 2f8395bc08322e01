using System.Text;
using StanceRules.Rules;
using StanceRules.Rules.Binding;
using StanceRules.Rules.Syntax;

namespace StanceRules.Explain;

/// <summary>
/// Renders a <see cref="RuleDiagnosis"/> as text: what the rule would produce, then the
/// elements of its <c>when</c> that held, and at the first that did not, which condition failed on
/// which fact (with the values it read). Shared by <c>stance explain</c> and rule test diffs.
/// </summary>
internal static class ProbeText
{
    public static string Produces(BoundRule rule) => rule.Then switch
    {
        BoundAssert assert => $"asserts {RuleOutput.AssertedText(assert)}",
        BoundEmit { Stance: ConstantOperand { Value: Stance s } } emit => $"emits {s.ToName()} {FactText.Value(emit.Confidence)}",
        BoundEmit emit => $"could be any stance, depends on {RuleOutput.Describe(emit.Stance)} ({FactText.Value(emit.Confidence)})",
        _ => "?",
    };

    /// <summary>What the rule produces for an expected stance: "emits supports 0.8" or "could be supports, depends on $v.yes_means".</summary>
    public static string Produces(BoundRule rule, Stance? expected) =>
        expected is { } e && rule.Then is BoundEmit { Stance: FieldOperand stanceField } emit
            ? $"could be {e.ToName()}, depends on {RuleOutput.Describe(stanceField)} ({FactText.Value(emit.Confidence)})"
            : Produces(rule);

    public static void Write(StringBuilder text, RuleDiagnosis result, FactTypes types, string country, string indent, int maxLines, Func<BoundPattern, RuleDiagnosis?>? derivedBy = null)
    {
        var rule = result.Rule;
        if (result.Impossible is not null)
        {
            text.Append(indent).Append("cannot: ").AppendLine(result.Impossible);
            return;
        }

        if (result.Matches.Count > 0)
        {
            foreach (var match in result.Matches.Take(maxLines))
            {
                text.Append(indent).Append("✓ matches ").AppendLine(Bindings(match, rule.Rule));
            }

            return;
        }

        for (var e = 0; e <= result.Deepest && e < rule.Rule.When.Count; e++)
        {
            var element = rule.Rule.When[e];
            var patterns = RuleDiagnoser.PatternsOf(element);
            if (patterns.Count == 0)
            {
                continue;
            }

            var pattern = patterns[0];
            var label = $"{Label(element.Role, patterns)} ({pattern.Location})";
            if (e < result.Deepest)
            {
                var passed = result.Passed.TryGetValue(e, out var list) ? list.Distinct().Select(FactText.Name) : ["(held)"];
                text.Append(indent).Append("✓ ").Append(Label(element.Role, patterns)).Append(": ").AppendLine(Limit(passed.ToList(), 6));
                continue;
            }

            switch (element.Role)
            {
                case PatternRole.Not:
                    foreach (var block in result.Blocks.Where(b => b.Element == e).Take(maxLines))
                    {
                        text.Append(indent).Append("✗ ").Append(label).Append(" is contradicted by ").Append(string.Join(" + ", block.By.Select(FactText.Name)))
                            .Append(Context(block.Bound, rule.Rule)).AppendLine();
                        foreach (var by in block.By.Distinct())
                        {
                            text.Append(indent).Append("    ").AppendLine(FactText.Line(types, by));
                        }
                    }

                    break;
                case PatternRole.Exists:
                    text.Append(indent).Append("✗ ").Append(label).AppendLine(": no fact matched");
                    WriteMisses(text, result, types, e, country, indent + "    ", maxLines);
                    break;
                default:
                    text.Append(indent).Append("✗ ").Append(label);
                    var shown = WriteMisses(text, result, types, e, country, indent + "    ", maxLines);
                    if (shown == 0 && derivedBy?.Invoke(pattern) is { } producer)
                    {
                        text.Append(indent).Append("    ").Append(pattern.Type.Name).Append(" facts are derived by ").Append(producer.Rule.Id)
                            .Append(" (").Append(producer.Rule.Location).Append("), which ").Append(producer.Matches.Count > 0 ? "matched" : "did not match").AppendLine(":");
                        Write(text, producer, types, country, indent + "      ", maxLines);
                    }

                    break;
            }
        }

        if (result.Truncated)
        {
            text.Append(indent).AppendLine("(stopped after 20,000 combinations of facts)");
        }
    }

    private static int WriteMisses(StringBuilder text, RuleDiagnosis result, FactTypes types, int element, string country, string indent, int maxLines)
    {
        var atElement = result.Misses.Where(m => m.Element == element).ToList();
        var hidden = atElement.Count(m => m.OtherCountry);
        var shown = atElement.Where(m => !m.OtherCountry).OrderBy(m => m.Failed.Count).ToList();
        var typeName = atElement.Count > 0 ? atElement[0].Pattern.Type.Name : null;
        if (shown.Count == 0)
        {
            text.AppendLine(hidden > 0 ? $": no {typeName} of {country} ({hidden} of other countries)" : ": no such fact in the article");
            return 0;
        }

        text.AppendLine(hidden > 0 ? $": tried on {shown.Count} of {country} ({hidden} of other countries not shown)" : $": tried on {shown.Count}");
        foreach (var miss in shown.Take(maxLines))
        {
            text.Append(indent).Append(FactText.Name(miss.Candidate)).Append(Context(miss.Bound, result.Rule.Rule)).Append(": ")
                .AppendLine(string.Join("; ", miss.Failed.Select(f => $"{f.Condition} ✗ {f.Detail}")));
        }

        if (shown.Count > maxLines)
        {
            text.Append(indent).Append("… and ").Append(shown.Count - maxLines).AppendLine(" more");
        }

        return shown.Count;
    }

    private static string Label(PatternRole role, IReadOnlyList<BoundPattern> patterns)
    {
        var list = string.Join(", ", patterns.Select(p => p.IsNamed ? $"{p.Type.Name} as {p.Variable}" : p.Type.Name));
        return role switch
        {
            PatternRole.Not => $"not {list}",
            PatternRole.Exists => $"exists {list}",
            _ => list,
        };
    }

    private static string Context(IReadOnlyDictionary<string, object> bound, BoundRule rule) =>
        bound.Count == 0 ? "" : $" (with {Bindings(bound, rule)})";

    public static string Bindings(IReadOnlyDictionary<string, object> bound, BoundRule rule) =>
        string.Join(", ", rule.Patterns.Where(p => bound.ContainsKey(p.Variable)).Select(p =>
            p.IsNamed ? $"{p.Variable} = {FactText.Name(bound[p.Variable])}" : FactText.Name(bound[p.Variable])));

    private static string Limit(List<string> items, int max) =>
        items.Count <= max ? string.Join(", ", items) : $"{string.Join(", ", items.Take(max))} and {items.Count - max} more";
}
