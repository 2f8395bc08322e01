using NRules;
using StanceRules.Knowledge;

namespace StanceRules.Rules;

/// <summary>A rule set compiled and ready: immutable, shared by every inference.</summary>
/// <param name="Rules">Every rule, in rule-set order.</param>
/// <param name="Gazetteer">Actor resolution.</param>
/// <param name="Lexicon">Act families.</param>
/// <param name="Issues">The issue catalogue.</param>
/// <param name="FactTypes">The fact types rules match.</param>
/// <param name="Sessions">NRules compiled with the rules the indexed matcher leaves to it (all of them in reference mode).</param>
/// <param name="Indexed">The indexed matcher, or null in reference mode.</param>
/// <param name="AllRules">NRules compiled with every rule, for the reference path; compiled on first use when the indexed matcher runs.</param>
internal sealed record CompiledRuleSet(
    IReadOnlyList<LoadedRule> Rules,
    Gazetteer Gazetteer,
    Lexicon Lexicon,
    IssueCatalogue Issues,
    FactTypes FactTypes,
    ISessionFactory Sessions,
    Matching.IndexedRules? Indexed,
    Lazy<ISessionFactory> AllRules)
{
    /// <summary>The text extractor's patterns (the <c>extraction:</c> sections); empty when no file gives them.</summary>
    public ExtractionPatterns Extraction { get; init; } = ExtractionPatterns.Empty;
}
