using System.Globalization;
using StanceRules.Yaml;
using YamlDotNet.RepresentationModel;

namespace StanceRules.Loading;

/// <summary>
/// Reads the <c>events:</c> sections (docs/events.md) into an <see cref="EventMapping"/>: CAMEO codes
/// and PLOVER types to families, CAMEO country codes to ISO alpha-3, the state roles, issue rules.
/// A later file's entry replaces an earlier one's of the same key (a layer overrides the defaults).
/// </summary>
internal sealed class EventsReader
{
    private static readonly string[] SectionKeys = ["cameo", "plover", "countries", "state-roles", "issues"];
    private static readonly string[] IssueKeys = ["issue", "target", "codes", "since", "until", "words"];

    private readonly Dictionary<string, Stance?> _cameo = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Stance?> _plover = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _countries = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<EventIssueRule> _issues = [];
    private List<string> _stateRoles = ["GOV", "MIL"];

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

        if (events["state-roles"] is { } roles && yaml.ScalarList(roles, "'events.state-roles'") is { } list)
        {
            _stateRoles = list;
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
    public EventMapping Build(IEnumerable<string> iso3, FactTypes types) => new(_cameo, _plover, _countries, iso3, _stateRoles, _issues, types);

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
