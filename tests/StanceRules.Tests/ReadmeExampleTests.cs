using System.Text.RegularExpressions;

namespace StanceRules.Tests;

/// <summary>The README's first example is this code: the test runs it and checks the README still shows it verbatim.</summary>
/// <remarks>Runs alone: it redirects the console and the current directory, which are process-wide.</remarks>
[Collection(nameof(ProcessWideState))]
public partial class ReadmeExampleTests
{
    [Fact]
    public void ReadmeFirstExample_IsTheCodeThisTestRuns()
    {
        var readme = File.ReadAllText(Path.Combine(Repo.Root, "README.md")).ReplaceLineEndings("\n");
        var block = CSharpBlock().Match(readme).Groups[1].Value;
        var source = File.ReadAllText(Path.Combine(Repo.Root, "tests", "StanceRules.Tests", "ReadmeExampleTests.cs")).ReplaceLineEndings("\n");
        var region = Region().Match(source).Groups[1].Value;
        var lines = region.Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        var expected = "using StanceRules;\n\n" + string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l.Trim())).Trim();

        Assert.Equal(expected, block.Trim());
    }

    [Fact]
    public void ReadmeFirstExample_PrintsTheSeedStances()
    {
        var previous = Environment.CurrentDirectory;
        var output = new StringWriter();
        var console = Console.Out;
        try
        {
            Environment.CurrentDirectory = Repo.Root;
            Console.SetOut(output);

            // README:begin
            var engine = StanceEngine.CreateDefault();    // the embedded default rules; or StanceEngine.Load("rules")
            var article = ArticleFacts.Load("seeds/xi-moscow-2023-03-21.facts.yaml");
            StanceReport report = engine.Infer(article);   // thread-safe: share one engine
            foreach (var s in report.Stances)
            {
                Console.WriteLine($"{s.Country} {s.Issue} {s.Stance.ToName()} {s.Confidence:0.00}");
            }
            // README:end
        }
        finally
        {
            Console.SetOut(console);
            Environment.CurrentDirectory = previous;
        }

        var lines = output.ToString().ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(18, lines.Length);
        Assert.Contains("UKR china-peace-plan rejects 0.85", lines);
        Assert.Contains("CHN russia-ukraine-war abstains 0.98", lines);
    }

    [GeneratedRegex(@"```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    [GeneratedRegex(@"// README:begin\n(.*?)\n\s*// README:end", RegexOptions.Singleline)]
    private static partial Regex Region();
}

[CollectionDefinition(nameof(ProcessWideState), DisableParallelization = true)]
public sealed class ProcessWideState
{
}
