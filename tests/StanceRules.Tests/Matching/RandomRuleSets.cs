using System.Globalization;
using System.Text;

namespace StanceRules.Tests.Matching;

/// <summary>
/// Random rule sets and fact documents for the differential tests, reproducible from one seed:
/// joins on country and issue, <c>not</c>/<c>exists</c> (one pattern or a list), comparisons,
/// in-lists, regexes, <c>present</c>, a YAML-declared type (<c>speech</c>, with a boolean, a number
/// and a stance), asserted claims that chain, rules over signals, priorities, and small limits.
/// Values come from small pools so that patterns, joins and documents meet often.
/// </summary>
internal sealed class RandomRuleSets
{
    /// <summary>The knowledge every generated rule set is loaded with: three countries, three act families, two issues.</summary>
    public const string Knowledge = """
        countries:
          - { iso3: RUS, iso2: RU, names: [Russia], seats: [Kremlin] }
          - { iso3: CHN, iso2: CN, names: [China] }
          - { iso3: FRA, iso2: FR, names: [France] }
        acts:
          supports: [welcome]
          condemns: [condemn]
          rejects: [reject]
        issues:
          - { id: iss-a, phrases: [plan a] }
          - { id: iss-b, phrases: [plan b] }
        """;

    private const string Types = """
        types:
          - name: speech
            fields: { tone: text, applause: number, televised: boolean, stance_taken: stance }

        """;

    private static readonly string[] Stances = ["supports", "condemns", "rejects", "abstains"];
    private static readonly string[] Actors = ["Russia", "China", "France", "Kremlin", "Atlantis"];
    private static readonly string[] Names = ["n1", "n2", "n3"];

    private readonly Random _random;

    public RandomRuleSets(int seed)
    {
        _random = new Random(seed);
    }

    /// <summary>
    /// Options with small limits now and then, so the budgets and their fallback are compared too.
    /// Both modes interpret the rules' expression trees rather than compile them to IL: the same
    /// trees, so the same results, at a fraction of the cost of compiling thousands of small rule sets.
    /// </summary>
    public StanceEngineOptions Options(RuleMatching matching)
    {
        var options = new StanceEngineOptions { Matching = matching, ExpressionCompiler = static lambda => lambda.Compile(preferInterpretation: true) };
        // A loop of claims runs until a limit stops it: low limits keep each such case to milliseconds.
        return _limits switch
        {
            1 => options with { MaxRuleFirings = 3 },
            2 => options with { Limits = new StanceLimits { MaxRuleMatches = 4 } },
            _ => options with { MaxRuleFirings = 200, Limits = new StanceLimits { MaxRuleMatches = 400 } },
        };
    }

    private int _limits;

    /// <summary>A rule file: the declared type, then one to five rules.</summary>
    public string Rules()
    {
        _limits = Pick(0, 0, 0, 0, 0, 0, 0, 0, 1, 2);
        var text = new StringBuilder(Types).Append("rules:\n");
        var count = _random.Next(1, 6);
        for (var r = 0; r < count; r++)
        {
            Rule(text, r);
        }

        return text.ToString();
    }

    /// <summary>A fact document of zero to ten facts.</summary>
    public string Document(int number)
    {
        var text = new StringBuilder("article: { id: doc-").Append(number).Append(", published: 2024-05-01 }\nfacts:");
        var count = Pick(0, 2, 3, 4, 5, 6, 8, 10);
        if (count == 0)
        {
            return text.Append(" []\n").ToString();
        }

        text.Append('\n');
        for (var f = 1; f <= count; f++)
        {
            text.Append("  - { id: f").Append(f).Append(", actor: ").Append(Pick(Actors));
            if (!Chance(4))
            {
                text.Append(", issue: ").Append(Pick("iss-a", "iss-b"));
            }

            switch (_random.Next(6))
            {
                case 0 or 1:
                    text.Append(", type: statement, act: ").Append(Pick("welcome", "condemn", "reject", "shrug"));
                    Maybe(text, ", negated: true", ", hedged: true", ", target: plan a", ", evidence: aab");
                    break;
                case 2:
                    text.Append(", type: vote, choice: ").Append(Pick("yes", "no", "abstain"));
                    Maybe(text, ", yes_means: condemns", ", motion: A/RES/1|, motion: plan b");
                    break;
                case 3 or 4:
                    text.Append(", type: claim, name: ").Append(Pick(Names));
                    Maybe(text, ", stance: supports|, stance: rejects", ", target: plan b");
                    break;
                default:
                    text.Append(", type: speech");
                    Maybe(text, ", tone: warm", ", applause: 7|, applause: 1|, applause: 5|, applause: 3", ", televised: true|, televised: false", ", stance_taken: condemns");
                    break;
            }

            text.Append(" }\n");
        }

        return text.ToString();
    }

