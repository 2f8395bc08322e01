using NRules;
using StanceRules.Knowledge;

namespace StanceRules.Rules;

/// <summary>A rule set compiled and ready: immutable, shared by every inference.</summary>
internal sealed record CompiledRuleSet(
    IReadOnlyList<LoadedRule> Rules,
    Gazetteer Gazetteer,
    Lexicon Lexicon,
    IssueCatalogue Issues,
    FactTypes FactTypes,
    ISessionFactory Sessions,
    Matching.IndexedRules? Indexed);
