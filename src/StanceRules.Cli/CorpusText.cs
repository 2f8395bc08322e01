using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace StanceRules.Cli;

/// <summary><c>stance corpus</c> as a terminal table, JSON or CSV.</summary>
internal static class CorpusText
{
    public static string Summary(CorpusAnswers answers)
    {
        var corpus = answers.Corpus;
        var (countries, issues, _, first, last) = answers.Overview;
        var range = first is not { } from || last is not { } to ? "no window" : from == to ? from.Label : $"{from.Label} .. {to.Label}";
        return $"Corpus: {corpus.Articles} articles ({corpus.Undated} undated, {corpus.Repeated} repeated, {answers.Failed} failed), "
            + $"{countries} {(countries == 1 ? "country" : "countries")}, {issues} {(issues == 1 ? "issue" : "issues")}, by {Name(answers.Query.By)}: {range}";
    }

    public static void WriteTable(CorpusAnswers answers, TextWriter output)
    {
        output.WriteLine(Summary(answers));
        if (answers.Shows("stances"))
        {
            output.WriteLine();
            output.WriteLine("Stances");
            ReportTable.WriteTable(output, ["COUNTRY", "ISSUE", "WINDOW", "STANCE", "CONF", "ARTICLES", "DECIDED", "OTHERS", "STRONGEST"], answers.StancesToWrite().Select(StanceRow).Select(r => r[..9]));
        }

        if (answers.Shows("changes"))
        {
            output.WriteLine();
            output.WriteLine($"Changes ({answers.Overview.Changes})");
            ReportTable.WriteTable(output, ["COUNTRY", "ISSUE", "FROM", "TO", "FIRST ARTICLE", "EVIDENCE"], answers.Changes().Select(c => (Change: c, First: c.FirstArticle)).Select(c => new[]
            {
                c.Change.Country, c.Change.Issue, $"{c.Change.From.Stance.ToName()} ({c.Change.From.Period})", $"{c.Change.To.Stance.ToName()} ({c.Change.To.Period})",
                $"{c.First.Id} {Date(c.First.Published)}", (c.First.Evidence.Count > 0 ? c.First.Evidence[0] : string.Empty),
            }));
        }

        if (answers.Shows("agreement"))
        {
            output.WriteLine();
            output.WriteLine($"Agreement ({answers.Agreements.Count} pairs)");
            ReportTable.WriteTable(output, ["COUNTRY", "OTHER", "ISSUES", "ALIKE", "SHARE", "S"], answers.Agreements.Select(AgreementRow));
        }

        if (answers.Shows("closest"))
        {
            foreach (var (country, closest) in answers.Closest)
            {
                output.WriteLine();
                output.WriteLine($"Closest to {DisplayText.Escape(country)}");
                ReportTable.WriteTable(output, ["COUNTRY", "OTHER", "ISSUES", "ALIKE", "SHARE", "S"], closest.Select(AgreementRow));
            }
        }
    }

    public static void WriteCsv(CorpusAnswers answers, TextWriter output)
    {
        var section = answers.Query.Show[0];
        var (header, rows) = section switch
        {
            "changes" => (new[] { "country", "issue", "from", "to", "from_window", "to_window", "first_article", "first_published", "evidence" },
                answers.Changes().Select(c => (Change: c, First: c.FirstArticle)).Select(c => new[] { c.Change.Country, c.Change.Issue, c.Change.From.Stance.ToName(), c.Change.To.Stance.ToName(), c.Change.From.Period.Label, c.Change.To.Period.Label, c.First.Id, Date(c.First.Published), (c.First.Evidence.Count > 0 ? c.First.Evidence[0] : string.Empty) })),
            "agreement" => (AgreementHeader, answers.Agreements.Select(AgreementRow)),
            "closest" => (AgreementHeader, answers.Closest.Values.SelectMany(c => c).Select(AgreementRow)),
            _ => (new[] { "country", "issue", "window", "stance", "confidence", "articles", "decided_by", "others", "strongest", "start", "end", "first_article" },
                answers.StancesToWrite().Select(StanceRow)),
        };
        output.WriteLine(string.Join(",", header));
        foreach (var row in rows)
        {
            output.WriteLine(string.Join(",", row.Select(Csv)));
        }
    }

