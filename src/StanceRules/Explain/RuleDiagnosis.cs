using System.Globalization;
using StanceRules.Rules;
using StanceRules.Rules.Binding;
using StanceRules.Rules.Syntax;

namespace StanceRules.Explain;

/// <summary>A condition that did not hold on a fact, with the values it read.</summary>
/// <param name="Condition">The condition as written (<c>family: supports</c>), or what the action would produce.</param>
/// <param name="Location">Where it is written.</param>
/// <param name="Detail">The values it saw, e.g. <c>family = rejects</c>.</param>
internal sealed record FailedTest(string Condition, SourceLocation Location, string Detail);

/// <summary>A fact a pattern was tried on, with the facts already bound, and the conditions that failed.</summary>
internal sealed record Miss(int Element, BoundPattern Pattern, object Candidate, IReadOnlyDictionary<string, object> Bound, IReadOnlyList<FailedTest> Failed, bool OtherCountry);

/// <summary>A <c>not</c> group that matched (so the rule could not fire), with the facts it matched.</summary>
internal sealed record Blocked(int Element, IReadOnlyList<object> By, IReadOnlyDictionary<string, object> Bound);

/// <summary>How one rule fares against an article's facts for one country, issue and stance.</summary>
internal sealed class RuleDiagnosis
{
    public required LoadedRule Rule { get; init; }

    /// <summary>Why the rule can never produce the target, whatever the facts (e.g. it emits a fixed issue), or null.</summary>
    public string? Impossible { get; init; }

    /// <summary>Complete matches: variable bindings under which the rule fires for the target.</summary>
    public List<IReadOnlyDictionary<string, object>> Matches { get; } = [];

    public List<Miss> Misses { get; } = [];

    public List<Blocked> Blocks { get; } = [];

    /// <summary><c>exists</c> groups that found nothing, with the bindings they were tried under.</summary>
    public List<(int Element, IReadOnlyDictionary<string, object> Bound)> EmptyExists { get; } = [];

    /// <summary>Matched candidates per element index (facts that passed every condition of that pattern).</summary>
    public Dictionary<int, List<object>> Passed { get; } = [];

    /// <summary>The deepest element of <c>when</c> that some binding reached.</summary>
    public int Deepest { get; set; }

    public bool Truncated { get; set; }

    /// <summary>The fewest conditions that failed on one fact at the deepest element (0 when it matches).</summary>
    public int Distance => Matches.Count > 0 ? 0 : NearestMisses.Select(m => m.Failed.Count).DefaultIfEmpty(int.MaxValue).Min();

    /// <summary>The misses at the deepest element for the country asked about, fewest failed conditions first.</summary>
    public IEnumerable<Miss> NearestMisses => Misses.Where(m => m.Element == Deepest && !m.OtherCountry).OrderBy(m => m.Failed.Count);
}

/// <summary>
/// What a rule says about its output, read from its bound <c>then</c>: the stance, country and
/// issue it gives (constants or fields of the facts it matched) and what it asserts.
/// </summary>
internal static class RuleOutput
{
    /// <summary>The stance an emitting rule gives when it is a literal.</summary>
    public static Stance? FixedStance(BoundRule rule) => rule.Then is BoundEmit { Stance: ConstantOperand { Value: Stance stance } } ? stance : null;

    /// <summary>Whether the rule could emit <paramref name="stance"/> (any stance when null): a literal equal to it, or a stance field.</summary>
    public static bool CouldEmit(BoundRule rule, Stance? stance) =>
        rule.Then is BoundEmit emit && (stance is null || emit.Stance is FieldOperand || FixedStance(rule) == stance);

    /// <summary>The confidence an emitting rule gives before hedging (0 for an asserting rule).</summary>
    public static double Confidence(BoundRule rule) => rule.Then is BoundEmit emit ? emit.Confidence : 0;

    /// <summary>The fact an asserting rule derives as written, e.g. <c>claim denies-court-authority</c>.</summary>
    public static string AssertedText(BoundAssert assert)
    {
        var type = assert.Type.ClrType.Name.ToLowerInvariant();
        var name = assert.Fields.FirstOrDefault(f => f.Field.Name == "name").Value;
        return name is null ? type : $"{type} {Describe(name)}";
    }

