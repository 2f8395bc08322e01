using System.Globalization;
using System.Text;
using StanceRules.Benchmarks.Peers;

namespace StanceRules.Benchmarks.Workloads;

/// <summary>Which rules a workload runs. Every peer implements each kind in its own form.</summary>
public enum RuleSetKind
{
    /// <summary>rules/stances.yaml: 9 rules, single patterns, one <c>not</c>, a two-step chain.</summary>
    Default,

    /// <summary><see cref="GeneratedRules"/>: N generated rules over the same facts.</summary>
    Generated,

    /// <summary><see cref="JoinRules"/>: two- and three-pattern joins, <c>not</c>, three levels of chaining.</summary>
    JoinHeavy,
}

public enum GenKind
{
    /// <summary><c>statement: { issue: I, act: A [, negated: b] }</c>.</summary>
    Statement,

    /// <summary><c>vote: { motion: M, choice: C }</c>.</summary>
    Vote,

    /// <summary><c>statement as s: { issue: I, act: A }</c> and <c>not: vote: { country: $s.country, issue: $s.issue, choice: yes }</c>.</summary>
    StatementWithoutYesVote,
}

/// <summary>One generated rule: the spec every peer turns into its own form.</summary>
public sealed record GenRule(string Id, GenKind Kind, string? Issue, string? Act, bool? Negated, string? Motion, VoteChoice? Choice, Stance Stance, double Confidence);

/// <summary>
/// Generated rules for rule-count scaling, deterministic (fixed seed): 70% single-pattern
/// statement rules on (issue, act[, negated]), 20% vote rules on (motion, choice), 10% rules
/// with a <c>not</c> join. Acts come from rules/lexicon.yaml and issues from rules/issues.yaml,
/// the same pools the corpus draws from, so a share of the rules fire.
/// </summary>
public static class GeneratedRules
{
    private static readonly string[] Motions = ["A/RES/ES-11/1", "A/RES/ES-11/4", "A/RES/ES-11/6", "A/RES/77/247", "S/2023/153"];

    public static IReadOnlyList<GenRule> Create(int count, int seed = 1000)
    {
        var random = new Random(seed);
        var acts = KnowledgeData.Lexicon.Families.Keys.ToArray();
        var issues = KnowledgeData.Issues.Select(i => i.Id).ToArray();
        var stances = Enum.GetValues<Stance>();
        var choices = new[] { VoteChoice.Yes, VoteChoice.No, VoteChoice.Abstain };
        var rules = new List<GenRule>(count);
        for (var i = 1; i <= count; i++)
        {
            var id = $"gen-{i:D4}";
            var stance = stances[random.Next(stances.Length)];
            var confidence = Math.Round(0.5 + (0.1 * random.Next(5)), 1);
            var roll = random.NextDouble();
            var act = acts[random.Next(acts.Length)];
            var issue = issues[random.Next(issues.Length)];
            rules.Add(roll switch
            {
                < 0.70 => new GenRule(id, GenKind.Statement, issue, act, random.Next(5) switch { 0 => true, 1 => false, _ => null }, null, null, stance, confidence),
                < 0.90 => new GenRule(id, GenKind.Vote, null, null, null, Motions[random.Next(Motions.Length)], choices[random.Next(choices.Length)], stance, confidence),
                _ => new GenRule(id, GenKind.StatementWithoutYesVote, issue, act, null, null, null, stance, confidence),
            });
        }

        return rules;
    }

    /// <summary>The rules as a StanceRules rule file.</summary>
    public static string ToYaml(IReadOnlyList<GenRule> rules)
    {
        var yaml = new StringBuilder("rules:\n");
        foreach (var r in rules)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - id: {r.Id}\n    when:\n");
            switch (r.Kind)
            {
                case GenKind.Statement:
                    var negated = r.Negated is { } n ? $", negated: {(n ? "true" : "false")}" : string.Empty;
                    yaml.Append(CultureInfo.InvariantCulture, $"      - statement: {{ issue: {r.Issue}, act: {r.Act}{negated} }}\n");
                    break;
                case GenKind.Vote:
                    yaml.Append(CultureInfo.InvariantCulture, $"      - vote: {{ motion: \"{r.Motion}\", choice: {r.Choice!.Value.ToString().ToLowerInvariant()} }}\n");
                    break;
                case GenKind.StatementWithoutYesVote:
                    yaml.Append(CultureInfo.InvariantCulture, $"      - statement as s: {{ issue: {r.Issue}, act: {r.Act} }}\n");
                    yaml.Append("      - not:\n          vote: { country: $s.country, issue: $s.issue, choice: yes }\n");
                    break;
            }

            yaml.Append(CultureInfo.InvariantCulture, $"    then: {{ stance: {r.Stance.ToName()}, confidence: {r.Confidence.ToString(CultureInfo.InvariantCulture)} }}\n");
        }

        return yaml.ToString();
    }
}

/// <summary>
/// The join-heavy rule set: two- and three-pattern rules, <c>not</c>, <c>exists</c>, and chaining
/// three levels deep through asserted claims. Written in YAML here and by hand in each peer.
/// </summary>
public static class JoinRules
{
    /// <summary>Workloads/join-heavy.yaml (embedded); the tests read the same file to compare the matchers on it.</summary>
    public static string Yaml { get; } = RuleFiles.Read("join-heavy.yaml");
}
