using System.Globalization;
using System.Text.Json;
using StanceRules;

// Scores the text extractor (StanceEngine.Extract), README "Extraction from text":
// (a) each seed article (seeds/NAME.article.txt) extracted and inferred, against its golden report
//     (seeds/NAME.expected.json): recall and precision of (country, issue, stance) rows;
// (b) the PLOVER gold-standard records (tests/StanceRules.Tests/Fixtures/plover-gsr/gsr-dev.json):
//     source country, stance family by event type (plover-families.yaml), no stance from neutral events.
// Usage: dotnet run --project tools/StanceRules.ExtractionScore [-- REPO_ROOT] [--why-not] [--misses]
// --why-not: each PLOVER sentence's notes; --misses: each state-coded PLOVER record whose source country the facts miss
// (as coded), and each mapped record that gave no stance of its family.
var root = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : FindRoot();
var here = Path.Combine(root, "tools", "StanceRules.ExtractionScore");
var seedEngine = StanceEngine.Load(Path.Combine(here, "seed-issues"), new StanceEngineOptions { ExtendDefaultRules = true });

Console.WriteLine("(a) Seed articles: (country, issue, stance) rows of stance infer on the extracted facts vs seeds/NAME.expected.json");
Console.WriteLine($"{"article",-34} {"expected",8} {"found",6} {"right",6} {"recall",7} {"precision",9}");
int allExpected = 0, allFound = 0, allRight = 0;
foreach (var golden in Directory.GetFiles(Path.Combine(root, "seeds"), "*.expected.json").Order(StringComparer.Ordinal))
{
    var id = Path.GetFileName(golden)[..^".expected.json".Length];
    using var json = JsonDocument.Parse(File.ReadAllText(golden));
    var published = json.RootElement.TryGetProperty("published", out var p) && p.ValueKind == JsonValueKind.String ? DateOnly.ParseExact(p.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture) : (DateOnly?)null;
    var expected = json.RootElement.GetProperty("stances").EnumerateArray()
        .Select(s => $"{s.GetProperty("country").GetString()} {s.GetProperty("issue").GetString()} {s.GetProperty("stance").GetString()}").ToHashSet(StringComparer.Ordinal);
    var text = File.ReadAllText(Path.Combine(root, "seeds", id + ".article.txt"));
    var report = seedEngine.Infer(seedEngine.Extract(text, id, published).Facts);
    var found = report.Stances.Select(s => $"{s.Country} {s.Issue} {s.Stance.ToName()}").ToHashSet(StringComparer.Ordinal);
    var right = found.Count(expected.Contains);
    allExpected += expected.Count;
    allFound += found.Count;
    allRight += right;
    Console.WriteLine($"{id,-34} {expected.Count,8} {found.Count,6} {right,6} {Percent(right, expected.Count),7} {Percent(right, found.Count),9}");
    foreach (var wrong in found.Where(f => !expected.Contains(f)).Order(StringComparer.Ordinal))
    {
        Console.WriteLine($"    not expected: {wrong}");
    }
}

Console.WriteLine($"{"total",-34} {allExpected,8} {allFound,6} {allRight,6} {Percent(allRight, allExpected),7} {Percent(allRight, allFound),9}");
Console.WriteLine();

