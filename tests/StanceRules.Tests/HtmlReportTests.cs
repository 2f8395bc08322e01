using System.Net;
using System.Text.RegularExpressions;

namespace StanceRules.Tests;

/// <summary><c>stance infer --format html</c>: one self-contained page with every stance as a coloured cell and its evidence embedded.</summary>
public partial class HtmlReportTests
{
    private static readonly StanceReport Seed = StanceEngine.CreateDefault().Infer(ArticleFacts.Load(Repo.SeedFacts));


    [Fact]
    public void InferHtml_Seed_IsOneSelfContainedPage()
    {
        var (exit, html, error) = StanceCli.Run("infer", Repo.SeedFacts, "--format", "html");

        Assert.Equal((0, ""), (exit, error));
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.EndsWith("</html>", html.TrimEnd(), StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, "<html[ >]"));
        Assert.DoesNotMatch("(?i)https?://|//[a-z0-9.-]+\\.[a-z]{2,}/", html);
        Assert.DoesNotMatch("(?i)<link|<img|<iframe|<script[^>]+src=|@import|url\\(", html);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
        Assert.Contains("<script>", html, StringComparison.Ordinal);
        Assert.Equal(Regex.Count(html, "<table"), Regex.Count(html, "</table>"));
    }

    [Fact]
    public void InferHtml_Seed_HasACellForEveryStance_WithItsColourClassAndConfidence()
    {
        var (_, html, _) = StanceCli.Run("infer", Repo.SeedFacts, "--format", "html");
        var cells = CellPattern().Matches(html).ToDictionary(m => m.Groups["id"].Value, m => (Stance: m.Groups["stance"].Value, Alpha: double.Parse(m.Groups["alpha"].Value, System.Globalization.CultureInfo.InvariantCulture), Confidence: m.Groups["conf"].Value));

        Assert.Equal(Seed.Stances.Count, cells.Count);
        foreach (var stance in Seed.Stances)
        {
            var cell = cells[$"d0-{stance.Country}-{stance.Issue}"];
            Assert.Equal(stance.Stance.ToName(), cell.Stance);
            Assert.Equal(stance.Confidence.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), cell.Confidence);
        }

        // Shaded by confidence: a surer stance is drawn deeper.
        Assert.True(cells["d0-RUS-china-peace-plan"].Alpha > cells["d0-CHN-china-peace-plan"].Alpha);
        // Rows are countries, columns issues; an empty cell stays empty.
        Assert.Matches("<th scope=\"row\">IND</th>", html);
        Assert.Matches("<th scope=\"col\"><span>china-peace-plan</span></th>", html);
        Assert.Contains($"<td class=\"cell none\" title=\"{WebUtility.HtmlEncode("IND · china-peace-plan: no stance")}\"></td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void InferHtml_Seed_EmbedsTheEvidenceOfEverySignal_OverruledOnesIncluded()
    {
        var (_, html, _) = StanceCli.Run("infer", Repo.SeedFacts, "--format", "html");

        foreach (var stance in Seed.Stances)
        {
            var detail = Regex.Match(html, $"<section class=\"detail\" id=\"d0-{stance.Country}-{stance.Issue}\" hidden>(?<body>.*?)</section>", RegexOptions.Singleline);
            Assert.True(detail.Success, $"no detail for {stance}");
            Assert.Contains($"decided by <b>{stance.DecidedBy.ToName()}</b>", detail.Value, StringComparison.Ordinal);
            foreach (var signal in stance.Signals.Concat(stance.Overruled))
            {
                Assert.Contains(WebUtility.HtmlEncode(signal.Rule), detail.Value, StringComparison.Ordinal);
                foreach (var evidence in signal.Evidence)
                {
                    Assert.Contains($"<blockquote>{WebUtility.HtmlEncode(evidence)}</blockquote>", detail.Value, StringComparison.Ordinal);
                }
            }
        }

        var ukraine = Regex.Match(html, "id=\"d0-UKR-china-peace-plan\" hidden>(?<body>.*?)</section>", RegexOptions.Singleline).Value;
        Assert.Contains("<h4>Overruled</h4>", ukraine, StringComparison.Ordinal);
        Assert.Contains("cautiously welcomed", ukraine, StringComparison.Ordinal);
        Assert.Contains("group of unnamed countries", html, StringComparison.Ordinal);
    }

    [Fact]
    public void InferHtml_EscapesTextFromTheFacts()
    {
        var folder = Directory.CreateTempSubdirectory("stance-html-").FullName;
        try
        {
            var file = Path.Combine(folder, "x.facts.yaml");
            File.WriteAllText(file, "article: { id: \"<b>a&b</b>\" }\nfacts:\n  - { type: statement, actor: France, act: welcome, issue: x, evidence: \"<script>alert(1)</script>\" }\n");

            var (exit, html, _) = StanceCli.Run("infer", file, "--format", "html");

            Assert.Equal(0, exit);
            Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
            Assert.Contains("&lt;b&gt;a&amp;b&lt;/b&gt;", html, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [GeneratedRegex("<td class=\"cell s-(?<stance>[a-z]+)\" style=\"background-color: rgba\\(\\d+, \\d+, \\d+, (?<alpha>[0-9.]+)\\); color: #[0-9a-f]+\"><button type=\"button\" data-detail=\"(?<id>[^\"]+)\" data-stance=\"\\k<stance>\" data-confidence=\"(?<conf>[0-9.]+)\"")]
    private static partial Regex CellPattern();
}
