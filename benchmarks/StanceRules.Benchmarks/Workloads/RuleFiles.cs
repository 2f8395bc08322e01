using System.Reflection;

namespace StanceRules.Benchmarks.Workloads;

/// <summary>The default rule set's files and the seed facts, embedded in this assembly.</summary>
public static class RuleFiles
{
    /// <summary>The knowledge files (gazetteer, dated offices, lexicon, issue catalogue) without the stance rules.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Knowledge { get; } =
    [
        new("gazetteer.yaml", Read("rules/gazetteer.yaml")),
        new("issues.yaml", Read("rules/issues.yaml")),
        new("lexicon.yaml", Read("rules/lexicon.yaml")),
        .. Assembly.GetExecutingAssembly().GetManifestResourceNames()
            .Where(n => n.StartsWith("rules/offices/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => new KeyValuePair<string, string>(n["rules/".Length..], Read(n))),
    ];

    /// <summary>rules/stances.yaml.</summary>
    public static string DefaultStances { get; } = Read("rules/stances.yaml");

    /// <summary>The seed article's facts document.</summary>
    public static string SeedFacts { get; } = Read("seeds/xi-moscow-2023-03-21.facts.yaml");

    /// <summary>The default rule set: knowledge plus stances.yaml.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Default => [.. Knowledge, new("stances.yaml", DefaultStances)];

    /// <summary>The knowledge files plus one rule file.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> With(string name, string rulesYaml) => [.. Knowledge, new(name, rulesYaml)];

    internal static string Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing; see the csproj.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
