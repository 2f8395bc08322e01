using System.Reflection;
using NRules.Fluent;
using NRules.RuleModel;
using StanceRules.Benchmarks.Peers;
using StanceRules.Benchmarks.Workloads;

namespace StanceRules.Benchmarks;

/// <summary>
/// <c>--explain</c>: prints the NRules rule model (patterns, conditions, actions as expression
/// trees) that StanceRules generates from the default YAML rules, beside the one NRules' fluent
/// DSL builds from the hand-written rules, so the differences that cost time can be read.
/// </summary>
internal static class Explain
{
    public static int Run()
    {
        Console.WriteLine("# StanceRules (rules/stances.yaml, as translated)");
        foreach (var rule in StanceRulesDefinitions(StanceEngine.FromYaml(RuleFiles.Default)))
        {
            Print(rule);
        }

        Console.WriteLine();
        Console.WriteLine("# NRules fluent DSL (DefaultFluentRules)");
        var repository = new RuleRepository();
        repository.Load(x => x.NestedTypes().From(DefaultFluentRules.Types));
        foreach (var rule in NRules.RuleRepositoryExtensions.GetRules(repository))
        {
            Print(rule);
        }

        return 0;
    }

    /// <summary>The library keeps its compiled rule definitions internal; read them by reflection (diagnostics only).</summary>
    private static IEnumerable<IRuleDefinition> StanceRulesDefinitions(StanceEngine engine)
    {
        const BindingFlags Any = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance;
        var ruleSet = typeof(StanceEngine).GetProperty("RuleSet", Any)!.GetValue(engine)!;
        var rules = (System.Collections.IEnumerable)ruleSet.GetType().GetProperty("Rules", Any)!.GetValue(ruleSet)!;
        foreach (var rule in rules)
        {
            yield return (IRuleDefinition)rule.GetType().GetProperty("Definition", Any)!.GetValue(rule)!;
        }
    }

    private static void Print(IRuleDefinition rule)
    {
        Console.WriteLine($"- {rule.Name} (priority {rule.Priority})");
        Print(rule.LeftHandSide, "    ");
        foreach (var action in rule.RightHandSide.Actions)
        {
            Console.WriteLine($"    then: {action.Expression}");
        }
    }

    private static void Print(RuleElement element, string indent)
    {
        switch (element)
        {
            case PatternElement pattern:
                Console.WriteLine($"{indent}{pattern.ValueType.Name} {pattern.Declaration.Name}");
                foreach (var condition in pattern.Expressions)
                {
                    Console.WriteLine($"{indent}  where {condition.Expression}");
                }

                break;
            case GroupElement group:
                Console.WriteLine($"{indent}{group.GetType().Name.Replace("Element", string.Empty, StringComparison.Ordinal).ToLowerInvariant()}");
                foreach (var child in group.ChildElements)
                {
                    Print(child, indent + "  ");
                }

                break;
            case NotElement not:
                Console.WriteLine($"{indent}not");
                Print(not.Source, indent + "  ");
                break;
            case ExistsElement exists:
                Console.WriteLine($"{indent}exists");
                Print(exists.Source, indent + "  ");
                break;
            default:
                Console.WriteLine($"{indent}{element.ElementType}");
                break;
        }
    }
}
