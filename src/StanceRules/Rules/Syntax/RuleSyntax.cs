using StanceRules.Yaml;
using YamlDotNet.RepresentationModel;

namespace StanceRules.Rules.Syntax;

/// <summary>How a pattern takes part in its rule.</summary>
internal enum PatternRole
{
    /// <summary>Must match; binds its variable.</summary>
    Match,

    /// <summary>Inside <c>not</c>: must not match.</summary>
    Not,

    /// <summary>Inside <c>exists</c>: must match at least once.</summary>
    Exists,
}

/// <summary>The operators of a field condition; the parser maps their spellings (<c>eq</c>, <c>==</c>, ...) to these.</summary>
internal enum RuleOperator
{
    Equal,
    NotEqual,
    In,
    NotIn,
    GreaterThan,
    GreaterOrEqual,
    LessThan,
    LessOrEqual,
    Contains,
    StartsWith,
    EndsWith,
    Matches,
    Present,
}

/// <summary>
/// One rule as written, before any name is resolved: what the parser could read of it. A part
/// the parser could not read (and reported) is null or left out; the rule is then dropped.
/// The YAML nodes are kept where the binder reads a literal or reports at a position.
/// </summary>
internal sealed record RuleSyntax(
    YamlNode Node,
    SourceLocation Location,
    string? Id,
    YamlNode? IdNode,
    string? Description,
    int Priority,
    IReadOnlyList<string> Tags,
    WhenSyntax? When,
    ActionSyntax? Then);

/// <summary>A rule's <c>when</c>: its elements in order. <c>ItemCount</c>: How many items the list has, readable or not.</summary>
internal sealed record WhenSyntax(YamlNode Node, IReadOnlyList<ElementSyntax> Elements, int ItemCount);

/// <summary>An element of <c>when</c> (or of a group): a pattern, or a <c>not</c>/<c>exists</c> group.</summary>
internal abstract record ElementSyntax(PatternRole Role, SourceLocation Location);

/// <summary><c>TYPE as VAR: { field: condition, ... }</c>; <see cref="Variable"/> is null when not named.</summary>
internal sealed record PatternSyntax(
    PatternRole Role,
    SourceLocation Location,
    YamlNode KeyNode,
    string TypeName,
    string? Variable,
    IReadOnlyList<FieldConditionSyntax> Fields) : ElementSyntax(Role, Location);

/// <summary><c>not:</c> or <c>exists:</c> over one pattern or a list of elements (AND). <c>IsList</c>: Written as a list, which NRules gets as an AND group.</summary>
internal sealed record GroupSyntax(PatternRole Role, SourceLocation Location, bool IsList, IReadOnlyList<ElementSyntax> Elements) : ElementSyntax(Role, Location);

/// <summary>
/// One field of a pattern and what it must satisfy: a value (equality), a list (membership) or a
/// mapping of operators, all of which must hold.
///  <c>Text</c>: The condition in flow style, e.g. <c>family: { ne: none }</c>, for explanations.</summary>
internal sealed record FieldConditionSyntax(string Field, YamlNode KeyNode, SourceLocation Location, YamlNode ValueNode, string Text, IReadOnlyList<ConditionSyntax> Conditions)
{
    /// <summary><c>~</c>, <c>{}</c> or <c>[]</c>: {} would match everything, [] nothing, ~ is ambiguous; none says what the author meant.</summary>
    public bool IsEmpty => YamlText.IsNull(ValueNode) || ValueNode is YamlMappingNode { Children.Count: 0 } or YamlSequenceNode { Children.Count: 0 };
}

/// <summary>An operator and its operand, e.g. <c>ge: 1000</c>.</summary>
internal sealed record ConditionSyntax(RuleOperator Operator, string Spelling, OperandSyntax Operand);

/// <summary>The right-hand side of a condition or a value of <c>then</c>.</summary>
internal abstract record OperandSyntax(YamlNode Node, SourceLocation Location);

/// <summary>A literal as written (a scalar, or whatever else the author wrote where one belongs), converted by the binder to the field's type.</summary>
internal sealed record LiteralSyntax(YamlNode Node, SourceLocation Location) : OperandSyntax(Node, Location)
{
    /// <summary>The scalar's text; null when the node is not a scalar.</summary>
    public string? Text => (Node as YamlScalarNode)?.Value ?? (Node is YamlScalarNode ? string.Empty : null);
}

/// <summary>A list of literals (the operand of <c>in</c> and <c>not_in</c>).</summary>
internal sealed record ListSyntax(YamlNode Node, SourceLocation Location, IReadOnlyList<LiteralSyntax> Items) : OperandSyntax(Node, Location);

/// <summary><c>$VAR.FIELD</c>: a field of the fact another pattern bound.</summary>
internal sealed record ReferenceSyntax(YamlNode Node, SourceLocation Location, string Text, string Variable, string Field) : OperandSyntax(Node, Location)
{
    /// <summary>Whether <see cref="Text"/> has the form <c>$VAR.FIELD</c> (otherwise the names are empty).</summary>
    public bool IsWellFormed => Variable.Length > 0;
}

/// <summary>A rule's <c>then</c>: emit a stance signal or assert a fact, for a country. <c>Country</c>: The signal's or fact's country as given; null when not given. <c>CountryReadable</c>: False when <c>country</c> was given but could not be read (reported).</summary>
internal abstract record ActionSyntax(YamlNode Node, SourceLocation Location, OperandSyntax? Country, bool CountryReadable);

/// <summary><c>then: { stance, confidence, country, issue }</c>. <c>Stance</c>: A stance name or a reference; null when it could not be read (reported).</summary>
internal sealed record EmitSyntax(
    YamlNode Node,
    SourceLocation Location,
    OperandSyntax? Country,
    bool CountryReadable,
    OperandSyntax? Issue,
    bool IssueReadable,
    OperandSyntax? Stance,
    double Confidence) : ActionSyntax(Node, Location, Country, CountryReadable);

/// <summary><c>then: { assert: { TYPE: { field: value, ... } }, country }</c>. <c>Fact</c>: The asserted fact; null when it could not be read (reported).</summary>
internal sealed record AssertSyntax(
    YamlNode Node,
    SourceLocation Location,
    OperandSyntax? Country,
    bool CountryReadable,
    AssertedFactSyntax? Fact) : ActionSyntax(Node, Location, Country, CountryReadable);

/// <summary>The fact an <c>assert</c> derives: its type and the fields it sets.</summary>
internal sealed record AssertedFactSyntax(YamlNode TypeNode, string TypeName, YamlNode Body, IReadOnlyList<AssertedFieldSyntax> Fields);

/// <summary>A field an <c>assert</c> sets, to a literal or a reference; <see cref="Value"/> is null when it could not be read (reported).</summary>
internal sealed record AssertedFieldSyntax(string Name, YamlNode KeyNode, OperandSyntax? Value);
