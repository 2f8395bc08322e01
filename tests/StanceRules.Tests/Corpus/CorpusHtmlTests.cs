using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using StanceRules.Cli;

namespace StanceRules.Tests.Corpus;

/// <summary><c>stance corpus --format html</c> on the three UNGA votes: one self-contained page with heatmap, changes and agreement matrix.</summary>
public partial class CorpusHtmlTests
{
    private static readonly string Folder = Repo.Fixture("unga", "facts");
    private static readonly Lazy<string> Page = new(() => StanceCli.Run("corpus", Folder, "--format", "html").Out);
    private static readonly Lazy<JsonElement> Json = new(() => JsonDocument.Parse(StanceCli.Run("corpus", Folder, "--format", "json").Out).RootElement);

    [Fact]
    public void CorpusHtml_IsOneSelfContainedPage()
    {
        var html = Page.Value;

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.EndsWith("</html>", html.TrimEnd(), StringComparison.Ordinal);
        Assert.DoesNotMatch("(?i)https?://|//[a-z0-9.-]+\\.[a-z]{2,}/", html);
        Assert.DoesNotMatch("(?i)<link|<img|<iframe|<script[^>]+src=|@import|url\\(", html);
        Assert.Equal(Regex.Count(html, "<table"), Regex.Count(html, "</table>"));
    }

