using System.Collections.Concurrent;
using System.Collections.Frozen;
using StanceRules.Knowledge;

namespace StanceRules;

/// <summary>One issue rule of an <see cref="EventMapping"/>: every condition given must hold; the first matching rule names the issue.</summary>
/// <param name="Issue">The issue id the rule assigns.</param>
/// <param name="Targets">The target countries (ISO alpha-3) it applies to; empty: any.</param>
/// <param name="Codes">CAMEO code prefixes or PLOVER types it applies to; empty: any.</param>
/// <param name="Since">The first day it applies to; null: no bound.</param>
/// <param name="Until">The last day it applies to; null: no bound.</param>
/// <param name="Words">Words of which one must be in the record's text (case ignored, whole words); empty: any.</param>
public sealed record EventIssueRule(string Issue, IReadOnlyList<string> Targets, IReadOnlyList<string> Codes, DateOnly? Since, DateOnly? Until, IReadOnlyList<string> Words);

/// <summary>The country tables of an <see cref="EventMapping"/>.</summary>
/// <param name="Cameo">CAMEO codes that differ from the ISO alpha-3 code, to that code (<c>countries</c>).</param>
/// <param name="Iso3">The gazetteer's countries.</param>
/// <param name="Names">Country names by their <see cref="TextKey"/> (the gazetteer's names, then <c>country-names</c>), to ISO alpha-3.</param>
/// <param name="Cow">Correlates of War state numbers to ISO alpha-3 (<c>cow</c>).</param>
internal sealed record EventCountries(IReadOnlyDictionary<string, string> Cameo, IEnumerable<string> Iso3, IReadOnlyDictionary<string, string> Names, IReadOnlyDictionary<string, string> Cow);

/// <summary>
/// How event records become facts: the <c>events:</c> section of a rule set (the default in
/// <c>rules/events.yaml</c>; docs/events.md), the data that gives an event fact its mapped fields
/// (source country, state, family, issue). Rules turn the facts into stances
/// (<see cref="StanceEngine.InferEvent"/>). Immutable and thread-safe.
/// </summary>
public sealed class EventMapping
{
    private readonly FrozenDictionary<string, Stance?> _cameo;
    private readonly FrozenDictionary<string, Stance?> _plover;
    private readonly FrozenDictionary<string, string> _iso3Of;
    private readonly FrozenSet<string> _iso3;
    private readonly FrozenSet<string> _stateRoles;
    private readonly FrozenSet<string> _stateSectors;
    private readonly FrozenDictionary<string, string> _names;
    private readonly FrozenDictionary<string, string> _cow;
    private readonly FrozenDictionary<string, string> _toward;
    private readonly ConcurrentDictionary<string, Stance?> _cameoMemo = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _roleMemo = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string?> _nameMemo = new(StringComparer.Ordinal);
    private readonly EventIssueRule[] _issues;

    internal EventMapping(EventCountries countries, IEnumerable<string> stateRoles, IEnumerable<string> stateSectors, IReadOnlyDictionary<string, Stance?> cameo, IReadOnlyDictionary<string, Stance?> plover, IReadOnlyList<EventIssueRule> issues, FactTypes types)
    {
        _cameo = cameo.ToFrozenDictionary(StringComparer.Ordinal);
        _plover = plover.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _iso3 = countries.Iso3.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _iso3Of = IsoCodes(countries.Cameo, _iso3);
        _toward = _iso3.ToFrozenDictionary(c => c, c => "toward-" + c.ToLowerInvariant(), StringComparer.OrdinalIgnoreCase);
        _stateRoles = stateRoles.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _stateSectors = stateSectors.Select(s => s.Trim()).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _names = countries.Names.ToFrozenDictionary(StringComparer.Ordinal);
        _cow = countries.Cow.ToFrozenDictionary(StringComparer.Ordinal);
        Issues = issues;
        _issues = [.. issues];
        Facts = types.TryGet(EventFacts.TypeName, out var type) && type.IsDeclared ? new EventFacts(this, type) : null;
    }

    /// <summary>The issue rules, in order.</summary>
    public IReadOnlyList<EventIssueRule> Issues { get; }

    /// <summary>What makes the <c>event</c> facts; null when the rule set declares no such type.</summary>
    internal EventFacts? Facts { get; }

    /// <summary>The CAMEO role codes whose acts speak for the state (default GOV, MIL).</summary>
    public IReadOnlyCollection<string> StateRoles => _stateRoles;

    /// <summary>The sectors written as words (POLECAT's <c>Primary Actor Sector</c>) whose acts speak for the state, matched whole (case ignored).</summary>
    public IReadOnlyCollection<string> StateSectors => _stateSectors;

    /// <summary>The stance family of the record's code: its CAMEO entry or longest listed prefix, or its PLOVER type; null for none.</summary>
    public Stance? FamilyOf(EventRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Coding == EventCoding.Plover)
        {
            return _plover.GetValueOrDefault(record.Code);
        }

