using StanceRules.Knowledge;
using StanceRules.Yaml;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace StanceRules.Testing;

/// <summary>A stance a test case expects: the final stance for a country and issue, at least as sure as <see cref="MinConfidence"/>, optionally from a given rule.</summary>
internal sealed record ExpectedStance(string Country, string Issue, Stance Stance, double? MinConfidence, string? Rule, SourceLocation Location);

/// <summary>A stance that must not be the final one (or, when <see cref="Stance"/> is null, no stance at all).</summary>
internal sealed record AbsentStance(string Country, string Issue, Stance? Stance, SourceLocation Location);

/// <summary>One case of a <c>*.tests.yaml</c> file: facts in, stances expected out.</summary>
internal sealed record RuleTestCase(string Name, SourceLocation Location, string FactsSource, ArticleFacts Article, IReadOnlyList<ExpectedStance> Expect, IReadOnlyList<AbsentStance> Absent);

/// <summary>Messages of rule test files (the shared structural ones are in <see cref="ErrorMessages"/>).</summary>
internal static class RuleTestMessages
{
    public const string FactsOrFile = "a test case gives its facts either inline ('facts') or as a fact document ('facts_file'), not both";
    public const string NeedsFacts = "a test case needs 'facts' (a list of facts) or 'facts_file' (a fact document's path, relative to this file)";
    public const string NeedsExpectation = "a test case needs 'expect' or 'absent' (or both)";

    public static string UnknownCountry(string country) => $"'{country}' is not a country the gazetteer knows; write an ISO code (UKR) or a name (Ukraine)";

    public static string UnknownRule(string rule, IEnumerable<string> known) => $"no rule '{rule}' in this rule set; its rules are: {string.Join(", ", known)}";

    public static string NoSuchFactsFile(string path) => $"no such fact document '{path}' (paths are relative to the test file)";
}

/// <summary>
/// Reads <c>*.tests.yaml</c> files. Every error has file:line:column, like rule files; facts given
/// inline are read by the fact document reader itself, so their errors point into the test file.
/// </summary>
/// <remarks>
/// <code>
/// tests:
///   - name: an abstention vote abstains
///     facts:                                 # inline, or: facts_file: ../seeds/x.facts.yaml
///       - { type: vote, actor: India, choice: abstain, issue: russia-ukraine-war }
///     expect:
///       - { country: IND, issue: russia-ukraine-war, stance: abstains, min_confidence: 0.9, rule: vote-abstain }
///     absent:
///       - { country: IND, issue: russia-ukraine-war, stance: condemns }
/// </code>
/// </remarks>
internal static class RuleTestFile
{
    public const string Suffix = ".tests.yaml";

    private static readonly string[] FileKeys = ["tests"];
    private static readonly string[] CaseKeys = ["name", "description", "facts", "facts_file", "expect", "absent"];
    private static readonly string[] ExpectKeys = ["country", "issue", "stance", "min_confidence", "rule"];
    private static readonly string[] AbsentKeys = ["country", "issue", "stance"];

