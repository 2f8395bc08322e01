using System.Globalization;
using System.Net;
using System.Text;

namespace StanceRules.Cli;

/// <summary>
/// <c>stance corpus --format html</c>: one self-contained page. Per issue, a heatmap of countries
/// (rows) by windows (columns) coloured by stance and shaded by confidence, each cell labelled with
/// its stance in words, and the list of changes, each linking to the evidence of the window it changed
/// in. Then the agreement matrix (S-score) of every pair of countries in bloc order (<see cref="BlocOrder"/>),
/// drawn by the page's script from one compact string (two characters a pair), with a table of each
/// country's closest and least alike countries as its text alternative. Tables have captions and
/// scoped headers; no cell carries a tooltip, so the page grows with countries and windows (and the
/// evidence), not with markup per cell. Inline CSS and script only.
/// </summary>
internal static class CorpusHtml
{
    /// <summary>How many closest and least alike countries the agreement table lists for each country.</summary>
    private const int Neighbours = 3;

    public static void Write(CorpusAnswers answers, TextWriter output)
    {
        var html = new StringBuilder();
        var title = $"Stance corpus: {answers.Corpus.Articles} articles by {CorpusText.Name(answers.Query.By)}";
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"stance corpus --format html\">\n<title>")
            .Append(Encode(title)).Append("</title>\n<style>\n").Append(Css).Append(StanceCss()).Append("</style>\n</head>\n<body>\n<header><h1>").Append(Encode(title)).Append("</h1>\n<p class=\"hint\">")
            .Append(Encode(CorpusText.Summary(answers))).Append(". Rows are in bloc order (average-linkage clustering of the agreement matrix). Each cell names the window's stance; its depth of colour is the confidence. Select a cell or a change for the articles and evidence behind it.</p>\n<ul class=\"legend\" aria-label=\"Legend\">");
        foreach (var stance in HtmlReport.Colours.Keys)
        {
            html.Append("<li><span class=\"swatch s-").Append(stance.ToName()).Append(" c10\"></span>").Append(stance.ToName()).Append("</li>");
        }

        html.Append("<li><span class=\"swatch changed\"></span><span aria-hidden=\"true\">↻</span> changed since the previous window</li><li><span class=\"swatch none\"></span>no stance</li></ul></header>\n<main>\n");

        var order = BlocOrder(answers.Stances.Select(s => s.Country).Distinct().ToArray(), answers.Agreements);
        var rank = order.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        // The page draws every window: they are held as one list, and the changes taken from it.
        var changes = StanceCorpus.ChangesOf(answers.Stances);
        var changed = changes.Select(c => Id(c.To)).ToHashSet(StringComparer.Ordinal);
        foreach (var issue in answers.Stances.GroupBy(s => s.Issue).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            WriteIssue(html, issue.Key, issue.ToArray(), changes.Where(c => c.Issue == issue.Key).ToArray(), rank, changed);
        }

