namespace StanceRules.Tests.Architecture;

/// <summary>The library's dependencies point one way, bottom up (docs/architecture.md).</summary>
public sealed class DependencyDirectionTests
{
    private static readonly string Project = Path.Combine(Repo.Root, "src", "StanceRules");

    [Fact]
    public void No_file_in_the_library_uses_a_type_or_namespace_of_a_higher_layer()
    {
        var files = Directory.EnumerateFiles(Project, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Project, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => (f, File.ReadAllText(Path.Combine(Project, f))))
            .ToArray();
        Assert.NotEmpty(files);

        var upward = LayerMap.Check(files);

        Assert.True(upward.Count == 0, "Upward dependencies (move the code down, or the type up):\n" + string.Join('\n', upward));
    }

    [Fact]
    public void Every_folder_of_the_library_has_a_layer_and_every_layer_is_documented()
    {
        var folders = Directory.EnumerateDirectories(Project)
            .Select(Path.GetFileName)
            .Where(d => d is not ("bin" or "obj"))
            .Where(d => Directory.EnumerateFiles(Path.Combine(Project, d!), "*.cs", SearchOption.AllDirectories).Any());
        var doc = File.ReadAllText(Path.Combine(Repo.Root, "docs", "architecture.md"));

        foreach (var folder in folders)
        {
            Assert.True(LayerMap.Layers.ContainsKey(folder!), $"src/StanceRules/{folder}/ has no layer in LayerMap");
            Assert.Contains($"`{folder}/`", doc, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_model_type_that_uses_a_knowledge_type_is_reported_with_its_file_and_line()
    {
        var upward = LayerMap.Check(
        [
            ("Facts/Fact.cs", "namespace StanceRules;\npublic sealed class Fact\n{\n    internal Lexicon? Words { get; }\n}\n"),
            ("Knowledge/Lexicon.cs", "namespace StanceRules.Knowledge;\ninternal sealed class Lexicon { }\n"),
        ]);

        var only = Assert.Single(upward);
        Assert.Equal(("Facts/Fact.cs", 4, "Lexicon", "model", "knowledge"), (only.File, only.Line, only.Name, only.FromLayer, only.ToLayer));
    }

    [Fact]
    public void A_using_directive_of_a_higher_namespace_is_an_upward_dependency()
    {
        var upward = LayerMap.Check(
        [
            ("Diagnostics/ErrorMessages.cs", "using StanceRules.Yaml;\nnamespace StanceRules;\ninternal static class ErrorMessages { }\n"),
            ("Yaml/YamlText.cs", "namespace StanceRules.Yaml;\ninternal sealed class YamlText { }\n"),
        ]);

        Assert.Equal("StanceRules.Yaml", Assert.Single(upward).Name);
    }

    [Fact]
    public void Downward_uses_comments_and_strings_are_not_upward_dependencies()
    {
        var upward = LayerMap.Check(
        [
            ("Facts/Fact.cs", "namespace StanceRules;\n/// <see cref=\"Lexicon\"/>\npublic sealed class Fact\n{\n    // Lexicon decides the family.\n    string Text => \"Lexicon\" + @\"Lexicon \"\" Lexicon\";\n}\n"),
            ("Knowledge/Lexicon.cs", "namespace StanceRules.Knowledge;\ninternal sealed class Lexicon\n{\n    Fact? Last { get; }\n}\n"),
        ]);

        Assert.Empty(upward);
    }

    [Fact]
    public void A_type_declared_in_two_layers_takes_the_lower_one()
    {
        var upward = LayerMap.Check(
        [
            ("StanceEngine.cs", "namespace StanceRules;\npublic sealed partial class StanceEngine { }\n"),
            ("Batch/StanceEngine.Batch.cs", "namespace StanceRules;\npublic sealed partial class StanceEngine { }\n"),
            ("Batch/BatchRunner.cs", "namespace StanceRules.Batch;\ninternal sealed class BatchRunner { StanceEngine? E; }\n"),
        ]);

        Assert.Empty(upward);
    }

    [Fact]
    public void A_folder_without_a_layer_is_an_error_that_names_it()
    {
        var e = Assert.Throws<InvalidOperationException>(() => LayerMap.LayerOf("Shiny/Thing.cs"));

        Assert.Contains("src/StanceRules/Shiny/", e.Message, StringComparison.Ordinal);
    }
}
