namespace StanceRules;

/// <summary>How an engine matches rules against facts (<see cref="StanceEngineOptions.Matching"/>).</summary>
public enum RuleMatching
{
    /// <summary>
    /// Rules of one pattern over input facts that emit a signal (with any <c>not</c>/<c>exists</c> of one
    /// pattern) are matched by hash lookups on their equality and membership conditions; other joins,
    /// assertions and rules over derived facts run in NRules. An article no NRules rule can match needs no NRules session.
    /// </summary>
    Indexed,

    /// <summary>Every rule runs in NRules' Rete network: the reference the indexed matcher is tested against.</summary>
    Reference,
}
