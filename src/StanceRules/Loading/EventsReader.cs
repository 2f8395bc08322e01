using System.Globalization;
using StanceRules.Knowledge;
using StanceRules.Yaml;
using YamlDotNet.RepresentationModel;

namespace StanceRules.Loading;

/// <summary>
/// Reads the <c>events:</c> sections (docs/events.md) into an <see cref="EventMapping"/>: CAMEO codes
/// and PLOVER types to families, CAMEO country codes, country names and Correlates of War numbers to
/// ISO alpha-3, the state roles and sectors, issue rules.
/// A later file's entry replaces an earlier one's of the same key (a layer overrides the defaults).
/// </summary>
internal sealed class EventsReader
{
    private static readonly string[] SectionKeys = ["cameo", "plover", "countries", "country-names", "cow", "state-roles", "state-sectors", "issues"];
    private static readonly string[] IssueKeys = ["issue", "target", "codes", "since", "until", "words"];

    private readonly Dictionary<string, Stance?> _cameo = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Stance?> _plover = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _countries = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _cow = new(StringComparer.Ordinal);
    private readonly List<EventIssueRule> _issues = [];
    private List<string> _stateRoles = ["GOV", "MIL"];
    private List<string> _stateSectors = [];

    public void Read(YamlText yaml, MappingView file)
    {
        if (file["events"] is not { } node || yaml.Mapping(node, "'events'", SectionKeys) is not { } events)
        {
            return;
        }

        ReadFamilies(yaml, events["cameo"], "'events.cameo'", _cameo, code => code.All(char.IsAsciiDigit) && code.Length is >= 2 and <= 4, "a CAMEO code: 2 to 4 digits");
        ReadFamilies(yaml, events["plover"], "'events.plover'", _plover, type => type.All(char.IsAsciiLetterUpper), "a PLOVER event type in capitals");
        if (events["countries"] is { } countries && yaml.Mapping(countries, "'events.countries'", null) is { } map)
        {
            foreach (var (code, keyNode) in map.KeyNodes)
            {
                if (yaml.Scalar(map[code]!, $"the ISO alpha-3 code of '{code}'") is { } iso3)
                {
                    if (!IsCode(code) || !IsCode(iso3))
                    {
                        yaml.Error(keyNode, DiagnosticCodes.InvalidValue, $"'events.countries' maps three-letter country codes, not '{code}: {iso3}'");
                        continue;
                    }

                    _countries[code] = iso3.ToUpperInvariant();
                }
            }
        }

        ReadCountries(yaml, events["country-names"], "'events.country-names'", _names, name => TextKey.Of(name) is { Length: > 0 } key ? key : null, "a country's name");
        ReadCountries(yaml, events["cow"], "'events.cow'", _cow, number => number.Length is >= 1 and <= 4 && number.All(char.IsAsciiDigit) ? int.Parse(number, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) : null, "a Correlates of War state number");
        if (events["state-roles"] is { } roles && yaml.ScalarList(roles, "'events.state-roles'") is { } list)
        {
            _stateRoles = list;
        }

        if (events["state-sectors"] is { } sectors && yaml.ScalarList(sectors, "'events.state-sectors'") is { } sectorList)
        {
            _stateSectors = sectorList;
        }

        if (events["issues"] is { } issues && yaml.Sequence(issues, "'events.issues'") is { } sequence)
        {
            foreach (var item in sequence.Children)
            {
                ReadIssue(yaml, item);
            }
        }
    }

    /// <summary>The mapping, with the gazetteer's country codes and the rule set's fact types (for the declared <c>event</c> type).</summary>
    /// <param name="iso3">The gazetteer's country codes.</param>
    /// <param name="names">The gazetteer's names of countries, by their <see cref="TextKey"/>, to ISO alpha-3 (<c>country-names</c> entries replace them).</param>
    /// <param name="types">The rule set's fact types.</param>
    public EventMapping Build(IEnumerable<string> iso3, IEnumerable<KeyValuePair<string, string>> names, FactTypes types)
    {
        var byName = new Dictionary<string, string>(names, StringComparer.Ordinal);
        foreach (var (key, code) in _names)
        {
            byName[key] = code;
        }

        return new(new EventCountries(_countries, iso3, byName, _cow), _stateRoles, _stateSectors, _cameo, _plover, _issues, types);
    }

    /// <summary>A mapping of keys (names, numbers) to ISO alpha-3 codes; <paramref name="keyOf"/> gives a key's stored form, or null when it is not one.</summary>
    private static void ReadCountries(YamlText yaml, YamlNode? node, string what, Dictionary<string, string> into, Func<string, string?> keyOf, string keyText)
    {
        if (node is null || yaml.Mapping(node, what, null) is not { } map)
        {
            return;
        }

        foreach (var (key, keyNode) in map.KeyNodes)
        {
            if (yaml.Scalar(map[key]!, $"the ISO alpha-3 code of '{key}'") is not { } iso3)
            {
                continue;
            }

            if (keyOf(key) is not { } stored || !IsCode(iso3))
            {
                yaml.Error(keyNode, DiagnosticCodes.InvalidValue, $"{what} maps {keyText} to a three-letter ISO code, not '{key}: {iso3}'");
                continue;
            }

            into[stored] = iso3.ToUpperInvariant();
        }
    }

    private static bool IsCode(string code) => code.Length == 3 && code.All(char.IsAsciiLetter);

    private static void ReadFamilies(YamlText yaml, YamlNode? node, string what, Dictionary<string, Stance?> into, Func<string, bool> isKey, string keyText)
    {
        if (node is null || yaml.Mapping(node, what, null) is not { } map)
        {
            return;
        }

        foreach (var (key, keyNode) in map.KeyNodes)
        {
            if (yaml.Scalar(map[key]!, $"the family of '{key}'") is not { } family)
            {
                continue;
            }

            if (!isKey(key))
            {
                yaml.Error(keyNode, DiagnosticCodes.InvalidValue, $"{what}: '{key}' is not {keyText}");
            }
            else if (family == "none")
            {
                into[key] = null;
            }
            else if (StanceNames.TryParse(family, out var stance))
            {
                into[key] = stance;
            }
            else
            {
                yaml.Error(map[key]!, DiagnosticCodes.UnknownStance, $"{what}: unknown family '{family}' of '{key}'; expected supports, abstains, condemns, rejects or none");
            }
        }
    }

    private void ReadIssue(YamlText yaml, YamlNode node)
    {
        if (yaml.Mapping(node, "an event issue rule", IssueKeys) is not { } rule || rule.Required("issue") is not { } issueNode || yaml.Scalar(issueNode, "'issue'") is not { } issue)
        {
            return;
        }

        List<string> List(string key) => rule[key] is { } n ? yaml.ScalarList(n, $"'{key}'") ?? [] : [];
        DateOnly? Date(string key)
        {
            if (rule[key] is not { } n || yaml.Scalar(n, $"'{key}'") is not { } text)
            {
                return null;
            }

            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            yaml.Error(n, DiagnosticCodes.InvalidValue, $"'{key}' takes a date as YYYY-MM-DD, not '{text}'");
            return null;
        }

        _issues.Add(new EventIssueRule(issue, List("target"), List("codes"), Date("since"), Date("until"), List("words")));
    }
}