    public static List<RuleTestCase> Read(string path, string text, FactTypes types, Gazetteer gazetteer, IReadOnlyCollection<string> ruleIds, List<Diagnostic> diagnostics, StanceLimits limits)
    {
        var cases = new List<RuleTestCase>();
        var yaml = new YamlText(path, diagnostics, limits);
        var root = yaml.Load(text);
        if (root is null)
        {
            if (diagnostics.Count == 0)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.MissingKey, ErrorMessages.MissingKey("tests", "a rule test file"), new SourceLocation(path, 1, 1)));
            }

            return cases;
        }

        if (yaml.Mapping(root, "a rule test file", FileKeys) is not { } file || file.Required("tests") is not { } testsNode || yaml.Sequence(testsNode, "'tests'") is not { } tests)
        {
            return cases;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var documents = new Dictionary<string, ArticleFacts?>(StringComparer.Ordinal);
        for (var index = 0; index < tests.Children.Count; index++)
        {
            var node = tests.Children[index];
            var errors = diagnostics.Count;
            if (yaml.Mapping(node, "a test case", CaseKeys) is not { } map)
            {
                continue;
            }

            var name = map.Required("name") is { } nameNode ? yaml.Scalar(nameNode, "'name'") : null;
            if (name is not null && !names.Add(name))
            {
                yaml.Error(map["name"]!, DiagnosticCodes.DuplicateEntry, ErrorMessages.DuplicateEntry("test case name", name));
            }

            var article = ReadFacts(yaml, map, path, index, types, limits, documents, diagnostics, out var source);
            var expect = new List<ExpectedStance>();
            var absent = new List<AbsentStance>();
            if (map["expect"] is { } expectNode && yaml.Sequence(expectNode, "'expect'") is { } expectList)
            {
                foreach (var item in expectList.Children)
                {
                    if (ReadExpected(yaml, item, gazetteer, ruleIds) is { } expected)
                    {
                        expect.Add(expected);
                    }
                }
            }

            if (map["absent"] is { } absentNode && yaml.Sequence(absentNode, "'absent'") is { } absentList)
            {
                foreach (var item in absentList.Children)
                {
                    if (ReadAbsent(yaml, item, gazetteer) is { } a)
                    {
                        absent.Add(a);
                    }
                }
            }

            if (map["expect"] is null && map["absent"] is null)
            {
                yaml.Error(node, DiagnosticCodes.MissingKey, RuleTestMessages.NeedsExpectation);
            }

            if (diagnostics.Count == errors && name is not null && article is not null)
            {
                cases.Add(new RuleTestCase(name, yaml.At(node), source, article, expect, absent));
            }
        }

        return cases;
    }

    private static ArticleFacts? ReadFacts(YamlText yaml, MappingView map, string path, int index, FactTypes types, StanceLimits limits, Dictionary<string, ArticleFacts?> documents, List<Diagnostic> diagnostics, out string source)
    {
        source = "inline facts";
        var inline = map["facts"];
        var fileNode = map["facts_file"];
        if (inline is not null && fileNode is not null)
        {
            yaml.Error(map.KeyNode("facts_file")!, DiagnosticCodes.UnknownKey, RuleTestMessages.FactsOrFile);
            return null;
        }

        if (inline is null && fileNode is null)
        {
            yaml.Error(map.Node, DiagnosticCodes.MissingKey, RuleTestMessages.NeedsFacts);
            return null;
        }

        IReadOnlyList<Diagnostic> found;
        ArticleFacts? article;
        if (fileNode is not null)
        {
            if (yaml.Scalar(fileNode, "'facts_file'") is not { } relative)
            {
                return null;
            }

            var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", relative));
            source = relative;
            if (documents.TryGetValue(full, out var cached))
            {
                return cached;
            }

            if (!File.Exists(full))
            {
                yaml.Error(fileNode, DiagnosticCodes.FileNotReadable, RuleTestMessages.NoSuchFactsFile(relative));
                return null;
            }

            ArticleFacts.TryLoad(Path.GetRelativePath(Environment.CurrentDirectory, full), out article, out found, types);
            documents[full] = article;
        }
        else
        {
            // Read in place, with the test file's own reader, so errors point into the test file.
            var errors = yaml.Diagnostics.Count;
            var facts = FactDocumentReader.ReadFacts(yaml, inline!, types, limits);
            article = facts is not null && yaml.Diagnostics.Count == errors ? new ArticleFacts($"{Path.GetFileName(path)}#{index + 1}", facts) : null;
            found = [];
        }

        diagnostics.AddRange(found); // inline facts were read under the test file's name, at their own lines
        return article;
    }

    private static ExpectedStance? ReadExpected(YamlText yaml, YamlNode node, Gazetteer gazetteer, IReadOnlyCollection<string> ruleIds)
    {
        if (yaml.Mapping(node, "an expected stance", ExpectKeys) is not { } map)
        {
            return null;
        }

        var country = Country(yaml, map, gazetteer);
        var issue = map.Required("issue") is { } issueNode ? yaml.Scalar(issueNode, "'issue'") : null;
        var stance = map.Required("stance") is { } stanceNode ? Stance(yaml, stanceNode) : null;
        double? min = null;
        if (map["min_confidence"] is { } minNode && yaml.Number(minNode, "'min_confidence'") is { } m)
        {
            if (m is < 0 or > 1)
            {
                yaml.Error(minNode, DiagnosticCodes.OutOfRange, ErrorMessages.OutOfRange("'min_confidence'", "between 0 and 1"));
            }

            min = m;
        }

        var rule = map.OptionalScalar("rule");
        if (rule is not null && !ruleIds.Contains(rule))
        {
            yaml.Error(map["rule"]!, DiagnosticCodes.InvalidValue, RuleTestMessages.UnknownRule(rule, ruleIds));
        }

        return country is null || issue is null || stance is null ? null : new ExpectedStance(country, issue, stance.Value, min, rule, yaml.At(node));
    }

    private static AbsentStance? ReadAbsent(YamlText yaml, YamlNode node, Gazetteer gazetteer)
    {
        if (yaml.Mapping(node, "an absent stance", AbsentKeys) is not { } map)
        {
            return null;
        }

        var country = Country(yaml, map, gazetteer);
        var issue = map.Required("issue") is { } issueNode ? yaml.Scalar(issueNode, "'issue'") : null;
        Stance? stance = null;
        if (map["stance"] is { } stanceNode && !YamlText.IsNull(stanceNode))
        {
            stance = Stance(yaml, stanceNode);
            if (stance is null)
            {
                return null;
            }
        }

        return country is null || issue is null ? null : new AbsentStance(country, issue, stance, yaml.At(node));
    }

    private static string? Country(YamlText yaml, MappingView map, Gazetteer gazetteer)
    {
        if (map.Required("country") is not { } node || yaml.Scalar(node, "'country'") is not { } text)
        {
            return null;
        }

        if (gazetteer.Resolve(text).Country is { } country)
        {
            return country.Iso3;
        }

        yaml.Error(node, DiagnosticCodes.InvalidValue, RuleTestMessages.UnknownCountry(text));
        return null;
    }

    private static Stance? Stance(YamlText yaml, YamlNode node)
    {
        if (yaml.Scalar(node, "'stance'") is not { } text)
        {
            return null;
        }

        if (StanceNames.TryParse(text, out var stance))
        {
            return stance;
        }

        yaml.Error(node, DiagnosticCodes.UnknownStance, ErrorMessages.UnknownStance(text));
        return null;
    }
}
