using System.Text.Json;

namespace StanceRules.Tests;

public class PackageTests
{
    [Fact]
    public void LibraryDependencyGraph_HasNoRoslynPackage()
    {
        // project.assets.json is the restore's full transitive graph, the same one
        // `dotnet list src/StanceRules package --include-transitive` prints.
        var assets = Path.Combine(Repo.Root, "src", "StanceRules", "obj", "project.assets.json");
        using var json = JsonDocument.Parse(File.ReadAllText(assets));
        var packages = json.RootElement.GetProperty("libraries").EnumerateObject().Select(p => p.Name.Split('/')[0]).ToArray();

        Assert.Contains("NRules", packages);
        Assert.Contains("YamlDotNet", packages);
        Assert.DoesNotContain(packages, p => p.StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(packages, p => p.Contains("Dynamic", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void DefaultRuleSet_IsEmbeddedInTheAssembly()
    {
        var names = typeof(StanceEngine).Assembly.GetManifestResourceNames();

        Assert.Equal(
            Directory.GetFiles(Repo.Rules, "*", SearchOption.AllDirectories).Where(f => StanceFiles.IsRuleFile(f)).Select(f => "rules/" + Path.GetRelativePath(Repo.Rules, f).Replace('\\', '/')).Order(StringComparer.Ordinal),
            names.Where(n => n.StartsWith("rules/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }
}
