using System.Linq.Expressions;
using System.Text.RegularExpressions;
using StanceRules.Rules;

namespace StanceRules.Explain;

/// <summary>A condition that did not hold on a fact, with the values it read.</summary>
/// <param name="Condition">The condition as written (<c>family: supports</c>), or what the action would produce.</param>
/// <param name="Location">Where it is written.</param>
/// <param name="Detail">The values it saw, e.g. <c>family = rejects</c>.</param>
internal sealed record FailedTest(string Condition, SourceLocation Location, string Detail);

/// <summary>A fact a pattern was tried on, with the facts already bound, and the conditions that failed.</summary>
internal sealed record Miss(int Element, PatternInfo Pattern, object Candidate, IReadOnlyDictionary<string, object> Bound, IReadOnlyList<FailedTest> Failed, bool OtherCountry);

/// <summary>A <c>not</c> group that matched (so the rule could not fire), with the facts it matched.</summary>
internal sealed record Blocked(int Element, IReadOnlyList<object> By, IReadOnlyDictionary<string, object> Bound);

/// <summary>How one rule fares against an article's facts for one country, issue and stance.</summary>
internal sealed class RuleProbeResult
{
    public required RuleShape Shape { get; init; }

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
}

/// <summary>
/// Evaluates a rule's compiled conditions (each <see cref="ConditionInfo.Lambda"/>) against the
/// facts an inference matched, to say whether the rule could produce a given stance for a
/// country and issue and, when it could not, which condition failed on which fact. A
/// single-variable condition is evaluated per fact of the pattern's type; a join condition with
/// the facts bound to the variables it reads, found by trying the rule's patterns in order.
/// </summary>
internal sealed partial class RuleProbe
{
    private const int MaxSteps = 20_000;

    private readonly FactTypes _types;
    private readonly IReadOnlyList<object> _memory;
    private readonly Dictionary<ConditionInfo, Delegate> _compiled = [];

    public RuleProbe(FactTypes types, IReadOnlyList<object> workingMemory)
    {
        _types = types;
        _memory = workingMemory;
    }

    public RuleProbeResult Probe(RuleShape shape, string country, string? issue, Stance? stance)
    {
        var impossible = ImpossibleReason(shape, country, issue, stance);
        var result = new RuleProbeResult { Shape = shape, Impossible = impossible };
        if (impossible is not null)
        {
            return result;
        }

        var checks = new List<TargetCheck>();
        if (shape.Country is { Variables.Count: > 0 } c)
        {
            checks.Add(c);
        }

        if (issue is not null && shape.Issue is { Variables.Count: > 0 } i)
        {
            checks.Add(i);
        }

        if (stance is not null && shape.StanceValue is { Variables.Count: > 0 } s)
        {
            checks.Add(s);
        }

        var steps = 0;
        Walk(shape, result, 0, new Dictionary<string, object>(StringComparer.Ordinal), checks, country, issue, stance, ref steps);
        return result;
    }

    /// <summary>Facts of a pattern's type in working memory.</summary>
    public IEnumerable<object> CandidatesOf(PatternInfo pattern) => _memory.Where(o => pattern.ClrType.IsInstanceOfType(o) && (o is not DeclaredFact declared || declared.TypeName == pattern.TypeName));

    private static string? ImpossibleReason(RuleShape shape, string country, string? issue, Stance? stance)
    {
        if (stance is not null && shape.Kind == ActionKind.Emit && shape.FixedStance is { } fixedStance && fixedStance != stance)
        {
            return $"it emits {fixedStance.ToName()}";
        }

        if (shape.Country is { Variables.Count: 0 } c && !string.Equals(c.Evaluate(Empty) as string, country, StringComparison.OrdinalIgnoreCase))
        {
            return $"it emits for country {c.Text} only";
        }

        if (issue is not null && shape.Issue is { Variables.Count: 0 } i && !string.Equals(i.Evaluate(Empty) as string, issue, StringComparison.Ordinal))
        {
            return $"it emits for issue {i.Text} only";
        }

        return null;
    }

    private static readonly Dictionary<string, object> Empty = [];