    public static void WriteJson(CorpusAnswers answers, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("by", Name(answers.Query.By));
            json.WriteNumber("articles", answers.Corpus.Articles);
            json.WriteNumber("undated", answers.Corpus.Undated);
            json.WriteNumber("repeated", answers.Corpus.Repeated);
            json.WriteNumber("failed", answers.Failed);
            if (answers.Shows("stances"))
            {
                json.WriteStartArray("stances");
                foreach (var stance in answers.StancesToWrite())
                {
                    json.WriteStartObject();
                    json.WriteString("country", stance.Country);
                    json.WriteString("issue", stance.Issue);
                    WritePeriod(json, stance.Period);
                    json.WriteString("stance", stance.Stance.ToName());
                    json.WriteNumber("confidence", stance.Confidence);
                    json.WriteString("decided_by", stance.DecidedBy.ToName());
                    json.WriteStartArray("tallies");
                    foreach (var tally in stance.Tallies)
                    {
                        json.WriteStartObject();
                        json.WriteString("stance", tally.Stance.ToName());
                        json.WriteNumber("articles", tally.Articles);
                        json.WriteNumber("score", tally.Score);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                    json.WriteStartArray("articles");
                    foreach (var article in stance.Articles)
                    {
                        WriteArticle(json, article);
                    }

                    json.WriteEndArray();
                    json.WritePropertyName("first_article");
                    WriteArticle(json, stance.FirstArticle);
                    json.WriteEndObject();
                    Drain(json, buffer, output);
                }

                json.WriteEndArray();
            }

            if (answers.Shows("changes"))
            {
                json.WriteStartArray("changes");
                foreach (var change in answers.Changes())
                {
                    json.WriteStartObject();
                    json.WriteString("country", change.Country);
                    json.WriteString("issue", change.Issue);
                    json.WriteString("from", change.From.Stance.ToName());
                    json.WriteString("to", change.To.Stance.ToName());
                    json.WriteString("from_window", change.From.Period.Label);
                    json.WriteString("to_window", change.To.Period.Label);
                    json.WritePropertyName("first_article");
                    WriteArticle(json, change.FirstArticle);
                    json.WriteEndObject();
                    Drain(json, buffer, output);
                }

                json.WriteEndArray();
            }

            if (answers.Shows("agreement"))
            {
                json.WriteStartArray("agreement");
                foreach (var agreement in answers.Agreements)
                {
                    WriteAgreement(json, agreement);
                    Drain(json, buffer, output);
                }

                json.WriteEndArray();
            }

            if (answers.Shows("closest") && answers.Closest.Count > 0)
            {
                json.WriteStartObject("closest");
                foreach (var (country, closest) in answers.Closest)
                {
                    json.WriteStartArray(country);
                    foreach (var agreement in closest)
                    {
                        WriteAgreement(json, agreement);
                    }

                    json.WriteEndArray();
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
            Drain(json, buffer, output, 0);
        }

        output.WriteLine();
    }

    /// <summary>
    /// Writes out what the JSON writer holds once it is more than <paramref name="atLeast"/> bytes,
    /// so a large answer never sits in memory whole (as bytes and again as text). The writer flushes
    /// whole tokens, so each chunk is whole UTF-8.
    /// </summary>
    private static void Drain(Utf8JsonWriter json, MemoryStream buffer, TextWriter output, int atLeast = 1 << 16)
    {
        if (json.BytesPending + buffer.Length <= atLeast)
        {
            return;
        }

        json.Flush();
        output.Write(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        buffer.SetLength(0);
    }

    public static string Name(CorpusWindow window) => window.ToString().ToLowerInvariant();

    public static string Num(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static readonly string[] AgreementHeader = ["country", "other", "issues", "alike", "share_alike", "s_score"];

    private static string[] StanceRow(WindowStance s) =>
    [
        s.Country, s.Issue, s.Period.Label, s.Stance.ToName(), Num(s.Confidence), s.ArticleCount.ToString(CultureInfo.InvariantCulture), s.DecidedBy.ToName(),
        string.Join(" ", s.Tallies.Skip(1).Select(t => $"{t.Stance.ToName()}:{t.Articles}")),
        string.Join(" ", s.Articles.Select(a => a.Id)),
        Date(s.Period.Start), Date(s.Period.End), s.FirstArticle.Id,
    ];

    private static string[] AgreementRow(CountryAgreement a) =>
    [
        a.Country, a.Other, a.Issues.ToString(CultureInfo.InvariantCulture), a.Alike.ToString(CultureInfo.InvariantCulture),
        a.ShareAlike.ToString("0.####", CultureInfo.InvariantCulture), a.SScore.ToString("0.####", CultureInfo.InvariantCulture),
    ];

    private static void WritePeriod(Utf8JsonWriter json, CorpusPeriod period)
    {
        json.WriteString("window", period.Label);
        json.WriteString("start", Date(period.Start));
        json.WriteString("end", Date(period.End));
    }

    private static void WriteArticle(Utf8JsonWriter json, CorpusArticle article)
    {
        json.WriteStartObject();
        json.WriteString("article", article.Id);
        json.WriteString("published", Date(article.Published));
        json.WriteString("stance", article.Stance.ToName());
        json.WriteNumber("confidence", article.Confidence);
        json.WriteStartArray("evidence");
        foreach (var evidence in article.Evidence)
        {
            json.WriteStringValue(evidence);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteAgreement(Utf8JsonWriter json, CountryAgreement agreement)
    {
        json.WriteStartObject();
        json.WriteString("country", agreement.Country);
        json.WriteString("other", agreement.Other);
        json.WriteNumber("issues", agreement.Issues);
        json.WriteNumber("alike", agreement.Alike);
        json.WriteNumber("share_alike", Math.Round(agreement.ShareAlike, 4));
        json.WriteNumber("s_score", Math.Round(agreement.SScore, 4));
        json.WriteEndObject();
    }

    private static string Csv(string field) =>
        field.AsSpan().IndexOfAny("\",\n\r") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
