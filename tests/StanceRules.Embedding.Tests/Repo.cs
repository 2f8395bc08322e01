namespace StanceRules.Embedding.Tests;

/// <summary>Paths in the repository, found from the test assembly's folder.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Rules => Path.Combine(Root, "rules");

    public static string SeedFacts => Path.Combine(Root, "seeds", "xi-moscow-2023-03-21.facts.yaml");

    public static string SeedExpectedJson => Path.Combine(Root, "seeds", "xi-moscow-2023-03-21.expected.json");

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
