using System.Reflection;
using System.Text.RegularExpressions;
#if STANCE_CLI
using StanceRules.Cli;
#endif

namespace StanceRules.Tests;

/// <summary>
/// The contracts written in docs/ name everything the code has: every diagnostic code in docs/diagnostics.md,
/// every command and option of the CLI in docs/cli.md; and nothing the code does not have.
/// </summary>
public partial class DocsContractTests
{
    private static string Doc(string name) => File.ReadAllText(Path.Combine(Repo.Root, "docs", name)).ReplaceLineEndings("\n");

    private static IEnumerable<(string Name, string Code)> DiagnosticCodeConstants() =>
        typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (f.Name, (string)f.GetRawConstantValue()!));

    [Fact]
    public void DiagnosticsDoc_ListsEveryCode_WithItsNameAndAMeaning()
    {
        var rows = DiagnosticRow().Matches(Doc("diagnostics.md")).ToDictionary(m => m.Groups["code"].Value, m => (Name: m.Groups["name"].Value, Meaning: m.Groups["meaning"].Value.Trim()));

        Assert.NotEmpty(rows);
        foreach (var (name, code) in DiagnosticCodeConstants())
        {
            Assert.True(rows.TryGetValue(code, out var row), $"docs/diagnostics.md has no row for {code} ({name})");
            Assert.Equal(name, row.Name);
            Assert.True(row.Meaning.Length > 10, $"docs/diagnostics.md says too little about {code}");
        }
    }

    [Fact]
    public void Docs_NameNoDiagnosticCodeTheCodeDoesNotHave()
    {
        var known = DiagnosticCodeConstants().Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var files = Directory.GetFiles(Path.Combine(Repo.Root, "docs"), "*.md").Append(Path.Combine(Repo.Root, "README.md"));

        var unknown = files
            .SelectMany(f => CodeMention().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetFileName(f)}: {m.Value}"))
            .Where(mention => !known.Contains(mention[^6..]))
            .ToArray();

        Assert.Empty(unknown);
    }

    [Fact]
    public void MarkdownLinks_PointToFilesInTheRepository()
    {
        var documents = Directory.GetFiles(Path.Combine(Repo.Root, "docs"), "*.md")
            .Concat([Path.Combine(Repo.Root, "README.md"), Path.Combine(Repo.Root, "src", "StanceRules.Cli", "README.md")]);
        var broken = new List<string>();
        foreach (var document in documents)
        {
            foreach (Match link in MarkdownLink().Matches(File.ReadAllText(document)))
            {
                var target = link.Groups["path"].Value;
                var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(document)!, target));
                if (!full.StartsWith(Repo.Root, StringComparison.Ordinal) || !(File.Exists(full) || Directory.Exists(full)))
                {
                    broken.Add($"{Path.GetRelativePath(Repo.Root, document)}: {target}");
                }
            }
        }

        Assert.Empty(broken);
    }

    [Fact]
    public void NoFileInTheRepository_PointsToADocumentOutsideIt()
    {
        // The session's brief and style notes live outside the repository; nothing in it may depend on them.
        string[] outside = ["DESIGN" + ".md", "STYLE" + ".md", "ANCHORS" + ".md", "../" + "shared"];
        string[] text = [".md", ".cs", ".csproj", ".props", ".targets", ".json", ".yaml", ".yml", ".sh", ".txt", ".py", ""];
        var found = Directory.EnumerateFiles(Repo.Root, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(Repo.Root, f).Split(Path.DirectorySeparatorChar).Any(part => part is ".git" or "bin" or "obj" or "BenchmarkDotNet.Artifacts"))
            .Where(f => text.Contains(Path.GetExtension(f)) && new FileInfo(f).Length < 4_000_000)
            .SelectMany(f => outside.Where(File.ReadAllText(f).Contains).Select(o => $"{Path.GetRelativePath(Repo.Root, f)}: {o}"))
            .ToArray();

        Assert.Empty(found);
    }

#if STANCE_CLI // reads the stance CLI's command table, and the CLI targets net10.0 only
    private static CommandSpec[] Commands() =>
        (CommandSpec[])typeof(CommandLine).GetField("Commands", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;

    /// <summary>A command's section of docs/cli.md: from its "## `stance NAME`" heading to the next heading of that level.</summary>
    private static string Section(string doc, string command)
    {
        var start = doc.IndexOf($"\n## `stance {command}`\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/cli.md has no section '## `stance {command}`'");
        var end = doc.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return end < 0 ? doc[start..] : doc[start..end];
    }

    [Fact]
    public void CliDoc_HasASectionForEveryCommand_NamingEachOptionAndFormatItAccepts()
    {
        var doc = Doc("cli.md");
        var commands = Commands();

        Assert.NotEmpty(commands);
        foreach (var command in commands)
        {
            var section = Section(doc, command.Name);
            var named = OptionMention().Matches(section).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
            foreach (var option in command.ValueOptions.Concat(command.FlagOptions))
            {
                Assert.True(named.Contains(option), $"docs/cli.md, stance {command.Name}: option {option} is not documented");
            }

            foreach (var format in command.Formats)
            {
                Assert.Contains(format, section, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void CliDoc_NamesNoCommandOrOptionTheParserDoesNotAccept()
    {
        var doc = Doc("cli.md");
        var commands = Commands();

        var documented = CommandHeading().Matches(doc).Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(commands.Select(c => c.Name).Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
        foreach (var command in commands)
        {
            var accepted = command.ValueOptions.Concat(command.FlagOptions).Append("--help").ToHashSet(StringComparer.Ordinal);
            var named = OptionMention().Matches(Section(doc, command.Name)).Select(m => m.Value).Distinct();
            Assert.All(named, option => Assert.True(accepted.Contains(option), $"docs/cli.md, stance {command.Name}: {option} is not an option of the command"));
        }
    }

    [Fact]
    public void CliDoc_ExitCodes_AreTheOnesTheCommandsReturn()
    {
        var rows = ExitCodeRow().Matches(Doc("cli.md")).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        Assert.Equal([CommandLine.Ok, CommandLine.Invalid, CommandLine.Usage], rows);
    }

    [GeneratedRegex(@"^## `stance ([a-z]+)`$", RegexOptions.Multiline)]
    private static partial Regex CommandHeading();

    [GeneratedRegex(@"(?<![\w-])--[a-z][a-z-]*")]
    private static partial Regex OptionMention();

    [GeneratedRegex(@"^\| ([0-9]) \| ", RegexOptions.Multiline)]
    private static partial Regex ExitCodeRow();
#endif

    [GeneratedRegex(@"^\| `(?<code>SR[0-9]{4})` \| `(?<name>[A-Za-z]+)` \| (?<meaning>[^\n]*) \|$", RegexOptions.Multiline)]
    private static partial Regex DiagnosticRow();

    /// <summary>A Markdown link to a relative path (not a URL, not an anchor in the same page), its #anchor left off.</summary>
    [GeneratedRegex(@"\]\((?!https?:|mailto:|#)(?<path>[^)#\s]+)(#[^)]*)?\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"\bSR[0-9]{4}\b")]
    private static partial Regex CodeMention();
}
