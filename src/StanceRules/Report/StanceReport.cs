namespace StanceRules;

/// <summary>What one article's facts say about each country's stance on each issue.</summary>
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
    public string ToJson(bool indented = true) => ReportJson.Write(this, indented);
}

/// <summary>A country's final stance on an issue, with every signal behind it.</summary>
public sealed class CountryStance
{
    internal CountryStance(string country, string issue, Stance stance, double confidence, string decidedBy, IReadOnlyList<StanceSignal> signals, IReadOnlyList<StanceSignal> overruled)
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

    /// <summary>The issue id.</summary>
    public string Issue { get; }

    /// <summary>The final stance.</summary>
    public Stance Stance { get; }

    /// <summary>The combined confidence of the signals that agree with <see cref="Stance"/> (see the README's conflict policy).</summary>
    public double Confidence { get; }

    /// <summary>Which step of the conflict policy chose the stance: <c>unanimous</c>, <c>confidence</c>, <c>priority</c> or <c>precedence</c>.</summary>
    public string DecidedBy { get; }

    /// <summary>The signals that agree with the final stance.</summary>
    public IReadOnlyList<StanceSignal> Signals { get; }

    /// <summary>The signals for another stance that the policy overruled.</summary>
    public IReadOnlyList<StanceSignal> Overruled { get; }

    /// <summary>The ids of the rules behind the final stance, sorted.</summary>
    public IReadOnlyList<string> Rules => Signals.SelectMany(s => s.Rules).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The ids of the input facts behind the final stance, in the order its signals cite them.</summary>
    public IReadOnlyList<string> Facts => Signals.SelectMany(s => s.SourceFacts).Distinct().Select(f => f.Id).ToArray();

    /// <summary>The evidence behind the final stance.</summary>
    public IReadOnlyList<string> Evidence => Signals.SelectMany(s => s.Evidence).Distinct(StringComparer.Ordinal).ToArray();

    /// <inheritdoc />
    public override string ToString() => $"{Country} {Issue} {Stance.ToName()} {Confidence:0.##}";
}

/// <summary>A fact that gave no country stance, and why.</summary>
/// <param name="Fact">The fact id.</param>
/// <param name="Actor">The actor as written.</param>
/// <param name="Reason">Why it is unresolved, e.g. <c>group of unnamed countries</c>.</param>
public sealed record UnresolvedActor(string Fact, string Actor, string Reason);
