namespace StanceRules.Tests;

/// <summary>A rules folder as the whole rule set, or as a layer on the embedded defaults (StanceEngineOptions.ExtendDefaultRules, --extend-defaults).</summary>
public sealed class LayeredRuleSetTests : IDisposable
{
    private static readonly StanceEngineOptions Extend = new() { ExtendDefaultRules = true };
    private readonly string _folder = Directory.CreateTempSubdirectory("stance-layers-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void FolderWithOnlyStancesYaml_ExtendingTheDefaults_InfersTheSeedsRows()
    {
        File.Copy(Path.Combine(Repo.Rules, "stances.yaml"), Path.Combine(_folder, "stances.yaml"));

        var engine = StanceEngine.Load(_folder, Extend);

        var expected = File.ReadAllText(Repo.SeedExpectedJson).ReplaceLineEndings("\n").TrimEnd();
        Assert.Equal(expected, engine.Infer(ArticleFacts.Load(Repo.SeedFacts)).ToJson().ReplaceLineEndings("\n"));
        Assert.Empty(engine.Warnings);
        Assert.Equal(
            ["embedded:rules/events.yaml", "embedded:rules/extraction.yaml", "embedded:rules/gazetteer.yaml", "embedded:rules/history/Phoenix.Countries.actors.txt", "embedded:rules/issues.yaml", "embedded:rules/lexicon.yaml", "embedded:rules/offices/africa.yaml",
             "embedded:rules/offices/americas.yaml", "embedded:rules/offices/asia-pacific.yaml", "embedded:rules/offices/europe.yaml"],
            engine.SourceFiles.Take(10));
        Assert.EndsWith("stances.yaml", Assert.Single(engine.SourceFiles.Skip(10)), StringComparison.Ordinal);
    }

    [Fact]
    public void FolderWithOnlyStancesYaml_Alone_CompilesWithNoGazetteerAndNoLexiconWarnings_AndInfersNothing()
    {
        File.Copy(Path.Combine(Repo.Rules, "stances.yaml"), Path.Combine(_folder, "stances.yaml"));

        var engine = StanceEngine.Load(_folder);

        Assert.Equal([DiagnosticCodes.NoGazetteer, DiagnosticCodes.NoLexicon], engine.Warnings.Select(w => w.Code));
        Assert.All(engine.Warnings, w => Assert.Contains(": warning SR300", w.ToString(), StringComparison.Ordinal));
        Assert.Empty(engine.Infer(ArticleFacts.Load(Repo.SeedFacts)).Stances);
    }

    [Fact]
    public void ExtendingFolder_WithANewRuleFile_AddsItsRulesToTheDefaultOnes()
    {
        File.WriteAllText(Path.Combine(_folder, "house.yaml"), """
            rules:
              - id: house-praise-supports
                when:
                  - statement: { act: praise }
                then: { stance: supports, confidence: 0.5 }
            """);

        var engine = StanceEngine.Load(_folder, Extend);

        Assert.Equal(StanceEngine.CreateDefault().RuleIds.Append("house-praise-supports"), engine.RuleIds);
    }

    [Fact]
    public void ExtendingFolder_RedefiningADefaultRuleInAnotherFile_IsADuplicateRuleError()
    {
        File.WriteAllText(Path.Combine(_folder, "house.yaml"), """
            rules:
              - id: statement-supports
                when:
                  - statement: { act: praise }
                then: { stance: supports, confidence: 0.5 }
            """);

        var error = Assert.Throws<StanceRulesException>(() => StanceEngine.Load(_folder, Extend));

        Assert.Equal(DiagnosticCodes.DuplicateRuleId, Assert.Single(error.Diagnostics).Code);
    }

#if STANCE_CLI // runs the stance CLI, which targets net10.0 only
    [Fact]
    public void StanceValidate_SaysWhichLayersItLoaded_AndWarnsWhenAFolderHasNoGazetteerOrLexicon()
    {
        File.Copy(Path.Combine(Repo.Rules, "stances.yaml"), Path.Combine(_folder, "stances.yaml"));

        var extended = StanceCli.Run("validate", _folder, "--extend-defaults");
        var alone = StanceCli.Run("validate", _folder);

        Assert.Equal((0, ""), (extended.Exit, extended.Err));
        Assert.Contains($"Layers: embedded defaults (events.yaml, extraction.yaml, gazetteer.yaml, history/Phoenix.Countries.actors.txt, issues.yaml, lexicon.yaml, offices/africa.yaml, offices/americas.yaml, offices/asia-pacific.yaml, offices/europe.yaml), then {_folder} (stances.yaml)", extended.Out, StringComparison.Ordinal);
        Assert.Equal(0, alone.Exit);
        Assert.Contains($"Layers: {_folder} (stances.yaml)", alone.Out, StringComparison.Ordinal);
        Assert.Contains("warning SR3004: the rule set has no gazetteer", alone.Err, StringComparison.Ordinal);
        Assert.Contains("warning SR3005: the rule set has no lexicon", alone.Err, StringComparison.Ordinal);
        Assert.Contains("2 warning(s)", alone.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void StanceInfer_WithExtendDefaults_GivesTheSeedsRowsFromAStancesOnlyFolder()
    {
        File.Copy(Path.Combine(Repo.Rules, "stances.yaml"), Path.Combine(_folder, "stances.yaml"));

        var (exit, output, _) = StanceCli.Run("infer", Repo.SeedFacts, "--rules", _folder, "--extend-defaults", "--format", "json");

        Assert.Equal(0, exit);
        Assert.Equal(File.ReadAllText(Repo.SeedExpectedJson).ReplaceLineEndings("\n").TrimEnd(), output.ReplaceLineEndings("\n").TrimEnd());
    }
#endif
}
