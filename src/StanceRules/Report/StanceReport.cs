namespace StanceRules;

/// <summary>What one article's facts say about each country's stance on each issue.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(StanceReportJsonConverter))]
public sealed class StanceReport
{
    internal StanceReport(string article, DateOnly? published, IReadOnlyList<CountryStance> stances, IReadOnlyList<UnresolvedActor> unresolved)
    {
        Article = article;
        Published = published;
        Stances = stances;
        Unresolved = unresolved;
    }

    /// <summary>The article id.</summary>
    public string Article { get; }

    /// <summary>The article's publication date, when its facts give one (<c>article.published</c>); reports order by it.</summary>
    public DateOnly? Published { get; }

    /// <summary>One final stance per (country, issue), ordered by country, then issue (ordinal).</summary>
    public IReadOnlyList<CountryStance> Stances { get; }

    /// <summary>Facts whose actor is not a country, or that gave a signal without an issue, with the reason.</summary>
    public IReadOnlyList<UnresolvedActor> Unresolved { get; }

    /// <summary>The stance for a country (ISO alpha-3) and issue, or null.</summary>
    public CountryStance? Find(string country, string issue) =>
        Stances.FirstOrDefault(s => string.Equals(s.Country, country, StringComparison.OrdinalIgnoreCase) && string.Equals(s.Issue, issue, StringComparison.Ordinal));

    /// <summary>The report as JSON in the documented contract (indented, deterministic).</summary>
    /// <remarks><c>JsonSerializer.Serialize(report, StanceReportJsonContext.Default.StanceReport)</c> writes the same text.</remarks>
    public string ToJson(bool indented = true) => ReportJson.Write(this, indented);

    /// <summary>
    /// Reads a report from the JSON of the report contract (what <see cref="ToJson(bool)"/> writes), strictly:
    /// unknown members, missing required members, wrong types, trailing commas and comments are errors.
    /// </summary>
    /// <remarks>
    /// The result holds what the JSON holds, so <c>FromJson(r.ToJson()).ToJson() == r.ToJson()</c>. It has
    /// no <see cref="CountryStance.Signals"/> (the contract gives each stance's rules, facts and evidence, not
    /// its signals), <see cref="CountryStance.DecidedBy"/> is <see cref="DecisionStep.Unknown"/>, and each overruled signal's
    /// <see cref="StanceSignal.Priority"/> is 0.
    /// </remarks>
    /// <param name="json">The report's JSON.</param>
    /// <exception cref="System.Text.Json.JsonException">The text is not a report; the message gives the line and column.</exception>
    public static StanceReport FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return ReportJson.Read(json);
    }
}

/// <summary>A country's final stance on an issue, with every signal behind it.</summary>
public sealed class CountryStance
{
    // Set only on a stance read back from the report's JSON, which carries these instead of the signals.
    private readonly IReadOnlyList<string>? _readRules;
    private readonly IReadOnlyList<string>? _readFacts;
    private readonly IReadOnlyList<string>? _readEvidence;

    internal CountryStance(string country, string issue, Stance stance, double confidence, IReadOnlyList<string> rules, IReadOnlyList<string> facts, IReadOnlyList<string> evidence, IReadOnlyList<StanceSignal> overruled)
        : this(country, issue, stance, confidence, DecisionStep.Unknown, [], overruled)
    {
        _readRules = rules;
        _readFacts = facts;
        _readEvidence = evidence;
    }

    internal CountryStance(string country, string issue, Stance stance, double confidence, DecisionStep decidedBy, IReadOnlyList<StanceSignal> signals, IReadOnlyList<StanceSignal> overruled)
    {
        Country = country;
        Issue = issue;
        Stance = stance;
        Confidence = confidence;
        DecidedBy = decidedBy;
        Signals = signals;
        Overruled = overruled;
    }

    /// <summary>ISO 3166-1 alpha-3 code.</summary>
    public string Country { get; }

    /// <summary>
    /// False for a state the gazetteer marks as not a UN member state (Taiwan, <c>TWN</c>; Kosovo, <c>XKX</c>), so a
    /// user can filter them; true for every other country. In the JSON, <c>"un_member": false</c> (absent when true).
    /// </summary>
    public bool IsUnMemberState { get; internal set; } = true;

    /// <summary>The issue id.</summary>
    public string Issue { get; }

    /// <summary>The final stance.</summary>
    public Stance Stance { get; }

    /// <summary>The combined confidence of the signals that agree with <see cref="Stance"/> (docs/report.md#the-conflict-policy).</summary>
    public double Confidence { get; }

    /// <summary>
    /// Which step of the conflict policy chose the stance; <see cref="DecisionStep.Unknown"/> on a stance read back
    /// with <see cref="StanceReport.FromJson(string)"/>. <see cref="DecisionStepNames.ToName(DecisionStep)"/> gives its text.
    /// </summary>
    public DecisionStep DecidedBy { get; }

    /// <summary>The signals that agree with the final stance.</summary>
    public IReadOnlyList<StanceSignal> Signals { get; }

    /// <summary>The signals for another stance that the policy overruled.</summary>
    public IReadOnlyList<StanceSignal> Overruled { get; }

    /// <summary>The ids of the rules behind the final stance, sorted.</summary>
    public IReadOnlyList<string> Rules => _readRules ?? Signals.SelectMany(s => s.Rules).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The ids of the input facts behind the final stance, in the order its signals cite them.</summary>
    public IReadOnlyList<string> Facts => _readFacts ?? Signals.SelectMany(s => s.SourceFacts).Distinct().Select(f => f.Id).ToArray();

    /// <summary>The evidence behind the final stance.</summary>
    public IReadOnlyList<string> Evidence => _readEvidence ?? Signals.SelectMany(s => s.Evidence).Distinct(StringComparer.Ordinal).ToArray();

    /// <inheritdoc />
    public override string ToString() => $"{Country} {Issue} {Stance.ToName()} {Confidence:0.##}";
}

/// <summary>A fact that gave no country stance, and why.</summary>
/// <param name="Fact">The fact id.</param>
/// <param name="Actor">The actor as written.</param>
/// <param name="Reason">Why it is unresolved, e.g. <c>group of unnamed countries</c>.</param>
public sealed record UnresolvedActor(string Fact, string Actor, string Reason);
