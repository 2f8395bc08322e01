using System.Reflection;
using NRules;
using StanceRules.Knowledge;
using StanceRules.Yaml;
using YamlDotNet.RepresentationModel;

namespace StanceRules.Rules;

/// <summary>A rule set's source: files read from a folder or from the assembly's embedded default.</summary>
internal sealed record RuleSource(string Name, string Text);

/// <summary>A rule set compiled and ready: immutable, shared by every inference.</summary>
internal sealed record CompiledRuleSet(
    IReadOnlyList<CompiledRule> Rules,
    Gazetteer Gazetteer,
    Lexicon Lexicon,
    IssueCatalogue Issues,
    FactTypes FactTypes,
    ISessionFactory Sessions);

/// <summary>
/// Loads a rule set: every YAML file of a folder, each a mapping whose top-level keys say what
/// it holds (<c>rules</c>, <c>countries</c>, <c>non_country_actors</c>, <c>acts</c>,
/// <c>negated</c>, <c>issues</c>). All errors of all files are collected before anything is compiled.
/// </summary>
internal static partial class RuleSetLoader
{
    private static readonly string[] FileKeys = ["rules", "countries", "non_country_actors", "acts", "negated", "issues", "types"];
    private static readonly string[] TypeKeys = ["name", "fields"];
    private static readonly string[] FieldKinds = ["text", "boolean", "number", "date", "stance"];
    private static readonly string[] CountryKeys = ["iso3", "iso2", "names", "capitals", "seats", "demonyms", "officials"];
    private static readonly string[] NonCountryKeys = ["names", "reason"];
    private static readonly string[] IssueKeys = ["id", "title", "phrases"];
    private static readonly string[] FamilyKeys = ["supports", "abstains", "condemns", "rejects", "none"];

    public const string EmbeddedPrefix = "rules/";

