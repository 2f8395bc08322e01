namespace StanceRules.TestSupport;

/// <summary>Paths in the repository, found from the test assembly's folder.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Rules => Path.Combine(Root, "rules");

    public static string SeedFacts => Path.Combine(Root, "seeds", "xi-moscow-2023-03-21.facts.yaml");

    public static string SeedArticle => Path.Combine(Root, "seeds", "xi-moscow-2023-03-21.article.txt");

    public static string SeedExpectedJson => Path.Combine(Root, "seeds", "xi-moscow-2023-03-21.expected.json");

    public static string Fixture(params string[] parts) => Path.Combine([Root, "tests", "StanceRules.Tests", "Fixtures", .. parts]);

    /// <summary>The default knowledge files (gazetteer, lexicon, issues) with the given rules file, for <see cref="StanceEngine.FromYaml"/>.</summary>
    public static StanceEngine EngineWithRules(string rulesYaml, StanceEngineOptions? options = null) =>
        StanceEngine.FromYaml(KnowledgeFiles().Append(new KeyValuePair<string, string>("test.rules.yaml", rulesYaml)), options);

    public static IEnumerable<KeyValuePair<string, string>> KnowledgeFiles() =>
        new[] { "gazetteer.yaml", "lexicon.yaml", "issues.yaml" }
            .Select(f => new KeyValuePair<string, string>(Path.Combine("rules", f), File.ReadAllText(Path.Combine(Rules, f))));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RulesEngine.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("RulesEngine.sln not found above " + AppContext.BaseDirectory);
    }
}
