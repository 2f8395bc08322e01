using System.Globalization;
using System.Net;
using System.Text;

namespace StanceRules.Cli;

/// <summary>
/// <c>stance corpus --format html</c>: one self-contained page. Per issue, a heatmap of countries
/// (rows) by windows (columns) coloured by stance and shaded by confidence, and the list of
/// changes, each linking to the evidence of the window it changed in. Then the agreement matrix
/// (S-score) of every pair of countries, rows and columns in bloc order (<see cref="BlocOrder"/>).
/// Inline CSS and script only.
/// </summary>
internal static class CorpusHtml
{
    public static void Write(CorpusAnswers answers, TextWriter output)
    {
        var html = new StringBuilder();
        var title = $"Stance corpus: {answers.Corpus.Articles} articles by {CorpusText.Name(answers.Query.By)}";
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"stance corpus --format html\">\n<title>")
            .Append(Encode(title)).Append("</title>\n<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n<header><h1>").Append(Encode(title)).Append("</h1>\n<p class=\"hint\">")
            .Append(Encode(CorpusText.Summary(answers))).Append(". Rows are in bloc order (average-linkage clustering of the agreement matrix). Select a cell or a change for the articles and evidence behind it.</p>\n<ul class=\"legend\">");
        foreach (var stance in HtmlReport.Colours.Keys)
        {
            html.Append("<li><span class=\"swatch\" style=\"").Append(HtmlReport.Background(stance, 1)).Append("\"></span>").Append(stance.ToName()).Append("</li>");
        }

        html.Append("<li><span class=\"swatch changed\"></span>changed since the previous window</li></ul></header>\n<main>\n");

        var order = BlocOrder(answers.Stances.Select(s => s.Country).Distinct().ToArray(), answers.Agreements);
        var rank = order.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        var changed = answers.Changes.Select(c => Id(c.To)).ToHashSet(StringComparer.Ordinal);
        foreach (var issue in answers.Stances.GroupBy(s => s.Issue).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            WriteIssue(html, issue.Key, issue.ToArray(), answers.Changes.Where(c => c.Issue == issue.Key).ToArray(), rank, changed);
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
        html.Append("<section class=\"issue\" id=\"issue-").Append(Encode(issue)).Append("\">\n<h2>").Append(Encode(issue)).Append(" <small>").Append(countries.Length).Append(" countries, ")
            .Append(windows.Length).Append(" windows, ").Append(changes.Length).Append(" changes</small></h2>\n<div class=\"layout\">\n<div class=\"scroll\"><table class=\"heatmap\">\n<thead><tr><th class=\"corner\">country \\ window</th>");
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
                    html.Append("<td class=\"cell none\" title=\"").Append(Encode($"{country} · {window.Label}: no stance")).Append("\"></td>");
                    continue;
                }

                var id = Id(stance);
                html.Append("<td class=\"cell s-").Append(stance.Stance.ToName()).Append(changed.Contains(id) ? " changed" : "").Append("\" style=\"").Append(HtmlReport.Background(stance.Stance, stance.Confidence))
                    .Append("\"><a href=\"#").Append(Encode(id)).Append("\" title=\"").Append(Encode($"{country} · {window.Label}: {stance.Stance.ToName()} {CorpusText.Num(stance.Confidence)}, {stance.ArticleCount} article(s)"))
                    .Append("\">").Append(Abbreviation(stance.Stance)).Append("</a></td>");
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

        html.Append("<h3>Evidence</h3>\n<p class=\"empty pick\">Select a cell or a change.</p>\n");
        foreach (var stance in stances.OrderBy(s => rank[s.Country]).ThenBy(s => s.Period.Start))
        {
            WriteEvidence(html, stance);
        }

        html.Append("</div>\n</div>\n</section>\n");
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

