namespace StanceRules.Tests.Events;

/// <summary>GDELT event export rows built from the codebooks' documented columns, by name.</summary>
internal static class GdeltFiles
{
    private static readonly string[] Actor = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code"];

    private static readonly string[] EventColumns = ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"];

    private static string[] Geo(string prefix, bool adm2) =>
        [.. new[] { "Type", "FullName", "CountryCode", "ADM1Code" }.Concat(adm2 ? ["ADM2Code"] : []).Concat(["Lat", "Long", "FeatureID"]).Select(c => prefix + "Geo_" + c)];

    /// <summary>The GDELT 1.0 event codebook's 58 columns (the daily files since April 2013; the back file has 57, without SOURCEURL).</summary>
    public static readonly string[] V1 =
    [
        "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
        .. Actor.Select(c => "Actor1" + c), .. Actor.Select(c => "Actor2" + c), .. EventColumns,
        .. Geo("Actor1", false), .. Geo("Actor2", false), .. Geo("Action", false), "DATEADDED", "SOURCEURL",
    ];

    /// <summary>The GDELT 2.0 event codebook's 61 columns: ADM2Code in each geography, DATEADDED as YYYYMMDDHHMMSS.</summary>
    public static readonly string[] V2 =
    [
        "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
        .. Actor.Select(c => "Actor1" + c), .. Actor.Select(c => "Actor2" + c), .. EventColumns,
        .. Geo("Actor1", true), .. Geo("Actor2", true), .. Geo("Action", true), "DATEADDED", "SOURCEURL",
    ];

    /// <summary>A row of <paramref name="columns"/>: the values given by name, the others as a real export fills them (or empty).</summary>
    public static string Row(string[] columns, params (string Column, string Value)[] values)
    {
        var cells = columns.Select(c => c switch
        {
            "MonthYear" => "202303",
            "Year" => "2023",
            "FractionDate" => "2023.1644",
            "IsRootEvent" => "1",
            "GoldsteinScale" => "-2.0",
            "NumMentions" or "NumSources" or "NumArticles" => "1",
            "AvgTone" => "-3.5",
            "DATEADDED" => columns.Length == 61 ? "20230301120000" : "20230301",
            _ => string.Empty,
        }).ToArray();
        foreach (var (column, value) in values)
        {
            cells[Array.IndexOf(columns, column)] = value;
        }

        return string.Join('\t', cells);
    }

    /// <summary>An event of <paramref name="source"/> (a country code and role) toward <paramref name="target"/>.</summary>
    public static string Event(string[] columns, long id, string date, string source, string role, string code, string? target, string url) =>
        Row(columns,
            ("GLOBALEVENTID", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("SQLDATE", date),
            ("Actor1Code", source + role), ("Actor1Name", source), ("Actor1CountryCode", source), ("Actor1Type1Code", role),
            ("Actor2Code", target ?? string.Empty), ("Actor2Name", target ?? string.Empty), ("Actor2CountryCode", target ?? string.Empty),
            ("EventCode", code), ("EventBaseCode", code[..Math.Min(3, code.Length)]), ("EventRootCode", code[..2]), ("QuadClass", QuadOf(code)),
            ("SOURCEURL", url));

    private static string QuadOf(string code) => int.Parse(code[..2], System.Globalization.CultureInfo.InvariantCulture) switch
    {
        <= 5 => "1",
        <= 9 => "2",
        <= 14 => "3",
        _ => "4",
    };
}
