using System.Linq.Expressions;
using System.Reflection;
using StanceRules.Benchmarks.Workloads;
using YamlDotNet.RepresentationModel;

namespace StanceRules.Benchmarks.Peers;

/// <summary>
/// What every peer needs from the rule set's knowledge: actor resolution through the gazetteer,
/// issue inference from a target, act lemmas to stance families. The peers call the library's
/// own code for it, so every peer does exactly the work <see cref="StanceEngine.Infer"/> does
/// before its rules, at the same cost, and the comparison is about the rule engines: actors
/// through the public <see cref="StanceEngine.Resolve(string, DateOnly?)"/>, issues and lemmas
/// through the internal IssueCatalogue and Lexicon, bound once through compiled expression trees.
/// </summary>
public sealed class PeerKnowledge
{
    private readonly Func<string, DateOnly?, (string? Iso3, string? Reason)> _resolve;
    private readonly Func<string?, string?> _inferIssue;
    private readonly Func<string, bool> _isKnownAct;
    private readonly Func<string, bool, Stance?> _familyOf;

    private PeerKnowledge(StanceEngine engine)
    {
        const BindingFlags Any = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance;
        var ruleSet = Internal(typeof(StanceEngine).GetProperty("RuleSet", Any)?.GetValue(engine), "StanceEngine.RuleSet");
        object Part(string name) => Internal(ruleSet.GetType().GetProperty(name, Any)?.GetValue(ruleSet), $"CompiledRuleSet.{name}");
        var issuesObject = Expression.Constant(Part("Issues"));
        var lexiconObject = Expression.Constant(Part("Lexicon"));
        MethodInfo Method(ConstantExpression target, string name) =>
            target.Value!.GetType().GetMethod(name, Any) ?? throw Missing($"{target.Value.GetType().Name}.{name}");

        _resolve = (actor, date) =>
        {
            var resolution = engine.Resolve(actor, date);
            return (resolution.Country, resolution.Reason);
        };
        var text = Expression.Parameter(typeof(string), "text");
        _inferIssue = Expression.Lambda<Func<string?, string?>>(Expression.Call(issuesObject, Method(issuesObject, "Infer"), text), text).Compile();
        var act = Expression.Parameter(typeof(string), "act");
        var negated = Expression.Parameter(typeof(bool), "negated");
        _isKnownAct = Expression.Lambda<Func<string, bool>>(Expression.Call(lexiconObject, Method(lexiconObject, "IsKnown"), act), act).Compile();
        _familyOf = Expression.Lambda<Func<string, bool, Stance?>>(Expression.Call(lexiconObject, Method(lexiconObject, "FamilyOf"), act, negated), act, negated).Compile();
    }

    /// <summary>The default rule set's knowledge (compiles the default rules once, to reach it).</summary>
    public static PeerKnowledge Default => Lazy.Value;

    private static readonly Lazy<PeerKnowledge> Lazy = new(() => new PeerKnowledge(StanceEngine.FromYaml(RuleFiles.Default)));

    /// <summary>The ISO alpha-3 code the actor resolves to on the article's date, or null with the reason (StanceEngine.Resolve).</summary>
    public (string? Iso3, string? Reason) Resolve(string actor, DateOnly? date) => _resolve(actor, date);

    /// <summary>The issue the catalogue infers from a target (IssueCatalogue.Infer).</summary>
    public string? InferIssue(string? text) => _inferIssue(text);

    /// <summary>Lexicon.IsKnown.</summary>
    public bool IsKnownAct(string act) => _isKnownAct(act);

    /// <summary>The stance family of an act after negation (Lexicon.FamilyOf).</summary>
    public Stance? FamilyOf(string act, bool negated) => _familyOf(act, negated);

    private static object Internal(object? value, string what) => value ?? throw Missing(what);

    private static InvalidOperationException Missing(string what) =>
        new($"The benchmarks bind the library's internal {what} to give every peer the library's own actor resolution, and it is gone. Update benchmarks/StanceRules.Benchmarks/Peers/Knowledge.cs (or use a public resolution API if the library has one now).");
}

/// <summary>
/// The default rule set's knowledge files, parsed: only the source of spellings, lemmas and
/// issue ids for the corpus and rule generators (resolution is the library's, see <see cref="PeerKnowledge"/>).
/// </summary>
public static class KnowledgeData
{
    public static GazetteerData Gazetteer { get; } = GazetteerData.Parse(RuleFiles.Knowledge.Single(f => f.Key == "gazetteer.yaml").Value);

