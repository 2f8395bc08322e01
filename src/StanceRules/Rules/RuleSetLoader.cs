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
    IReadOnlyList<LoadedRule> Rules,
    Gazetteer Gazetteer,
    Lexicon Lexicon,
    IssueCatalogue Issues,
    FactTypes FactTypes,
    ISessionFactory Sessions,
    Matching.IndexedRules? Indexed);

/// <summary>
/// Loads a rule set: every YAML file of a folder, each a mapping whose top-level keys say what
/// it holds (<c>rules</c>, <c>countries</c>, <c>non_country_actors</c>, <c>acts</c>,
/// <c>negated</c>, <c>issues</c>, <c>offices</c>). All errors of all files are collected before anything is compiled.
/// </summary>
internal static partial class RuleSetLoader
{
    private static readonly string[] FileKeys = ["rules", "countries", "non_country_actors", "acts", "negated", "issues", "offices", "types"];
    private static readonly string[] TypeKeys = ["name", "fields"];
    private static readonly string[] FieldKinds = ["text", "boolean", "number", "date", "stance"];
    private static readonly string[] CountryKeys = ["iso3", "iso2", "names", "capitals", "seats", "demonyms", "officials"];
    private static readonly string[] NonCountryKeys = ["names", "reason", "becomes"];
    private static readonly string[] BecomesKeys = ["country", "from"];
    private static readonly string[] OfficeEntryKeys = ["country", "covers", "checked", "head_of_state", "note", "holders"];
    private static readonly string[] HolderKeys = ["office", "name", "from", "to", "aliases", "then"];
    private static readonly string[] ThenKeys = ["organization", "from"];
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
        var files = SourceFile.EnumerateFolder(directory, IsRuleFileName, limits.FollowLinksOutOfFolder, diagnostics) ?? [];
        foreach (var (shown, path) in files)
        {
            var name = Path.GetRelativePath(Environment.CurrentDirectory, shown);
            if (SourceFile.Read(path, name, limits, diagnostics) is { } text)
            {
                sources.Add(new RuleSource(name, text));
            }
        }

