using System.Globalization;
using StanceRules.Knowledge;
using Xunit.Abstractions;

namespace StanceRules.Tests;

/// <summary>
/// The resolution test set: every line of Fixtures/resolution/*.tsv (actor as news writes it,
/// date, expected country, countries or reason) is one case, resolved by the default engine.
/// </summary>
public class ResolutionCaseTests(ITestOutputHelper output)
{
    // The rules folder itself (the same files the package embeds), so data edits need no rebuild.
    private static readonly StanceEngine Engine = StanceEngine.Load(Repo.Rules);

    private static readonly string[] G20 = ["ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR", "MEX", "RUS", "SAU", "ZAF", "TUR", "GBR", "USA"];

    /// <summary>One case; <paramref name="Section"/> is the last <c># == title ==</c> line above it, empty when none.</summary>
    public sealed record ResolutionCase(string File, int Line, string Actor, DateOnly? Date, string Expected, string Section = "");

    public static IReadOnlyList<ResolutionCase> All { get; } = ReadAll();

    public static TheoryData<string, int, string, string, string> Cases()
    {
        var data = new TheoryData<string, int, string, string, string>();
        foreach (var c in All)
        {
            data.Add(c.File, c.Line, c.Actor, c.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", c.Expected);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Actor_ResolvesAsExpectedOnItsDate(string file, int line, string actor, string date, string expected)
    {
        DateOnly? day = date.Length == 0 ? null : DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        var resolution = Engine.Resolve(actor, day);

        Assert.True(Outcome(resolution) == expected, $"{file}:{line}: '{actor}' on {(date.Length == 0 ? "no date" : date)}: expected {expected}, got {Outcome(resolution)} ({resolution})");
    }

    [Fact]
    public void TestSet_HasTheSizeAndMixTheIssueAsksFor()
    {
        var gazetteer = Engine.RuleSet.Gazetteer;
        var counts = Counts(gazetteer);
        output.WriteLine(Describe(counts));

        Assert.True(counts["total"] >= 600, Describe(counts));
        Assert.True(counts["officials outside the G20"] >= 150, Describe(counts));
        Assert.True(counts["dated"] >= 100, Describe(counts));
        Assert.True(counts["-group"] >= 50, Describe(counts));
        Assert.True(counts["joint"] >= 30, Describe(counts));
        Assert.True(counts["-organization"] >= 30, Describe(counts));
        Assert.True(counts["-non-state"] >= 30, Describe(counts));

        // Issue 22: cases before 2015 over at least 40 states, and the words around a name.
        var history = All.Where(c => c.File == "history.tsv").ToArray();
        Assert.True(history.Length >= 150 && history.All(c => c.Date < new DateOnly(2015, 1, 1)), $"{history.Length} cases in history.tsv");
        Assert.True(history.Select(c => c.Expected).Where(e => !e.StartsWith('-')).Distinct().Count() >= 40, "states of history.tsv");
        Assert.True(All.Count(c => c.File == "words.tsv") >= 200, $"{All.Count(c => c.File == "words.tsv")} cases in words.tsv");

        // The issue's mix of the words around a name, by the section titles of words.tsv.
        int InSection(string title) => All.Count(c => c.File == "words.tsv" && c.Section.StartsWith(title, StringComparison.Ordinal));
        Assert.True(InSection("Plural demonyms") + InSection("A bloc word") >= 50, "plural demonyms and bloc adjectives");
        Assert.True(InSection("Titles of offices beyond the three") >= 50, "titles beyond the three");
        Assert.True(InSection("Elect, designate") >= 40, $"{InSection("Elect, designate")} elect / ousted / acting cases");
        Assert.True(InSection("Title + surname") >= 30, $"{InSection("Title + surname")} title + surname and administration cases");
        Assert.True(InSection("Taiwan and Kosovo") >= 20, "Taiwan and Kosovo");
    }

    /// <summary>The categories of the test set (printed by the size test on failure, and by the report).</summary>
    internal static Dictionary<string, int> Counts(Gazetteer gazetteer)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["total"] = All.Count, ["officials outside the G20"] = 0, ["dated"] = 0, ["joint"] = 0,
            ["-former"] = 0, ["-organization"] = 0, ["-group"] = 0, ["-non-state"] = 0, ["-ambiguous"] = 0, ["-unknown"] = 0,
        };
        foreach (var c in All)
        {
            if (c.Expected.StartsWith('-'))
            {
                counts[c.Expected]++;
            }
            else if (c.Expected.Contains('+'))
            {
                counts["joint"]++;
            }

            var resolution = gazetteer.Resolve(c.Actor, c.Date);
            var person = resolution.Match switch
            {
                OfficeTerm t => t.Person,
                Person p => p,
                _ => null,
            };
            if (person is not null && !G20.Contains(person.Country.Iso3))
            {
                counts["officials outside the G20"]++;
            }

            // Dated: an official whose answer depends on the date (a term that ended or has not
            // begun, a move to an organization, or a term with an end).
            if (c.Date is not null && person is not null && (resolution.Country is null || person.Terms.Count > 1 || person.Then is not null || resolution.Match is OfficeTerm { To: not null }))
            {
                counts["dated"]++;
            }
        }

        return counts;
    }

    private static string Describe(Dictionary<string, int> counts) => string.Join(", ", counts.Select(kv => $"{kv.Key}: {kv.Value}"));

    private static string Outcome(ActorResolution resolution) => resolution.Kind switch
    {
        ResolutionKind.Country => resolution.Country!,
        ResolutionKind.JointStatement => string.Join('+', resolution.Countries),
        ResolutionKind.FormerOfficial => "-former",
        ResolutionKind.Organization => "-organization",
        ResolutionKind.Group => "-group",
        ResolutionKind.NonState => "-non-state",
        ResolutionKind.Ambiguous => "-ambiguous",
        _ => "-unknown",
    };

    private static List<ResolutionCase> ReadAll()
    {
        var cases = new List<ResolutionCase>();
        foreach (var path in Directory.EnumerateFiles(Repo.Fixture("resolution"), "*.tsv").Order(StringComparer.Ordinal))
        {
            var file = Path.GetFileName(path);
            var lines = File.ReadAllLines(path);
            var section = "";
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                if (line.StartsWith("# == ", StringComparison.Ordinal))
                {
                    section = line[5..].TrimEnd('=', ' ');
                }

                if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
                {
                    continue;
                }

                var fields = line.Split('\t');
                if (fields.Length != 3)
                {
                    throw new FormatException($"{file}:{i + 1}: expected 3 tab-separated fields, found {fields.Length}: {line}");
                }

                DateOnly? date = fields[1].Trim() is { Length: > 0 } d and not "-" ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
                cases.Add(new ResolutionCase(file, i + 1, fields[0].Trim(), date, fields[2].Trim(), section));
            }
        }

        return cases;
    }
}