    [Fact]
    public void CorpusHtml_HeatmapHasACellPerWindowStance_ColouredByStance_LinkingToItsEvidence()
    {
        var html = Page.Value;
        var cells = HeatCell().Matches(html).ToDictionary(m => m.Groups["id"].Value, m => (Stance: m.Groups["stance"].Value, Shade: int.Parse(m.Groups["shade"].Value, System.Globalization.CultureInfo.InvariantCulture)));
        var stances = Json.Value.GetProperty("stances").EnumerateArray().ToArray();

        Assert.Equal(stances.Length, cells.Count);
        foreach (var stance in stances)
        {
            var id = $"w-{stance.GetProperty("country").GetString()}-russia-ukraine-war-{stance.GetProperty("window").GetString()}";
            Assert.Equal(stance.GetProperty("stance").GetString(), cells[id].Stance);
            Assert.Equal((int)Math.Round(stance.GetProperty("confidence").GetDouble() * 10, MidpointRounding.AwayFromZero), cells[id].Shade);
            var evidence = Regex.Match(html, $"<section class=\"evidence\" id=\"{id}\" hidden>(?<body>.*?)</section>", RegexOptions.Singleline);
            Assert.True(evidence.Success, $"no evidence for {id}");
            foreach (var text in stance.GetProperty("articles").EnumerateArray().SelectMany(a => a.GetProperty("evidence").EnumerateArray()))
            {
                Assert.Contains($"<blockquote>{WebUtility.HtmlEncode(text.GetString())}</blockquote>", evidence.Value, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void CorpusHtml_ListsEveryChange_WithALinkToTheEvidenceOfTheWindowItChangedIn()
    {
        var html = Page.Value;
        var changes = Json.Value.GetProperty("changes").EnumerateArray().ToArray();
        var items = Regex.Matches(html, "<li data-country=\"(?<country>[A-Z]{3})\">.*?first in <a href=\"#(?<target>[^\"]+)\">(?<article>[^<]+)</a>").ToArray();

        Assert.NotEmpty(changes);
        Assert.Equal(changes.Length, items.Length);
        foreach (var (change, item) in changes.Zip(items))
        {
            Assert.Equal(change.GetProperty("country").GetString(), item.Groups["country"].Value);
            Assert.Equal($"w-{change.GetProperty("country").GetString()}-russia-ukraine-war-{change.GetProperty("to_window").GetString()}", item.Groups["target"].Value);
            Assert.Equal(change.GetProperty("first_article").GetProperty("article").GetString(), item.Groups["article"].Value);
            Assert.Contains($"id=\"{item.Groups["target"].Value}\"", html, StringComparison.Ordinal);
            Assert.Matches($"<td class=\"s-{change.GetProperty("to").GetString()} c\\d+ changed\"><a href=\"#{item.Groups["target"].Value}\">{change.GetProperty("to").GetString()}<span aria-hidden=\"true\"> ↻</span><span class=\"sr\">, changed</span></a>", html);
        }
    }

    [Fact]
    public void CorpusHtml_AgreementMatrix_HasEveryPair_InAnOrderWhereNeighboursAgreeMoreThanAlphabetically()
    {
        var html = Page.Value;
        var agreements = Json.Value.GetProperty("agreement").EnumerateArray().ToDictionary(a => (a.GetProperty("country").GetString()!, a.GetProperty("other").GetString()!), a => a.GetProperty("s_score").GetDouble());
        var canvas = Regex.Match(html, "<canvas id=\"matrix\" role=\"img\" aria-label=\"[^\"]+\" data-order=\"(?<order>[A-Z ]*)\" data-s=\"(?<s>[0-9a-z-]*)\"></canvas>");
        var order = canvas.Groups["order"].Value.Split(' ');
        var data = canvas.Groups["s"].Value;

        Assert.True(canvas.Success, "no agreement matrix canvas with its data");
        Assert.Equal(order.Order(StringComparer.Ordinal), Json.Value.GetProperty("stances").EnumerateArray().Select(s => s.GetProperty("country").GetString()).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(order.Length * (order.Length - 1), data.Length);
        var k = 0;
        for (var i = 0; i < order.Length; i++)
        {
            for (var j = i + 1; j < order.Length; j++, k += 2)
            {
                var code = data.Substring(k, 2);
                if (agreements.TryGetValue((order[i], order[j]), out var s) || agreements.TryGetValue((order[j], order[i]), out s))
                {
                    Assert.Equal(CorpusHtml.Code(s), Convert.ToInt32(code[0] is >= 'a' ? code[0] - 'a' + 10 : code[0] - '0') * 36 + (code[1] is >= 'a' ? code[1] - 'a' + 10 : code[1] - '0'));
                }
                else
                {
                    Assert.Equal("--", code);
                }
            }
        }

        double Path(IReadOnlyList<string> countries) => countries.Zip(countries.Skip(1)).Sum(p =>
            agreements.TryGetValue((p.First, p.Second), out var s) || agreements.TryGetValue((p.Second, p.First), out s) ? (1 - s) / 2 : 0.5);
        Assert.True(Path(order) < Path(order.Order(StringComparer.Ordinal).ToArray()) / 2, $"bloc order {Path(order)} vs alphabetical {Path(order.Order(StringComparer.Ordinal).ToArray())}");
    }

    [Fact]
    public void BlocOrder_PutsTwoOpposedBlocsEachInOneRun()
    {
        var agreements = new List<CountryAgreement>();
        string[] blocA = ["AAA", "CCC", "EEE"], blocB = ["BBB", "DDD", "FFF"];
        foreach (var x in blocA.Concat(blocB))
        {
            foreach (var y in blocA.Concat(blocB).Where(y => string.CompareOrdinal(x, y) < 0))
            {
                var same = blocA.Contains(x) == blocA.Contains(y);
                agreements.Add(new CountryAgreement(x, y, 4, same ? 4 : 0, same ? 0 : 4));
            }
        }

        var order = CorpusHtml.BlocOrder([.. blocA, .. blocB], agreements);

        Assert.Equal(blocA.Concat(blocB).Order(StringComparer.Ordinal), order.Order(StringComparer.Ordinal));
        Assert.True(blocA.Contains(order[0]) ? order.Take(3).All(blocA.Contains) : order.Take(3).All(blocB.Contains), string.Join(",", order));
    }

    [GeneratedRegex("<td class=\"s-(?<stance>[a-z]+) c(?<shade>\\d+)(?: changed)?\"><a href=\"#(?<id>[^\"]+)\">\\k<stance>")]
    private static partial Regex HeatCell();
}