        return sources;
    }

    /// <summary>A rule set's files: <c>*.yaml</c> and <c>*.yml</c>, except rule tests and fact documents.</summary>
    public static bool IsRuleFileName(string name) =>
        (name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
        && !name.EndsWith(".tests.yaml", StringComparison.OrdinalIgnoreCase) && !name.EndsWith(".facts.yaml", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A folder's files on top of the default ones: a default file whose path in its rule set
    /// (<c>stances.yaml</c>, <c>offices/europe.yaml</c>, ...) the folder also has is left out, the
    /// others come first, then the folder's files in their order.
    /// </summary>
    public static IReadOnlyList<RuleSource> Layer(IReadOnlyList<RuleSource> defaults, IReadOnlyList<RuleSource> folder, string directory)
    {
        var replaced = folder.Select(f => PathInRuleSet(f.Name, directory)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. defaults.Where(d => !replaced.Contains(PathInRuleSet(d.Name, directory))), .. folder];
    }

    /// <summary>A rule file's path inside its rule set, with '/': <c>offices/europe.yaml</c> for the embedded file and for <c>DIR/offices/europe.yaml</c> alike.</summary>
    public static string PathInRuleSet(string name, string? directory) =>
        (name.StartsWith(EmbeddedName, StringComparison.Ordinal)
            ? name[EmbeddedName.Length..]
            : Path.GetRelativePath(Path.GetFullPath(directory ?? "."), Path.GetFullPath(name))).Replace('\\', '/');

    private const string EmbeddedName = "embedded:" + EmbeddedPrefix;

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

    /// <summary>
    /// Compiles the sources. Whatever a rule file holds, the outcome is a rule set or
    /// diagnostics: an exception nothing above foresaw becomes a diagnostic naming the file it
    /// was thrown on (a last resort; each known failure has its own positioned diagnostic).
    /// </summary>
    public static CompiledRuleSet? Compile(IReadOnlyList<RuleSource> sources, StanceEngineOptions options, List<Diagnostic> diagnostics, string where)
    {
        var current = new SourceLocation(where, 1, 1);
        try
        {
            return CompileUnguarded(sources, options, diagnostics, where, at => current = at);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.EngineRejectedRule, ErrorMessages.LoadFailed(e.GetType().Name, e.Message), current));
            return null;
        }
    }

    private static CompiledRuleSet? CompileUnguarded(IReadOnlyList<RuleSource> sources, StanceEngineOptions options, List<Diagnostic> diagnostics, string where, Action<SourceLocation> reading)
    {
        var limits = options.Limits;
        var ruleCount = 0;
        var builder = new KnowledgeBuilder();
        var rules = new List<LoadedRule>();
        var ruleIds = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var sawRules = false;
        var files = new List<(YamlText Yaml, MappingView File)>();
        foreach (var source in sources)
        {
            reading(new SourceLocation(source.Name, 1, 1));
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

                var reader = new RuleReader(yaml, types, diagnostics);
                foreach (var ruleNode in ruleList.Children)
                {
                    reading(yaml.At(ruleNode));
                    var id = ruleNode is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode("id"), out var idNode) && idNode is YamlScalarNode { Value: { Length: > 0 } text } ? text : null;
                    var rule = reader.Read(ruleNode, id, (candidate, at) =>
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

        var gazetteer = builder.Gazetteer(diagnostics);
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
            compiler.ExpressionCompiler = new DelegatingExpressionCompiler(expressionCompiler);
        }

        reading(new SourceLocation(where, 1, 1));
        ISessionFactory sessions;
        Matching.IndexedRules? indexed;
        try
        {
            // The indexed matcher takes the rules that need no Rete network; NRules compiles the rest.
            indexed = options.Matching == RuleMatching.Indexed ? Matching.IndexedRules.Build(rules, options.ExpressionCompiler) : null;
            sessions = compiler.Compile((indexed?.Rete ?? rules).Select(r => r.Definition));
        }
        catch (RuleCompilationException e)
        {
            var rule = rules.FirstOrDefault(r => r.Id == e.RuleName);
            diagnostics.Add(new Diagnostic(DiagnosticCodes.EngineRejectedRule, ErrorMessages.EngineRejectedRule(e.RuleName, e.InnerException?.Message ?? e.Message), rule?.Location ?? new SourceLocation(where, 1, 1)));
            return null;
        }

        return new CompiledRuleSet(rules, gazetteer, builder.Lexicon(), builder.Issues(), types, sessions, indexed);
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

    /// <summary>Collects the gazetteer, offices, lexicon and issue catalogue across files, reporting clashes.</summary>
    private sealed class KnowledgeBuilder
    {
        private readonly List<Country> _countries = [];
        private readonly Dictionary<string, (GazetteerEntry Entry, SourceLocation At)> _entries = new(StringComparer.Ordinal);
        private readonly List<OfficeEntry> _offices = [];
        private readonly Dictionary<string, Stance?> _families = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Stance?> _negated = new(StringComparer.Ordinal);
        private readonly List<IssueEntry> _issues = [];
        private readonly List<(string Iso3, DateOnly From, NonCountryEntry Pending, SourceLocation At)> _becomes = [];

        /// <summary>The gazetteer, once every file is read: offices joined to their countries, name clashes reported.</summary>
        public Gazetteer Gazetteer(List<Diagnostic> diagnostics)
        {
            var byIso3 = _countries.ToDictionary(c => c.Iso3, StringComparer.Ordinal);
            foreach (var (iso3, from, pending, at) in _becomes)
            {
                if (byIso3.TryGetValue(iso3, out var country))
                {
                    var entry = new NonCountryEntry(pending.Text, pending.Reason, pending.Kind) { Becomes = (country, from) };
                    foreach (var key in _entries.Where(e => e.Value.Entry == pending).Select(e => e.Key).ToArray())
                    {
                        _entries[key] = (entry, _entries[key].At);
                    }
                }
                else
                {
                    diagnostics.Add(new Diagnostic(DiagnosticCodes.UnknownCountry, ErrorMessages.UnknownCountry(iso3), at));
                }
            }

            var people = new Dictionary<string, Person>(StringComparer.Ordinal);
            var coverage = new List<OfficeCoverage>();
            var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
            foreach (var office in _offices)
            {
                if (!byIso3.TryGetValue(office.Iso3, out var country))
                {
                    diagnostics.Add(new Diagnostic(DiagnosticCodes.UnknownCountry, ErrorMessages.UnknownCountry(office.Iso3), office.At));
                    continue;
                }

                if (seen.TryGetValue(office.Iso3, out var first))
                {
                    diagnostics.Add(new Diagnostic(DiagnosticCodes.DuplicateEntry, ErrorMessages.DuplicateEntry("offices entry", $"{office.Iso3} (first at {first})"), office.At));
                    continue;
                }

                seen[office.Iso3] = office.At;
                if (office.HeadOfState is { } hos && !byIso3.ContainsKey(hos.Iso3))
                {
                    diagnostics.Add(new Diagnostic(DiagnosticCodes.UnknownCountry, ErrorMessages.UnknownCountry(hos.Iso3), hos.At));
                }

                coverage.Add(new OfficeCoverage(country, office.Covers, office.Checked, office.HeadOfState?.Iso3, office.At));
                foreach (var holder in office.Holders)
                {
                    var personKey = $"{country.Iso3}|{TextKey.Of(holder.Name)}";
                    if (!people.TryGetValue(personKey, out var person))
                    {
                        people[personKey] = person = new Person(holder.Name, country);
                    }

                    person.Add(new OfficeTerm(person, country, holder.Offices, holder.From, holder.To, holder.At));
                    if (holder.Then is { } then)
                    {
                        person.MoveTo(then);
                    }

                    foreach (var (alias, at) in holder.Aliases.Prepend((holder.Name, holder.NameAt)))
                    {
                        AddPersonAlias(alias, at, person, diagnostics);
                    }
                }
            }

            return new Knowledge.Gazetteer(_countries, _entries.ToDictionary(e => e.Key, e => e.Value.Entry, StringComparer.Ordinal), [.. people.Values], coverage);
        }

        private void AddPersonAlias(string alias, SourceLocation at, Person person, List<Diagnostic> diagnostics)
        {
            var key = TextKey.Of(alias);
            if (key.Length == 0)
            {
                return;
            }

            if (!_entries.TryGetValue(key, out var existing))
            {
                _entries[key] = (new PersonAlias(alias, person), at);
                return;
            }

            switch (existing.Entry)
            {
                case PersonAlias same when same.Person == person:
                    return;
                case PersonAlias other:
                    diagnostics.Add(new Diagnostic(DiagnosticCodes.DuplicateAlias, ErrorMessages.DuplicateAlias(alias, $"{other.Person.Name} ({other.Person.Country.Iso3}, {existing.At})", $"{person.Name} ({person.Country.Iso3})"), at));
                    return;
                case CountryAlias { Kind: AliasKind.Official } official when official.Country == person.Country:
                    // Listed both with terms and as an undated official of the same country: the
                    // person speaks for it in a role the offices do not list, on any date.
                    _entries[key] = (new PersonAlias(alias, person) { Undated = official.Country }, at);
                    return;
                case CountryAlias country:
                    diagnostics.Add(new Diagnostic(DiagnosticCodes.DuplicateAlias, ErrorMessages.DuplicateAlias(alias, $"{country.Description} ({existing.At})", $"{person.Name} ({person.Country.Iso3})"), at));
                    return;
                default:
                    diagnostics.Add(new Diagnostic(DiagnosticCodes.DuplicateAlias, ErrorMessages.DuplicateAlias(alias, $"a non-country actor ({existing.At})", $"{person.Name} ({person.Country.Iso3})"), at));
                    return;
            }
        }

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

            if (file["offices"] is { } offices && yaml.Sequence(offices, "'offices'") is { } officeList)
            {
                foreach (var node in officeList.Children)
                {
                    ReadOffices(yaml, node);
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
                    issue.OptionalScalar("title"); // documentation for people: checked as text, not used
                    _issues.Add(new IssueEntry(id, phrases));
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
            AddAlias(yaml, map["iso3"]!, iso3, country, AliasKind.Code);
            AddAlias(yaml, map["iso2"]!, iso2, country, AliasKind.Code);
            foreach (var key in CountryKeys.Skip(2))
            {
                if (map[key] is not { } listNode || YamlText.IsNull(listNode))
                {
                    continue;
                }

                var kind = key switch
                {
                    "capitals" => AliasKind.Capital,
                    "seats" => AliasKind.Seat,
                    "demonyms" => AliasKind.Demonym,
                    "officials" => AliasKind.Official,
                    _ => AliasKind.Name,
                };
                var items = listNode as YamlSequenceNode;
                foreach (var alias in yaml.ScalarList(listNode, $"'{key}'") ?? [])
                {
                    AddAlias(yaml, listNode, alias, country, kind, items);
                }
            }
        }

        private void AddAlias(YamlText yaml, YamlNode at, string alias, Country country, AliasKind kind, YamlSequenceNode? items = null)
        {
            var key = TextKey.Of(alias);
            if (key.Length == 0)
            {
                return;
            }

            var node = items?.Children.FirstOrDefault(c => c is YamlScalarNode s && s.Value == alias) ?? at;
            if (_entries.TryGetValue(key, out var existing))
            {
                switch (existing.Entry)
                {
                    case CountryAlias same when same.Country == country:
                        same.AlsoName |= same.Kind == AliasKind.Code && kind == AliasKind.Name;
                        return;
                    case CountryAlias other:
                        yaml.Error(node, DiagnosticCodes.DuplicateAlias, ErrorMessages.DuplicateAlias(alias, other.Country.Iso3, country.Iso3));
                        return;
                    default:
                        yaml.Error(node, DiagnosticCodes.DuplicateAlias, ErrorMessages.DuplicateAlias(alias, "a non-country actor", country.Iso3));
                        return;
                }
            }

            _entries[key] = (new CountryAlias(alias, country, kind), yaml.At(node));
        }

        private void ReadOffices(YamlText yaml, YamlNode node)
        {
            if (yaml.Mapping(node, "an offices entry", OfficeEntryKeys) is not { } map
                || map.Required("country") is not { } countryNode || yaml.Scalar(countryNode, "'country'") is not { } iso3)
            {
                return;
            }

            var covers = map["covers"] is { } c && !YamlText.IsNull(c) ? ReadDate(yaml, c, "'covers'") : null;
            var checkedOn = map["checked"] is { } k && !YamlText.IsNull(k) ? ReadDate(yaml, k, "'checked'") : null;
            var headOfState = map["head_of_state"] is { } h && yaml.Scalar(h, "'head_of_state'") is { } hos ? (hos, yaml.At(h)) : ((string, SourceLocation)?)null;
            var holders = new List<Holder>();
            if (map.Required("holders") is { } holdersNode && yaml.Sequence(holdersNode, "'holders'") is { } holderList)
            {
                foreach (var holderNode in holderList.Children)
                {
                    if (ReadHolder(yaml, holderNode) is { } holder)
                    {
                        holders.Add(holder);
                    }
                }
            }

            _offices.Add(new OfficeEntry(iso3, yaml.At(countryNode), covers, checkedOn, headOfState, holders));
        }

        private static Holder? ReadHolder(YamlText yaml, YamlNode node)
        {
            if (yaml.Mapping(node, "an office holder", HolderKeys) is not { } map)
            {
                return null;
            }

            var offices = OfficeKinds.None;
            if (map.Required("office") is { } officeNode)
            {
                var list = officeNode is YamlSequenceNode ? yaml.ScalarList(officeNode, "'office'") : yaml.Scalar(officeNode, "'office'") is { } one ? [one] : null;
                foreach (var officeName in list ?? [])
                {
                    if (OfficeNames.TryParse(officeName, out var kind))
                    {
                        offices |= kind;
                    }
                    else
                    {
                        yaml.Error(officeNode, DiagnosticCodes.InvalidValue, ErrorMessages.InvalidValue(officeName, "'office'", string.Join(", ", OfficeNames.Keys)));
                    }
                }
            }

            var nameNode = map.Required("name");
            var name = nameNode is null ? null : yaml.Scalar(nameNode, "'name'");
            var from = map.Required("from") is { } fromNode ? ReadDate(yaml, fromNode, "'from'") : null;
            DateOnly? to = map["to"] is { } toNode && !YamlText.IsNull(toNode) ? ReadDate(yaml, toNode, "'to'") : null;
            if (from is { } start && to is { } end && end < start)
            {
                yaml.Error(map["to"]!, DiagnosticCodes.InvalidValue, ErrorMessages.InvalidValue(end.ToString("yyyy-MM-dd"), "'to'", $"a date on or after 'from' ({start:yyyy-MM-dd})"));
                return null;
            }

            var aliases = new List<(string, SourceLocation)>();
            if (map["aliases"] is { } aliasNode && !YamlText.IsNull(aliasNode))
            {
                var items = aliasNode as YamlSequenceNode;
                foreach (var alias in yaml.ScalarList(aliasNode, "'aliases'") ?? [])
                {
                    var at = items?.Children.FirstOrDefault(x => x is YamlScalarNode s && s.Value == alias) ?? aliasNode;
                    aliases.Add((alias, yaml.At(at)));
                }
            }

            MoveToOrganization? then = null;
            if (map["then"] is { } thenNode && yaml.Mapping(thenNode, "'then'", ThenKeys) is { } thenMap
                && thenMap.Required("organization") is { } orgNode && yaml.Scalar(orgNode, "'then.organization'") is { } organization
                && thenMap.Required("from") is { } thenFrom && ReadDate(yaml, thenFrom, "'then.from'") is { } movedOn)
            {
                then = new MoveToOrganization(organization, movedOn, yaml.At(thenNode));
            }

            if (offices == OfficeKinds.None || name is null || from is null)
            {
                return null;
            }

            return new Holder(offices, name, yaml.At(nameNode!), from.Value, to, aliases, then, yaml.At(node));
        }

        private static DateOnly? ReadDate(YamlText yaml, YamlNode node, string what)
        {
            if (yaml.Scalar(node, what) is not { } text)
            {
                return null;
            }

            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date))
            {
                return date;
            }

            yaml.Error(node, DiagnosticCodes.InvalidValue, ErrorMessages.InvalidValue(text, what, "a date YYYY-MM-DD"));
            return null;
        }

        private sealed record Holder(OfficeKinds Offices, string Name, SourceLocation NameAt, DateOnly From, DateOnly? To, List<(string Alias, SourceLocation At)> Aliases, MoveToOrganization? Then, SourceLocation At);

        private sealed record OfficeEntry(string Iso3, SourceLocation At, DateOnly? Covers, DateOnly? Checked, (string Iso3, SourceLocation At)? HeadOfState, List<Holder> Holders);

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

            var kind = reason.StartsWith("group", StringComparison.Ordinal) ? ResolutionKind.Group
                : reason.StartsWith(Knowledge.Gazetteer.NonStateReason, StringComparison.Ordinal) ? ResolutionKind.NonState
                : reason.StartsWith("territory", StringComparison.Ordinal) ? ResolutionKind.Unknown
                : ResolutionKind.Organization;
            var entry = new NonCountryEntry(names[0], reason, kind);
            if (map["becomes"] is { } becomesNode && yaml.Mapping(becomesNode, "'becomes'", BecomesKeys) is { } becomes
                && becomes.Required("country") is { } countryNode && yaml.Scalar(countryNode, "'becomes.country'") is { } iso3
                && becomes.Required("from") is { } fromNode && ReadDate(yaml, fromNode, "'becomes.from'") is { } from)
            {
                _becomes.Add((iso3, from, entry, yaml.At(countryNode)));
            }

            foreach (var name in names)
            {
                var key = TextKey.Of(name);
                if (_entries.TryGetValue(key, out var existing) && existing.Entry is not CountryAlias { Kind: AliasKind.Code, AlsoName: false })
                {
                    // A bare ISO code gives way to an organization's name ("AU" is the African Union, not Australia).
                    if (existing.Entry is CountryAlias country)
                    {
                        yaml.Error(map["names"]!, DiagnosticCodes.DuplicateAlias, ErrorMessages.DuplicateAlias(name, country.Country.Iso3, "a non-country actor"));
                    }
                }
                else
                {
                    _entries[key] = (entry, yaml.At(map["names"]!));
                }
            }
        }
    }
}

/// <summary>NRules' expression compiler seam, served by the plain function <see cref="StanceEngineOptions.ExpressionCompiler"/> (so NRules' interface stays out of the public API).</summary>
internal sealed class DelegatingExpressionCompiler(Func<System.Linq.Expressions.LambdaExpression, Delegate> compile) : NRules.Extensibility.IExpressionCompiler
{
    public TDelegate Compile<TDelegate>(System.Linq.Expressions.Expression<TDelegate> expression)
        where TDelegate : Delegate => CompileAs<TDelegate>(compile, expression);

    /// <summary>Compiles with the user's compiler, checking it returned the lambda's own delegate type (the indexed matcher uses this too).</summary>
    public static TDelegate CompileAs<TDelegate>(Func<System.Linq.Expressions.LambdaExpression, Delegate> compile, System.Linq.Expressions.LambdaExpression expression)
        where TDelegate : Delegate =>
        compile(expression) as TDelegate
        ?? throw new InvalidOperationException($"StanceEngineOptions.ExpressionCompiler returned no {typeof(TDelegate).Name} for a rule expression; it must return a delegate of the lambda's own type.");
}
