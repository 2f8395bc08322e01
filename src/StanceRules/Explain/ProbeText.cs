using System.Text;
using StanceRules.Rules;

namespace StanceRules.Explain;

/// <summary>
/// Renders a <see cref="RuleProbeResult"/> as text: what the rule would produce, then the
/// elements of its <c>when</c> that held, and at the first that did not, which condition failed on
/// which fact (with the values it read). Shared by <c>stance explain</c> and rule test diffs.
/// </summary>
internal static class ProbeText
{
    public static string Produces(RuleShape shape) => shape.Kind switch
    {
        ActionKind.Assert => $"asserts {shape.AssertedText}",
        _ when shape.FixedStance is { } s => $"emits {s.ToName()} {FactText.Value(shape.Confidence)}",
        _ => $"could be any stance, depends on {shape.StanceField} ({FactText.Value(shape.Confidence)})",
    };

    /// <summary>What the rule produces for an expected stance: "emits supports 0.8" or "could be supports, depends on $v.yes_means".</summary>
    public static string Produces(RuleShape shape, Stance? expected) =>
        expected is { } e && shape.Kind == ActionKind.Emit && shape.FixedStance is null
            ? $"could be {e.ToName()}, depends on {shape.StanceField} ({FactText.Value(shape.Confidence)})"
            : Produces(shape);

    public static void Write(StringBuilder text, RuleProbeResult result, FactTypes types, string country, string indent, int maxLines, Func<PatternInfo, RuleProbeResult?>? derivedBy = null)
    {
        var shape = result.Shape;
        if (result.Impossible is not null)
        {
            text.Append(indent).Append("cannot: ").AppendLine(result.Impossible);
            return;
        }

        if (result.Matches.Count > 0)
        {
            foreach (var match in result.Matches.Take(maxLines))
            {
                text.Append(indent).Append("✓ matches ").AppendLine(Bindings(match, shape));
            }

            return;
        }

        for (var e = 0; e <= result.Deepest && e < shape.Elements.Count; e++)
        {
            var element = shape.Elements[e];
            if (element.Patterns.Count == 0)
            {
                continue;
            }

            var pattern = element.Patterns[0];
            var label = $"{Label(element)} ({pattern.Location})";
            if (e < result.Deepest)
            {
                var passed = result.Passed.TryGetValue(e, out var list) ? list.Distinct().Select(FactText.Name) : ["(held)"];
                text.Append(indent).Append("✓ ").Append(Label(element)).Append(": ").AppendLine(Limit(passed.ToList(), 6));
                continue;
            }

            switch (element.Role)
            {
                case PatternRole.Not:
                    foreach (var block in result.Blocks.Where(b => b.Element == e).Take(maxLines))
                    {
                        text.Append(indent).Append("✗ ").Append(label).Append(" is contradicted by ").Append(string.Join(" + ", block.By.Select(FactText.Name)))
                            .Append(Context(block.Bound, shape)).AppendLine();
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
                        text.Append(indent).Append("    ").Append(pattern.TypeName).Append(" facts are derived by ").Append(producer.Shape.Rule.Id)
                            .Append(" (").Append(producer.Shape.Rule.Location).Append("), which ").Append(producer.Matches.Count > 0 ? "matched" : "did not match").AppendLine(":");
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

    /// <summary>Every failed condition of a probe as (condition, location, fact, detail), nearest misses first.</summary>
    public static IEnumerable<Miss> NearestMisses(RuleProbeResult result) =>
        result.Misses.Where(m => m.Element == result.Deepest && !m.OtherCountry).OrderBy(m => m.Failed.Count);

    private static int WriteMisses(StringBuilder text, RuleProbeResult result, FactTypes types, int element, string country, string indent, int maxLines)
    {
        var atElement = result.Misses.Where(m => m.Element == element).ToList();
        var hidden = atElement.Count(m => m.OtherCountry);
        var shown = atElement.Where(m => !m.OtherCountry).OrderBy(m => m.Failed.Count).ToList();
        var typeName = atElement.Count > 0 ? atElement[0].Pattern.TypeName : null;
        if (shown.Count == 0)
        {
            text.AppendLine(hidden > 0 ? $": no {typeName} of {country} ({hidden} of other countries)" : ": no such fact in the article");
            return 0;
        }

        text.AppendLine(hidden > 0 ? $": tried on {shown.Count} of {country} ({hidden} of other countries not shown)" : $": tried on {shown.Count}");
        foreach (var miss in shown.Take(maxLines))
        {
            text.Append(indent).Append(FactText.Name(miss.Candidate)).Append(Context(miss.Bound, result.Shape)).Append(": ")
                .AppendLine(string.Join("; ", miss.Failed.Select(f => $"{f.Condition} ✗ {f.Detail}")));
        }

        if (shown.Count > maxLines)
        {
            text.Append(indent).Append("… and ").Append(shown.Count - maxLines).AppendLine(" more");
        }

        return shown.Count;
    }

    private static string Label(ShapeElement element)
    {
        var patterns = string.Join(", ", element.Patterns.Select(p => p.Variable.StartsWith('_') ? p.TypeName : $"{p.TypeName} as {p.Variable}"));
        return element.Role switch
        {
            PatternRole.Not => $"not {patterns}",
            PatternRole.Exists => $"exists {patterns}",
            _ => patterns,
        };
    }

    private static string Context(IReadOnlyDictionary<string, object> bound, RuleShape shape) =>
        bound.Count == 0 ? "" : $" (with {Bindings(bound, shape)})";

    public static string Bindings(IReadOnlyDictionary<string, object> bound, RuleShape shape) =>
        string.Join(", ", shape.Rule.Patterns.Where(p => bound.ContainsKey(p.Variable)).Select(p =>
            p.Variable.StartsWith('_') ? FactText.Name(bound[p.Variable]) : $"{p.Variable} = {FactText.Name(bound[p.Variable])}"));

    private static string Limit(List<string> items, int max) =>
        items.Count <= max ? string.Join(", ", items) : $"{string.Join(", ", items.Take(max))} and {items.Count - max} more";
}