    /// <summary>A value of an action as a rule author wrote it: a literal, <c>$v.field</c>, or the unnamed first pattern's field.</summary>
    public static string Describe(BoundOperand value) => value switch
    {
        ConstantOperand { Value: null } => "none",
        ConstantOperand { Value: Stance s } => s.ToName(),
        ConstantOperand c => Convert.ToString(c.Value, CultureInfo.InvariantCulture) ?? "none",
        FieldOperand { Pattern.IsNamed: false } f => $"the {TypeWord(f.Pattern.Type)}'s {f.Field.Name}",
        FieldOperand f => $"${f.Pattern.Variable}.{f.Field.Name}",
        _ => value.ToString(),
    };

    /// <summary>How explanations have always named an unnamed pattern's type: its CLR name in lower case (a declared type by its name).</summary>
    private static string TypeWord(FactType type) => type.IsDeclared ? type.Name : type.ClrType.Name.ToLowerInvariant();
}

/// <summary>
/// A value the action computes from the matched facts (the signal's country, issue or stance),
/// as a check against the stance being explained.
/// </summary>
internal sealed class TargetCheck(string name, BoundOperand value)
{
    /// <summary><c>country</c>, <c>issue</c> or <c>stance</c>.</summary>
    public string Name { get; } = name;

    /// <summary>How the rule gives it: a literal or <c>$v.field</c>.</summary>
    public string Text { get; } = RuleOutput.Describe(value);

    /// <summary>The pattern variable it reads, or null for a constant.</summary>
    public string? Variable { get; } = (value as FieldOperand)?.Pattern.Variable;

    public object? Evaluate(IReadOnlyDictionary<string, object> bound) => value switch
    {
        FieldOperand f => f.Field.GetValue(bound[f.Pattern.Variable]),
        ConstantOperand c => c.Value,
        _ => null,
    };
}

/// <summary>
/// The one diagnosis of why a rule did or did not produce a stance, shared by <c>stance explain</c>
/// and rule test diffs. It walks the bound rule's <c>when</c> over the facts an inference matched,
/// element by element: each pattern's candidates (facts of its type) are tried with the facts
/// already bound, each field test evaluated by the predicate the lowering made for it, so it
/// says which condition failed on which fact, which <c>not</c> blocked, which <c>exists</c> found nothing.
/// </summary>
internal sealed class RuleDiagnoser
{
    private const int MaxSteps = 20_000;

    private readonly FactTypes _types;
    private readonly IReadOnlyList<object> _memory;

    public RuleDiagnoser(FactTypes types, IReadOnlyList<object> workingMemory)
    {
        _types = types;
        _memory = workingMemory;
    }

    /// <summary>
    /// The rules that could have produced <paramref name="stance"/> (any, when null) for a country and
    /// issue, each diagnosed; rules that never could (a fixed other stance, country or issue) are left
    /// out when a stance is asked for.
    /// </summary>
    public IEnumerable<RuleDiagnosis> Candidates(IEnumerable<LoadedRule> rules, string country, string issue, Stance? stance) =>
        rules.Where(r => RuleOutput.CouldEmit(r.Rule, stance))
            .Select(r => Diagnose(r, country, issue, stance))
            .Where(d => d.Impossible is null || stance is null);

    /// <summary>The elements of a rule's <c>when</c> in order, each with its patterns (a group's own, not those of groups nested in it).</summary>
    public static IReadOnlyList<BoundPattern> PatternsOf(BoundElement element) =>
        element is BoundPattern pattern ? [pattern] : ((BoundGroup)element).Elements.OfType<BoundPattern>().ToArray();