        WriteMatrix(html, order, answers.Agreements);
        html.Append("</main>\n<script>\n").Append(Script).Append("</script>\n</body>\n</html>\n");
        output.Write(html.ToString());
    }

    /// <summary>The id of a window stance's evidence entry: <c>w-COUNTRY-ISSUE-WINDOW</c>.</summary>
    public static string Id(WindowStance stance) => $"w-{stance.Country}-{stance.Issue}-{stance.Period.Label}";

    /// <summary>
    /// Countries in an order that puts blocs side by side: average-linkage (UPGMA) clustering on the
    /// distance (1 − S) ÷ 2, a pair with no item in common counting ½; each merge puts the cluster
    /// that starts earlier first. Deterministic: ties go to the earlier clusters in code order.
    /// </summary>
    public static IReadOnlyList<string> BlocOrder(IReadOnlyList<string> countries, IReadOnlyList<CountryAgreement> agreements)
    {
        var names = countries.Order(StringComparer.Ordinal).ToArray();
        var n = names.Length;
        var index = names.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        var distance = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                distance[i, j] = i == j ? 0 : 0.5;
            }
        }

        foreach (var a in agreements)
        {
            if (index.TryGetValue(a.Country, out var i) && index.TryGetValue(a.Other, out var j))
            {
                distance[i, j] = distance[j, i] = (1 - a.SScore) / 2;
            }
        }

        var members = Enumerable.Range(0, n).Select(i => new List<int> { i }).ToList();
        var alive = Enumerable.Range(0, n).ToList();
        while (alive.Count > 1)
        {
            var (bestI, bestJ, best) = (-1, -1, double.MaxValue);
            for (var x = 0; x < alive.Count; x++)
            {
                for (var y = x + 1; y < alive.Count; y++)
                {
                    if (distance[alive[x], alive[y]] < best - 1e-12)
                    {
                        (bestI, bestJ, best) = (alive[x], alive[y], distance[alive[x], alive[y]]);
                    }
                }
            }

            // Lance-Williams update for average linkage.
            var (ni, nj) = (members[bestI].Count, members[bestJ].Count);
            foreach (var k in alive)
            {
                if (k != bestI && k != bestJ)
                {
                    distance[bestI, k] = distance[k, bestI] = ((ni * distance[bestI, k]) + (nj * distance[bestJ, k])) / (ni + nj);
                }
            }

            members[bestI].AddRange(members[bestJ]);
            alive.Remove(bestJ);
        }

        return n == 0 ? [] : members[alive[0]].Select(i => names[i]).ToArray();
    }

    private static void WriteIssue(StringBuilder html, string issue, WindowStance[] stances, StanceChange[] changes, Dictionary<string, int> rank, HashSet<string> changed)
    {
        var windows = stances.Select(s => s.Period).Distinct().OrderBy(p => p.Start).ToArray();
        var countries = stances.Select(s => s.Country).Distinct().OrderBy(c => rank[c]).ToArray();
        var byCell = stances.ToDictionary(s => (s.Country, s.Period));
        var heading = $"issue-{issue}-heading";
        html.Append("<section class=\"issue\" id=\"issue-").Append(Encode(issue)).Append("\" aria-labelledby=\"").Append(Encode(heading)).Append("\">\n<h2 id=\"").Append(Encode(heading)).Append("\">").Append(Encode(issue))
            .Append(" <small>").Append(Count(countries.Length, "country", "countries")).Append(", ").Append(Count(windows.Length, "window", "windows")).Append(", ").Append(Count(changes.Length, "change", "changes"))
            .Append("</small></h2>\n<div class=\"layout\">\n<div class=\"scroll\" tabindex=\"0\" aria-label=\"").Append(Encode($"Stances on {issue}, scrollable")).Append("\"><table class=\"heatmap\">\n<caption class=\"sr\">Stance of each country on ")
            .Append(Encode(issue)).Append(" per window; ↻ marks a change since the previous window</caption>\n<thead><tr><th scope=\"col\">country</th>");
        foreach (var window in windows)
        {
            html.Append("<th scope=\"col\">").Append(Encode(window.Label)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var country in countries)
        {
            html.Append("<tr><th scope=\"row\">").Append(Encode(country)).Append("</th>");
            foreach (var window in windows)
            {
                if (!byCell.TryGetValue((country, window), out var stance))
                {
                    html.Append("<td class=\"none\"><span class=\"sr\">no stance</span></td>");
                    continue;
                }

                var id = Id(stance);
                var change = changed.Contains(id);
                html.Append("<td class=\"s-").Append(stance.Stance.ToName()).Append(' ').Append(Shade(stance.Confidence)).Append(change ? " changed" : "").Append("\"><a href=\"#").Append(Encode(id)).Append("\">")
                    .Append(stance.Stance.ToName()).Append(change ? "<span aria-hidden=\"true\"> ↻</span><span class=\"sr\">, changed</span>" : "").Append("</a></td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody></table></div>\n<div class=\"side\">\n<h3>Changes</h3>\n");
        if (changes.Length == 0)
        {
            html.Append("<p class=\"empty\">No country changed its stance between windows.</p>\n");
        }
        else
        {
            html.Append("<ol class=\"changes\">\n");
            foreach (var change in changes)
            {
                html.Append("<li data-country=\"").Append(Encode(change.Country)).Append("\"><b>").Append(Encode(change.Country)).Append("</b> ")
                    .Append(Chip(change.From.Stance)).Append(" <small>").Append(Encode(change.From.Period.Label)).Append("</small> → ").Append(Chip(change.To.Stance)).Append(" <small>")
                    .Append(Encode(change.To.Period.Label)).Append("</small>: first in <a href=\"#").Append(Encode(Id(change.To))).Append("\">").Append(Encode(change.FirstArticle.Id)).Append("</a> ")
                    .Append(CorpusText.Date(change.FirstArticle.Published)).Append("</li>\n");
            }

            html.Append("</ol>\n");
        }

        html.Append("<h3>Evidence</h3>\n<div class=\"panel\" aria-live=\"polite\">\n<p class=\"empty pick\">Select a cell or a change.</p>\n");
        foreach (var stance in stances.OrderBy(s => rank[s.Country]).ThenBy(s => s.Period.Start))
        {
            WriteEvidence(html, stance);
        }

        html.Append("</div>\n</div>\n</div>\n</section>\n");
    }

    private static void WriteEvidence(StringBuilder html, WindowStance stance)
    {
        html.Append("<section class=\"evidence\" id=\"").Append(Encode(Id(stance))).Append("\" hidden>\n<h4>").Append(Encode(stance.Country)).Append(" · ").Append(Encode(stance.Issue)).Append(" · ")
            .Append(Encode(stance.Period.Label)).Append("</h4>\n<p>").Append(Chip(stance.Stance)).Append(' ').Append(CorpusText.Num(stance.Confidence)).Append(", decided by <b>").Append(stance.DecidedBy.ToName())
            .Append("</b>; articles: ").Append(Encode(string.Join(", ", stance.Tallies.Select(t => $"{t.Stance.ToName()} {t.Articles}")))).Append("</p>\n");
        foreach (var article in stance.Articles)
        {
            html.Append("<div class=\"article\"><p><code>").Append(Encode(article.Id)).Append("</code> ").Append(CorpusText.Date(article.Published)).Append(' ').Append(CorpusText.Num(article.Confidence)).Append("</p>\n");
            foreach (var evidence in article.Evidence)
            {
                html.Append("<blockquote>").Append(Encode(evidence)).Append("</blockquote>\n");
            }

            html.Append("</div>\n");
        }

        html.Append("</section>\n");
    }

    /// <summary>
    /// The agreement matrix: a canvas the script draws from <c>data-s</c> (the pairs of the upper triangle in
    /// bloc order, row by row, two base-36 digits each: round((S + 1) × 100), or <c>--</c> for no issue in
    /// common) and <c>data-order</c>, with a readout of the pair under the pointer; then, as its text
    /// alternative, a table of each country's closest and least alike countries.
    /// </summary>
    private static void WriteMatrix(StringBuilder html, IReadOnlyList<string> order, IReadOnlyList<CountryAgreement> agreements)
    {
        var byPair = new Dictionary<(string, string), CountryAgreement>();
        foreach (var a in agreements)
        {
            byPair[(a.Country, a.Other)] = a;
            byPair[(a.Other, a.Country)] = a;
        }

        var data = new StringBuilder(order.Count * order.Count);
        for (var i = 0; i < order.Count; i++)
        {
            for (var j = i + 1; j < order.Count; j++)
            {
                data.Append(byPair.TryGetValue((order[i], order[j]), out var a) ? Base36(Code(a.SScore)) : "--");
            }
        }

        html.Append("<section class=\"agreement\" id=\"agreement\" aria-labelledby=\"agreement-heading\">\n<h2 id=\"agreement-heading\">Agreement <small>S-score of every pair over the (issue, window) pairs both took a stance in; ")
            .Append(Count(agreements.Count, "pair", "pairs")).Append("</small></h2>\n<ul class=\"legend\" aria-label=\"Legend of the agreement matrix\"><li><span class=\"swatch q0\"></span>S = −1 (opposed)</li><li><span class=\"swatch q5\"></span>0</li><li><span class=\"swatch q10\"></span>1 (alike)</li><li><span class=\"swatch nopair\"></span>no issue in common</li></ul>\n")
            .Append("<figure class=\"matrix\">\n<canvas id=\"matrix\" role=\"img\" aria-label=\"").Append(Encode($"Agreement matrix of {order.Count} countries in bloc order; the table below gives each country's closest and least alike countries"))
            .Append("\" data-order=\"").Append(Encode(string.Join(' ', order))).Append("\" data-s=\"").Append(data).Append("\"></canvas>\n<figcaption><span id=\"readout\" aria-live=\"polite\">Point at a cell for the pair and its S-score.</span> Rows and columns: the countries in bloc order, ")
            .Append(Encode(string.Join(", ", order.Take(6)))).Append(order.Count > 6 ? ", …" : "").Append("</figcaption>\n<noscript><p class=\"empty\">The matrix is drawn by the page's script; the table below gives each country's closest and least alike.</p></noscript>\n</figure>\n")
            .Append("<details class=\"neighbours\"><summary>Each country's ").Append(Neighbours).Append(" closest and least alike countries (table)</summary>\n<div class=\"scroll\" tabindex=\"0\" aria-label=\"Closest and least alike countries, scrollable\"><table>\n<caption>For each country, in bloc order: the countries with the highest S-score, then the lowest among the others, each with the (issue, window) pairs alike of those compared</caption>\n")
            .Append("<thead><tr><th scope=\"col\">country</th><th scope=\"col\">closest (S, alike/compared)</th><th scope=\"col\">least alike of the others (S, alike/compared)</th></tr></thead>\n<tbody>\n");
        foreach (var country in order)
        {
            var pairs = order.Where(o => o != country && byPair.ContainsKey((country, o))).Select(o => byPair[(country, o)]).ToArray();
            string Other(CountryAgreement a) => a.Country == country ? a.Other : a.Country;
            string Describe(IEnumerable<CountryAgreement> list) => string.Join(", ", list.Select(a => FormattableString.Invariant($"{Other(a)} {a.SScore:0.00} ({a.Alike}/{a.Issues})")));
            var closest = pairs.OrderByDescending(a => a.SScore).ThenByDescending(a => a.Issues).ThenBy(Other, StringComparer.Ordinal).Take(Neighbours).ToArray();
            var least = pairs.Except(closest).OrderBy(a => a.SScore).ThenByDescending(a => a.Issues).ThenBy(Other, StringComparer.Ordinal).Take(Neighbours).ToArray();
            html.Append("<tr><th scope=\"row\">").Append(Encode(country)).Append("</th><td>").Append(Encode(pairs.Length == 0 ? "none compared" : Describe(closest))).Append("</td><td>")
                .Append(Encode(least.Length == 0 ? "no other compared" : Describe(least))).Append("</td></tr>\n");
        }

        html.Append("</tbody></table></div>\n</details>\n</section>\n");
    }

    /// <summary>An S-score as the matrix data codes it: round((S + 1) × 100), from 0 (S = −1) to 200 (S = 1).</summary>
    internal static int Code(double sScore) => (int)Math.Round((Math.Clamp(sScore, -1, 1) + 1) * 100, MidpointRounding.AwayFromZero);

    private static string Base36(int value) => $"{Digits[value / 36]}{Digits[value % 36]}";

    private const string Digits = "0123456789abcdefghijklmnopqrstuvwxyz";

    /// <summary>The confidence as a shade class, <c>c0</c> to <c>c10</c> (tenths).</summary>
    private static string Shade(double confidence) => $"c{(int)Math.Round(Math.Clamp(confidence, 0, 1) * 10, MidpointRounding.AwayFromZero)}";

    private static string Count(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";

    private static string Chip(Stance stance) => $"<span class=\"chip s-{stance.ToName()} c10\">{stance.ToName()}</span>";

    /// <summary>
    /// The stance colours of <see cref="HtmlReport.Colours"/> as classes: <c>s-STANCE</c> sets the colour and <c>c0</c>–<c>c10</c>
    /// its depth, as <see cref="HtmlReport.Background"/> shades a confidence (opacity 0.12 + 0.88·c²). The text on each is
    /// whichever of near-black and white contrasts more with the colour as painted on the page's background (WCAG
    /// relative luminance), so labels stay readable on light and mid tints.
    /// </summary>
    private static string StanceCss()
    {
        var css = new StringBuilder();
        foreach (var (stance, (r, g, b)) in HtmlReport.Colours)
        {
            css.Append(CultureInfo.InvariantCulture, $".s-{stance.ToName()} {{ --rgb: {r}, {g}, {b}; }}\n");
        }

        for (var shade = 0; shade <= 10; shade++)
        {
            css.Append(CultureInfo.InvariantCulture, $".c{shade} {{ background-color: rgba(var(--rgb), {Alpha(shade):0.###}); color: #111; }}\n");
        }

        foreach (var (stance, colour) in HtmlReport.Colours)
        {
            var light = Enumerable.Range(0, 11).Where(shade => PrefersWhiteText(colour, Alpha(shade))).Select(shade => $".s-{stance.ToName()}.c{shade}").ToArray();
            if (light.Length > 0)
            {
                css.Append(string.Join(", ", light)).Append(" { color: #fff; }\n");
            }
        }

        return css.ToString();
    }

    private static double Alpha(int shade) => 0.12 + (0.88 * shade * shade / 100.0);

    /// <summary>Whether white text contrasts more than #111 with a colour painted at an opacity over the page's background (#fafafa).</summary>
    private static bool PrefersWhiteText((int R, int G, int B) colour, double alpha)
    {
        static double Channel(double value)
        {
            var c = value / 255;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        double Luminance(double r, double g, double b) => (0.2126 * Channel(r)) + (0.7152 * Channel(g)) + (0.0722 * Channel(b));
        var painted = Luminance((alpha * colour.R) + ((1 - alpha) * 250), (alpha * colour.G) + ((1 - alpha) * 250), (alpha * colour.B) + ((1 - alpha) * 250));
        var dark = Luminance(17, 17, 17);
        return (1.05 / (painted + 0.05)) > ((painted + 0.05) / (dark + 0.05));
    }

    private static string Encode(string text) => HtmlReport.Encode(text);

    private const string Css = """
        :root { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d1d1f; background: #fafafa; }
        body { margin: 0 auto; padding: 1rem 1.5rem 3rem; max-width: 1800px; }
        h1 { font-size: 1.4rem; margin: 0.2rem 0; }
        h2 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }
        h2 small { font-weight: normal; color: #595959; font-size: 0.85rem; }
        h3 { font-size: 1rem; margin: 0.3rem 0; }
        h4 { font-size: 0.9rem; margin: 0.4rem 0 0.2rem; }
        .evidence p { margin: 0.2rem 0; font-size: 0.85rem; }
        .hint { color: #4a4a4a; margin: 0.2rem 0 0.6rem; max-width: 70rem; }
        .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        .legend { list-style: none; padding: 0; margin: 0 0 0.5rem; display: flex; flex-wrap: wrap; gap: 1rem; font-size: 0.9rem; }
        .legend li { display: flex; align-items: center; gap: 0.35rem; }
        .swatch { display: inline-block; width: 1.1rem; height: 1.1rem; border-radius: 3px; border: 1px solid rgba(0,0,0,0.15); }
        .swatch.changed { border: 2px solid #000; }
        .layout { display: flex; gap: 1rem; align-items: flex-start; }
        .scroll { overflow: auto; max-width: 100%; max-height: 80vh; flex: 0 1 auto; }
        .scroll:focus-visible, a:focus-visible, summary:focus-visible { outline: 3px solid #1a5fb4; outline-offset: 1px; }
        caption { text-align: left; font-size: 0.8rem; color: #4a4a4a; padding: 0 0 0.3rem; }
        table.heatmap { border-collapse: separate; border-spacing: 2px; font-size: 0.75rem; }
        .heatmap th { font-weight: 600; white-space: nowrap; text-align: left; font-family: ui-monospace, Menlo, Consolas, monospace; }
        .heatmap thead th { position: sticky; top: 0; background: #fafafa; }
        .heatmap td { min-width: 5.2rem; height: 1.2rem; padding: 0; border-radius: 3px; text-align: center; }
        .heatmap td a { display: block; padding: 0 0.3rem; color: inherit; text-decoration: none; font-weight: 600; }
        .heatmap td a:hover { text-decoration: underline; }
        .heatmap td.changed { outline: 2px solid #000; outline-offset: -2px; }
        .none { background: repeating-linear-gradient(45deg, #f0f0f0, #f0f0f0 4px, #e4e4e4 4px, #e4e4e4 8px); }
        .side { flex: 1 1 24rem; min-width: 20rem; max-width: 52rem; max-height: 80vh; overflow: auto; background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 0.6rem 1rem; }
        .changes { padding-left: 1.4rem; margin: 0.2rem 0 0.8rem; font-size: 0.85rem; }
        .changes li { margin: 0.15rem 0; }
        .chip { padding: 0 0.35rem; border-radius: 3px; font-size: 0.8rem; }
        .empty { color: #595959; font-size: 0.9rem; }
        .evidence { border-top: 1px solid #eee; padding-top: 0.3rem; }
        blockquote { margin: 0.2rem 0 0.2rem 0.5rem; padding-left: 0.6rem; border-left: 3px solid #ccc; color: #333; font-style: italic; font-size: 0.85rem; }
        figure.matrix { margin: 0.5rem 0; }
        figure.matrix canvas { display: block; max-width: 100%; border: 1px solid #ddd; background: #fff; cursor: crosshair; }
        figcaption { font-size: 0.85rem; color: #4a4a4a; margin-top: 0.3rem; }
        #readout { font-weight: 600; color: #1d1d1f; }
        .neighbours summary { cursor: pointer; font-weight: 600; margin: 0.5rem 0; }
        .neighbours table { border-collapse: collapse; font-size: 0.8rem; }
        .neighbours th, .neighbours td { text-align: left; padding: 0.1rem 0.6rem 0.1rem 0; border-bottom: 1px solid #eee; vertical-align: top; }
        .neighbours tbody th { font-family: ui-monospace, Menlo, Consolas, monospace; }
        .nopair { background: #fff; }
        .q0 { background: #b2182b; } .q1 { background: #d6604d; } .q2 { background: #f4a582; } .q3 { background: #fddbc7; } .q4 { background: #f7f7f7; }
        .q5 { background: #e0e0e0; } .q6 { background: #d1e5f0; } .q7 { background: #92c5de; } .q8 { background: #4393c3; } .q9 { background: #2166ac; } .q10 { background: #053061; }
        @media (max-width: 900px) { .layout { flex-direction: column; } }

        """;

    private const string Script = """
        // Show the evidence a link or the address names (#w-COUNTRY-ISSUE-WINDOW) in its issue's side panel.
        function show(id, scroll) {
          var target = document.getElementById(id);
          if (!target || !target.classList.contains('evidence')) { return; }
          var issue = target.closest('.issue');
          issue.querySelectorAll('.evidence').forEach(function (e) { e.hidden = true; });
          var pick = issue.querySelector('.pick');
          if (pick) { pick.hidden = true; }
          target.hidden = false;
          if (scroll) { target.scrollIntoView({ block: 'nearest' }); }
        }
        document.querySelectorAll('a[href^="#w-"]').forEach(function (link) {
          link.addEventListener('click', function (e) { e.preventDefault(); history.replaceState(null, '', link.getAttribute('href')); show(link.getAttribute('href').slice(1), true); });
        });
        // Open on the named evidence, else on each issue's first change, so the page shows evidence at once.
        if (location.hash.length > 1) { show(decodeURIComponent(location.hash.slice(1)), true); }
        document.querySelectorAll('.issue').forEach(function (issue) {
          if (issue.querySelector('.evidence:not([hidden])')) { return; }
          var first = issue.querySelector('.changes a') || issue.querySelector('.heatmap td a');
          if (first) { show(first.getAttribute('href').slice(1)); }
        });
        // The agreement matrix, drawn from data-s: two base-36 digits per pair of the upper triangle, round((S + 1) * 100), '--' for none.
        (function () {
          var canvas = document.getElementById('matrix');
          if (!canvas) { return; }
          var order = canvas.dataset.order ? canvas.dataset.order.split(' ') : [], data = canvas.dataset.s, n = order.length;
          var palette = ['#b2182b', '#d6604d', '#f4a582', '#fddbc7', '#f7f7f7', '#e0e0e0', '#d1e5f0', '#92c5de', '#4393c3', '#2166ac', '#053061'];
          function code(i, j) {
            if (i === j) { return -2; }
            if (i > j) { var t = i; i = j; j = t; }
            var k = 2 * (i * n - i * (i + 1) / 2 + (j - i - 1)), text = data.substr(k, 2);
            return text === '--' ? -1 : parseInt(text, 36);
          }
          var size = Math.max(3, Math.min(18, Math.floor(760 / Math.max(n, 1)))), label = size >= 10 ? 34 : 0, ratio = window.devicePixelRatio || 1;
          var width = label + n * size;
          canvas.width = width * ratio; canvas.height = width * ratio;
          canvas.style.width = width + 'px'; canvas.style.height = width + 'px';
          var g = canvas.getContext('2d');
          g.scale(ratio, ratio);
          g.fillStyle = '#fff'; g.fillRect(0, 0, width, width);
          for (var i = 0; i < n; i++) {
            for (var j = 0; j < n; j++) {
              var c = code(i, j);
              g.fillStyle = c === -2 ? '#222' : c === -1 ? '#fff' : palette[Math.round(c / 20)];
              g.fillRect(label + j * size, label + i * size, size, size);
            }
          }
          if (label) {
            g.fillStyle = '#1d1d1f'; g.font = Math.min(11, size - 1) + 'px ui-monospace, Menlo, Consolas, monospace'; g.textBaseline = 'middle';
            for (var r = 0; r < n; r++) {
              g.textAlign = 'right'; g.fillText(order[r], label - 3, label + r * size + size / 2);
              g.save(); g.translate(label + r * size + size / 2, label - 3); g.rotate(-Math.PI / 2); g.textAlign = 'left'; g.fillText(order[r], 0, 0); g.restore();
            }
          }
          var readout = document.getElementById('readout');
          canvas.addEventListener('mousemove', function (e) {
            var box = canvas.getBoundingClientRect(), x = (e.clientX - box.left) * width / box.width - label, y = (e.clientY - box.top) * width / box.height - label;
            var i = Math.floor(y / size), j = Math.floor(x / size);
            if (i < 0 || j < 0 || i >= n || j >= n) { return; }
            var c = code(i, j);
            readout.textContent = order[i] + ' and ' + order[j] + ': ' + (c === -2 ? 'the same country' : c === -1 ? 'no issue in common' : 'S ' + ((c - 100) / 100).toFixed(2));
          });
        })();

        """;
}
