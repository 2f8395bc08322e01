namespace StanceRules;

/// <summary>
/// One rule's conclusion about one country and issue, with the facts behind it. Signals are
/// facts too: rules may match them as <c>signal</c>.
/// </summary>
public sealed class StanceSignal
{
    internal StanceSignal(string country, string issue, Stance stance, double confidence, string rule, int priority, IReadOnlyList<string> rules, IReadOnlyList<Fact> facts)
    {
        Country = country;
        Issue = issue;
        Stance = stance;
        Confidence = confidence;
        Rule = rule;
        Priority = priority;
        Rules = rules;
        SourceFacts = facts;
    }

    /// <summary>ISO 3166-1 alpha-3 code.</summary>
    public string Country { get; }

    /// <summary>The issue id.</summary>
    public string Issue { get; }

    /// <summary>The stance the rule concluded.</summary>
    public Stance Stance { get; }

    /// <summary>The rule's confidence, reduced when a fact behind it is hedged.</summary>
    public double Confidence { get; }

    /// <summary>The id of the rule that emitted the signal.</summary>
    public string Rule { get; }

    /// <summary>The emitting rule's priority.</summary>
    public int Priority { get; }

    /// <summary>Every rule in the chain behind the signal: those that derived the claims it matched, then <see cref="Rule"/>.</summary>
    public IReadOnlyList<string> Rules { get; }

    /// <summary>The ids of the input facts behind the signal.</summary>
    public IReadOnlyList<string> Facts => _readFacts ?? SourceFacts.Select(f => f.Id).ToArray();

    /// <summary>The evidence text of the input facts behind the signal (facts without evidence are skipped).</summary>
    public IReadOnlyList<string> Evidence => _readEvidence ?? SourceFacts.Select(f => f.Evidence).OfType<string>().Where(e => e.Length > 0).Distinct(StringComparer.Ordinal).ToArray();

    // Set only on a signal read back from the report's JSON, which carries ids and evidence, not the facts.
    private IReadOnlyList<string>? _readFacts;
    private IReadOnlyList<string>? _readEvidence;

    /// <summary>An overruled signal as the report's JSON gives it: no source facts, no priority; the emitting rule is the last of <paramref name="rules"/>.</summary>
    internal static StanceSignal FromContract(string country, string issue, Stance stance, double confidence, IReadOnlyList<string> rules, IReadOnlyList<string> facts, IReadOnlyList<string> evidence) =>
        new(country, issue, stance, confidence, rules.Count > 0 ? rules[^1] : string.Empty, 0, rules, [])
        {
            _readFacts = facts,
            _readEvidence = evidence,
        };

    internal IReadOnlyList<Fact> SourceFacts { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Country} {Issue} {Stance.ToName()} {Confidence:0.##} ({Rule}: {string.Join(", ", Facts)})";
}
