using System.Globalization;

namespace StanceRules.Benchmarks.Workloads;

/// <summary>
/// Generated GDELT 2.0 event rows (the codebook's 61 tab-separated columns, no header), with a
/// fixed seed: state and non-state actors of a few countries, codes across the CAMEO families
/// (about a third give a stance with the default rules), dates over a chosen span, a source URL each.
/// </summary>
public static class GdeltInputs
{
    private static readonly string[] Codes = ["111", "1121", "051", "036", "120", "1241", "013", "190", "042", "112", "0311", "057", "173", "020"];
    private static readonly (string Code, string Name)[] Countries = [("USA", "UNITED STATES"), ("RUS", "RUSSIA"), ("CHN", "CHINA"), ("FRA", "FRANCE"), ("GBR", "UNITED KINGDOM"), ("IND", "INDIA"), ("JAP", "JAPAN"), ("BRA", "BRAZIL"), ("UKR", "UKRAINE"), ("DEU", "GERMANY")];
    private static readonly string[] Roles = ["GOV", "", "MIL", "REB", "OPP", "BUS"];

    /// <summary>Rows of <paramref name="events"/> events over <paramref name="days"/> days from 2023-03-01.</summary>
    public static byte[] Bytes(int events, int days = 30, int seed = 11) => EventRows.Bytes(stream => Write(stream, events, days, seed));

    /// <summary>Writes the rows to a stream (not closed); a file of a million events is about 200 MB.</summary>
    public static void Write(Stream stream, long events, int days = 30, int seed = 11)
    {
        var start = new DateOnly(2023, 3, 1);
        EventRows.Write(stream, header: null, 61, string.Empty, events, seed, (cells, random, i) =>
        {
            var (source, target) = (Countries[random.Next(Countries.Length)], Countries[random.Next(Countries.Length)]);
            var (role, code) = (Roles[random.Next(Roles.Length)], Codes[random.Next(Codes.Length)]);
            var day = start.AddDays(random.Next(days));
            var date = day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            cells[0] = (1_000_000_000 + i).ToString(CultureInfo.InvariantCulture);
            (cells[1], cells[2], cells[3], cells[4]) = (date, date[..6], date[..4], (day.Year + (day.DayOfYear / 365.0)).ToString("0.0000", CultureInfo.InvariantCulture));
            (cells[5], cells[6], cells[7], cells[12]) = (source.Code + role, role.Length == 0 ? source.Name : $"{source.Name} {role}", source.Code, role);
            (cells[15], cells[16], cells[17]) = (target.Code, target.Name, target.Code);
            (cells[25], cells[26], cells[27], cells[28]) = ("1", code, code[..3], code[..2]);
            cells[29] = int.Parse(code[..2], CultureInfo.InvariantCulture) switch { <= 5 => "1", <= 9 => "2", <= 14 => "3", _ => "4" };
            (cells[30], cells[31], cells[32], cells[33], cells[34]) = ("-2.0", "4", "1", "4", "-3.51");
            (cells[35], cells[36], cells[37], cells[38]) = ("1", source.Name, source.Code[..2], source.Code[..2]);
            (cells[59], cells[60]) = (date + "120000", $"https://news.example.org/{date}/story-{i}.html");
        });
    }
}