    private void Walk(RuleShape shape, RuleProbeResult result, int index, Dictionary<string, object> bound, List<TargetCheck> checks, string country, string? issue, Stance? stance, ref int steps)
    {
        result.Deepest = Math.Max(result.Deepest, index);
        if (index == shape.Elements.Count)
        {
            result.Matches.Add(new Dictionary<string, object>(bound, StringComparer.Ordinal));
            return;
        }

        var element = shape.Elements[index];
        switch (element.Role)
        {
            case PatternRole.Match:
                var pattern = element.Patterns[0];
                foreach (var candidate in CandidatesOf(pattern))
                {
                    if (++steps > MaxSteps)
                    {
                        result.Truncated = true;
                        return;
                    }

                    bound[pattern.Variable] = candidate;
                    var failed = Failures(pattern, candidate, bound);
                    var otherCountry = false;
                    foreach (var check in checks.Where(k => k.Variables.All(bound.ContainsKey) && k.Variables.Contains(pattern.Variable)))
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
                        Walk(shape, result, index + 1, bound, checks, country, issue, stance, ref steps);
                    }
                    else
                    {
                        result.Misses.Add(new Miss(index, pattern, candidate, Snapshot(bound, pattern.Variable), failed, otherCountry));
                    }

                    bound.Remove(pattern.Variable);
                }

                break;
            case PatternRole.Not:
                var blockers = FirstGroupMatch(element.Patterns, 0, bound, ref steps);
                if (blockers is null)
                {
                    Walk(shape, result, index + 1, bound, checks, country, issue, stance, ref steps);
                }
                else
                {
                    result.Blocks.Add(new Blocked(index, blockers, new Dictionary<string, object>(bound, StringComparer.Ordinal)));
                }

                break;
            case PatternRole.Exists:
                if (FirstGroupMatch(element.Patterns, 0, bound, ref steps) is not null)
                {
                    Walk(shape, result, index + 1, bound, checks, country, issue, stance, ref steps);
                }
                else
                {
                    result.EmptyExists.Add((index, new Dictionary<string, object>(bound, StringComparer.Ordinal)));
                    foreach (var candidate in CandidatesOf(element.Patterns[0]))
                    {
                        bound[element.Patterns[0].Variable] = candidate;
                        result.Misses.Add(new Miss(index, element.Patterns[0], candidate, Snapshot(bound, element.Patterns[0].Variable), Failures(element.Patterns[0], candidate, bound), false));
                        bound.Remove(element.Patterns[0].Variable);
                    }
                }

                break;
        }
    }

    /// <summary>The first assignment of a group's patterns that passes all their conditions, or null.</summary>
    private List<object>? FirstGroupMatch(IReadOnlyList<PatternInfo> patterns, int index, Dictionary<string, object> bound, ref int steps)
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
            var rest = Failures(pattern, candidate, bound).Count == 0 ? FirstGroupMatch(patterns, index + 1, bound, ref steps) : null;
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
        object? value;
        try
        {
            value = check.Evaluate(bound);
        }
        catch (System.Reflection.TargetInvocationException)
        {
            value = null;
        }

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

    /// <summary>The conditions of a pattern that do not hold for a candidate, given the facts bound so far.</summary>
    public List<FailedTest> Failures(PatternInfo pattern, object candidate, IReadOnlyDictionary<string, object> bound)
    {
        var failed = new List<FailedTest>();
        foreach (var condition in pattern.Conditions)
        {
            var parameters = condition.Lambda.Parameters;
            if (!parameters.Skip(1).All(p => bound.ContainsKey(p.Name!)))
            {
                continue;
            }

            var arguments = parameters.Select((p, i) => i == 0 ? candidate : bound[p.Name!]).ToArray();
            bool holds;
            try
            {
                holds = Compiled(condition).DynamicInvoke(arguments) is true;
            }
            catch (System.Reflection.TargetInvocationException)
            {
                holds = false;
            }

            if (!holds)
            {
                failed.Add(new FailedTest(condition.Text, condition.Location, Detail(condition, candidate, bound)));
            }
        }

        return failed;
    }

    /// <summary>The values a condition read: <c>family = rejects</c>, and for joins <c>$c.country = CHN</c>.</summary>
    private string Detail(ConditionInfo condition, object candidate, IReadOnlyDictionary<string, object> bound)
    {
        var parts = new List<string>();
        if (FactText.TryField(_types, candidate, condition.Field, out var own))
        {
            parts.Add($"{condition.Field} = {FactText.Value(own)}");
        }

        foreach (Match reference in VariableReference().Matches(condition.Text))
        {
            var name = reference.Groups[1].Value;
            var field = reference.Groups[2].Value;
            if (bound.TryGetValue(name, out var other) && FactText.TryField(_types, other, field, out var value))
            {
                parts.Add($"${name}.{field} = {FactText.Value(value)} (of {FactText.Name(other)})");
            }
        }

        return string.Join(", ", parts);
    }

    private Delegate Compiled(ConditionInfo condition)
    {
        if (!_compiled.TryGetValue(condition, out var compiled))
        {
            compiled = condition.Lambda.Compile();
            _compiled[condition] = compiled;
        }

        return compiled;
    }

    [GeneratedRegex(@"\$([A-Za-z_][A-Za-z0-9_]*)\.([a-z][a-z0-9_]*)")]
    private static partial Regex VariableReference();
}