    public static IReadOnlyList<RuleSource> ReadFolder(string directory, StanceLimits limits, List<Diagnostic> diagnostics)
    {
        if (!Directory.Exists(directory))
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.FileNotReadable, ErrorMessages.FileNotReadable($"no such folder '{directory}'"), new SourceLocation(directory, 1, 1)));
            return [];
        }

        var sources = new List<RuleSource>();
        var files = Directory.EnumerateFiles(directory, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Where(f => !f.EndsWith(".tests.yaml", StringComparison.OrdinalIgnoreCase) && !f.EndsWith(".facts.yaml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var name = Path.GetRelativePath(Environment.CurrentDirectory, file);
            if (SourceFile.Read(file, limits, diagnostics) is { } text)
            {
                sources.Add(new RuleSource(name, text));
            }
        }

        return sources;
    }

    /// <summary>
    /// A folder's files on top of the default ones: a default file whose name (<c>stances.yaml</c>, ...) the folder
    /// also has is left out, the others come first, then the folder's files in their order.
    /// </summary>
    public static IReadOnlyList<RuleSource> Layer(IReadOnlyList<RuleSource> defaults, IReadOnlyList<RuleSource> folder)
    {
        var replaced = folder.Select(f => Path.GetFileName(f.Name)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. defaults.Where(d => !replaced.Contains(Path.GetFileName(d.Name))), .. folder];
    }

    public static IReadOnlyList<RuleSource> ReadEmbedded()
    {
        var assembly = typeof(RuleSetLoader).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(EmbeddedPrefix, StringComparison.Ordinal) && !n.EndsWith(".tests.yaml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return new RuleSource($"embedded:{n}", reader.ReadToEnd());
            })
            .ToArray();
    }

    public static CompiledRuleSet? Compile(IReadOnlyList<RuleSource> sources, StanceEngineOptions options, List<Diagnostic> diagnostics, string where)
    {
        var limits = options.Limits;
        var ruleCount = 0;
        var builder = new KnowledgeBuilder();
        var rules = new List<CompiledRule>();
        var ruleIds = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var sawRules = false;
        var files = new List<(YamlText Yaml, MappingView File)>();
        foreach (var source in sources)
        {
            var yaml = new YamlText(source.Name, diagnostics, limits);
            var root = yaml.Load(source.Text);
            if (root is not null && yaml.Mapping(root, $"a rule set file", FileKeys) is { } file)
            {
                files.Add((yaml, file));
            }
        }

        // Fact types declared in YAML first: any file's rules may match any file's types.
        var types = options.FactTypes;
        foreach (var (yaml, file) in files)
        {
            if (file["types"] is { } typesNode)
            {
                types = DeclareTypes(yaml, typesNode, types);
            }
        }

        foreach (var (yaml, file) in files)
        {
            if (file["rules"] is { } rulesNode && yaml.Sequence(rulesNode, "'rules'") is { } ruleList)
            {
                sawRules = true;
                ruleCount += ruleList.Children.Count;
                if (ruleCount > limits.MaxRules)
                {
                    yaml.Error(ruleList, DiagnosticCodes.LimitExceeded, ErrorMessages.LimitExceeded("number of rules", ruleCount, nameof(StanceLimits.MaxRules), limits.MaxRules));
                    return null;
                }

                var translator = new RuleTranslator(yaml, types);
                foreach (var ruleNode in ruleList.Children)
                {
                    var id = ruleNode is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode("id"), out var idNode) && idNode is YamlScalarNode { Value: { Length: > 0 } text } ? text : null;
                    var rule = translator.Translate(ruleNode, id, (candidate, at) =>
                    {
                        if (ruleIds.TryGetValue(candidate, out var first))
                        {
                            diagnostics.Add(new Diagnostic(DiagnosticCodes.DuplicateRuleId, ErrorMessages.DuplicateRuleId(candidate, first), at));
                            return false;
                        }

                        ruleIds[candidate] = at;
                        return true;
                    });
                    if (rule is not null)
                    {
                        rules.Add(rule);
                    }
                }
            }

            builder.Read(yaml, file);
        }

        if (!sawRules && diagnostics.Count == 0)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.NoRules, ErrorMessages.NoRules(where), new SourceLocation(where, 1, 1)));
        }

        if (diagnostics.Count > 0)
        {
            return null;
        }

        var compiler = new RuleCompiler(new RuleCompilerOptions { UnsupportedExpressionHandling = RuleCompilerUnsupportedExpressionsHandling.TreatAsNotEqual });
        if (options.ExpressionCompiler is { } expressionCompiler)
        {
            compiler.ExpressionCompiler = expressionCompiler;
        }

        ISessionFactory sessions;
        try
        {
            sessions = compiler.Compile(rules.Select(r => r.Definition));
        }
        catch (RuleCompilationException e)
        {
            var rule = rules.FirstOrDefault(r => r.Id == e.RuleName);
            diagnostics.Add(new Diagnostic(DiagnosticCodes.EngineRejectedRule, ErrorMessages.EngineRejectedRule(e.RuleName, e.InnerException?.Message ?? e.Message), rule?.Location ?? new SourceLocation(where, 1, 1)));
            return null;
        }

        return new CompiledRuleSet(rules, builder.Gazetteer(), builder.Lexicon(), builder.Issues(), types, sessions);
    }

    /// <summary>
    /// A rule file's <c>types:</c>: fact types with typed fields (<c>text</c>, <c>boolean</c>, <c>number</c>, <c>date</c>,
    /// <c>stance</c>), each field optional, beside <see cref="Fact"/>'s own (id, actor, issue, evidence, country).
    /// </summary>
    private static FactTypes DeclareTypes(YamlText yaml, YamlNode node, FactTypes types)
    {
        if (yaml.Sequence(node, "'types'") is not { } list)
        {
            return types;
        }

        foreach (var item in list.Children)
        {
            if (yaml.Mapping(item, "a fact type", TypeKeys) is not { } map || map.Required("name") is not { } nameNode || yaml.Scalar(nameNode, "'name'") is not { } name)
            {
                continue;
            }

            if (!FactTypes.IsValidName(name))
            {
                yaml.Error(nameNode, DiagnosticCodes.InvalidValue, ErrorMessages.InvalidValue(name, "a fact type's 'name'", "lower-case letters, digits and hyphens, starting with a letter"));
                continue;
            }

            if (types.TryGet(name, out _))
            {
                yaml.Error(nameNode, DiagnosticCodes.DuplicateEntry, ErrorMessages.DuplicateEntry("fact type", name));
                continue;
            }

            var declared = new List<(string Name, FieldKind Kind)>();
            var reserved = FactType.Create(typeof(DeclaredFact), name).Fields.Keys;
            if (map.Required("fields") is { } fieldsNode && yaml.Mapping(fieldsNode, $"the fields of '{name}'", null) is { } fields)
            {
                foreach (var (field, keyNode) in fields.KeyNodes)
                {
                    if (reserved.Contains(field) || declared.Any(d => d.Name == field) || !SnakeCaseName().IsMatch(field))
                    {
                        yaml.Error(keyNode, reserved.Contains(field) || declared.Any(d => d.Name == field) ? DiagnosticCodes.DuplicateEntry : DiagnosticCodes.InvalidValue,
                            reserved.Contains(field) || declared.Any(d => d.Name == field) ? ErrorMessages.DuplicateEntry($"field of '{name}' (every fact has {string.Join(", ", reserved.Order(StringComparer.Ordinal))})", field) : ErrorMessages.InvalidValue(field, "a field name", "snake_case: lower-case letters, digits and '_'"));
                        continue;
                    }

                    var kindText = yaml.Scalar(fields[field]!, $"the kind of '{field}'");
                    FieldKind? kind = kindText switch
                    {
                        "text" => FieldKind.Text,
                        "boolean" => FieldKind.Boolean,
                        "number" => FieldKind.Number,
                        "date" => FieldKind.Date,
                        "stance" => FieldKind.Enum,
                        _ => null,
                    };
                    if (kind is null)
                    {
                        if (kindText is not null)
                        {
                            yaml.Error(fields[field]!, DiagnosticCodes.InvalidValue, ErrorMessages.InvalidValue(kindText, $"the kind of '{field}'", string.Join(", ", FieldKinds)));
                        }

                        continue;
                    }

                    declared.Add((field, kind.Value));
                }
            }

            types = types.WithDeclared(FactType.Declare(name, declared));
        }

        return types;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial System.Text.RegularExpressions.Regex SnakeCaseName();

    /// <summary>Collects the gazetteer, lexicon and issue catalogue across files, reporting clashes.</summary>
    private sealed class KnowledgeBuilder
    {
        private readonly List<Country> _countries = [];
        private readonly Dictionary<string, (Country Country, SourceLocation At)> _aliases = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _nonCountries = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Stance?> _families = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Stance?> _negated = new(StringComparer.Ordinal);
        private readonly List<IssueEntry> _issues = [];

        public Gazetteer Gazetteer() => new(_countries, _aliases.ToDictionary(a => a.Key, a => a.Value.Country, StringComparer.Ordinal), _nonCountries);

        public Lexicon Lexicon() => new(_families, _negated);

        public IssueCatalogue Issues() => new(_issues);

        public void Read(YamlText yaml, MappingView file)
        {
            if (file["countries"] is { } countries && yaml.Sequence(countries, "'countries'") is { } countryList)
            {
                foreach (var node in countryList.Children)
                {
                    ReadCountry(yaml, node);
                }
            }

            if (file["non_country_actors"] is { } others && yaml.Sequence(others, "'non_country_actors'") is { } otherList)
            {
                foreach (var node in otherList.Children)
                {
                    ReadNonCountry(yaml, node);
                }
            }

            if (file["acts"] is { } acts && yaml.Mapping(acts, "'acts'", FamilyKeys) is { } families)
            {
                foreach (var (family, _) in families.KeyNodes)
                {
                    Stance? stance = StanceNames.TryParse(family, out var s) ? s : null;
                    foreach (var lemmaNode in (families[family] as YamlSequenceNode)?.Children ?? [])
                    {
                        if (yaml.Scalar(lemmaNode, "an act lemma") is not { } lemma)
                        {
                            continue;
                        }

                        if (!_families.TryAdd(Knowledge.Lexicon.Lemma(lemma), stance))
                        {
                            yaml.Error(lemmaNode, DiagnosticCodes.DuplicateEntry, ErrorMessages.DuplicateEntry("act lemma", lemma));
                        }
                    }

                    if (families[family] is not YamlSequenceNode)
                    {
                        yaml.Sequence(families[family]!, $"'acts.{family}'");
                    }
                }
            }

            if (file["negated"] is { } negated && yaml.Mapping(negated, "'negated'", null) is { } negations)
            {
                foreach (var (lemma, keyNode) in negations.KeyNodes)
                {
                    var value = yaml.Scalar(negations[lemma]!, $"'negated.{lemma}'");
                    if (value is null)
                    {
                        continue;
                    }

                    Stance? stance = null;
                    if (value != "none")
                    {
                        if (!StanceNames.TryParse(value, out var parsed))
                        {
                            yaml.Error(negations[lemma]!, DiagnosticCodes.UnknownStance, ErrorMessages.UnknownStance(value));
                            continue;
                        }

                        stance = parsed;
                    }

                    if (!_negated.TryAdd(Knowledge.Lexicon.Lemma(lemma), stance))
                    {
                        yaml.Error(keyNode, DiagnosticCodes.DuplicateEntry, ErrorMessages.DuplicateEntry("negation", lemma));
                    }
                }
            }

            if (file["issues"] is { } issues && yaml.Sequence(issues, "'issues'") is { } issueList)
            {
                foreach (var node in issueList.Children)
                {
                    if (yaml.Mapping(node, "an issue", IssueKeys) is not { } issue || issue.Required("id") is not { } idNode || yaml.Scalar(idNode, "'id'") is not { } id)
                    {
                        continue;
                    }

                    if (_issues.Any(i => i.Id == id))
                    {
                        yaml.Error(idNode, DiagnosticCodes.DuplicateEntry, ErrorMessages.DuplicateEntry("issue", id));
                        continue;
                    }

                    var phrases = issue["phrases"] is { } p ? yaml.ScalarList(p, "'phrases'") ?? [] : [];
                    _issues.Add(new IssueEntry(id, issue.OptionalScalar("title") ?? id, phrases));
                }
            }
        }

        private void ReadCountry(YamlText yaml, YamlNode node)
        {
            if (yaml.Mapping(node, "a country", CountryKeys) is not { } map)
            {
                return;
            }

            var iso3 = map.Required("iso3") is { } n3 ? yaml.Scalar(n3, "'iso3'") : null;
            var iso2 = map.Required("iso2") is { } n2 ? yaml.Scalar(n2, "'iso2'") : null;
            var names = map.Required("names") is { } nn ? yaml.ScalarList(nn, "'names'") : null;
            if (iso3 is null || iso2 is null || names is null || names.Count == 0)
            {
                return;
            }

            if (iso3.Length != 3 || !iso3.All(char.IsAsciiLetterUpper) || iso2.Length != 2 || !iso2.All(char.IsAsciiLetterUpper))
            {
                yaml.Error(node, DiagnosticCodes.InvalidValue, ErrorMessages.InvalidValue($"{iso3}/{iso2}", "'iso3'/'iso2'", "ISO 3166-1 codes in upper case (CHN/CN)"));
                return;
            }

            if (_countries.Any(c => c.Iso3 == iso3))
            {
                yaml.Error(map["iso3"]!, DiagnosticCodes.DuplicateEntry, ErrorMessages.DuplicateEntry("country", iso3));
                return;
            }

            var country = new Country(iso3, iso2, names[0]);
            _countries.Add(country);
            AddAlias(yaml, map["iso3"]!, iso3, country);
            AddAlias(yaml, map["iso2"]!, iso2, country);
            foreach (var key in CountryKeys.Skip(2))
            {
                if (map[key] is not { } listNode || YamlText.IsNull(listNode))
                {
                    continue;
                }

                var items = listNode as YamlSequenceNode;
                foreach (var alias in yaml.ScalarList(listNode, $"'{key}'") ?? [])
                {
                    AddAlias(yaml, listNode, alias, country, items);
                }
            }
        }

        private void AddAlias(YamlText yaml, YamlNode at, string alias, Country country, YamlSequenceNode? items = null)
        {
            var key = TextKey.Of(alias);
            if (key.Length == 0)
            {
                return;
            }

            var node = items?.Children.FirstOrDefault(c => c is YamlScalarNode s && s.Value == alias) ?? at;
            if (_aliases.TryGetValue(key, out var existing))
            {
                if (existing.Country != country)
                {
                    yaml.Error(node, DiagnosticCodes.DuplicateAlias, ErrorMessages.DuplicateAlias(alias, existing.Country.Iso3, country.Iso3));
                }

                return;
            }

            if (_nonCountries.ContainsKey(key))
            {
                yaml.Error(node, DiagnosticCodes.DuplicateAlias, ErrorMessages.DuplicateAlias(alias, "a non-country actor", country.Iso3));
                return;
            }

            _aliases[key] = (country, yaml.At(node));
        }

        private void ReadNonCountry(YamlText yaml, YamlNode node)
        {
            if (yaml.Mapping(node, "a non-country actor", NonCountryKeys) is not { } map)
            {
                return;
            }

            var names = map.Required("names") is { } nn ? yaml.ScalarList(nn, "'names'") : null;
            var reason = map.Required("reason") is { } r ? yaml.Scalar(r, "'reason'") : null;
            if (names is null || reason is null)
            {
                return;
            }

            foreach (var name in names)
            {
                var key = TextKey.Of(name);
                if (_aliases.TryGetValue(key, out var country))
                {
                    yaml.Error(map["names"]!, DiagnosticCodes.DuplicateAlias, ErrorMessages.DuplicateAlias(name, country.Country.Iso3, "a non-country actor"));
                }
                else
                {
                    _nonCountries.TryAdd(key, reason);
                }
            }
        }
    }
}