    public static LexiconData Lexicon { get; } = LexiconData.Parse(RuleFiles.Knowledge.Single(f => f.Key == "lexicon.yaml").Value);

    public static IReadOnlyList<IssueData> Issues { get; } = IssueData.Parse(RuleFiles.Knowledge.Single(f => f.Key == "issues.yaml").Value);
}

/// <summary>One gazetteer entry, as rules/gazetteer.yaml writes it.</summary>
public sealed record CountryData(string Iso3, string Iso2, IReadOnlyList<string> Names, IReadOnlyList<string> Capitals, IReadOnlyList<string> Seats, IReadOnlyList<string> Demonyms, IReadOnlyList<string> Officials)
{
    public IEnumerable<string> AllAliases => new[] { Iso3, Iso2 }.Concat(Names).Concat(Capitals).Concat(Seats).Concat(Demonyms).Concat(Officials);
}

/// <summary>rules/gazetteer.yaml.</summary>
public sealed record GazetteerData(IReadOnlyList<CountryData> Countries, IReadOnlyList<(IReadOnlyList<string> Names, string Reason)> NonCountries)
{
    public static GazetteerData Parse(string yaml)
    {
        var root = Yaml.Root(yaml);
        var countries = Yaml.Seq(root, "countries").Select(n => new CountryData(
            Yaml.Str(n, "iso3"), Yaml.Str(n, "iso2"), Yaml.List(n, "names"), Yaml.List(n, "capitals"),
            Yaml.List(n, "seats"), Yaml.List(n, "demonyms"), Yaml.List(n, "officials"))).ToArray();
        var others = Yaml.Seq(root, "non_country_actors").Select(n => (Yaml.List(n, "names"), Yaml.Str(n, "reason"))).ToArray();
        return new GazetteerData(countries, others);
    }
}

/// <summary>rules/lexicon.yaml.</summary>
public sealed record LexiconData(IReadOnlyDictionary<string, Stance?> Families, IReadOnlyDictionary<string, Stance?> Negated)
{
    /// <summary>The lemmas of each family, in file order (null: the "none" family).</summary>
    public IReadOnlyList<string> LemmasOf(Stance? family) => Families.Where(kv => kv.Value == family).Select(kv => kv.Key).ToArray();

    public static LexiconData Parse(string yaml)
    {
        var root = Yaml.Root(yaml);
        var families = new Dictionary<string, Stance?>(StringComparer.Ordinal);
        foreach (var (key, value) in (YamlMappingNode)root.Children[new YamlScalarNode("acts")])
        {
            Stance? stance = StanceNames.TryParse(((YamlScalarNode)key).Value, out var s) ? s : null;
            foreach (var lemma in ((YamlSequenceNode)value).Children.Cast<YamlScalarNode>())
            {
                families.TryAdd(lemma.Value!, stance);
            }
        }

        var negated = new Dictionary<string, Stance?>(StringComparer.Ordinal);
        foreach (var (key, value) in (YamlMappingNode)root.Children[new YamlScalarNode("negated")])
        {
            negated[((YamlScalarNode)key).Value!] = StanceNames.TryParse(((YamlScalarNode)value).Value, out var s) ? s : null;
        }

        return new LexiconData(families, negated);
    }
}

/// <summary>One entry of rules/issues.yaml.</summary>
public sealed record IssueData(string Id, IReadOnlyList<string> Phrases)
{
    public static IReadOnlyList<IssueData> Parse(string yaml) =>
        Yaml.Seq(Yaml.Root(yaml), "issues").Select(n => new IssueData(Yaml.Str(n, "id"), Yaml.List(n, "phrases"))).ToArray();
}

internal static class Yaml
{
    public static YamlMappingNode Root(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    public static IEnumerable<YamlMappingNode> Seq(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? ((YamlSequenceNode)node).Children.Cast<YamlMappingNode>() : [];

    public static string Str(YamlMappingNode map, string key) => ((YamlScalarNode)map.Children[new YamlScalarNode(key)]).Value!;

    public static IReadOnlyList<string> List(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlSequenceNode seq
            ? seq.Children.Cast<YamlScalarNode>().Select(s => s.Value!).ToArray()
            : [];
}