    private void Rule(StringBuilder text, int r)
    {
        text.Append("  - id: r").Append(r).Append('\n');
        if (Chance(3))
        {
            text.Append("    priority: ").Append(Pick(1, 5, 10)).Append('\n');
        }

        text.Append("    when:\n");
        var bound = new List<(string Variable, string Type)>();
        var patterns = Pick(1, 1, 2, 2, 3);
        for (var p = 0; p < patterns; p++)
        {
            var type = PickType(allowSignal: true);
            var variable = "p" + p;
            text.Append("      - ").Append(type).Append(" as ").Append(variable).Append(": ").Append(Conditions(type, bound, r)).Append('\n');
            bound.Add((variable, type));
        }

        if (Chance(3))
        {
            var role = Pick("not", "exists");
            if (Chance(4))
            {
                // A group of two patterns, the second joined to the first.
                text.Append("      - ").Append(role).Append(":\n");
                var first = PickType(allowSignal: false);
                text.Append("          - ").Append(first).Append(" as g0: ").Append(Conditions(first, bound, r)).Append('\n');
                var second = PickType(allowSignal: false);
                text.Append("          - ").Append(second).Append(": ").Append(Conditions(second, [.. bound, ("g0", first)], r)).Append('\n');
            }
            else
            {
                var type = PickType(allowSignal: Chance(4));
                text.Append("      - ").Append(role).Append(":\n          ").Append(type).Append(": ").Append(Conditions(type, bound, r)).Append('\n');
            }
        }

        var from = bound[_random.Next(bound.Count)].Variable;
        if (Chance(3))
        {
            text.Append("    then:\n      assert: { claim: { name: ").Append(Pick(Names));
            if (Chance(2))
            {
                text.Append(", issue: $").Append(from).Append(".issue");
            }

            if (Chance(3))
            {
                text.Append(", stance: ").Append(Pick(Stances));
            }

            text.Append(" } }\n");
            return;
        }

        text.Append("    then: { stance: ").Append(Pick(Stances)).Append(", confidence: ").Append(Pick(0.3, 0.5, 0.5, 0.8).ToString(CultureInfo.InvariantCulture));
        if (Chance(4))
        {
            text.Append(", issue: ").Append(Chance(2) ? "iss-a" : "$" + from + ".issue");
        }

        text.Append(" }\n");
    }

    private string PickType(bool allowSignal) => allowSignal && Chance(8) ? "signal" : Pick("statement", "statement", "vote", "claim", "claim", "speech");

    /// <summary>Zero to three conditions: tests against constants from the type's pool, and joins to patterns bound before.</summary>
    private string Conditions(string type, List<(string Variable, string Type)> bound, int rule)
    {
        var conditions = new List<string>();
        var fields = new HashSet<string>(StringComparer.Ordinal);
        var count = Pick(0, 1, 1, 2, 3);
        for (var i = 0; i < count; i++)
        {
            var condition = bound.Count > 0 && Chance(3) ? Join(type, bound) : Constant(type, rule);
            var field = condition[..condition.IndexOf(':', StringComparison.Ordinal)];
            if (fields.Add(field))
            {
                conditions.Add(condition);
            }
        }

        return "{ " + string.Join(", ", conditions) + (conditions.Count > 0 ? " }" : "}");
    }

    private string Join(string type, List<(string Variable, string Type)> bound)
    {
        var (variable, other) = bound[_random.Next(bound.Count)];
        if (type == "statement" && other == "speech" && Chance(2))
        {
            return "hedged: { " + Pick("eq", "ne") + ": $" + variable + ".televised }";
        }

        if (type == "claim" && other is "speech" or "claim" && Chance(2))
        {
            return "stance: { " + Pick("eq", "ne") + ": $" + variable + "." + (other == "speech" ? "stance_taken" : "stance") + " }";
        }

        var field = Pick("country", "country", "issue");
        return Chance(5) ? field + ": { ne: $" + variable + "." + field + " }" : field + ": $" + variable + "." + field;
    }

    private string Constant(string type, int rule) => type switch
    {
        "statement" => Pick(
            "act: welcome", "act: [welcome, condemn]", "act: { starts_with: c }", "family: supports", "family: none", "family: [condemns, rejects]",
            "negated: true", "negated: false", "hedged: true", "evidence: { matches: 'a+b' }", "target: { present: true }", "target: { present: false }",
            "issue: iss-a", "issue: { ne: iss-b }", "issue: { present: false }", "country: [RUS, CHN]"),
        "vote" => Pick("choice: yes", "choice: [no, abstain]", "choice: { ne: yes }", "yes_means: condemns", "yes_means: { present: true }", "motion: { contains: res }", "issue: iss-b"),
        "claim" => Pick("name: n1", "name: n2", "name: [n1, n3]", "name: { ne: n2 }", "stance: supports", "stance: { present: true }", "stance: none", "target: { matches: 'plan' }", "issue: iss-a", "country: FRA"),
        "speech" => Pick("tone: warm", "applause: { ge: 5 }", "applause: { lt: 3 }", "applause: { gt: 5 }", "applause: { le: 3 }", "applause: { ne: 5 }", "applause: [1, 5]", "applause: { present: false }", "televised: true", "televised: false", "stance_taken: condemns", "stance_taken: [supports, condemns]"),
        _ => Pick("confidence: { ge: 0.5 }", "stance: supports", "stance: [condemns, rejects]", $"rule: {{ ne: r{rule} }}", "issue: iss-a", "country: RUS"),
    };

    /// <summary>Each option now and then; of alternatives written <c>a|b</c> (one key), one.</summary>
    private void Maybe(StringBuilder text, params string[] options)
    {
        foreach (var option in options)
        {
            if (Chance(3))
            {
                text.Append(Pick(option.Split('|')));
            }
        }
    }

    private bool Chance(int oneIn) => _random.Next(oneIn) == 0;

    private T Pick<T>(params T[] options) => options[_random.Next(options.Length)];
}
