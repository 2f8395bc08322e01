#if STANCE_CLI
using System.Text.RegularExpressions;

namespace StanceRules.Tests.Cli;

/// <summary>
/// The usage the docs show is the usage the tool prints: the README's CLI block is <c>stance --help</c>
/// verbatim, and docs/cli.md's synopsis is the command lines of that usage.
/// </summary>
public sealed partial class UsageDocsTests
{
    [Fact]
    public void ReadmeUsageBlock_IsWhatStanceHelpPrints()
    {
        var (exit, help, _) = StanceCli.Run("--help");
        var readme = File.ReadAllText(Path.Combine(Repo.Root, "README.md")).ReplaceLineEndings("\n");

        var block = ReadmeHelpBlock().Match(readme);

        Assert.Equal(0, exit);
        Assert.True(block.Success, "README.md, ## The CLI: no ```text block starting with '$ stance --help'");
        Assert.Equal(help.ReplaceLineEndings("\n").TrimEnd(), block.Groups[1].Value.TrimEnd());
    }

    [Fact]
    public void CliDocSynopsis_IsTheCommandLinesOfTheUsage()
    {
        var (_, help, _) = StanceCli.Run("--help");
        var doc = File.ReadAllText(Path.Combine(Repo.Root, "docs", "cli.md")).ReplaceLineEndings("\n");

        var synopsis = FirstTextBlock().Match(doc).Groups[1].Value.TrimEnd();

        Assert.Equal(string.Join('\n', Synopsis(help)), synopsis);
    }

    /// <summary>The usage's command lines ("  stance ...") and their continuations (indented lines starting with '['), unindented by two.</summary>
    private static IEnumerable<string> Synopsis(string help)
    {
        var inCommand = false;
        foreach (var line in help.ReplaceLineEndings("\n").Split('\n'))
        {
            if (line.StartsWith("  stance ", StringComparison.Ordinal))
            {
                inCommand = true;
                yield return line[2..];
            }
            else if (inCommand && line.TrimStart().StartsWith('['))
            {
                yield return line[2..];
            }
            else
            {
                inCommand = false;
            }
        }
    }

    [GeneratedRegex(@"## The CLI\n.*?```text\n\$ stance --help\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ReadmeHelpBlock();

    [GeneratedRegex(@"```text\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex FirstTextBlock();
}
#endif
