namespace StanceRules.Benchmarks.Workloads;

/// <summary>A named workload: a corpus and a rule set. The benchmarks, the check and quick mode share this list.</summary>
public sealed record Workload(string Name, Func<Corpus> Corpus, RuleSetKind Kind, int Generated = 0)
{
    /// <summary>Facts in the corpus the rule-count workloads run over.</summary>
    public const int RuleScalingFacts = 3_000;

    /// <summary>Facts in the corpus the join-heavy workload runs over.</summary>
    public const int JoinFacts = 10_000;

    public static IReadOnlyList<Workload> All { get; } =
    [
        new("seed/default", Workloads.Corpus.Seed, RuleSetKind.Default),
        new("corpus-1000/default", () => Workloads.Corpus.Synthetic(1_000), RuleSetKind.Default),
        new("corpus-10000/default", () => Workloads.Corpus.Synthetic(10_000), RuleSetKind.Default),
        new("corpus-100000/default", () => Workloads.Corpus.Synthetic(100_000), RuleSetKind.Default),
        new("rules-10", () => Workloads.Corpus.Synthetic(RuleScalingFacts), RuleSetKind.Generated, 10),
        new("rules-100", () => Workloads.Corpus.Synthetic(RuleScalingFacts), RuleSetKind.Generated, 100),
        new("rules-1000", () => Workloads.Corpus.Synthetic(RuleScalingFacts), RuleSetKind.Generated, 1000),
        new("join-heavy", () => Workloads.Corpus.Synthetic(JoinFacts), RuleSetKind.JoinHeavy),
    ];
}
