#if STANCE_CLI
using System.Text;
using System.Text.RegularExpressions;

namespace StanceRules.Tests.Corpus;

/// <summary>
/// The corpus page a person can use: the 8-article example (the three UNGA votes and the five seeds,
/// 190-odd countries) stays under 500 KB, its size grows with countries and windows rather than with the
/// square of the countries, and it has the infer page's accessibility: captions, scoped headers, text labels.
/// </summary>
public sealed partial class CorpusHtmlPageTests
{
    private const int MaxBytes = 500 * 1024;

    private static readonly Lazy<string> Page = new(() => StanceCli.Run("corpus", Repo.Fixture("unga", "facts"), Path.Combine(Repo.Root, "seeds"), "--format", "html").Out);

    [Fact]
    public void EightArticleExample_IsAtMost500KB()
    {
        var bytes = Encoding.UTF8.GetByteCount(Page.Value);

        Assert.Contains("Stance corpus: 8 articles", Page.Value, StringComparison.Ordinal);
        Assert.True(bytes <= MaxBytes, $"{bytes:N0} bytes; at most {MaxBytes:N0}");
    }

    [Fact]
    public void Cells_GrowWithCountriesAndWindows_NotWithTheSquareOfTheCountries()
    {
        var html = Page.Value;
        var countries = Regex.Match(html, "data-order=\"([A-Z ]*)\"").Groups[1].Value.Split(' ').Length;
        var heatmapRows = Regex.Count(html, "<tr><th scope=\"row\">") - countries;   // the neighbours table has one row per country
        var windowsPerRowAtMost = Regex.Matches(html, "<h2 id=\"issue-[^\"]+\">[^<]+<small>[^<]*, (\\d+) windows?").Max(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(countries > 150, $"{countries} countries");
        Assert.True(Regex.Count(html, "<td") <= (heatmapRows * windowsPerRowAtMost) + (2 * countries), $"{Regex.Count(html, "<td")} cells for {countries} countries");
        Assert.DoesNotContain(" title=\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryTable_HasACaptionAndScopedHeaders()
    {
        var tables = Regex.Matches(Page.Value, "<table[^>]*>(?<body>.*?)</table>", RegexOptions.Singleline).Select(m => m.Groups["body"].Value).ToArray();

        Assert.NotEmpty(tables);
        Assert.All(tables, t => Assert.Matches("^\n<caption( class=\"sr\")?>[^<]{20,}</caption>", t));
        Assert.All(tables, t => Assert.All(Regex.Matches(t, "<th(?=[ >])(?<attributes>[^>]*)>").Select(m => m.Groups["attributes"].Value), a => Assert.Matches("^ scope=\"(col|row)\"$", a)));
    }

    [Fact]
    public void HeatmapCells_NameTheirStanceInWords_AndEmptyOnesSayNoStance()
    {
        var html = Page.Value;
        var labels = Regex.Matches(html, "<td class=\"s-[a-z]+ c\\d+(?: changed)?\"><a href=\"#w-[^\"]+\">(?<label>[a-z]+)").Select(m => m.Groups["label"].Value).ToHashSet(StringComparer.Ordinal);
        var empty = Regex.Matches(html, "<td class=\"none\">(?<content>.*?)</td>").Select(m => m.Groups["content"].Value).Distinct().ToArray();

        Assert.Subset(new HashSet<string>(["supports", "abstains", "condemns", "rejects"], StringComparer.Ordinal), labels);
        Assert.Contains("condemns", labels);
        Assert.Equal(["<span class=\"sr\">no stance</span>"], empty);
        Assert.Contains("<span class=\"sr\">, changed</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_HasLandmarks_ALiveEvidencePanel_AndATextAlternativeToTheMatrix()
    {
        var html = Page.Value;

        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<header>", html, StringComparison.Ordinal);
        Assert.Contains("<main>", html, StringComparison.Ordinal);
        Assert.Matches("<canvas id=\"matrix\" role=\"img\" aria-label=\"Agreement matrix of \\d+ countries", html);
        Assert.Contains("<span id=\"readout\" aria-live=\"polite\">", html, StringComparison.Ordinal);
        Assert.Equal(Regex.Count(html, "<section class=\"issue\""), Regex.Count(html, "<div class=\"panel\" aria-live=\"polite\">"));
        Assert.Matches("<tr><th scope=\"row\">[A-Z]{3}</th><td>[A-Z]{3} -?\\d\\.\\d\\d \\(\\d+/\\d+\\)", html);
        Assert.All(Regex.Matches(html, "<div class=\"scroll\"(?<attributes>[^>]*)>").Select(m => m.Groups["attributes"].Value), a => Assert.Matches("tabindex=\"0\" aria-label=\"[^\"]+\"", a));
    }
}
#endif
