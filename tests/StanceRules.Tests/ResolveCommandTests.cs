using System.Text.RegularExpressions;

namespace StanceRules.Tests;

/// <summary><c>stance resolve</c>, its README example, and the offices loader's positioned diagnostics.</summary>
public partial class ResolveCommandTests
{
    public static TheoryData<string, string> ReadmeExamples()
    {
        var readme = File.ReadAllText(Path.Combine(Repo.Root, "README.md")).ReplaceLineEndings("\n");
        var data = new TheoryData<string, string>();
        foreach (Match example in Example().Matches(readme))
        {
            data.Add(example.Groups["args"].Value, example.Groups["output"].Value);
        }

        return data;
    }

    [Fact]
    public void Readme_HasAResolveExample()
    {
        Assert.NotEmpty(ReadmeExamples());
    }

#if STANCE_CLI // runs the stance CLI, which targets net10.0 only
    [Theory]
    [MemberData(nameof(ReadmeExamples))]
    public void ReadmeExample_IsWhatTheCommandPrints(string arguments, string expected)
    {
        var parts = ArgumentParts().Matches(arguments).Select(m => m.Value.Trim('"')).ToArray();

        var (_, output, error) = StanceCli.Run(["resolve", .. parts]);

        Assert.Equal("", error);
        Assert.Equal(expected.TrimEnd(), output.ReplaceLineEndings("\n").TrimEnd());
    }

    [Fact]
    public void Resolve_JointStatement_ListsEachCountry_AndExitsZero()
    {
        var (exit, output, _) = StanceCli.Run("resolve", "France, Germany and Britain", "--date", "2024-06-05");

        Assert.Equal(0, exit);
        Assert.Contains("resolves: DEU, FRA, GBR (joint statement: one signal per country)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_Group_ExitsOneWithTheReason()
    {
        var (exit, output, _) = StanceCli.Run("resolve", "Latin American leaders");

        Assert.Equal(1, exit);
        Assert.Contains("reason:   group of unnamed countries", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_BadDate_IsAUsageError()
    {
        var (exit, _, error) = StanceCli.Run("resolve", "Kremlin", "--date", "21/03/2023");

        Assert.Equal(2, exit);
        Assert.Contains("not a date", error, StringComparison.Ordinal);
    }
#endif

    [Fact]
    public void Engine_Resolve_IsThePublicFormOfTheSame()
    {
        var engine = StanceEngine.CreateDefault();

        var during = engine.Resolve("Angela Merkel", new DateOnly(2017, 4, 1));
        var after = engine.Resolve("Angela Merkel", new DateOnly(2022, 1, 10));

        Assert.Equal(("DEU", ResolutionKind.Country), (during.Country, during.Kind));
        Assert.Equal(ResolutionKind.FormerOfficial, after.Kind);
        Assert.Equal("former head of government of DEU, term ended 2021-12-08", after.Reason);
        Assert.StartsWith("Angela Merkel, head of government of DEU", after.Matched, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Latin American leaders", "'latin american' (group of unnamed countries)")]
    [InlineData("Gulf Arab states", "'gulf arab' (group of unnamed countries)")]
    [InlineData("Nordic governments", "'nordic' (group of unnamed countries)")]
    public void Resolve_AGroupActor_NamesTheRegionalWordsThatMatched_NotTheFirstNameOfTheirEntry(string actor, string matched)
    {
        var resolution = StanceEngine.CreateDefault().Resolve(actor, new DateOnly(2020, 1, 1));

        Assert.Equal((ResolutionKind.Group, matched), (resolution.Kind, resolution.Matched));
    }

    private const string Countries = """
        countries:
          - { iso3: AAA, iso2: AA, names: [Alpha] }
          - { iso3: BBB, iso2: BB, names: [Beta] }
        rules:
          - id: r
            when: [ statement: {} ]
            then: { stance: supports }
        """;

    [Theory]
    [InlineData("offices:\n  - { country: ZZZ, holders: [] }\n", DiagnosticCodes.UnknownCountry, 2)]
    [InlineData("offices:\n  - country: AAA\n    holders:\n      - { office: head-of-state, name: Ann, from: 2020-13-01 }\n", DiagnosticCodes.InvalidValue, 4)]
    [InlineData("offices:\n  - country: AAA\n    holders:\n      - { office: king, name: Ann, from: 2020-01-01 }\n", DiagnosticCodes.InvalidValue, 4)]
    [InlineData("offices:\n  - country: AAA\n    holders:\n      - { office: head-of-state, name: Ann, from: 2020-01-01, to: 2019-01-01 }\n", DiagnosticCodes.InvalidValue, 4)]
    [InlineData("offices:\n  - country: AAA\n    holders:\n      - { office: head-of-state, name: Ann Smith, from: 2020-01-01, aliases: [Smith] }\n  - country: BBB\n    holders:\n      - { office: head-of-state, name: Bob Smith, from: 2020-01-01, aliases: [Smith] }\n", DiagnosticCodes.DuplicateAlias, 7)]
    [InlineData("offices:\n  - country: AAA\n    holders:\n      - { office: head-of-state, name: Ann, from: 2020-01-01, aliases: [Beta] }\n", DiagnosticCodes.DuplicateAlias, 4)]
    [InlineData("offices:\n  - { country: AAA, holders: [] }\n  - { country: AAA, holders: [] }\n", DiagnosticCodes.DuplicateEntry, 3)]
    public void OfficesError_IsReportedWithItsCodeAndLine(string offices, string code, int line)
    {
        var error = Assert.Throws<StanceRulesException>(() => StanceEngine.FromYaml([new("gazetteer.yaml", Countries), new("offices.yaml", offices)]));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal((code, "offices.yaml", line), (diagnostic.Code, diagnostic.Location.File, diagnostic.Location.Line));
    }

    [GeneratedRegex(@"\$ stance resolve (?<args>[^\n]+)\n(?<output>(?:(?!\$ |```)[^\n]*\n)+)", RegexOptions.Singleline)]
    private static partial Regex Example();

    [GeneratedRegex(@"""[^""]*""|\S+")]
    private static partial Regex ArgumentParts();
}
