using NRules.RuleModel;

namespace StanceRules.Rules;

/// <summary>What the engine needs to know about a rule when its action runs.</summary>
internal sealed record RuleInfo(string Id, int Priority, SourceLocation Location)
{
    /// <summary>The chain of a signal drawn only from input facts: this rule alone (shared, never mutated).</summary>
    public string[] OwnChain { get; } = [Id];
}

/// <summary>A signal that could not be attributed to a country and issue; reported as unresolved.</summary>
internal sealed record UnattributedSignal(string Rule, IReadOnlyList<Fact> Facts, string Reason);

/// <summary>
/// The methods compiled rule actions call. A rule's outcome (<see cref="Emit"/>, <see cref="Assert"/>)
/// is a function of its match alone, the same whichever matcher found the match; NRules then
/// inserts it as a linked fact (<see cref="Insert"/>).
/// </summary>
internal static class RuleActions
{
    /// <summary>Confidence multiplier for a signal drawn from a hedged fact.</summary>
    public const double HedgeFactor = 0.5;

    private const string LinkKey = "out";

    /// <summary>
    /// Inserts what a rule produced, linked to its match, so NRules retracts it when the match no
    /// longer holds (truth maintenance): the only thing a Rete action does beyond <see cref="Emit"/>
    /// or <see cref="Assert"/>, which every matcher shares.
    /// </summary>
    public static void Insert(IContext context, object? produced)
    {
        if (produced is not null)
        {
            context.InsertLinked(LinkKey, produced);
        }
    }

    /// <summary>What an emitting rule produces from a match: a signal, an unattributed signal, or nothing.</summary>
    public static object? Emit(RuleInfo rule, string? country, string? issue, Stance? stance, double confidence, object[] matched)
    {
        if (stance is null)
        {
            return null; // e.g. a yes vote whose meaning the document does not give
        }

        var (facts, chain) = Trace(matched, rule);
        return Signal(rule, country, issue, stance.Value, confidence, facts, chain);
    }

    /// <summary>
    /// What an emitting rule produces from the facts it matched: a <see cref="StanceSignal"/>, or an
    /// <see cref="UnattributedSignal"/> when it has no country or issue. The one place both
    /// matchers (Rete and the indexed one) make signals, so they cannot differ.
    /// </summary>
    public static object Signal(RuleInfo rule, string? country, string? issue, Stance stance, double confidence, Fact[] facts, string[] chain)
    {
        if (country is null || issue is null)
        {
            return new UnattributedSignal(rule.Id, facts, country is null ? "the actor is not a country" : "no issue: the fact names none and the catalogue infers none from its target");
        }

        if (Array.Exists(facts, f => f.IsHedged))
        {
            confidence *= HedgeFactor;
        }

        return new StanceSignal(country, issue, stance, confidence, rule.Id, rule.Priority, chain, facts);
    }

    /// <summary>What an asserting rule produces from a match: the derived fact, traced to its input facts and rules; nothing without a country.</summary>
    public static Fact? Assert(RuleInfo rule, Fact fact, string? country, object[] matched)
    {
        if (country is null)
        {
            return null;
        }

        var (facts, chain) = Trace(matched, rule);
        fact.Country = country;
        fact.Sources = facts;
        fact.DerivedBy = chain;
        if (fact.Id.Length == 0)
        {
            fact.SetId($"{rule.Id}({string.Join('+', facts.Select(f => f.Id))})");
        }

        return fact;
    }

    /// <summary>The input facts and the chain of rules behind what a rule matched.</summary>
    private static (Fact[] Facts, string[] Chain) Trace(object[] matched, RuleInfo rule)
    {
        // The common case, every match an input fact: no lists and no chain to merge; one
        // Distinct over the matches, since the same fact can match two patterns of a rule.
        if (Array.TrueForAll(matched, m => m is Fact { Sources.Count: 0 }))
        {
            if (matched.Length == 1)
            {
                return ([(Fact)matched[0]], rule.OwnChain);
            }

            return (matched.Cast<Fact>().Distinct().ToArray(), rule.OwnChain);
        }

        var facts = new List<Fact>(matched.Length);
        var chain = new List<string>();
        foreach (var item in matched)
        {
            switch (item)
            {
                case Fact { Sources.Count: > 0 } derived:
                    facts.AddRange(derived.Sources);
                    chain.AddRange(derived.DerivedBy);
                    break;
                case Fact fact:
                    facts.Add(fact);
                    break;
                case StanceSignal signal:
                    facts.AddRange(signal.SourceFacts);
                    chain.AddRange(signal.Rules);
                    break;
            }
        }

        chain.Add(rule.Id);
        return (facts.Distinct().ToArray(), chain.Distinct(StringComparer.Ordinal).ToArray());
    }
}
