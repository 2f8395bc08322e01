
namespace StanceRules.Tests;

/// <summary>The <c>stance</c> command's output and exit codes, run in-process.</summary>
public class CliTests
{

    [Fact]
    public void Infer_WithNoArguments_PrintsTheSeedReportAsATable()
    {
        var (exit, output, error) = StanceCli.Run("infer");

        Assert.Equal((0, ""), (exit, error));
        Assert.StartsWith("Article xi-moscow-2023-03-21: 18 stances, 2 unresolved", output, StringComparison.Ordinal);
        Assert.Matches(@"UKR\s+china-peace-plan\s+rejects\s+0\.85\s+statement-rejects\s+f12\s+supports 0\.40 \(f11\)", output);
        Assert.Matches(@"f4\s+141 countries\s+group of unnamed countries", output);
    }

    [Fact]
    public void Infer_FormatJson_PrintsTheReportContract()
    {
        var (exit, output, _) = StanceCli.Run("infer", Repo.SeedFacts, "--format", "json");

        Assert.Equal(0, exit);
        Assert.Equal(File.ReadAllText(Repo.SeedExpectedJson).ReplaceLineEndings("\n").TrimEnd(), output.ReplaceLineEndings("\n").TrimEnd());
        using var json = System.Text.Json.JsonDocument.Parse(output);
        Assert.Equal(["article", "published", "stances", "unresolved"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["country", "issue", "stance", "confidence", "rules", "facts", "evidence", "overruled"],
            json.RootElement.GetProperty("stances")[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Infer_WithCustomRulesFolder_UsesThem()
    {
        var (exit, output, _) = StanceCli.Run("infer", Repo.SeedFacts, "--rules", Repo.Rules);

        Assert.Equal(0, exit);
        Assert.Contains("18 stances", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Infer_InvalidFacts_Exits1WithFileLineColumnDiagnostics()
    {
        var file = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.facts.yaml");
        File.WriteAllText(file, "article: { id: x }\nfacts:\n  - { type: vote, actor: China, choice: maybe }\n");
        try
        {
            var (exit, _, error) = StanceCli.Run("infer", file);

            Assert.Equal(1, exit);
            Assert.Contains($"{file}:3:41: error SR0005:", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Validate_RuleFileWithFiveMistakes_Exits1AndPrintsFiveDiagnostics()
    {
        var folder = Directory.CreateTempSubdirectory("stance-rules-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "bad.yaml"), RuleDiagnosticsTests.FiveMistakes);

            var (exit, _, error) = StanceCli.Run("validate", folder);

            Assert.Equal(1, exit);
            var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(5, lines.Length);
            Assert.All(lines, l => Assert.Matches(@"bad\.yaml:\d+:\d+: error SR\d{4}: ", l));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Validate_DefaultRules_Exits0()
    {
        var (exit, output, _) = StanceCli.Run("validate", Repo.Rules);

        Assert.Equal(0, exit);
        Assert.Contains("rules compiled, no errors", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("infer", "--format", "xml")]
    [InlineData("infer", "--rules")]
    [InlineData("infer", "--colour")]
    [InlineData("validate", "a", "b")]
    [InlineData("explain", "--country", "UKR")]
    public void BadUsage_Exits2(params string[] args)
    {
        var (exit, _, error) = StanceCli.Run(args);

        Assert.Equal(2, exit);
        Assert.StartsWith("stance", error, StringComparison.Ordinal);
    }

    [Fact]
    public void NoArguments_PrintsUsageAndExits2()
    {
        var (exit, _, error) = StanceCli.Run();

        Assert.Equal(2, exit);
        Assert.Contains("stance infer", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_Exits0AndPrintsTheExitCodeTable()
    {
        var (exit, output, _) = StanceCli.Run("--help");

        Assert.Equal(0, exit);
        Assert.Contains("2  bad usage", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("infer")]
    [InlineData("validate")]
    [InlineData("test")]
    [InlineData("explain")]
    [InlineData("corpus")]
    [InlineData("resolve")]
    public void EveryCommand_HelpPrintsItsOwnUsageAndExits0(string command)
    {
        foreach (var flag in new[] { "--help", "-h" })
        {
            var (exit, output, error) = StanceCli.Run(command, flag);

            Assert.Equal((0, ""), (exit, error));
            Assert.StartsWith($"Usage:\n  stance {command} ", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
            Assert.Contains("Exit codes (every command):", output, StringComparison.Ordinal);
            Assert.DoesNotContain("stance infer", command == "infer" ? "" : output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("infer", "/no/such/file.facts.yaml")]
    [InlineData("validate", "/no/such/rules")]
    [InlineData("test", "/no/such/tests")]
    [InlineData("explain", "/no/such/file.facts.yaml", "--country", "UKR", "--issue", "china-peace-plan")]
    [InlineData("corpus", "/no/such/folder")]
    public void EveryCommand_AMissingPathIsAnInputError_Exit1WithADiagnostic(params string[] args)
    {
        var (exit, _, error) = StanceCli.Run(args);

        Assert.Equal(1, exit);
        Assert.Contains($"{args[1]}:1:1: error SR0006: stance {args[0]}: no such file or folder", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--country", "Atlantis", "--issue", "china-peace-plan", "unknown country 'Atlantis'")]
    [InlineData("--country", "UKR", "--issue", "china-peace-pln", "unknown issue 'china-peace-pln'")]
    public void Explain_AnUnknownCountryOrIssue_IsAnErrorNotNoStance(string countryOption, string country, string issueOption, string issue, string message)
    {
        var (exit, output, error) = StanceCli.Run("explain", Repo.SeedFacts, countryOption, country, issueOption, issue);

        Assert.Equal((1, ""), (exit, output));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }
}