        // CAMEO codes are few (2 to 4 digits): each one's family is worked out once.
        return record.Code.Length <= 4 && _cameoMemo.TryGetValue(record.Code, out var known) ? known : Remember(_cameoMemo, record.Code, CameoFamily(record.Code));
    }

    private Stance? CameoFamily(string code)
    {
        for (var length = code.Length; length > 0; length--)
        {
            if (_cameo.TryGetValue(code[..length], out var family))
            {
                return family;
            }
        }

        return null;
    }

    /// <summary>Keeps a worked-out answer for a short key, up to a bound (so odd input cannot grow the memo).</summary>
    private static T Remember<T>(ConcurrentDictionary<string, T> memo, string key, T value, int maxKey = 8)
    {
        if (key.Length <= maxKey && memo.Count < 4096)
        {
            memo.TryAdd(key, value);
        }

        return value;
    }

    /// <summary>
    /// The ISO alpha-3 code of a coded country: a CAMEO or ISO alpha-3 code (CAMEO codes that differ
    /// are mapped through <c>countries</c>), a Correlates of War number (through <c>cow</c>), or a
    /// country's name (POLECAT: through <c>country-names</c>, then the gazetteer's names); null for
    /// none or what is no country (IGO, NGO, a region, a name not known).
    /// </summary>
    public string? CountryOf(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        // The gazetteer's own spelling of the code: no string made per call.
        if (_iso3Of.TryGetValue(code, out var iso3))
        {
            return iso3;
        }

        if (char.IsAsciiDigit(code[0]))
        {
            return _cow.TryGetValue(code, out var numbered) && _iso3.TryGetValue(numbered, out var known) ? known : null;
        }

        // A three-letter code in capitals is a CAMEO code (AFR, IGO), never looked up as a name.
        var isCode = code.Length == 3 && char.IsAsciiLetterUpper(code[0]) && char.IsAsciiLetterUpper(code[1]) && char.IsAsciiLetterUpper(code[2]);
        return isCode ? null : _nameMemo.TryGetValue(code, out var named) ? named : Remember(_nameMemo, code, NamedCountry(code), maxKey: 64);
    }

    /// <summary>
    /// Every coded country that is one, to the gazetteer's own spelling of its ISO alpha-3 code (no
    /// string made per lookup), in one table: a listed CAMEO code to its mapped code when the
    /// gazetteer knows that (else to none, even if the code is itself an ISO code), any other known
    /// ISO code to itself.
    /// </summary>
    private static FrozenDictionary<string, string> IsoCodes(IReadOnlyDictionary<string, string> countries, FrozenSet<string> known)
    {
        var codes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var iso3 in known)
        {
            codes[iso3] = iso3;
        }

        foreach (var (code, mapped) in countries)
        {
            if (known.TryGetValue(mapped, out var iso3))
            {
                codes[code] = iso3;
            }
            else
            {
                codes.Remove(code);
            }
        }

        return codes.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private string? NamedCountry(string name) =>
        _names.TryGetValue(TextKey.Of(name), out var iso3) && _iso3.TryGetValue(iso3, out var known) ? known : null;

    /// <summary>Whether the actor's act speaks for its country: a country, and no role or a state role (the first three letters count).</summary>
    public bool SpeaksForState(EventActor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return CountryOf(actor.CountryCode) is not null && IsStateRoleCached(actor.Role);
    }

    /// <summary>Whether a coded role speaks for the state (<see cref="SpeaksForState"/> of an actor whose country is known).</summary>
    internal bool IsStateRoleCached(string role) => _roleMemo.TryGetValue(role, out var known) ? known : Remember(_roleMemo, role, IsStateRole(role));

    private bool IsStateRole(string coded)
    {
        // A CAMEO role code begins with three capitals (MILsrp is MIL); a sector written as a word
        // (POLECAT's "Government") counts only when listed whole in state-sectors.
        var role = coded.Trim();
        return role.Length == 0
            || _stateSectors.Contains(role)
            || (role.Length >= 3 && IsCapital(role[0]) && IsCapital(role[1]) && IsCapital(role[2]) && _stateRoles.Contains(role[..3]));
    }

    private static bool IsCapital(char c) => char.IsAsciiLetterUpper(c) || c == '*';

    /// <summary>The issue of the record: the first matching issue rule's, else <c>toward-</c> and the target country's code in lower case; null without either.</summary>
    public string? IssueOf(EventRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return IssueOf(record, CountryOf(record.Target?.CountryCode));
    }

    /// <summary>The issue of the record whose target country is known.</summary>
    internal string? IssueOf(EventRecord record, string? target)
    {
        foreach (var rule in _issues)
        {
            if (Matches(rule, record, target))
            {
                return rule.Issue;
            }
        }

        return target is null ? null : _toward.TryGetValue(target, out var issue) ? issue : "toward-" + target.ToLowerInvariant();
    }

    /// <summary>
    /// Why the shipped rule <c>event-stance</c> gives the record no stance: the first of its
    /// conditions that the mapped fact fails (the source is no country, does not speak for the state,
    /// the code has no family, no issue); null when the fact meets them all. A rule set with rules
    /// of its own may decide otherwise; this names what the mapping gave.
    /// </summary>
    public string? WhyNoStance(EventRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (CountryOf(record.Source.CountryCode) is null)
        {
            return "the source is no country";
        }

        if (!SpeaksForState(record.Source))
        {
            return $"the source role '{record.Source.Role}' does not speak for the state";
        }

        if (FamilyOf(record) is null)
        {
            return $"the code '{record.Code}' has no stance family";
        }

        return IssueOf(record) is null ? "no issue: no target country and no issue rule" : null;
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
