using System.Text.RegularExpressions;

namespace StanceRules.Tests;

/// <summary>The README's first example is this code: the test runs it and checks the README still shows it verbatim.</summary>
/// <remarks>Runs alone: it redirects the console, which is process-wide.</remarks>
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
    public void ReadmeFirstExample_PrintsTheLinesTheReadmeShows()
    {
        var output = new StringWriter();
        var console = Console.Out;
        try
        {
            Console.SetOut(output);

            // README:begin
            var engine = StanceEngine.CreateDefault();    // the embedded default rules; or StanceEngine.Load("rules")
            var article = new ArticleFacts("xi-moscow-2023-03-21", [   // or ArticleFacts.Load("article.facts.yaml")
                new Statement { Actor = "China", Act = "call-for", Target = "a ceasefire and peace talks", Issue = "china-peace-plan" },
                new Statement { Actor = "Ukrainian President Volodymyr Zelenskyy", Act = "welcome", Hedged = true, Target = "Beijing’s involvement" },
                new Statement { Actor = "Kyiv officials", Act = "comply", Negated = true, Target = "their terms for a peace deal", Issue = "china-peace-plan" },
                new Statement { Actor = "Washington", Act = "reject", Target = "Beijing’s call for a ceasefire" },
                new Statement { Actor = "Kremlin", Act = "recognize", Negated = true, Target = "the International Criminal Court" },
                new Vote { Actor = "South Africa", Choice = VoteChoice.Abstain, Issue = "russia-ukraine-war", YesMeans = Stance.Condemns },
            ]);
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
        }

        var readme = File.ReadAllText(Path.Combine(Repo.Root, "README.md")).ReplaceLineEndings("\n");
        var shown = TextBlockAfterExample().Match(readme).Groups[1].Value.Trim();
        Assert.Equal(shown, output.ToString().ReplaceLineEndings("\n").Trim());
    }

    [GeneratedRegex(@"```csharp\n.*?```\s*```text\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex TextBlockAfterExample();

    [GeneratedRegex(@"```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    [GeneratedRegex(@"// README:begin\n(.*?)\n\s*// README:end", RegexOptions.Singleline)]
    private static partial Regex Region();
}

[CollectionDefinition(nameof(ProcessWideState), DisableParallelization = true)]
public sealed class ProcessWideState
{
}
