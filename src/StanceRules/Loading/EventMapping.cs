using System.Collections.Frozen;

namespace StanceRules;

/// <summary>One issue rule of an <see cref="EventMapping"/>: every condition given must hold; the first matching rule names the issue.</summary>
/// <param name="Issue">The issue id the rule assigns.</param>
/// <param name="Targets">The target countries (ISO alpha-3) it applies to; empty: any.</param>
/// <param name="Codes">CAMEO code prefixes or PLOVER types it applies to; empty: any.</param>
/// <param name="Since">The first day it applies to; null: no bound.</param>
/// <param name="Until">The last day it applies to; null: no bound.</param>
/// <param name="Words">Words of which one must be in the record's text (case ignored, whole words); empty: any.</param>
public sealed record EventIssueRule(string Issue, IReadOnlyList<string> Targets, IReadOnlyList<string> Codes, DateOnly? Since, DateOnly? Until, IReadOnlyList<string> Words);

/// <summary>
/// How event records become stances: the <c>events:</c> section of a rule set (the default in
/// <c>rules/events.yaml</c>; docs/events.md). Immutable and thread-safe.
/// </summary>
public sealed class EventMapping
{
    private readonly FrozenDictionary<string, Stance?> _cameo;
    private readonly FrozenDictionary<string, Stance?> _plover;
    private readonly FrozenDictionary<string, string> _countries;
    private readonly FrozenSet<string> _iso3;
    private readonly FrozenSet<string> _stateRoles;
    private readonly FrozenSet<string> _notUnMembers;

    internal EventMapping(IReadOnlyDictionary<string, Stance?> cameo, IReadOnlyDictionary<string, Stance?> plover, IReadOnlyDictionary<string, string> countries, IEnumerable<string> iso3, IEnumerable<string> stateRoles, IReadOnlyList<EventIssueRule> issues, double confidence, IEnumerable<string>? notUnMembers = null)
    {
        _notUnMembers = (notUnMembers ?? []).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _cameo = cameo.ToFrozenDictionary(StringComparer.Ordinal);
        _plover = plover.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _countries = countries.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _iso3 = iso3.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _stateRoles = stateRoles.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        Issues = issues;
        Confidence = confidence;
    }

    /// <summary>The issue rules, in order.</summary>
    public IReadOnlyList<EventIssueRule> Issues { get; }

    /// <summary>The confidence of an event's stance (default 0.7).</summary>
    public double Confidence { get; }

    /// <summary>The CAMEO role codes whose acts speak for the state (default GOV, MIL).</summary>
    public IReadOnlyCollection<string> StateRoles => _stateRoles;

    /// <summary>The stance family of the record's code: its CAMEO entry or longest listed prefix, or its PLOVER type; null for none.</summary>
    public Stance? FamilyOf(EventRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Coding == EventCoding.Plover)
        {
            return _plover.GetValueOrDefault(record.Code);
        }

        for (var length = record.Code.Length; length > 0; length--)
        {
            if (_cameo.TryGetValue(record.Code[..length], out var family))
            {
                return family;
            }
        }

        return null;
    }

    /// <summary>The ISO alpha-3 code of a coded country (CAMEO codes that differ are mapped); null for none or a code that is no country (IGO, NGO, ...).</summary>
    public string? CountryOf(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        var iso3 = _countries.TryGetValue(code, out var mapped) ? mapped : code.ToUpperInvariant();
        return _iso3.Contains(iso3) ? iso3 : null;
    }

    /// <summary>Whether the actor's act speaks for its country: a country, and no role or a state role (the first three letters count).</summary>
    public bool SpeaksForState(EventActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var role = actor.Role.Trim();
        return CountryOf(actor.CountryCode) is not null && (role.Length == 0 || (role.Length >= 3 && _stateRoles.Contains(role[..3])));
    }

    /// <summary>The issue of the record: the first matching issue rule's, else <c>toward-</c> and the target country's code in lower case; null without either.</summary>
    public string? IssueOf(EventRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var target = CountryOf(record.Target?.CountryCode);
        foreach (var rule in Issues)
        {
            if (Matches(rule, record, target))
            {
                return rule.Issue;
            }
        }

        return target is null ? null : "toward-" + target.ToLowerInvariant();
    }

    /// <summary>
    /// The record as one article's report: the source country's stance on the record's issue, when
    /// the source speaks for its state, the code has a family and the record has an issue and a date;
    /// else null, with the reason.
    /// </summary>
    public StanceReport? ToReport(EventRecord record, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(record);
        reason = null;
        var country = CountryOf(record.Source.CountryCode);
        if (country is null)
        {
            reason = "the source is no country";
        }
        else if (!SpeaksForState(record.Source))
        {
            reason = $"the source role '{record.Source.Role}' does not speak for the state";
        }
        else if (FamilyOf(record) is not { } family)
        {
            reason = $"the code '{record.Code}' has no stance family";
        }
        else if (IssueOf(record) is not { } issue)
        {
            reason = "no issue: no target country and no issue rule";
        }
        else
        {
            // A stance of one event: its rule is the code's mapping, its fact the record, its evidence the record's.
            var stance = new CountryStance(country, issue, family, Confidence, ["event:" + record.Code], [record.Id], record.Evidence is { Length: > 0 } e ? [e] : [], [])
            {
                IsUnMemberState = !_notUnMembers.Contains(country),
            };
            return new StanceReport(record.Id, record.Date, [stance], []);
        }

        return null;
    }

    private static bool Matches(EventIssueRule rule, EventRecord record, string? target) =>
        (rule.Targets.Count == 0 || (target is not null && rule.Targets.Contains(target, StringComparer.OrdinalIgnoreCase)))
        && (rule.Codes.Count == 0 || rule.Codes.Any(c => record.Coding == EventCoding.Plover ? string.Equals(c, record.Code, StringComparison.OrdinalIgnoreCase) : record.Code.StartsWith(c, StringComparison.Ordinal)))
        && (rule.Since is null || (record.Date is { } d1 && d1 >= rule.Since))
        && (rule.Until is null || (record.Date is { } d2 && d2 <= rule.Until))
        && (rule.Words.Count == 0 || (record.Text is { } text && rule.Words.Any(w => ContainsWord(text, w))));

    private static bool ContainsWord(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            var after = at + word.Length == text.Length || !char.IsLetterOrDigit(text[at + word.Length]);
            if (before && after)
            {
                return true;
            }
        }

        return false;
    }
}
