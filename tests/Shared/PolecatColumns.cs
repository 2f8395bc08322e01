namespace StanceRules.Testing.Events;

/// <summary>
/// The 40 columns of a POLECAT weekly file as documented, in the documented order (the release with
/// "Intensity"): one list for the tests' files (<c>PolecatFiles.Release1</c>) and the benchmarks'
/// generated input (<c>PolecatInputs.Columns</c>), linked into both projects.
/// </summary>
internal static class PolecatColumns
{
    public static readonly string[] Release1 =
    [
        "Event ID", "Event Date", "Event Type", "Event Mode", "Intensity", "Quad Code", "Contexts",
        "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title", "Actor Name Raw", "Wikipedia Actor ID",
        "Recipient Name", "Recipient Country", "Recipient COW", "Primary Recipient Sector", "Recipient Sectors", "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID",
        "Placename", "City", "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID", "Raw Placename", "Feature Type",
        "Source", "Publication Date", "Story People", "Story Organizations", "Story Locations", "Language", "Version",
    ];
}
