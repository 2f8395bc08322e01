namespace StanceRules;

/// <summary>
/// A fact extracted from an article: who (the actor) did what about which issue. Derive from
/// it to define a fact type of your own and register it with <see cref="FactTypes.With{T}(string)"/>.
/// </summary>
/// <remarks>
/// Facts are matched by reference, never by value, so two facts with equal fields are two facts.
/// The engine never changes the objects you pass in: each inference resolves a private copy
/// (filling <see cref="Country"/>, and the issue inferred from the target) and matches that.
/// </remarks>
public abstract class Fact
{
    private string _id = string.Empty;
    private string? _issue;

    /// <summary>The fact's id, unique within its article; the loader defaults it to <c>f&lt;1-based index&gt;</c>.</summary>
    public string Id { get => _id; init => _id = value ?? string.Empty; }

    /// <summary>Who acts, as written: a country's name, code, capital, seat of government, demonym or official.</summary>
    public string Actor { get; init; } = string.Empty;

    /// <summary>The issue id (kebab-case); when absent the issue catalogue infers it from the target.</summary>
    public string? Issue { get => _issue; init => _issue = value; }

    /// <summary>The sentence or span of the article that states the fact.</summary>
    public string? Evidence { get; init; }

    /// <summary>
    /// Where <see cref="Evidence"/> starts in the article's text: a UTF-16 offset (a .NET string
    /// index), so <c>text.Substring(EvidenceOffset, Evidence.Length)</c> is the evidence. Set by the
    /// text extractor; null when unknown (facts typed by hand).
    /// </summary>
    public int? EvidenceOffset { get; init; }

    /// <summary>
    /// The ISO 3166-1 alpha-3 code the actor resolved to. Set by the engine on the copy it
    /// matches; null on facts you construct, and on actors that are not countries.
    /// </summary>
    public string? Country { get; internal set; }

    /// <summary>For facts asserted by rules: the input facts they were derived from.</summary>
    internal IReadOnlyList<Fact> Sources { get; set; } = [];

    /// <summary>For facts asserted by rules: the ids of the rules that derived them, outermost last.</summary>
    internal IReadOnlyList<string> DerivedBy { get; set; } = [];

    /// <summary>Whether signals drawn from this fact carry reduced confidence.</summary>
    internal virtual bool IsHedged => false;

    /// <summary>The free text the issue catalogue reads when the fact names no issue.</summary>
    internal virtual string? IssueText => null;

    internal void SetIssue(string? issue) => _issue = issue;

    internal void SetId(string id) => _id = id;

    /// <summary>A shallow copy the engine can resolve without touching the caller's object.</summary>
    internal Fact CopyForSession() => (Fact)MemberwiseClone();
}

/// <summary>A statement: an actor's act (condemn, welcome, reject, ...) about a target.</summary>
public sealed class Statement : Fact
{
    /// <summary>The verb lemma as written (kebab-case): <c>condemn</c>, <c>welcome</c>, <c>refrain-from-criticizing</c>.</summary>
    public string Act { get; init; } = string.Empty;

    /// <summary>Free text: what the act is about.</summary>
    public string? Target { get; init; }

    /// <summary>True for "does not recognize", "refrained from condemning".</summary>
    public bool Negated { get; init; }

    /// <summary>True for "cautiously welcomed", "questioned whether": the same stance, lower confidence.</summary>
    public bool Hedged { get; init; }

    /// <summary>
    /// The stance family the lexicon gives the act, after negation; null when the act expresses
    /// no stance or is unknown. Set by the engine on the copy it matches.
    /// </summary>
    public Stance? Family { get; internal set; }

    internal override bool IsHedged => Hedged;

    internal override string? IssueText => Target;
}

/// <summary>How a country voted on a recorded motion.</summary>
public enum VoteChoice
{
    /// <summary>In favour.</summary>
    Yes,

    /// <summary>Against.</summary>
    No,

    /// <summary>Present and abstaining.</summary>
    Abstain,

    /// <summary>Did not vote.</summary>
    NonVoting,
}

/// <summary>A recorded vote: an actor's choice on a motion, and what a yes vote means for the issue.</summary>
public sealed class Vote : Fact
{
    /// <summary>The voting body, e.g. <c>UNGA</c>.</summary>
    public string? Body { get; init; }

    /// <summary>The motion or resolution, e.g. <c>A/RES/ES-11/6</c>.</summary>
    public string? Motion { get; init; }

    /// <summary>The choice recorded.</summary>
    public VoteChoice Choice { get; init; }

    /// <summary>The stance a yes vote expresses on the issue (for a resolution condemning an invasion: condemns).</summary>
    public Stance? YesMeans { get; init; }

    internal override string? IssueText => Motion;
}

/// <summary>
/// A fact that rules derive and assert for other rules to match (forward chaining): a named
/// claim about a country and an issue.
/// </summary>
public sealed class Claim : Fact
{
    /// <summary>What is claimed, e.g. <c>denies-court-authority</c>.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>An optional stance the claim carries.</summary>
    public Stance? Stance { get; init; }

    /// <summary>Optional free text.</summary>
    public string? Target { get; init; }

    internal override string? IssueText => Target;
}