    private static void WriteMatrix(StringBuilder html, IReadOnlyList<string> order, IReadOnlyList<CountryAgreement> agreements)
    {
        var byPair = new Dictionary<(string, string), CountryAgreement>();
        foreach (var a in agreements)
        {
            byPair[(a.Country, a.Other)] = a;
            byPair[(a.Other, a.Country)] = a;
        }

        html.Append("<section class=\"agreement\" id=\"agreement\">\n<h2>Agreement <small>S-score of every pair over the (issue, window) pairs both took a stance in; ")
            .Append(agreements.Count).Append(" pairs</small></h2>\n<ul class=\"legend\"><li><span class=\"swatch q0\"></span>S = −1 (opposed)</li><li><span class=\"swatch q5\"></span>0</li><li><span class=\"swatch q10\"></span>1 (alike)</li><li><span class=\"swatch nopair\"></span>no issue in common</li></ul>\n")
            .Append("<div class=\"scroll\"><table class=\"matrix\">\n<thead><tr><th></th>");
        foreach (var country in order)
        {
            html.Append("<th scope=\"col\"><span>").Append(Encode(country)).Append("</span></th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in order)
        {
            html.Append("<tr><th scope=\"row\">").Append(Encode(row)).Append("</th>");
            foreach (var column in order)
            {
                if (row == column)
                {
                    html.Append("<td class=\"self\"></td>");
                }
                else if (byPair.TryGetValue((row, column), out var a))
                {
                    var bucket = (int)Math.Round((a.SScore + 1) * 5, MidpointRounding.AwayFromZero);
                    html.Append("<td class=\"q").Append(bucket).Append("\" title=\"").Append(Encode(row)).Append(' ').Append(Encode(column)).Append(" S ")
                        .Append(a.SScore.ToString("0.00", CultureInfo.InvariantCulture)).Append(", alike ").Append(a.Alike).Append('/').Append(a.Issues).Append("\"></td>");
                }
                else
                {
                    html.Append("<td class=\"nopair\"></td>");
                }
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody></table></div>\n</section>\n");
    }

    private static string Chip(Stance stance) => $"<span class=\"chip\" style=\"{HtmlReport.Background(stance, 1)}\">{stance.ToName()}</span>";

    private static string Abbreviation(Stance stance) => stance switch
    {
        Stance.Supports => "S",
        Stance.Abstains => "A",
        Stance.Condemns => "C",
        _ => "R",
    };

    private static string Encode(string text) => HtmlReport.Encode(text);

    private const string Css = """
        :root { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d1d1f; background: #fafafa; }
        body { margin: 0 auto; padding: 1rem 1.5rem 3rem; max-width: 1800px; }
        h1 { font-size: 1.4rem; margin: 0.2rem 0; }
        h2 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }
        h2 small { font-weight: normal; color: #666; font-size: 0.85rem; }
        h3 { font-size: 1rem; margin: 0.3rem 0; }
        .hint { color: #555; margin: 0.2rem 0 0.6rem; }
        .legend { list-style: none; padding: 0; margin: 0 0 0.5rem; display: flex; flex-wrap: wrap; gap: 1rem; font-size: 0.9rem; }
        .legend li { display: flex; align-items: center; gap: 0.35rem; }
        .swatch { display: inline-block; width: 1.1rem; height: 1.1rem; border-radius: 3px; border: 1px solid rgba(0,0,0,0.15); }
        .swatch.changed { border: 2px solid #000; }
        .layout { display: flex; gap: 1rem; align-items: flex-start; }
        .scroll { overflow: auto; max-width: 100%; max-height: 80vh; flex: 0 1 auto; }
        table.heatmap { border-collapse: separate; border-spacing: 2px; font-size: 0.75rem; }
        .heatmap th { font-weight: 600; white-space: nowrap; text-align: left; font-family: ui-monospace, Menlo, Consolas, monospace; }
        .heatmap thead th { position: sticky; top: 0; background: #fafafa; }
        .heatmap .corner { font-family: inherit; color: #888; font-weight: normal; }
        .cell { width: 4.2rem; height: 1.1rem; padding: 0; border-radius: 3px; text-align: center; }
        .cell a { display: block; color: inherit; text-decoration: none; font-weight: 600; }
        .cell.changed { outline: 2px solid #000; outline-offset: -2px; }
        .cell.none { background: repeating-linear-gradient(45deg, #f0f0f0, #f0f0f0 4px, #e8e8e8 4px, #e8e8e8 8px); }
        .side { flex: 1 1 24rem; min-width: 20rem; max-height: 80vh; overflow: auto; background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 0.6rem 1rem; }
        .changes { padding-left: 1.4rem; margin: 0.2rem 0 0.8rem; font-size: 0.85rem; }
        .changes li { margin: 0.15rem 0; }
        .chip { padding: 0 0.35rem; border-radius: 3px; font-size: 0.8rem; }
        .empty { color: #777; font-size: 0.9rem; }
        .evidence { border-top: 1px solid #eee; padding-top: 0.3rem; }
        .evidence:target, .evidence.shown { display: block; }
        blockquote { margin: 0.2rem 0 0.2rem 0.5rem; padding-left: 0.6rem; border-left: 3px solid #ccc; color: #333; font-style: italic; font-size: 0.85rem; }
        table.matrix { border-collapse: collapse; font-size: 0.55rem; font-family: ui-monospace, Menlo, Consolas, monospace; }
        .matrix td { width: 0.55rem; height: 0.55rem; padding: 0; }
        .matrix thead th { vertical-align: bottom; padding: 0; }
        .matrix thead th span { writing-mode: vertical-rl; transform: rotate(180deg); display: inline-block; }
        .matrix tbody th { text-align: right; padding-right: 0.3rem; font-weight: normal; }
        .self { background: #222; }
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
          var first = issue.querySelector('.changes a') || issue.querySelector('.cell a');
          if (first) { show(first.getAttribute('href').slice(1)); }
        });

        """;
}