    public RuleDiagnosis Diagnose(LoadedRule rule, string country, string? issue, Stance? stance)
    {
        var impossible = ImpossibleReason(rule.Rule, country, issue, stance);
        var result = new RuleDiagnosis { Rule = rule, Impossible = impossible };
        if (impossible is not null)
        {
            return result;
        }

        var checks = new List<TargetCheck>();
        var then = rule.Rule.Then;
        if (then.Country is FieldOperand)
        {
            checks.Add(new TargetCheck("country", then.Country));
        }

        if (issue is not null && then is BoundEmit { Issue: FieldOperand } withIssue)
        {
            checks.Add(new TargetCheck("issue", withIssue.Issue));
        }

        if (stance is not null && then is BoundEmit { Stance: FieldOperand } withStance)
        {
            checks.Add(new TargetCheck("stance", withStance.Stance));
        }

        var steps = 0;
        Walk(result, 0, new Dictionary<string, object>(StringComparer.Ordinal), checks, country, issue, stance, ref steps);
        return result;
    }

    /// <summary>Facts of a pattern's type in working memory.</summary>
    public IEnumerable<object> CandidatesOf(BoundPattern pattern) =>
        _memory.Where(o => pattern.Type.ClrType.IsInstanceOfType(o) && (o is not DeclaredFact declared || declared.TypeName == pattern.Type.Name));

    private static string? ImpossibleReason(BoundRule rule, string country, string? issue, Stance? stance)
    {
        if (stance is not null && RuleOutput.FixedStance(rule) is { } fixedStance && fixedStance != stance)
        {
            return $"it emits {fixedStance.ToName()}";
        }

        if (rule.Then.Country is ConstantOperand c && !string.Equals(c.Value as string, country, StringComparison.OrdinalIgnoreCase))
        {
            return $"it emits for country {RuleOutput.Describe(c)} only";
        }

        if (issue is not null && rule.Then is BoundEmit { Issue: ConstantOperand i } && !string.Equals(i.Value as string, issue, StringComparison.Ordinal))
        {
            return $"it emits for issue {RuleOutput.Describe(i)} only";
        }

        return null;
    }

    private void Walk(RuleDiagnosis result, int index, Dictionary<string, object> bound, List<TargetCheck> checks, string country, string? issue, Stance? stance, ref int steps)
    {
        var when = result.Rule.Rule.When;
        result.Deepest = Math.Max(result.Deepest, index);
        if (index == when.Count)
        {
            result.Matches.Add(new Dictionary<string, object>(bound, StringComparer.Ordinal));
            return;
        }

        var element = when[index];
        var patterns = PatternsOf(element);
        switch (element.Role)
        {
            case PatternRole.Match:
                var pattern = patterns[0];
                foreach (var candidate in CandidatesOf(pattern))
                {
                    if (++steps > MaxSteps)
                    {
                        result.Truncated = true;
                        return;
                    }

                    bound[pattern.Variable] = candidate;
                    var failed = Failures(result.Rule, pattern, candidate, bound);
                    var otherCountry = false;
                    foreach (var check in checks.Where(k => k.Variable == pattern.Variable))
                    {
                        if (CheckTarget(check, bound, country, issue, stance) is { } miss)
                        {
                            failed.Add(miss);
                            otherCountry |= check.Name == "country";
                        }
                    }

                    if (failed.Count == 0)
                    {
                        (result.Passed.TryGetValue(index, out var list) ? list : result.Passed[index] = []).Add(candidate);
                        Walk(result, index + 1, bound, checks, country, issue, stance, ref steps);
                    }
                    else
                    {
                        result.Misses.Add(new Miss(index, pattern, candidate, Snapshot(bound, pattern.Variable), failed, otherCountry));
                    }

                    bound.Remove(pattern.Variable);
                }

                break;
            case PatternRole.Not:
                var blockers = FirstGroupMatch(result.Rule, patterns, 0, bound, ref steps);
                if (blockers is null)
                {
                    Walk(result, index + 1, bound, checks, country, issue, stance, ref steps);
                }
                else
                {
                    result.Blocks.Add(new Blocked(index, blockers, new Dictionary<string, object>(bound, StringComparer.Ordinal)));
                }

                break;
            case PatternRole.Exists:
                if (FirstGroupMatch(result.Rule, patterns, 0, bound, ref steps) is not null)
                {
                    Walk(result, index + 1, bound, checks, country, issue, stance, ref steps);
                }
                else
                {
                    result.EmptyExists.Add((index, new Dictionary<string, object>(bound, StringComparer.Ordinal)));
                    var first = patterns[0];
                    foreach (var candidate in CandidatesOf(first))
                    {
                        bound[first.Variable] = candidate;
                        result.Misses.Add(new Miss(index, first, candidate, Snapshot(bound, first.Variable), Failures(result.Rule, first, candidate, bound), false));
                        bound.Remove(first.Variable);
                    }
                }

                break;
        }
    }

