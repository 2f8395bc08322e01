using System.Globalization;
using System.Text.Json;

namespace StanceRules;

/// <summary>
/// Reads a report back from the JSON contract (one line of <c>stance infer --format jsonl</c>) for
/// <c>stance corpus</c>. Internal and minimal on purpose: a public <c>StanceReport.FromJson</c> is
/// meant to replace <see cref="Read"/>, its only entry point. What the contract does not carry is
/// approximated: each stance gets one signal holding its rules, facts and evidence (evidence
/// paired with facts by position), and <see cref="CountryStance.DecidedBy"/> is <c>reported</c>.
/// </summary>
internal static class ReportJsonReader
{
    /// <summary>The report in <paramref name="json"/>; <see cref="FormatException"/> when it is not one.</summary>
    public static StanceReport Read(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var article = Text(root, "article") ?? throw new FormatException("a report needs \"article\"");
            DateOnly? published = Text(root, "published") is { } date
                ? DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture)
                : null;
            var stances = new List<CountryStance>();
            foreach (var item in Array(root, "stances"))
            {
                var country = Text(item, "country") ?? throw new FormatException("a stance needs \"country\"");
                var issue = Text(item, "issue") ?? throw new FormatException("a stance needs \"issue\"");
                var stance = StanceOf(item);
                var confidence = item.GetProperty("confidence").GetDouble();
                var overruled = Array(item, "overruled").Select(o => Signal(country, issue, StanceOf(o), o.GetProperty("confidence").GetDouble(), o)).ToArray();
                stances.Add(new CountryStance(country, issue, stance, confidence, "reported", [Signal(country, issue, stance, confidence, item)], overruled));
            }

            var unresolved = Array(root, "unresolved")
                .Select(u => new UnresolvedActor(Text(u, "fact") ?? string.Empty, Text(u, "actor") ?? string.Empty, Text(u, "reason") ?? string.Empty))
                .ToArray();
            return new StanceReport(article, published, stances, unresolved);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or ArgumentException)
        {
            throw new FormatException($"not a stance report: {e.Message}", e);
        }
    }

    private static Stance StanceOf(JsonElement item) =>
        StanceNames.TryParse(Text(item, "stance"), out var stance) ? stance : throw new FormatException($"unknown stance '{Text(item, "stance")}'");

    private static StanceSignal Signal(string country, string issue, Stance stance, double confidence, JsonElement item)
    {
        var rules = Strings(item, "rules");
        var evidence = Strings(item, "evidence");
        var facts = Strings(item, "facts").Select((id, i) => (Fact)new ReportedFact { Id = id, Evidence = i < evidence.Length ? evidence[i] : null }).ToList();
        for (var i = facts.Count; i < evidence.Length; i++)
        {
            facts.Add(new ReportedFact { Evidence = evidence[i] });
        }

        return new StanceSignal(country, issue, stance, confidence, rules.LastOrDefault() ?? string.Empty, 0, rules, facts);
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static JsonElement[] Array(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToArray() : [];

    private static string[] Strings(JsonElement element, string name) => Array(element, name).Select(e => e.GetString() ?? string.Empty).ToArray();

    /// <summary>A fact known only by the id and evidence a report cites.</summary>
    private sealed class ReportedFact : Fact
    {
    }
}
