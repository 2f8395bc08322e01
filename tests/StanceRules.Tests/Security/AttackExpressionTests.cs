using System.Linq.Expressions;
using System.Reflection;
using NRules.RuleModel;

namespace StanceRules.Tests.Security;

/// <summary>
/// A rule can read fields of registered fact types and bound variables and call a fixed list of
/// methods; nothing else. The attacks that made CVE-2023-32571 possible in expression-string
/// engines are tried in every place a rule holds an expression, and each is a load-time error.
/// </summary>
public class AttackExpressionTests
{
    public static readonly TheoryData<string> Attacks = new()
    {
        "GetType().Assembly",
        "$s.GetType()",
        "$s.actor.GetType().Assembly",
        "System.IO.File.ReadAllText(\"/etc/passwd\")",
        "System.IO.File",
        "Environment.Exit(1)",
        "System.Environment",
        "System.Diagnostics.Process.Start(\"sh\")",
        "Process",
        "typeof(System.IO.File)",
        "Type.GetType(\"System.IO.File\")",
        "(object)$s.actor",
        "((System.String)$s.actor).Length",
        "$s.actor.Length",
        "System.Reflection.Assembly.Load(\"x\")",
        "$s.Country.ToString()",
        "new System.Net.WebClient()",
        "@System.IO.File@",
    };

    // Every place a rule holds something that is read as a name or a reference.
    private static readonly string[] Places =
    [
        "rules:\n  - id: a\n    when: [ \"{0}\": {{}} ]\n    then: {{ stance: supports }}\n",                                          // pattern type
        "rules:\n  - id: a\n    when: [ \"statement as {0}\": {{}} ]\n    then: {{ stance: supports }}\n",                           // variable name
        "rules:\n  - id: a\n    when: [ statement: {{ \"{0}\": x }} ]\n    then: {{ stance: supports }}\n",                           // field name
        "rules:\n  - id: a\n    when: [ statement: {{ act: {{ \"{0}\": x }} }} ]\n    then: {{ stance: supports }}\n",                // operator
        "rules:\n  - id: a\n    when: [ statement as s: {{}}, statement: {{ act: \"${0}\" }} ]\n    then: {{ stance: supports }}\n",  // variable reference
        "rules:\n  - id: a\n    when: [ statement as s: {{}} ]\n    then: {{ stance: \"{0}\" }}\n",                                   // stance
        "rules:\n  - id: a\n    when: [ statement as s: {{}} ]\n    then: {{ stance: \"${0}\" }}\n",                                  // stance reference
        "rules:\n  - id: a\n    when: [ statement as s: {{}} ]\n    then: {{ stance: supports, country: \"{0}\" }}\n",                // country
        "rules:\n  - id: a\n    when: [ statement as s: {{}} ]\n    then: {{ stance: supports, issue: \"{0}\" }}\n",                  // issue
        "rules:\n  - id: a\n    when: [ statement as s: {{}} ]\n    then: {{ assert: {{ \"{0}\": {{ name: x }} }} }}\n",              // asserted type
        "rules:\n  - id: a\n    when: [ statement as s: {{}} ]\n    then: {{ assert: {{ claim: {{ name: x, \"{0}\": y }} }} }}\n",    // asserted field
        "rules:\n  - id: a\n    when: [ statement as s: {{}} ]\n    then: {{ assert: {{ claim: {{ name: \"${0}\" }} }} }}\n",         // asserted value reference
        "rules:\n  - id: \"{0}\"\n    when: [ statement: {{}} ]\n    then: {{ stance: supports }}\n",                                  // rule id
    ];

