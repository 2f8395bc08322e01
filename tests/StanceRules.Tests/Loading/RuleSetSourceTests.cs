using StanceRules.Loading;

namespace StanceRules.Tests.Loading;

/// <summary>
/// Where a rule set's files come from (<see cref="RuleSetSource"/>): a folder, the embedded
/// defaults, files given as text, a folder over the defaults. The same files give the same rule
/// set whichever the source; rule tests and fact documents are never read as rules.
/// </summary>
public sealed class RuleSetSourceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("stance-sources-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void RepositoryRulesFolder_ReadsTheEmbeddedFilesExactly_AndNoneOfItsRuleTests()
    {
        Assert.NotEmpty(Directory.GetFiles(Repo.Rules, "*.tests.yaml")); // the folder does hold tests: the check below means something

        var folder = Read(RuleSetSource.Folder(Repo.Rules));
        var embedded = Read(RuleSetSource.Embedded);

        // An embedded .actors dictionary is read when first needed: its text is the deferred read.
        Assert.Equal(
            embedded.Select(f => (StanceFiles.PathInRuleSet(f.Name, null), f.Deferred?.Invoke() ?? f.Text)),
            folder.Select(f => (StanceFiles.PathInRuleSet(f.Name, Repo.Rules), f.Text)));
        Assert.Contains(embedded, f => f.Name == "embedded:rules/offices/europe.yaml");
        Assert.Contains(embedded, f => f.Name == "embedded:rules/history/Phoenix.Countries.actors.txt" && f.Text.Length == 0 && f.Deferred is not null);
        Assert.DoesNotContain(folder, f => f.Name.EndsWith(".tests.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void FolderEmbeddedAndInMemory_TheDefaultRules_CompileToTheSameRuleSet()
    {
        var inMemory = Read(RuleSetSource.Folder(Repo.Rules)).Select(f => new KeyValuePair<string, string>(f.Name, f.Text));
        var engines = new[] { StanceEngine.Load(Repo.Rules), StanceEngine.CreateDefault(), StanceEngine.FromYaml(inMemory) };
        var seed = ArticleFacts.Load(Repo.SeedFacts);
        var expected = File.ReadAllText(Repo.SeedExpectedJson).ReplaceLineEndings("\n").TrimEnd();

        foreach (var engine in engines)
        {
            Assert.Equal(engines[1].RuleIds, engine.RuleIds);
            Assert.Equal(expected, engine.Infer(seed).ToJson().ReplaceLineEndings("\n"));
            Assert.Empty(engine.Warnings);
        }

        Assert.Equal(engines[1].SourceFiles.Select(f => StanceFiles.PathInRuleSet(f, null)), engines[0].SourceFiles.Select(f => StanceFiles.PathInRuleSet(f, Repo.Rules)));
    }

    [Fact]
    public void Folder_ReadsYamlAndYmlInSubfolders_AndLeavesOutTestsFactsAndOtherFiles()
    {
        Write("b.yaml", "rules: []\n");
        Write("sub/a.YML", "rules: []\n");
        Write("c.tests.yaml", "not: [rules");
        Write("d.facts.yaml", "not: [rules");
        Write("sub/E.FACTS.YAML", "not: [rules");
        Write("notes.txt", "not rules");
        Write("f.json", "{}");

        var files = Read(RuleSetSource.Folder(_folder));

        Assert.Equal(["b.yaml", "sub/a.YML"], files.Select(f => StanceFiles.PathInRuleSet(f.Name, _folder)));
    }

    [Fact]
    public void Folder_HoldingBrokenTestsAndFacts_LoadsAsIfTheyWereNotThere()
    {
        foreach (var file in Directory.GetFiles(Repo.Rules, "*.yaml").Where(StanceFiles.IsRuleFile))
        {
            File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
        }

        Write("broken.tests.yaml", "cases: [ {");
        Write("broken.facts.yaml", "facts: [ {");

        Assert.True(StanceEngine.TryLoad(_folder, out var engine, out var diagnostics), string.Join("\n", diagnostics));
        Assert.DoesNotContain(engine.SourceFiles, f => f.Contains("broken", StringComparison.Ordinal));
    }

    [Fact]
    public void MissingFolder_IsOneFileNotReadableDiagnosticOnTheFolder()
    {
        var missing = Path.Combine(_folder, "missing");
        var diagnostics = new List<Diagnostic>();

        Assert.Empty(RuleSetSource.Folder(missing).Read(StanceLimits.Default, diagnostics));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.FileNotReadable, missing), (diagnostic.Code, diagnostic.Location.File));
    }

    [Fact]
    public void OverDefaults_AFolderFileAtADefaultsPath_ReplacesIt_TheOtherDefaultsComeFirst()
    {
        Write("offices/europe.yaml", "offices: []\n");
        Write("house.yaml", "rules: []\n");

        var files = Read(RuleSetSource.OverDefaults(_folder));

        var defaults = Read(RuleSetSource.Embedded).Select(f => StanceFiles.PathInRuleSet(f.Name, null)).Where(p => p != "offices/europe.yaml");
        Assert.Equal([.. defaults, "house.yaml", "offices/europe.yaml"], files.Select(f => StanceFiles.PathInRuleSet(f.Name, _folder)));
        Assert.Equal("offices: []\n", files[^1].Text);
        Assert.Equal(_folder, RuleSetSource.OverDefaults(_folder).Where);
    }

    [Fact]
    public void InMemory_TakesTheFilesAsGiven_NamesAreNotFiltered()
    {
        var files = Read(RuleSetSource.InMemory([new("rules", "rules: []\n"), new("x.tests.yaml", "rules: []\n")], "the given files"));

        Assert.Equal(["rules", "x.tests.yaml"], files.Select(f => f.Name));
    }

    [Theory]
    [InlineData("stances.yaml", true)]
    [InlineData("stances.yml", true)]
    [InlineData("STANCES.YAML", true)]
    [InlineData("/work/rules/offices/europe.yaml", true)]
    [InlineData("embedded:rules/gazetteer.yaml", true)]
    [InlineData("stances.tests.yaml", false)]
    [InlineData("stances.TESTS.yaml", false)]
    [InlineData("seed.facts.yaml", false)]
    [InlineData("/work/rules/seed.Facts.Yaml", false)]
    [InlineData("stances.json", false)]
    [InlineData("stances.yaml.bak", false)]
    [InlineData("yaml", false)]
    public void IsRuleFile_YamlAndYml_ExceptRuleTestsAndFactDocuments(string path, bool expected) =>
        Assert.Equal(expected, StanceFiles.IsRuleFile(path));

    [Fact]
    public void PathInRuleSet_AnEmbeddedFileAndTheSameFileOfAFolder_HaveOnePath()
    {
        Assert.Equal("offices/europe.yaml", StanceFiles.PathInRuleSet("embedded:rules/offices/europe.yaml", _folder));
        Assert.Equal("offices/europe.yaml", StanceFiles.PathInRuleSet(Path.Combine(_folder, "offices", "europe.yaml"), _folder));
    }

    [Fact]
    public void TryEnumerateFolder_ListsTheAcceptedFilesInOrdinalOrder()
    {
        Write("b.facts.yaml", "");
        Write("a/z.facts.json", "");
        Write("c.yaml", "");

        Assert.True(StanceFiles.TryEnumerateFolder(_folder, n => n.Contains(".facts.", StringComparison.Ordinal), null, out var files, out var diagnostics));

        Assert.Equal([Path.Combine(_folder, "a", "z.facts.json"), Path.Combine(_folder, "b.facts.yaml")], files);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void TryEnumerateFolder_AFile_IsFalseWithNothingListedAndNoDiagnostic()
    {
        Write("a.facts.yaml", "");

        Assert.False(StanceFiles.TryEnumerateFolder(Path.Combine(_folder, "a.facts.yaml"), _ => true, null, out var files, out var diagnostics));

        Assert.Empty(files);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void TryEnumerateFolder_ALinkOutOfTheFolder_IsNotListedButADiagnostic_UnlessTheLimitsFollowIt()
    {
        var outside = Directory.CreateTempSubdirectory("stance-outside-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(outside, "secret.facts.yaml"), "");
            File.CreateSymbolicLink(Path.Combine(_folder, "link.facts.yaml"), Path.Combine(outside, "secret.facts.yaml"));

            Assert.True(StanceFiles.TryEnumerateFolder(_folder, _ => true, null, out var files, out var diagnostics));
            Assert.Empty(files);
            Assert.Equal(DiagnosticCodes.LinkNotFollowed, Assert.Single(diagnostics).Code);

            Assert.True(StanceFiles.TryEnumerateFolder(_folder, _ => true, new StanceLimits { FollowLinksOutOfFolder = true }, out files, out diagnostics));
            Assert.Equal([Path.Combine(_folder, "link.facts.yaml")], files);
            Assert.Empty(diagnostics);
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    private static IReadOnlyList<RuleFile> Read(RuleSetSource source)
    {
        var diagnostics = new List<Diagnostic>();
        var files = source.Read(StanceLimits.Default, diagnostics);
        Assert.Empty(diagnostics);
        return files;
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
