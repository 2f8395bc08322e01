using System.Globalization;
using StanceRules.Testing.Events;

namespace StanceRules.Benchmarks.Workloads;

/// <summary>
/// Generated POLECAT weekly-file rows (the 40 documented columns, a header row, tab-separated),
/// with a fixed seed: actors of a few countries by name (one row in eight with two actor
/// countries), state and other sectors, PLOVER types across the families, dates over a chosen
/// span, a story's people and places as real rows have them (about 350 bytes a row).
/// </summary>
public static class PolecatInputs
{
    /// <summary>The documented columns, in the documented order (one list with the tests': tests/Shared/PolecatColumns.cs).</summary>
    public static readonly string[] Columns = PolecatColumns.Release1;

    private static readonly (string Type, string Quad)[] Types =
        [("ACCUSE", "VERBAL CONFLICT"), ("REJECT", "VERBAL CONFLICT"), ("SUPPORT", "VERBAL COOPERATION"), ("AGREE", "VERBAL COOPERATION"), ("CONSULT", "VERBAL COOPERATION"), ("THREATEN", "VERBAL CONFLICT"), ("ASSAULT", "MATERIAL CONFLICT"), ("AID", "MATERIAL COOPERATION"), ("REQUEST", "VERBAL COOPERATION"), ("PROTEST", "VERBAL CONFLICT")];

    private static readonly (string Name, string Cow)[] Countries =
        [("United States", "2"), ("Russia", "365"), ("China", "710"), ("France", "220"), ("United Kingdom", "200"), ("India", "750"), ("Japan", "740"), ("Brazil", "140"), ("Ukraine", "369"), ("Germany", "255")];

    private static readonly string[] Sectors = ["Government", "None", "Military", "Rebel", "Opposition", "Business"];

    /// <summary>A file of <paramref name="events"/> rows over <paramref name="days"/> days from 2023-03-01.</summary>
    public static byte[] Bytes(int events, int days = 30, int seed = 11) => EventRows.Bytes(stream => Write(stream, events, days, seed));

    /// <summary>Writes the header and the rows to a stream (not closed).</summary>
    public static void Write(Stream stream, long events, int days = 30, int seed = 11)
    {
        var start = new DateOnly(2023, 3, 1);
        EventRows.Write(stream, Columns, Columns.Length, "None", events, seed, (cells, random, i) =>
        {
            var (source, target) = (Countries[random.Next(Countries.Length)], Countries[random.Next(Countries.Length)]);
            if (random.Next(8) == 0)
            {
                var other = Countries[random.Next(Countries.Length)];
                source = ($"{source.Name}; {other.Name}", $"{source.Cow}; {other.Cow}");
            }

            var (type, quad) = Types[random.Next(Types.Length)];
            var sector = Sectors[random.Next(Sectors.Length)];
            var date = start.AddDays(random.Next(days)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            cells[0] = $"2023{i:D12}";
            (cells[1], cells[2], cells[3], cells[4], cells[5], cells[6]) = (date, type, quad.StartsWith("VERBAL", StringComparison.Ordinal) ? "verbal" : "material", "-3.0", quad, "diplomacy");
            (cells[7], cells[8], cells[9], cells[10], cells[11]) = (source.Name, source.Name, source.Cow, sector, sector == "None" ? "None" : sector + "; Elite");
            (cells[15], cells[16], cells[17], cells[18], cells[19]) = (target.Name, target.Name, target.Cow, "Government", "Government");
            (cells[23], cells[27], cells[28], cells[29], cells[30]) = (target.Name, target.Name, "48.8566", "2.3522", "2988507");
            (cells[33], cells[34], cells[35], cells[36], cells[37], cells[38], cells[39]) = ("Reuters", date, "Emmanuel Macron; Olaf Scholz", "European Union; NATO", "Paris; Berlin", "en", "1.0");
        });
    }
}