    [Theory]
    [MemberData(nameof(Attacks))]
    public void AttackExpression_InEveryPlace_IsALoadTimeDiagnostic(string attack)
    {
        var escaped = attack.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        for (var place = 0; place < Places.Length; place++)
        {
            var yaml = string.Format(System.Globalization.CultureInfo.InvariantCulture, Places[place], escaped.TrimStart('$'));
            var error = Record.Exception(() => StanceEngine.FromYaml([new("attack.yaml", yaml)]));

            Assert.True(error is StanceRulesException, $"place {place}: '{attack}' compiled: {yaml}");
            var rulesError = (StanceRulesException)error;
            Assert.True(rulesError.Diagnostics.Count > 0, $"place {place}: no diagnostic");
            Assert.All(rulesError.Diagnostics, d => Assert.Equal("attack.yaml", d.Location.File));
        }
    }

    [Fact]
    public void LiteralValues_AreData_ComparedNeverEvaluated()
    {
        var engine = Repo.EngineWithRules("""
            rules:
              - id: literal
                when: [ statement: { act: "System.IO.File.Delete(\"/tmp/x\")", target: { contains: "GetType().Assembly" } } ]
                then: { stance: supports }
            """);

        var report = engine.Infer(new ArticleFacts("a", [new Statement { Actor = "Peru", Act = "System.IO.File.Delete(\"/tmp/x\")", Target = "x GetType().Assembly y", Issue = "i" }]));

        Assert.Equal(Stance.Supports, Assert.Single(report.Stances).Stance);
    }

    /// <summary>The only methods a compiled rule may call; anything else in a tree is a bug.</summary>
    private static readonly HashSet<string> AllowedMethods =
    [
        "String.Equals(String, String, StringComparison)",
        "String.Contains(String, StringComparison)",
        "String.StartsWith(String, StringComparison)",
        "String.EndsWith(String, StringComparison)",
        "HashSet`1.Contains(String)",
        "Regex.IsMatch(String)",
        "RuleActions.Emit(RuleInfo, String, String, Nullable`1, Double, Object[])",
        "RuleActions.Assert(RuleInfo, Fact, String, Object[])",
        "RuleActions.Insert(IContext, Object)",
    ];

    [Fact]
    public void CompiledTrees_CallOnlyTheFixedMethods_AndReadOnlyFactProperties()
    {
        var engine = Repo.EngineWithRules(File.ReadAllText(Path.Combine(Repo.Rules, "stances.yaml")) + """

              - id: every-operator
                when:
                  - statement as s: { act: { in: [a, b], ne: c, contains: d, starts_with: e, ends_with: f, matches: "^g" }, hedged: false, family: { ne: none } }
                  - vote: { country: $s.country, choice: [yes, no] }
                  - not:
                      claim: { country: $s.country, name: x }
                then: { stance: supports }
            """);
        var visitor = new CallCollector();
        foreach (var rule in engine.RuleSet.Rules)
        {
            foreach (var test in rule.Rule.Patterns.SelectMany(p => p.Tests))
            {
                visitor.Visit(rule.Predicate(test).Lambda);
            }

            foreach (var action in rule.Definition.RightHandSide.Actions)
            {
                visitor.Visit(action.Expression);
            }
        }

        Assert.Subset(AllowedMethods, visitor.Methods);
        Assert.All(visitor.Properties, p => Assert.True(p.DeclaringType!.IsAssignableTo(typeof(Fact)) || p.DeclaringType == typeof(StanceSignal), p.ToString()));
        Assert.Contains("RuleActions.Emit(RuleInfo, String, String, Nullable`1, Double, Object[])", visitor.Methods);
    }

    private sealed class CallCollector : ExpressionVisitor
    {
        public HashSet<string> Methods { get; } = [];

        public List<PropertyInfo> Properties { get; } = [];

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            Methods.Add($"{node.Method.DeclaringType!.Name}.{node.Method.Name}({string.Join(", ", node.Method.GetParameters().Select(p => p.ParameterType.Name))})");
            return base.VisitMethodCall(node);
        }

        protected override Expression VisitMember(MemberExpression node)
        {
            Properties.Add(Assert.IsAssignableFrom<PropertyInfo>(node.Member));
            return base.VisitMember(node);
        }
    }
}
