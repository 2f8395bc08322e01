using System.Linq.Expressions;
using NRules.RuleModel;
using StanceRules.Rules;

namespace StanceRules.Explain;

/// <summary>What a rule's action does: emit a stance signal or assert a derived fact.</summary>
internal enum ActionKind
{
    Emit,
    Assert,
}

/// <summary>One element of a rule's <c>when</c>, in order: a pattern that must match, or a <c>not</c>/<c>exists</c> group of patterns.</summary>
internal sealed record ShapeElement(PatternRole Role, IReadOnlyList<PatternInfo> Patterns);

/// <summary>
/// A value the action computes from the matched facts (the signal's country, issue or stance),
/// as a check against the stance being explained: compiled over the variables it reads.
/// </summary>
internal sealed class TargetCheck
{
    private readonly Delegate _evaluate;

    public TargetCheck(string name, string text, IReadOnlyList<ParameterExpression> variables, Expression value)
    {
        Name = name;
        Text = text;
        Variables = variables.Select(v => v.Name!).ToArray();
        _evaluate = Rules.TrimSafeExpressions.Lambda(Expression.Convert(value, typeof(object)), variables).Compile();
    }

    /// <summary><c>country</c>, <c>issue</c> or <c>stance</c>.</summary>
    public string Name { get; }

    /// <summary>How the rule gives it: a literal or <c>$v.field</c>.</summary>
    public string Text { get; }

    /// <summary>The pattern variables it reads.</summary>
    public IReadOnlyList<string> Variables { get; }

    public object? Evaluate(IReadOnlyDictionary<string, object> bound) =>
        _evaluate.DynamicInvoke(Variables.Select(v => bound[v]).ToArray());
}

/// <summary>
/// The anatomy of a compiled rule, read back from its NRules rule model and the
/// <see cref="PatternInfo"/> the translator kept: the elements of <c>when</c> in order, and
/// what <c>then</c> produces (which stance, for which country and issue, or which fact).
/// </summary>
internal sealed class RuleShape
{
    private RuleShape(CompiledRule rule, IReadOnlyList<ShapeElement> elements, ActionKind kind)
    {
        Rule = rule;
        Elements = elements;
        Kind = kind;
    }

    public CompiledRule Rule { get; }

    public IReadOnlyList<ShapeElement> Elements { get; }

    public ActionKind Kind { get; }

    /// <summary>The stance an emitting rule gives when it is a literal.</summary>
    public Stance? FixedStance { get; private set; }

    /// <summary>The field an emitting rule takes its stance from (<c>$v.yes_means</c>), or null.</summary>
    public string? StanceField { get; private set; }

    /// <summary>The confidence an emitting rule gives (before hedging).</summary>
    public double Confidence { get; private set; }

    /// <summary>The fact type an asserting rule derives.</summary>
    public Type? AssertedType { get; private set; }

    /// <summary>The asserted fact as written, e.g. <c>claim denies-court-authority</c>.</summary>
    public string? AssertedText { get; private set; }

    public TargetCheck? Country { get; private set; }

    public TargetCheck? Issue { get; private set; }

    public TargetCheck? StanceValue { get; private set; }

    /// <summary>Whether the rule could emit <paramref name="stance"/> (a literal equal to it, or a stance field).</summary>
    public bool CouldEmit(Stance? stance) => Kind == ActionKind.Emit && (stance is null || FixedStance == stance || StanceField is not null);

    public static RuleShape Of(CompiledRule rule)
    {
        var byVariable = rule.Patterns.ToDictionary(p => p.Variable, StringComparer.Ordinal);
        var elements = new List<ShapeElement>();
        foreach (var child in rule.Definition.LeftHandSide.ChildElements)
        {
            switch (child)
            {
                case PatternElement pattern when byVariable.TryGetValue(pattern.Declaration.Name, out var info):
                    elements.Add(new ShapeElement(PatternRole.Match, [info]));
                    break;
                case NotElement not:
                    elements.Add(new ShapeElement(PatternRole.Not, PatternsOf(not.Source, byVariable)));
                    break;
                case ExistsElement exists:
                    elements.Add(new ShapeElement(PatternRole.Exists, PatternsOf(exists.Source, byVariable)));
                    break;
            }
        }

        var actions = rule.Definition.RightHandSide.Actions;
        var action = actions.Count > 0 ? actions[0].Expression : null;
        var call = action?.Body as MethodCallExpression;
        var isAssert = call?.Method.Name == nameof(RuleActions.Assert);
        var shape = new RuleShape(rule, elements, isAssert ? ActionKind.Assert : ActionKind.Emit);
        if (action is null || call is null)
        {
            return shape;
        }

        var variables = action.Parameters.Skip(1).ToArray(); // the first is the NRules context
        TargetCheck Check(string name, Expression value) => new(name, Describe(value), variables.Where(v => Uses(value, v)).ToArray(), value);

        if (isAssert)
        {
            shape.Country = Check("country", call.Arguments[3]);
            if (call.Arguments[2] is MemberInitExpression init)
            {
                shape.AssertedType = init.Type;
                var name = init.Bindings.OfType<MemberAssignment>().FirstOrDefault(b => b.Member.Name == nameof(Claim.Name))?.Expression;
                shape.AssertedText = name is null ? init.Type.Name.ToLowerInvariant() : $"{init.Type.Name.ToLowerInvariant()} {Describe(name)}";
            }

            return shape;
        }

        shape.Country = Check("country", call.Arguments[2]);
        shape.Issue = Check("issue", call.Arguments[3]);
        var stance = call.Arguments[4];
        if (stance is ConstantExpression { Value: Stance fixedStance })
        {
            shape.FixedStance = fixedStance;
        }
        else
        {
            shape.StanceField = Describe(stance);
            shape.StanceValue = Check("stance", stance);
        }

        shape.Confidence = call.Arguments[5] is ConstantExpression { Value: double c } ? c : 1;
        return shape;
    }

    private static PatternInfo[] PatternsOf(RuleElement source, Dictionary<string, PatternInfo> byVariable) => source switch
    {
        PatternElement p when byVariable.TryGetValue(p.Declaration.Name, out var info) => [info],
        GroupElement g => g.ChildElements.SelectMany(c => PatternsOf(c, byVariable)).ToArray(),
        _ => [],
    };

    /// <summary>A value of an action as a rule author wrote it: a literal, or <c>$v.field</c>.</summary>
    private static string Describe(Expression value) => value switch
    {
        ConstantExpression { Value: null } => "none",
        ConstantExpression { Value: Stance s } => s.ToName(),
        ConstantExpression c => Convert.ToString(c.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "none",
        UnaryExpression { NodeType: ExpressionType.Convert } u => Describe(u.Operand),
        MemberExpression { Expression: ParameterExpression p } m when p.Name!.StartsWith('_') => $"the {p.Type.Name.ToLowerInvariant()}'s {FactType.SnakeCase(m.Member.Name)}",
        MemberExpression { Expression: ParameterExpression p } m => $"${p.Name}.{FactType.SnakeCase(m.Member.Name)}",
        _ => value.ToString(),
    };

    private static bool Uses(Expression value, ParameterExpression parameter)
    {
        var finder = new ParameterFinder(parameter);
        finder.Visit(value);
        return finder.Found;
    }

    private sealed class ParameterFinder(ParameterExpression parameter) : ExpressionVisitor
    {
        public bool Found { get; private set; }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            Found |= node == parameter;
            return node;
        }
    }
}
