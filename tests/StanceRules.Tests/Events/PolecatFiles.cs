using System.Globalization;
using StanceRules.Testing.Events;

namespace StanceRules.Tests.Events;

/// <summary>POLECAT weekly files built from the documented columns, by name: two releases of different column orders.</summary>
internal static class PolecatFiles
{
    /// <summary>The documented columns, in the documented order (the release with "Intensity"; one list with the benchmarks': tests/Shared/PolecatColumns.cs).</summary>
    public static readonly string[] Release1 = PolecatColumns.Release1;

    /// <summary>
    /// A later release: "Intensity" renamed "Event Intensity", the optional "Headline", "Event Text",
    /// "Feed" and "Story ID" added, and the columns in another order (the story's first, the actors last).
    /// </summary>
    public static readonly string[] Release2 =
    [
        "Story ID", "Headline", "Event Text", "Feed", "Source", "Publication Date", "Language", "Version",
        .. Release1.Where(c => c is not ("Source" or "Publication Date" or "Language" or "Version")).Select(c => c == "Intensity" ? "Event Intensity" : c).Reverse(),
    ];

    /// <summary>One event, the values that matter to a record given by name.</summary>
    public sealed record Event(string Id, string Date, string Type, string ActorName, string ActorCountry, string ActorCow, string ActorSector, string RecipientName, string RecipientCountry, string RecipientCow, string RecipientSector)
    {
        public string Mode { get; init; } = "verbal";

        public string Quad { get; init; } = "VERBAL CONFLICT";

        public string Contexts { get; init; } = "None";

        public string StoryId { get; init; } = "None";

        public string EventText { get; init; } = "None";

        public string Source { get; init; } = "Reuters";
    }

    /// <summary>The header line of <paramref name="columns"/>.</summary>
    public static string Header(string[] columns) => string.Join('\t', columns);

    /// <summary>A row of <paramref name="columns"/>: the event's values by name, the other columns as a real file fills them (or "None").</summary>
    public static string Row(string[] columns, Event e) => string.Join('\t', columns.Select(c => c switch
    {
        "Event ID" => e.Id,
        "Event Date" => e.Date,
        "Event Type" => e.Type,
        "Event Mode" => e.Mode,
        "Intensity" or "Event Intensity" => "-4.0",
        "Quad Code" => e.Quad,
        "Contexts" => e.Contexts,
        "Actor Name" => e.ActorName,
        "Actor Country" => e.ActorCountry,
        "Actor COW" => e.ActorCow,
        "Primary Actor Sector" => e.ActorSector,
        "Actor Sectors" => e.ActorSector == "None" ? "None" : e.ActorSector + "; Elite",
        "Recipient Name" => e.RecipientName,
        "Recipient Country" => e.RecipientCountry,
        "Recipient COW" => e.RecipientCow,
        "Primary Recipient Sector" => e.RecipientSector,
        "Story ID" => e.StoryId,
        "Event Text" => e.EventText,
        "Headline" => "A headline",
        "Source" => e.Source,
        "Publication Date" => e.Date,
        "Language" => "en",
        "Version" => "1.0",
        "Latitude" => "35.6892",
        "Longitude" => "51.389",
        "Story People" => "Ebrahim Raisi; Antony Blinken",
        _ => "None",
    }));

    /// <summary>A file's text: the header, then a row per event (a string is a raw line).</summary>
    public static string File(string[] columns, params object[] rows) =>
        Header(columns) + "\n" + string.Join('\n', rows.Select(r => r as string ?? Row(columns, (Event)r))) + "\n";

    private static readonly (string Name, string Cow)[] Countries =
        [("United States", "2"), ("Russia", "365"), ("China", "710"), ("France", "220"), ("United Kingdom", "200"), ("India", "750"), ("Japan", "740"), ("Iran", "630")];

    private static readonly string[] Types = ["ACCUSE", "REJECT", "SUPPORT", "AGREE", "THREATEN", "CONSULT", "ASSAULT", "REQUEST"];

    private static readonly string[] Sectors = ["Government", "None", "Military", "Rebel", "Government"];

    /// <summary>Random but reproducible events over two years, some with two actor countries.</summary>
    public static Event[] Events(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(1, count).Select(i =>
        {
            var (source, sourceCow) = Countries[random.Next(Countries.Length)];
            var (target, targetCow) = Countries[random.Next(Countries.Length)];
            if (random.Next(6) == 0)
            {
                var (other, otherCow) = Countries[random.Next(Countries.Length)];
                (source, sourceCow) = ($"{source}; {other}", $"{sourceCow}; {otherCow}");
            }

            var date = new DateOnly(2022, 1, 1).AddDays(random.Next(730)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return new Event($"pc-{i}", date, Types[random.Next(Types.Length)], source, source, sourceCow, Sectors[random.Next(Sectors.Length)], target, target, targetCow, "Government")
            {
                StoryId = $"story-{i}",
            };
        }).ToArray();
    }
}