    /// <summary>The first assignment of a group's patterns that passes all their conditions, or null.</summary>
    private List<object>? FirstGroupMatch(LoadedRule rule, IReadOnlyList<BoundPattern> patterns, int index, Dictionary<string, object> bound, ref int steps)
    {
        if (index == patterns.Count)
        {
            return [];
        }

        var pattern = patterns[index];
        foreach (var candidate in CandidatesOf(pattern))
        {
            if (++steps > MaxSteps)
            {
                return null;
            }

            bound[pattern.Variable] = candidate;
            var rest = Failures(rule, pattern, candidate, bound).Count == 0 ? FirstGroupMatch(rule, patterns, index + 1, bound, ref steps) : null;
            bound.Remove(pattern.Variable);
            if (rest is not null)
            {
                rest.Insert(0, candidate);
                return rest;
            }
        }

        return null;
    }

    private static Dictionary<string, object> Snapshot(Dictionary<string, object> bound, string except) =>
        bound.Where(b => b.Key != except).ToDictionary(b => b.Key, b => b.Value, StringComparer.Ordinal);

    private static FailedTest? CheckTarget(TargetCheck check, Dictionary<string, object> bound, string country, string? issue, Stance? stance)
    {
        var value = check.Evaluate(bound);
        var ok = check.Name switch
        {
            "country" => string.Equals(value as string, country, StringComparison.OrdinalIgnoreCase),
            "issue" => string.Equals(value as string, issue, StringComparison.Ordinal),
            _ => value is Stance s && s == stance,
        };
        if (ok)
        {
            return null;
        }

        var wanted = check.Name switch { "country" => country, "issue" => issue!, _ => stance!.Value.ToName() };
        return new FailedTest($"signal {check.Name} ({check.Text})", new SourceLocation(), $"would be {FactText.Value(value)}, not {wanted}");
    }

    /// <summary>The field tests of a pattern that do not hold for a candidate, given the facts bound so far (tests joining a variable not yet bound are skipped).</summary>
    private List<FailedTest> Failures(LoadedRule rule, BoundPattern pattern, object candidate, IReadOnlyDictionary<string, object> bound)
    {
        var failed = new List<FailedTest>();
        foreach (var test in pattern.Tests)
        {
            var predicate = rule.Predicate(test);
            if (predicate.CanEvaluate(bound) && !predicate.Holds(candidate, bound))
            {
                failed.Add(new FailedTest(test.Text, test.Location, Detail(test, candidate, bound)));
            }
        }

        return failed;
    }

    /// <summary>The values a field test read: <c>family = rejects</c>, and for joins <c>$c.country = CHN (of f2)</c>.</summary>
    private string Detail(BoundFieldTest test, object candidate, IReadOnlyDictionary<string, object> bound)
    {
        var parts = new List<string>();
        if (FactText.TryField(_types, candidate, test.Field.Name, out var own))
        {
            parts.Add($"{test.Field.Name} = {FactText.Value(own)}");
        }

        foreach (var condition in test.Conditions)
        {
            if (condition.Operand is FieldOperand reference && bound.TryGetValue(reference.Pattern.Variable, out var other)
                && FactText.TryField(_types, other, reference.Field.Name, out var value))
            {
                parts.Add($"${reference.Pattern.Variable}.{reference.Field.Name} = {FactText.Value(value)} (of {FactText.Name(other)})");
            }
        }

        return string.Join(", ", parts);
    }
}
