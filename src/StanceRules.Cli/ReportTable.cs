using System.Globalization;

namespace StanceRules.Cli;

/// <summary>A report as a plain-text table for a terminal.</summary>
internal static class ReportTable
{
    public static void Write(StanceReport report, TextWriter output)
    {
        // Every cell goes through DisplayText.Escape: a fact's id, actor or issue cannot add rows, colour or clear the terminal.
        output.WriteLine($"Article {DisplayText.Escape(report.Article)}: {report.Stances.Count} stances, {report.Unresolved.Count} unresolved");
        output.WriteLine();
        var rows = report.Stances.Select(s => new[]
        {
            s.Country,
            s.Issue,
            s.Stance.ToName(),
            s.Confidence.ToString("0.00", CultureInfo.InvariantCulture),
            string.Join(",", s.Rules),
            string.Join(",", s.Facts),
            s.Overruled.Count == 0 ? "" : string.Join("; ", s.Overruled.Select(o => $"{o.Stance.ToName()} {o.Confidence.ToString("0.00", CultureInfo.InvariantCulture)} ({string.Join(",", o.Facts)})")),
        }).ToList();
        WriteTable(output, ["COUNTRY", "ISSUE", "STANCE", "CONF", "RULES", "FACTS", "OVERRULED"], rows);

        if (report.Unresolved.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Unresolved");
            WriteTable(output, ["FACT", "ACTOR", "REASON"], report.Unresolved.Select(u => new[] { u.Fact, u.Actor, u.Reason }).ToList());
        }
    }

    /// <summary>Aligned columns; every cell escaped (<see cref="DisplayText.Escape(string?)"/>), so input cannot add rows or control the terminal.</summary>
    /// <param name="output">Where the table goes.</param>
    /// <param name="header">The column names.</param>
    /// <param name="rows">
    /// Enumerated twice, for the widths and then for the lines, so a long table (a corpus's changes by
    /// day) is never held as text: a query over answers already held, not a one-shot sequence.
    /// </param>
    internal static void WriteTable(TextWriter output, string[] header, IEnumerable<string[]> rows)
    {
        var widths = header.Select(h => h.Length).ToArray();
        foreach (var row in rows)
        {
            for (var i = 0; i < widths.Length; i++)
            {
                widths[i] = Math.Max(widths[i], DisplayText.Escape(row[i]).Length);
            }
        }

        void Line(string[] cells) => output.WriteLine(string.Join("  ", cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i]))).TrimEnd());
        Line(header);
        foreach (var row in rows)
        {
            Line(Array.ConvertAll(row, DisplayText.Escape));
        }
    }
}