// (b) PLOVER.
var families = ReadFamilies(Path.Combine(here, "plover-families.yaml"));
var engine = StanceEngine.CreateDefault();
using var plover = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "tests", "StanceRules.Tests", "Fixtures", "plover-gsr", "gsr-dev.json")));
int stateCoded = 0, stateWithFacts = 0, sourceRight = 0, codedRight = 0, mapped = 0, mappedWithStance = 0, familyRight = 0, mappedWithAct = 0, actFamilyRight = 0, neutral = 0, neutralQuiet = 0, records = 0, withFacts = 0, stateWithSpeaker = 0;
foreach (var record in plover.RootElement.EnumerateArray())
{
    if (!record.TryGetProperty("text", out var textNode) || record.GetProperty("event").GetString() is not { } eventType)
    {
        continue;
    }

    records++;
    // Every record's "date" is a placeholder (2000-01-01, the fixture's README), not the event's: the sentences are
    // read undated, so officials resolve by their latest term (the historical layer for those before 2015), as
    // `stance resolve` does without --date and as PloverActorTests resolve the records' actor texts.
    DateOnly? date = null;
    // The records' issues are in no catalogue: facts whose target names none get the issue "plover-event".
    var extraction = engine.Extract(textNode.GetString()!, record.GetProperty("id").GetString()!, date, null, "plover-event", CancellationToken.None);
    var facts = extraction.Facts;
    if (args.Contains("--why-not"))
    {
        foreach (var note in extraction.WhyNot)
        {
            Console.WriteLine($"  {eventType}: {note.Reason} | {note.Sentence}");
        }
    }

    withFacts += facts.Facts.Count > 0 ? 1 : 0;
    var report = engine.Infer(facts);

    // Source country: the record's state codes (a CAMEO country code the gazetteer knows) against the facts' actors.
    var codes = record.TryGetProperty("source", out var source) && source.ValueKind == JsonValueKind.Array
        ? source.EnumerateArray().Select(s => s.TryGetProperty("code", out var c) ? c.GetString() ?? string.Empty : string.Empty)
            .Where(c => c.Length == 3 && engine.Resolve(c).Country == c).ToHashSet(StringComparer.Ordinal)
        : [];
    if (codes.Count > 0)
    {
        stateCoded++;
        stateWithFacts += facts.Facts.Count > 0 ? 1 : 0;
        // (a) as coded: the countries the fact's actor names, state or not ("Israeli soldiers": ISR, role MIL).
        var coded = facts.Facts.Any(f => extraction.Coded.TryGetValue(f, out var actor) && actor.Countries.Any(codes.Contains));
        codedRight += coded ? 1 : 0;
        // (a') as a state's voice: a fact whose actor the engine resolves to the source country (what the stance rules see).
        var resolved = facts.Facts.Any(f => engine.Resolve(f.Actor, date).Countries.Any(codes.Contains) && extraction.Coded.TryGetValue(f, out var actor) && actor.Role is null);
        sourceRight += resolved ? 1 : 0;
        stateWithSpeaker += facts.Facts.Any(f => extraction.Coded.TryGetValue(f, out var actor) && actor.Role is null) ? 1 : 0;
        if (!coded && args.Contains("--misses"))
        {
            Console.WriteLine(facts.Facts.Count > 0
                ? $"  source miss {string.Join(",", codes)} <- {string.Join("; ", facts.Facts.Select(f => f.Actor))} | {textNode.GetString()}"
                : $"  no fact {string.Join(",", codes)}: {string.Join("; ", extraction.WhyNot.Select(n => n.Reason))} | {textNode.GetString()}");
        }
    }

    var family = families.GetValueOrDefault(eventType, "unscored");
    if (family == "neutral")
    {
        neutral++;
        neutralQuiet += report.Stances.Count == 0 ? 1 : 0;
    }
    else if (family != "unscored")
    {
        mapped++;
        if (report.Stances.Count > 0)
        {
            mappedWithStance++;
            familyRight += report.Stances.Any(s => s.Stance.ToName() == family) ? 1 : 0;
        }

        if (args.Contains("--misses") && !report.Stances.Any(s => s.Stance.ToName() == family))
        {
            Console.WriteLine($"  family miss {eventType} ({family}) <- {string.Join("; ", facts.Facts.OfType<Statement>().Select(f => $"{f.Actor} {(f.Negated ? "not " : string.Empty)}{f.Act}"))} | {textNode.GetString()}");
        }

        // (b) as coded: the family the lexicon gives a statement's act (after negation), whoever the actor.
        var actFamilies = facts.Facts.OfType<Statement>().Select(s => engine.ActFamily(s.Act, s.Negated)).OfType<Stance>().ToList();
        if (actFamilies.Count > 0)
        {
            mappedWithAct++;
            actFamilyRight += actFamilies.Any(f => f.ToName() == family) ? 1 : 0;
        }
    }
}

Console.WriteLine($"(b) PLOVER gold-standard records: {records} sentences, {withFacts} gave at least one fact");
Console.WriteLine($"  source country, as coded (the countries a fact's actor names, state or agent):");
Console.WriteLine($"                  {codedRight} of {stateCoded} state-coded records ({Percent(codedRight, stateCoded)}); of the {stateWithFacts} that gave a fact: {Percent(codedRight, stateWithFacts)}");
Console.WriteLine($"  source country, speaking for the state (a fact whose actor resolves to it and is no agent):");
Console.WriteLine($"                  {sourceRight} of {stateCoded} state-coded records ({Percent(sourceRight, stateCoded)}); of the {stateWithSpeaker} that gave such a fact: {Percent(sourceRight, stateWithSpeaker)}");
Console.WriteLine($"  family, as coded (the lexicon's family of a fact's act, whoever acts):");
Console.WriteLine($"                  {actFamilyRight} of {mapped} mapped records ({Percent(actFamilyRight, mapped)}); of the {mappedWithAct} that gave a stance act: {Percent(actFamilyRight, mappedWithAct)}");
Console.WriteLine($"  family, as a stance (stance infer on the facts):");
Console.WriteLine($"                  {familyRight} of {mapped} mapped records ({Percent(familyRight, mapped)}); of the {mappedWithStance} that gave a stance: {Percent(familyRight, mappedWithStance)}");
Console.WriteLine($"  neutral events: {neutralQuiet} of {neutral} without a stance ({Percent(neutralQuiet, neutral)})");
return 0;

static string Percent(int part, int whole) => whole == 0 ? "-" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";

static string FindRoot()
{
    for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "RulesEngine.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Run inside the repository, or give its root as the argument.");
}

// "family: [A, B]" lines: event type -> family.
static Dictionary<string, string> ReadFamilies(string path)
{
    var map = new Dictionary<string, string>(StringComparer.Ordinal);
    foreach (var line in File.ReadLines(path))
    {
        var colon = line.IndexOf(':');
        if (line.StartsWith('#') || colon <= 0)
        {
            continue;
        }

        foreach (var type in line[(colon + 1)..].Trim(' ', '[', ']').Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            map[type] = line[..colon].Trim();
        }
    }

    return map;
}
