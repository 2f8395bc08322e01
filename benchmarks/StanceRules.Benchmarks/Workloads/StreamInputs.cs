using System.Globalization;
using System.Text;

namespace StanceRules.Benchmarks.Workloads;

/// <summary>
/// Inputs of the stream suite, made with a fixed seed: fact documents as JSON Lines and as YAML
/// (the same documents), and GDELT 2.0 event rows (61 columns).
/// </summary>
public static class StreamInputs
{
    private static readonly string[] Actors = ["France", "Germany", "China", "Russia", "India", "Brazil", "United States", "Japan", "Kremlin", "White House"];
    private static readonly string[] Acts = ["condemn", "welcome", "reject", "praise", "deplore", "support", "dismiss", "criticize"];
    private static readonly string[] Issues = ["russia-ukraine-war", "china-peace-plan", "icc-jurisdiction", "gaza-ceasefire"];
    private static readonly string[] Codes = ["111", "1121", "051", "036", "120", "1241", "013", "190", "042", "112"];
    private static readonly string[] Countries = ["USA", "RUS", "CHN", "FRA", "GBR", "IND", "JAP", "BRA"];
    private static readonly string[] Roles = ["GOV", "", "MIL", "REB"];

    /// <summary>Documents of <paramref name="facts"/> statements each, one JSON object per line.</summary>
    public static byte[] JsonLines(int documents, int facts, int seed = 7)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        for (var d = 0; d < documents; d++)
        {
            text.Append(CultureInfo.InvariantCulture, $$"""{"article": {"id": "doc-{{d}}", "published": "2023-03-{{1 + (d % 28):00}}"}, "facts": [""");
            for (var f = 0; f < facts; f++)
            {
                text.Append(f == 0 ? string.Empty : ", ").Append(CultureInfo.InvariantCulture,
                    $$"""{"type": "statement", "actor": "{{Actors[random.Next(Actors.Length)]}}", "act": "{{Acts[random.Next(Acts.Length)]}}", "issue": "{{Issues[random.Next(Issues.Length)]}}", "evidence": "sentence {{f}} of document {{d}}"}""");
            }

            text.Append("]}\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>The same documents as YAML texts, one per document.</summary>
    public static string[] Yaml(int documents, int facts, int seed = 7)
    {
        var random = new Random(seed);
        var texts = new string[documents];
        for (var d = 0; d < documents; d++)
        {
            var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"article: {{ id: doc-{d}, published: 2023-03-{1 + (d % 28):00} }}\nfacts:\n");
            for (var f = 0; f < facts; f++)
            {
                text.Append(CultureInfo.InvariantCulture, $"  - {{ type: statement, actor: {Actors[random.Next(Actors.Length)]}, act: {Acts[random.Next(Acts.Length)]}, issue: {Issues[random.Next(Issues.Length)]}, evidence: sentence {f} of document {d} }}\n");
            }

            texts[d] = text.ToString();
        }

        return texts;
    }

    /// <summary>GDELT 2.0 export rows over 30 days.</summary>
    public static byte[] Gdelt(int events, int seed = 11)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        var cells = new string[61];
        for (var i = 1; i <= events; i++)
        {
            Array.Fill(cells, string.Empty);
            var (source, target, role, code) = (Countries[random.Next(Countries.Length)], Countries[random.Next(Countries.Length)], Roles[random.Next(Roles.Length)], Codes[random.Next(Codes.Length)]);
            var date = new DateOnly(2023, 3, 1).AddDays(random.Next(30)).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            cells[0] = i.ToString(CultureInfo.InvariantCulture);
            (cells[1], cells[5], cells[6], cells[7], cells[12]) = (date, source + role, source, source, role);
            (cells[15], cells[16], cells[17]) = (target, target, target);
            (cells[26], cells[27], cells[28], cells[29]) = (code, code[..3], code[..2], int.Parse(code[..2], CultureInfo.InvariantCulture) switch { <= 5 => "1", <= 9 => "2", <= 14 => "3", _ => "4" });
            (cells[59], cells[60]) = (date + "120000", $"https://news.example.org/{date}/story-{i}.html");
            text.AppendJoin('\t', cells).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
