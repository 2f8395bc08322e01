using System.Globalization;
using System.Net;
using System.Text;

namespace StanceRules.Cli;

/// <summary>
/// <c>stance infer --format html</c>: one self-contained HTML page per run, a matrix of countries
/// (rows) by issues (columns) for each article. Each cell is coloured by stance and shaded by
/// confidence; selecting it shows the signals, rules, facts and evidence behind it, and those it
/// overruled. Inline CSS and script only: no external resource, so it works offline in any browser.
/// </summary>
internal static class HtmlReport
{
    /// <summary>Stance colours (RGB), chosen to stay distinct for the common colour-vision deficiencies.</summary>
    internal static readonly Dictionary<Stance, (int R, int G, int B)> Colours = new()
    {
        [Stance.Supports] = (26, 133, 255),
        [Stance.Abstains] = (160, 160, 160),
        [Stance.Condemns] = (230, 145, 0),
        [Stance.Rejects] = (200, 30, 40),
    };

    public static void Write(IReadOnlyList<StanceReport> reports, TextWriter output)
    {
        var html = new StringBuilder();
        var title = reports.Count == 1 ? $"Stances: {reports[0].Article}" : $"Stances: {reports.Count} articles";
        html.Append("""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="stance infer --format html">
            """).Append("\n<title>").Append(Encode(title)).Append("</title>\n<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n");
        html.Append("<header><h1>").Append(Encode(title)).Append("</h1>");
        html.Append("<p class=\"hint\">Countries by issues. Colour: the final stance; depth: its confidence. Select a cell for the signals, rules and evidence behind it.</p>");
        html.Append("<ul class=\"legend\">");
        foreach (var stance in Colours.Keys)
        {
            html.Append("<li><span class=\"swatch s-").Append(stance.ToName()).Append("\" style=\"").Append(Background(stance, 1)).Append("\"></span>").Append(stance.ToName()).Append("</li>");
        }

        html.Append("<li><span class=\"swatch shade\"></span>confidence 0 → 1</li><li><span class=\"mark\">⚖</span> signals overruled</li></ul></header>\n<main>\n");
        for (var i = 0; i < reports.Count; i++)
        {
            WriteArticle(html, reports[i], i);
        }

        html.Append("</main>\n<script>\n").Append(Script).Append("</script>\n</body>\n</html>\n");
        output.Write(html.ToString());
    }

