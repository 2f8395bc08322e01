using StanceRules.Rules;
using StanceRules.Rules.Binding;
using StanceRules.Rules.Lowering;
using StanceRules.Rules.Syntax;
using StanceRules.Yaml;
using YamlDotNet.RepresentationModel;

namespace StanceRules.Tests;

/// <summary>The rule language's three stages on their own: parse (syntax with locations), bind (names, types, literals), lower (per operator).</summary>
public class RuleModelTests
{
    private sealed record Stages(YamlText Yaml, List<Diagnostic> Errors, YamlNode Node, string? Id);

    /// <summary>A YAML list holding one rule, read as the loader reads it.</summary>
    private static Stages Read(string rule)
    {
        var errors = new List<Diagnostic>();
        var yaml = new YamlText("r.yaml", errors);
        var node = ((YamlSequenceNode)yaml.Load(rule)!).Children[0];
        var id = node is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode("id"), out var idNode) ? ((YamlScalarNode)idNode).Value : null;
        return new Stages(yaml, errors, node, id);
    }

    private static (RuleSyntax Syntax, List<Diagnostic> Errors) Parse(string rule)
    {
        var read = Read(rule);
        return (new RuleParser(read.Yaml).Parse(read.Node, read.Id)!, read.Errors);
    }

    private static (BoundRule? Rule, List<Diagnostic> Errors) Bind(string rule)
    {
        var read = Read(rule);
        var syntax = new RuleParser(read.Yaml).Parse(read.Node, read.Id)!;
        return (new RuleBinder(read.Yaml, FactTypes.Default).Bind(syntax, 0, (_, _) => true), read.Errors);
    }

    private static LoadedRule Lower(string rule)
    {
        var (bound, errors) = Bind(rule);
        Assert.Empty(errors);
        return RuleLowering.Lower(bound!);
    }

    [Fact]
    public void Parser_GivesPatternsConditionsAndOperandsAsWritten_WithTheirLocations()
    {
        var (syntax, errors) = Parse("""
            - id: r
              when:
                - statement as s: { act: [welcome, praise], target: { contains: plan, ne: $v.motion } }
                - not:
                    vote: { country: $s.country }
              then: { stance: supports, confidence: 0.5 }
            """);

        Assert.Empty(errors);
        Assert.Equal("r", syntax.Id);
        var pattern = Assert.IsType<PatternSyntax>(syntax.When!.Elements[0]);
        Assert.Equal(("statement", "s", PatternRole.Match, 3, 7), (pattern.TypeName, pattern.Variable, pattern.Role, pattern.Location.Line, pattern.Location.Column));
        Assert.Equal(["act: [welcome, praise]", "target: { contains: plan, ne: $v.motion }"], pattern.Fields.Select(f => f.Text));
        Assert.Equal((3, 25), (pattern.Fields[0].Location.Line, pattern.Fields[0].Location.Column));

        var membership = Assert.Single(pattern.Fields[0].Conditions);
        Assert.Equal(RuleOperator.In, membership.Operator);
        Assert.Equal(["welcome", "praise"], Assert.IsType<ListSyntax>(membership.Operand).Items.Select(i => i.Text));

        var target = pattern.Fields[1].Conditions;
        Assert.Equal([RuleOperator.Contains, RuleOperator.NotEqual], target.Select(c => c.Operator));
        Assert.Equal("plan", Assert.IsType<LiteralSyntax>(target[0].Operand).Text);
        var reference = Assert.IsType<ReferenceSyntax>(target[1].Operand);
        Assert.Equal(("v", "motion", 3, 79), (reference.Variable, reference.Field, reference.Location.Line, reference.Location.Column));

        var not = Assert.IsType<GroupSyntax>(syntax.When.Elements[1]);
        Assert.Equal((PatternRole.Not, false), (not.Role, not.IsList));
        Assert.Equal((PatternRole.Not, "vote", (string?)null), Assert.IsType<PatternSyntax>(Assert.Single(not.Elements)) is var inner ? (inner.Role, inner.TypeName, inner.Variable) : default);

        var emit = Assert.IsType<EmitSyntax>(syntax.Then);
        Assert.Equal(("supports", 0.5, (OperandSyntax?)null), (Assert.IsType<LiteralSyntax>(emit.Stance).Text, emit.Confidence, emit.Country));
    }

    [Fact]
    public void Parser_LeavesNamesToTheBinder_AndReportsOnlyShape()
    {
        // An unknown type, an unbound variable and a malformed reference are well-formed YAML for a pattern:
        // only the unknown operator is the parser's (the binder reports references where it resolves them).
        var (syntax, errors) = Parse("""
            - id: r
              when: [ speech: { act: $nope.act, target: { like: x }, actor: $bad } ]
              then: { stance: supports }
            """);

        Assert.Equal([(DiagnosticCodes.UnknownOperator, 2, 47)], errors.Select(e => (e.Code, e.Location.Line, e.Location.Column)));
        var fields = Assert.IsType<PatternSyntax>(Assert.Single(syntax.When!.Elements)).Fields;
        Assert.Equal(["act", "target", "actor"], fields.Select(f => f.Field));
        Assert.True(Assert.IsType<ReferenceSyntax>(fields[0].Conditions[0].Operand).IsWellFormed);
        Assert.False(Assert.IsType<ReferenceSyntax>(fields[2].Conditions[0].Operand).IsWellFormed);
    }

    [Fact]
    public void RuleErrors_FromParserAndBinder_AreReportedInTheOrderTheyAreWritten()
    {
        var error = Assert.Throws<StanceRulesException>(() => StanceEngine.FromYaml([new("r.yaml", """
            rules:
              - id: r
                when: [ statement: { act: $v.act, target: { like: x } } ]
                then: { stance: adores, confidence: 2 }
            """)]));

        Assert.Equal(
            [(DiagnosticCodes.UndefinedVariable, 3, 31), (DiagnosticCodes.UnknownOperator, 3, 49), (DiagnosticCodes.UnknownStance, 4, 21), (DiagnosticCodes.OutOfRange, 4, 41)],
            error.Diagnostics.Select(e => (e.Code, e.Location.Line, e.Location.Column)));
    }

    [Fact]
    public void Binder_ResolvesTypesVariablesAndDefaultTargets_AndConvertsLiterals()
    {
        var (rule, errors) = Bind("""
            - id: r
              when:
                - statement as s: { family: none, negated: false, act: [Welcome, welcome, hail] }
                - vote as v: { country: $s.country, yes_means: { ne: rejects } }
              then: { stance: $v.yes_means, confidence: 0.8 }
            """);

        Assert.Empty(errors);
        Assert.NotNull(rule);
        var (s, v) = (rule.Positives[0], rule.Positives[1]);
        Assert.Equal(("statement", "vote"), (s.Type.Name, v.Type.Name));

        var conditions = s.Conditions.ToList();
        Assert.Equal(new ConstantOperand(null, typeof(Stance?)), conditions[0].Operand);
        Assert.Equal(new ConstantOperand(false, typeof(bool)), conditions[1].Operand);
        var set = Assert.IsType<SetOperand>(conditions[2].Operand);
        Assert.Equal(["Welcome", "hail"], set.Values.Select(c => c.Value));

        var join = v.Conditions.First();
        Assert.Equal((RuleOperator.Equal, "country"), (join.Operator, join.Field.Name));
        Assert.Same(s, Assert.IsType<FieldOperand>(join.Operand).Pattern);
        Assert.Equal(new ConstantOperand(Stance.Rejects, typeof(Stance?)), v.Conditions.Last().Operand);

        var emit = Assert.IsType<BoundEmit>(rule.Then);
        Assert.Equal((s, "country"), emit.Country is FieldOperand c ? (c.Pattern, c.Field.Name) : default);
        Assert.Equal((s, "issue"), emit.Issue is FieldOperand i ? (i.Pattern, i.Field.Name) : default);
        Assert.Equal((v, "yes_means", 0.8), emit.Stance is FieldOperand st ? (st.Pattern, st.Field.Name, emit.Confidence) : default);
    }

    [Fact]
    public void Binder_ReportsTheSemanticErrors_AndBindsNothing()
    {
        var (rule, errors) = Bind("""
            - id: r
              when: [ statement: { act: $v.act, colour: red, hedged: { contains: x } } ]
              then: { stance: adores }
            """);

        Assert.Null(rule);
        Assert.Equal(
            [(DiagnosticCodes.UndefinedVariable, 2, 29), (DiagnosticCodes.UnknownField, 2, 37), (DiagnosticCodes.TypeMismatch, 2, 70), (DiagnosticCodes.UnknownStance, 3, 19)],
            errors.Select(e => (e.Code, e.Location.Line, e.Location.Column)));
    }

    [Fact]
    public void Binder_ScopesNotGroups_SoTheirVariablesStayInside()
    {
        var (rule, errors) = Bind("""
            - id: r
              when:
                - statement as s: {}
                - not:
                    - vote as v: { country: $s.country }
                    - claim: { country: $v.country }
                - claim: { country: $v.country }
              then: { stance: supports }
            """);

        Assert.Null(rule);
        var error = Assert.Single(errors);
        Assert.Equal((DiagnosticCodes.UndefinedVariable, 7, 25), (error.Code, error.Location.Line, error.Location.Column));
    }

    public static TheoryData<string, bool> Operators => new()
    {
        { "act: welcome", true },
        { "act: WELCOME", true },
        { "act: { ne: welcome }", false },
        { "act: [hail, Welcome]", true },
        { "act: { not_in: [hail, welcome] }", false },
        { "target: { contains: PEACE }", true },
        { "target: { starts_with: china }", true },
        { "target: { ends_with: plan }", true },
        { "target: { ends_with: china }", false },
        { "target: { matches: \"^chin[a-z]+'s\" }", true },
        { "evidence: { present: false }", true },
        { "evidence: { present: true }", false },
        { "hedged: true", false },
        { "family: supports", true },
        { "family: { ne: none }", true },
        { "family: [rejects, condemns]", false },
    };

    [Theory]
    [MemberData(nameof(Operators))]
    public void Lowering_EachOperator_EvaluatesAsTheLanguageSays(string condition, bool holds)
    {
        var rule = Lower($"- id: r\n  when: [ statement: {{ {condition} }} ]\n  then: {{ stance: supports }}\n");
        var statement = new Statement { Actor = "Kremlin", Act = "welcome", Target = "China's peace plan", Issue = "x" };
        statement.Family = Stance.Supports;

        var test = Assert.Single(rule.Rule.Positives[0].Tests);

        Assert.Equal(holds, rule.Predicate(test).Holds(statement, new Dictionary<string, object>()));
        Assert.All(test.Conditions, c => Assert.Equal(holds, rule.Predicate(c).Holds(statement, new Dictionary<string, object>())));
    }

    [Theory]
    [InlineData("ge: 1000.5, lt: 5000", 2000, true)]
    [InlineData("ge: 1000.5, lt: 5000", 1000, false)]
    [InlineData("gt: 10, le: 10", 10, false)]
    [InlineData("eq: 7", 7, true)]
    public void Lowering_Ordering_ComparesNumbersAsDouble(string operators, int size, bool holds)
    {
        const string types = "types: [ { name: protest, fields: { size: number } } ]\n";
        var engine = StanceEngine.FromYaml([new("r.yaml", types + $"rules:\n  - id: r\n    when: [ protest: {{ size: {{ {operators} }} }} ]\n    then: {{ stance: condemns, issue: x, country: FRA }}\n")]);
        var rule = Assert.Single(engine.RuleSet.Rules);
        Assert.True(engine.RuleSet.FactTypes.TryGet("protest", out var protest));
        var fact = protest.CreateFact();
        protest.Fields["size"].SetValue(fact, (double)size);

        Assert.Equal(holds, rule.Predicate(Assert.Single(rule.Rule.Positives[0].Tests)).Holds(fact, new Dictionary<string, object>()));
    }

    [Fact]
    public void Lowering_JoinPredicate_ReadsTheBoundVariable()
    {
        var rule = Lower("""
            - id: r
              when:
                - vote as v: {}
                - statement: { target: { contains: $v.motion } }
              then: { stance: supports }
            """);
        var test = Assert.Single(rule.Rule.Positives[1].Tests);
        var predicate = rule.Predicate(test);
        var statement = new Statement { Actor = "Peru", Act = "welcome", Target = "the peace plan" };

        Assert.Equal(["_2", "v"], predicate.Variables);
        Assert.False(predicate.CanEvaluate(new Dictionary<string, object>()));
        Assert.True(predicate.Holds(statement, new Dictionary<string, object> { ["v"] = new Vote { Actor = "Peru", Motion = "PEACE plan" } }));
        Assert.False(predicate.Holds(statement, new Dictionary<string, object> { ["v"] = new Vote { Actor = "Peru", Motion = "war" } }));
        Assert.False(predicate.Holds(statement, new Dictionary<string, object> { ["v"] = new Vote { Actor = "Peru" } }));
    }
}
