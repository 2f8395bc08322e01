using NRules;
using StanceRules.Knowledge;
using StanceRules.Rules;
using StanceRules.Rules.Matching;

namespace StanceRules.Loading;

/// <summary>A rule set compiled and ready: immutable, shared by every inference.</summary>
/// <param name="Rules">Every rule, in rule-set order.</param>
/// <param name="Gazetteer">Actor resolution.</param>
/// <param name="Lexicon">Act families.</param>
/// <param name="Issues">The issue catalogue.</param>
/// <param name="FactTypes">The fact types rules match.</param>
/// <param name="Matcher">The match plan (every rule in Rete in reference mode) and the matcher that runs its rules outside NRules.</param>
/// <param name="Sessions">NRules compiled with the plan's Rete rules (all of them in reference mode).</param>
/// <param name="AllRules">NRules compiled with every rule, for the reference path; compiled on first use when the plan runs rules outside NRules.</param>
internal sealed record CompiledRuleSet(
    IReadOnlyList<LoadedRule> Rules,
    Gazetteer Gazetteer,
    Lexicon Lexicon,
    IssueCatalogue Issues,
    FactTypes FactTypes,
    IndexedMatcher Matcher,
    ISessionFactory Sessions,
    Lazy<ISessionFactory> AllRules)
{
    /// <summary>The match plan: how each rule runs, and what gates the rules left to NRules.</summary>
    public MatchPlan Plan => Matcher.Plan;

    /// <summary>The text extractor's patterns (the <c>extraction:</c> sections); empty when no file gives them.</summary>
    public ExtractionPatterns Extraction { get; init; } = ExtractionPatterns.Empty;
}
