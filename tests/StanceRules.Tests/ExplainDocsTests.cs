using System.Text.RegularExpressions;
using StanceRules.Cli;

namespace StanceRules.Tests;

/// <summary>
/// The command transcripts in docs/rules-as-code.md (<c>$ dotnet run --project src/StanceRules.Cli -- ...</c>
/// followed by its output) are what the commands print today.
/// </summary>
public partial class ExplainDocsTests
{
    public static TheoryData<string, string> Transcripts()
    {
        var doc = File.ReadAllText(Path.Combine(Repo.Root, "docs", "rules-as-code.md")).ReplaceLineEndings("\n");
        var data = new TheoryData<string, string>();
        foreach (Match block in Transcript().Matches(doc))
        {
            data.Add(block.Groups["args"].Value, block.Groups["output"].Value);
        }

        return data;
    }

    [Fact]
    public void Doc_HasTheTranscriptsTheIssueAsksFor()
    {
        var commands = Transcripts().Select(row => (string)row[0]).ToArray();

        Assert.Contains("test rules/ --coverage", commands);
        Assert.Contains(commands, c => c.Contains("--country UKR --issue china-peace-plan", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.Contains("--country IND --issue china-peace-plan --expect supports", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Transcripts))]
    public void Transcript_IsWhatTheCommandPrints(string arguments, string expected)
    {
        var args = arguments.Split(' ').Select(a => a.StartsWith("seeds/", StringComparison.Ordinal) || a.StartsWith("rules", StringComparison.Ordinal) ? Path.Combine(Repo.Root, a) : a).ToArray();
        var (_, stdout, _) = StanceCli.Run(args);

        // Paths print relative to the working directory (the test's bin folder) or as given.
        var output = stdout.ReplaceLineEndings("\n")
            .Replace(Path.GetRelativePath(Environment.CurrentDirectory, Repo.Rules) + Path.DirectorySeparatorChar, "rules/", StringComparison.Ordinal)
            .Replace(Path.Combine(Repo.Root, "rules/"), "rules/", StringComparison.Ordinal);
        Assert.Equal(expected.TrimEnd(), output.TrimEnd());
    }

    [GeneratedRegex(@"```text\n\$ dotnet run --project src/StanceRules\.Cli -- (?<args>[^\n]+)\n(?<output>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Transcript();
}