    private static void WriteArticle(StringBuilder html, StanceReport report, int index)
    {
        var countries = report.Stances.Select(s => s.Country).Distinct().Order(StringComparer.Ordinal).ToList();
        var issues = report.Stances.Select(s => s.Issue).Distinct().Order(StringComparer.Ordinal).ToList();
        html.Append("<section class=\"article\" data-article=\"").Append(Encode(report.Article)).Append("\">\n<h2>Article ").Append(Encode(report.Article))
            .Append(" <small>").Append(report.Stances.Count).Append(" stances, ").Append(countries.Count).Append(" countries, ").Append(issues.Count).Append(" issues, ")
            .Append(report.Unresolved.Count).Append(" unresolved</small></h2>\n<div class=\"layout\">\n<div class=\"scroll\"><table class=\"matrix\">\n<thead><tr><th class=\"corner\">country \\ issue</th>");
        foreach (var issue in issues)
        {
            html.Append("<th scope=\"col\"><span>").Append(Encode(issue)).Append("</span></th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        var details = new StringBuilder();
        foreach (var country in countries)
        {
            html.Append("<tr><th scope=\"row\">").Append(Encode(country)).Append("</th>");
            foreach (var issue in issues)
            {
                var stance = report.Find(country, issue);
                if (stance is null)
                {
                    html.Append("<td class=\"cell none\" title=\"").Append(Encode($"{country} · {issue}: no stance")).Append("\"></td>");
                    continue;
                }

                var id = $"d{index}-{country}-{issue}";
                var label = $"{country} · {issue}: {stance.Stance.ToName()} {Num(stance.Confidence)}";
                html.Append("<td class=\"cell s-").Append(stance.Stance.ToName()).Append("\" style=\"").Append(Background(stance.Stance, stance.Confidence)).Append("\">")
                    .Append("<button type=\"button\" data-detail=\"").Append(Encode(id)).Append("\" data-stance=\"").Append(stance.Stance.ToName())
                    .Append("\" data-confidence=\"").Append(Num(stance.Confidence)).Append("\" title=\"").Append(Encode(label)).Append("\" aria-label=\"").Append(Encode(label)).Append("\">")
                    .Append("<span class=\"name\">").Append(stance.Stance.ToName()).Append("</span> <span class=\"conf\">").Append(Num(stance.Confidence)).Append("</span>");
                if (stance.Overruled.Count > 0)
                {
                    html.Append(" <span class=\"mark\" title=\"").Append(stance.Overruled.Count).Append(" overruled\">⚖").Append(stance.Overruled.Count).Append("</span>");
                }

                html.Append("</button></td>");
                WriteDetail(details, stance, id);
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody></table></div>\n<aside class=\"panel\" aria-live=\"polite\"><p class=\"empty\">Select a cell to see the evidence behind it.</p>\n")
            .Append(details).Append("</aside>\n</div>\n");
        if (report.Unresolved.Count > 0)
        {
            html.Append("<details class=\"unresolved\"><summary>").Append(report.Unresolved.Count).Append(" facts gave no country stance</summary><table><thead><tr><th>fact</th><th>actor</th><th>reason</th></tr></thead><tbody>");
            foreach (var unresolved in report.Unresolved)
            {
                html.Append("<tr><td>").Append(Encode(unresolved.Fact)).Append("</td><td>").Append(Encode(unresolved.Actor)).Append("</td><td>").Append(Encode(unresolved.Reason)).Append("</td></tr>");
            }

            html.Append("</tbody></table></details>\n");
        }

        html.Append("</section>\n");
    }

    private static void WriteDetail(StringBuilder html, CountryStance stance, string id)
    {
        html.Append("<section class=\"detail\" id=\"").Append(Encode(id)).Append("\" hidden>\n<h3>").Append(Encode(stance.Country)).Append(" · ").Append(Encode(stance.Issue)).Append("</h3>\n")
            .Append("<p class=\"verdict s-").Append(stance.Stance.ToName()).Append("\" style=\"").Append(Background(stance.Stance, stance.Confidence)).Append("\">")
            .Append(stance.Stance.ToName()).Append(' ').Append(Num(stance.Confidence)).Append("</p>\n<p class=\"decided\">decided by <b>").Append(stance.DecidedBy.ToName()).Append("</b>")
            .Append(stance.DecidedBy switch
            {
                DecisionStep.Unanimous => ": every signal agrees",
                DecisionStep.Confidence => ": highest combined confidence",
                DecisionStep.Priority => ": equal confidence, higher rule priority",
                _ => ": equal confidence and priority; rejects > condemns > abstains > supports",
            }).Append("</p>\n");
        foreach (var signal in stance.Signals)
        {
            WriteSignal(html, signal, overruled: false);
        }

        if (stance.Overruled.Count > 0)
        {
            html.Append("<h4>Overruled</h4>\n");
            foreach (var signal in stance.Overruled)
            {
                WriteSignal(html, signal, overruled: true);
            }
        }

        html.Append("</section>\n");
    }

    private static void WriteSignal(StringBuilder html, StanceSignal signal, bool overruled)
    {
        html.Append("<div class=\"signal").Append(overruled ? " overruled" : "").Append("\"><p><span class=\"chip s-").Append(signal.Stance.ToName()).Append("\" style=\"")
            .Append(Background(signal.Stance, signal.Confidence)).Append("\">").Append(signal.Stance.ToName()).Append(' ').Append(Num(signal.Confidence)).Append("</span> rule <code>")
            .Append(Encode(string.Join(" → ", signal.Rules))).Append("</code> from facts <code>").Append(Encode(string.Join(", ", signal.Facts))).Append("</code></p>\n");
        foreach (var evidence in signal.Evidence)
        {
            html.Append("<blockquote>").Append(Encode(evidence)).Append("</blockquote>\n");
        }

        html.Append("</div>\n");
    }

    /// <summary>The stance's colour at an opacity that grows with confidence (a faint tint at 0, full colour at 1).</summary>
    internal static string Background(Stance stance, double confidence)
    {
        var (r, g, b) = Colours[stance];
        var c = Math.Clamp(confidence, 0, 1);
        var alpha = 0.12 + (0.88 * c * c); // squared, so 0.8 and 0.95 look different
        var text = alpha >= 0.6 ? (stance == Stance.Abstains ? "#111" : "#fff") : "#111";
        return FormattableString.Invariant($"background-color: rgba({r}, {g}, {b}, {alpha:0.###}); color: {text}");
    }

    private static string Num(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Text for HTML: controls escaped and bidi text isolated (<see cref="DisplayText.IsolateForHtml"/>), then HTML-encoded. Every page the CLI writes uses it.</summary>
    internal static string Encode(string text) => WebUtility.HtmlEncode(DisplayText.IsolateForHtml(text));

    private const string Css = """
        :root { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d1d1f; background: #fafafa; }
        body { margin: 0 auto; padding: 1rem 1.5rem 3rem; max-width: 1600px; }
        h1 { font-size: 1.4rem; margin: 0.2rem 0; }
        h2 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }
        h2 small { font-weight: normal; color: #666; font-size: 0.85rem; }
        .hint { color: #555; margin: 0.2rem 0 0.6rem; }
        .legend { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 1rem; font-size: 0.9rem; }
        .legend li { display: flex; align-items: center; gap: 0.35rem; }
        .swatch { display: inline-block; width: 1.1rem; height: 1.1rem; border-radius: 3px; border: 1px solid rgba(0,0,0,0.15); }
        .swatch.shade { width: 3rem; background: linear-gradient(to right, rgba(90,90,90,0.15), rgba(90,90,90,1)); }
        .layout { display: flex; gap: 1rem; align-items: flex-start; }
        .scroll { overflow: auto; max-width: 100%; flex: 1 1 auto; }
        table.matrix { border-collapse: separate; border-spacing: 3px; }
        .matrix th { font-weight: 600; font-size: 0.8rem; text-align: left; white-space: nowrap; }
        .matrix thead th { vertical-align: bottom; height: 9rem; padding: 0 0.2rem; }
        .matrix thead th span { display: inline-block; writing-mode: vertical-rl; transform: rotate(180deg); }
        .matrix thead th.corner { writing-mode: horizontal-tb; color: #888; font-weight: normal; }
        .matrix tbody th { padding-right: 0.6rem; font-family: ui-monospace, Menlo, Consolas, monospace; }
        .cell { width: 6.2rem; height: 2.4rem; padding: 0; border-radius: 4px; text-align: center; }
        .cell.none { background: repeating-linear-gradient(45deg, #f0f0f0, #f0f0f0 4px, #e8e8e8 4px, #e8e8e8 8px); }
        .cell button { all: unset; box-sizing: border-box; cursor: pointer; display: block; width: 100%; height: 100%; padding: 0.2rem; border-radius: 4px; font-size: 0.78rem; line-height: 1.1; color: inherit; }
        .cell button:hover { outline: 2px solid #333; }
        .cell button:focus-visible, .cell button.selected { outline: 3px solid #000; outline-offset: 1px; }
        .cell .conf { font-variant-numeric: tabular-nums; opacity: 0.9; }
        .mark { font-size: 0.75rem; }
        .panel { flex: 0 0 26rem; position: sticky; top: 0.5rem; max-height: 90vh; overflow: auto; background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 0.8rem 1rem; }
        .panel .empty { color: #777; }
        .detail h3 { margin: 0 0 0.4rem; }
        .verdict { display: inline-block; padding: 0.2rem 0.6rem; border-radius: 4px; font-weight: 600; margin: 0; }
        .decided { color: #444; font-size: 0.9rem; }
        .signal { border-top: 1px solid #eee; padding: 0.4rem 0; }
        .signal.overruled { opacity: 0.75; }
        .chip { padding: 0.1rem 0.4rem; border-radius: 3px; font-size: 0.85rem; }
        blockquote { margin: 0.3rem 0 0.3rem 0.5rem; padding-left: 0.6rem; border-left: 3px solid #ccc; color: #333; font-style: italic; }
        .unresolved { margin-top: 0.8rem; font-size: 0.9rem; }
        .unresolved td, .unresolved th { padding: 0.1rem 0.6rem 0.1rem 0; text-align: left; }
        @media (max-width: 900px) { .layout { flex-direction: column; } .panel { position: static; flex-basis: auto; width: 100%; } }
        @media print { .panel { display: none; } }

        """;

    private const string Script = """
        // Show the evidence of the selected cell in its article's panel.
        document.querySelectorAll('.cell button').forEach(function (button) {
          button.addEventListener('click', function () {
            var article = button.closest('.article');
            article.querySelectorAll('.detail').forEach(function (d) { d.hidden = true; });
            article.querySelectorAll('.cell button.selected').forEach(function (b) { b.classList.remove('selected'); });
            var detail = document.getElementById(button.dataset.detail);
            if (detail) { detail.hidden = false; }
            var empty = article.querySelector('.panel .empty');
            if (empty) { empty.hidden = true; }
            button.classList.add('selected');
          });
        });
        // Open on the cell the address names (#d0-UKR-china-peace-plan), else on the first cell with
        // overruled signals (or the first cell), so the page shows evidence at once.
        document.querySelectorAll('.article').forEach(function (article) {
          var named = location.hash.length > 1 ? article.querySelector('.cell button[data-detail="' + decodeURIComponent(location.hash.slice(1)) + '"]') : null;
          var mark = article.querySelector('.cell button .mark');
          var first = named || (mark ? mark.closest('button') : article.querySelector('.cell button'));
          if (first) { first.click(); }
        });

        """;
}
