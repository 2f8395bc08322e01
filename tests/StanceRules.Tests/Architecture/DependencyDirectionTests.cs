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

        foreach (var sub in Directory.EnumerateDirectories(Path.Combine(Project, "Rules")).Select(Path.GetFileName))
        {
            Assert.True(LayerMap.RulesLayers.ContainsKey(sub!), $"src/StanceRules/Rules/{sub}/ has no layer in LayerMap.RulesLayers");
            Assert.Contains($"`Rules/{sub}/`", doc, StringComparison.Ordinal);
        }
    }

    /// <summary>One obvious place for each concern: a library file over 400 lines holds more than one (docs/architecture.md).</summary>
    [Fact]
    public void No_file_in_the_library_is_over_400_lines()
    {
        var long_ = Directory.EnumerateFiles(Project, "*.cs", SearchOption.AllDirectories)
            .Select(f => (File: Path.GetRelativePath(Project, f).Replace('\\', '/'), Lines: File.ReadLines(f).Count()))
            .Where(f => !f.File.StartsWith("bin/", StringComparison.Ordinal) && !f.File.StartsWith("obj/", StringComparison.Ordinal))
            .Where(f => f.Lines > 400)
            .Select(f => $"src/StanceRules/{f.File}: {f.Lines} lines")
            .ToArray();

        Assert.True(long_.Length == 0, "Files over 400 lines (split them by concern):\n" + string.Join('\n', long_));
    }

    /// <summary>The test of the test: the cycle issue 23 found (LoadedRule lowering itself), written as source text, fails the check.</summary>
    [Fact]
    public void A_cycle_inside_Rules_is_reported_at_the_shared_type_that_uses_the_lowering()
    {
        var upward = LayerMap.Check(
        [
            ("Rules/LoadedRule.cs", "using StanceRules.Rules.Binding;\nnamespace StanceRules.Rules;\ninternal sealed class LoadedRule\n{\n    public static LoadedRule Read(BoundRule rule) => RuleLowering.Lower(rule);\n}\n"),
            ("Rules/Binding/BoundRule.cs", "namespace StanceRules.Rules.Binding;\ninternal sealed class BoundRule { }\n"),
            ("Rules/Lowering/RuleLowering.cs", "using StanceRules.Rules.Binding;\nnamespace StanceRules.Rules.Lowering;\ninternal static class RuleLowering\n{\n    public static LoadedRule Lower(BoundRule rule) => throw null!;\n}\n"),
        ]);

        var only = Assert.Single(upward);
        Assert.Equal(("Rules/LoadedRule.cs", 5, "RuleLowering", "shared rule types", "rule lowering"), (only.File, only.Line, only.Name, only.FromLayer, only.ToLayer));
    }

    [Fact]
    public void The_matcher_and_the_lowering_are_of_one_rank_and_do_not_use_each_other()
    {
        var upward = LayerMap.Check(
        [
            ("Rules/Matching/MatchPlan.cs", "namespace StanceRules.Rules.Matching;\ninternal sealed class MatchPlan { RuleLowering? L; }\n"),
            ("Rules/Lowering/RuleLowering.cs", "using StanceRules.Rules.Matching;\nnamespace StanceRules.Rules.Lowering;\ninternal static class RuleLowering { }\n"),
        ]);

        Assert.Equal(
            [("Rules/Lowering/RuleLowering.cs", "StanceRules.Rules.Matching", "rule matching"), ("Rules/Matching/MatchPlan.cs", "RuleLowering", "rule lowering")],
            upward.Select(u => (u.File, u.Name, u.ToLayer)).OrderBy(u => u.File, StringComparer.Ordinal));
    }

    [Fact]
    public void Folders_of_one_rank_do_not_use_each_other_unless_the_table_allows_it()
    {
        var upward = LayerMap.Check(
        [
            ("Report/ReportJson.cs", "namespace StanceRules;\ninternal static class ReportJson { static int C() => StrictJson.Column(); }\n"),
            ("Yaml/StrictJson.cs", "namespace StanceRules.Yaml;\ninternal static class StrictJson { }\n"),
            ("Facts/Fact.cs", "namespace StanceRules;\npublic class Fact { Stance S; }\n"),
            ("Model/Stance.cs", "namespace StanceRules;\npublic enum Stance { }\n"),
        ]);

        var only = Assert.Single(upward);
        Assert.Equal(("Report/ReportJson.cs", "StrictJson", "report", "text reading"), (only.File, only.Name, only.FromLayer, only.ToLayer));
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
        var inRules = Assert.Throws<InvalidOperationException>(() => LayerMap.LayerOf("Rules/Shiny/Thing.cs"));

        Assert.Contains("src/StanceRules/Shiny/", e.Message, StringComparison.Ordinal);
        Assert.Contains("src/StanceRules/Rules/Shiny/", inRules.Message, StringComparison.Ordinal);
    }
}
