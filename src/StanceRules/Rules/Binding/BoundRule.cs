using System.Text.RegularExpressions;
using StanceRules.Rules.Syntax;

namespace StanceRules.Rules.Binding;

/// <summary>
/// A rule with every name resolved and every literal converted: what the rule says, as data.
/// Immutable once bound. Lowered to NRules by <see cref="Lowering.RuleLowering"/>, and read by
/// explanations and rule tests (and any other back end) instead of the compiled trees.
/// </summary>
internal sealed class BoundRule(
    string id,
    string? description,
    int priority,
    IReadOnlyList<string> tags,
    SourceLocation location,
    IReadOnlyList<BoundElement> when,
    IReadOnlyList<BoundPattern> patterns,
    IReadOnlyList<BoundPattern> positives,
    BoundAction then)
{
    public string Id { get; } = id;

    public string? Description { get; } = description;

    public int Priority { get; } = priority;

    public IReadOnlyList<string> Tags { get; } = tags;

    /// <summary>Where the rule starts.</summary>
    public SourceLocation Location { get; } = location;

    /// <summary>The elements of <c>when</c>, in order.</summary>
    public IReadOnlyList<BoundElement> When { get; } = when;

    /// <summary>Every pattern of the rule, nested ones too, in the order they are written.</summary>
    public IReadOnlyList<BoundPattern> Patterns { get; } = patterns;

    /// <summary>The top-level patterns that must match: the facts the action receives, in order.</summary>
    public IReadOnlyList<BoundPattern> Positives { get; } = positives;

    public BoundAction Then { get; } = then;
}

/// <summary>An element of <c>when</c>: a pattern or a <c>not</c>/<c>exists</c> group.</summary>
internal abstract class BoundElement(PatternRole role)
{
    public PatternRole Role { get; } = role;
}

/// <summary>A pattern: a fact of <see cref="Type"/>, bound to <see cref="Variable"/>, passing every field test.</summary>
internal sealed class BoundPattern(PatternRole role, FactType type, string variable, SourceLocation location, IReadOnlyList<BoundFieldTest> tests) : BoundElement(role)
{
    public FactType Type { get; } = type;

    /// <summary>The variable as written, or <c>_N</c> (the N-th pattern of the rule) when the pattern names none.</summary>
    public string Variable { get; } = variable;

    /// <summary>Whether the author named the variable (<c>statement as s</c>).</summary>
    public bool IsNamed => !Variable.StartsWith('_');

    /// <summary>Where the pattern's header is.</summary>
    public SourceLocation Location { get; } = location;

    /// <summary>The field tests, one per field written, in order.</summary>
    public IReadOnlyList<BoundFieldTest> Tests { get; } = tests;

    /// <summary>Every condition of every field test, in order.</summary>
    public IEnumerable<BoundCondition> Conditions => Tests.SelectMany(t => t.Conditions);
}

/// <summary>A <c>not</c> or <c>exists</c> group: one pattern, or a list of elements that must hold together.</summary>
internal sealed class BoundGroup(PatternRole role, bool isList, IReadOnlyList<BoundElement> elements) : BoundElement(role)
{
    /// <summary>Written as a list (an AND group) rather than one pattern.</summary>
    public bool IsList { get; } = isList;

    public IReadOnlyList<BoundElement> Elements { get; } = elements;
}

/// <summary>
/// What one field of a pattern must satisfy (<c>family: { ne: none }</c>): all its conditions.
/// The unit NRules gets as one condition, and explanations report as one line.
/// </summary>
internal sealed class BoundFieldTest(FactField field, string text, SourceLocation location, IReadOnlyList<BoundCondition> conditions)
{
    public FactField Field { get; } = field;

    /// <summary>As written, e.g. <c>family: { ne: none }</c>.</summary>
    public string Text { get; } = text;

    /// <summary>Where the field's key is.</summary>
    public SourceLocation Location { get; } = location;

    public IReadOnlyList<BoundCondition> Conditions { get; } = conditions;
}

/// <summary>One comparison of a field with an operand: <c>field operator operand</c>.</summary>
internal sealed class BoundCondition(FactField field, RuleOperator op, BoundOperand operand, SourceLocation location)
{
    /// <summary>The field of the pattern's own fact that is compared.</summary>
    public FactField Field { get; } = field;

    public RuleOperator Operator { get; } = op;

    public BoundOperand Operand { get; } = operand;

    /// <summary>Where the operand is written.</summary>
    public SourceLocation Location { get; } = location;
}

/// <summary>The right-hand side of a condition, or a value an action gives.</summary>
internal abstract record BoundOperand;

/// <summary>A literal, converted to <see cref="Type"/> (the field's type; numbers are compared as double).</summary>
internal sealed record ConstantOperand(object? Value, Type Type) : BoundOperand;

/// <summary>
/// The members of an <c>in</c>/<c>not_in</c> list, converted to the field's type. For a text field
/// <see cref="Text"/> holds them for a case-insensitive lookup (built once, never changed after binding).
/// </summary>
internal sealed record SetOperand(IReadOnlyList<ConstantOperand> Values, HashSet<string>? Text) : BoundOperand;

/// <summary>The compiled pattern of <c>matches</c> (non-backtracking, case-insensitive).</summary>
internal sealed record RegexOperand(Regex Regex) : BoundOperand;

/// <summary><c>$VAR.FIELD</c>: a field of the fact another pattern bound (or the first pattern's, for a default target).</summary>
internal sealed record FieldOperand(BoundPattern Pattern, FactField Field) : BoundOperand;

/// <summary>What a rule's <c>then</c> does, for which country.</summary>
internal abstract class BoundAction(BoundOperand country)
{
    /// <summary>The country of the signal or asserted fact: text, a constant or a field.</summary>
    public BoundOperand Country { get; } = country;
}

/// <summary>Emits a stance signal.</summary>
internal sealed class BoundEmit(BoundOperand country, BoundOperand issue, BoundOperand stance, double confidence) : BoundAction(country)
{
    /// <summary>The issue: text, a constant or a field.</summary>
    public BoundOperand Issue { get; } = issue;

    /// <summary>A <see cref="StanceRules.Stance"/> constant, or a stance field.</summary>
    public BoundOperand Stance { get; } = stance;

    /// <summary>The confidence before hedging.</summary>
    public double Confidence { get; } = confidence;
}

/// <summary>Asserts a derived fact of <see cref="Type"/> with the fields given.</summary>
internal sealed class BoundAssert(BoundOperand country, FactType type, IReadOnlyList<(FactField Field, BoundOperand Value)> fields) : BoundAction(country)
{
    public FactType Type { get; } = type;

    public IReadOnlyList<(FactField Field, BoundOperand Value)> Fields { get; } = fields;
}
