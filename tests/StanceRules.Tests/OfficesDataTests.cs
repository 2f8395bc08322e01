using StanceRules.Knowledge;
using Xunit.Abstractions;

namespace StanceRules.Tests;

/// <summary>
/// The invariants of the gazetteer and offices data (rules/gazetteer.yaml, rules/offices/*.yaml),
/// checked on the data as the loader reads it (these replace tools/check_gazetteer.py).
/// </summary>
public class OfficesDataTests(ITestOutputHelper output)
{
    private static readonly Gazetteer Gazetteer = LoadRules().RuleSet.Gazetteer;

    private static StanceEngine LoadRules()
    {
        // The loader reports an alias in two entries (SR3001), a duplicate country entry (SR3002),
        // an unknown ISO3 code (SR3003) and a date that does not parse (SR0005) as errors.
        Assert.True(StanceEngine.TryLoad(Repo.Rules, out var engine, out var diagnostics), string.Join("\n", diagnostics));
        return engine;
    }

    [Fact]
    public void RulesFolder_LoadsWithoutDiagnostics_SoNoAliasNamesTwoEntriesAndEveryDateParses()
    {
        Assert.True(StanceEngine.TryLoad(Repo.Rules, out _, out var diagnostics), string.Join("\n", diagnostics));
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void EveryStateHasExactlyOneOfficesEntry()
    {
        var entries = Gazetteer.Coverage.Select(c => c.Country.Iso3).ToArray();

        Assert.Equal(entries.Length, entries.Distinct().Count());
        Assert.Equal(Gazetteer.Countries.Select(c => c.Iso3).Order(StringComparer.Ordinal), entries.Order(StringComparer.Ordinal));
    }

    public static TheoryData<string> OfficeKindNames => new()
    {
        "HeadOfState", "HeadOfGovernment", "ForeignMinister", "ForeignMinistrySpokesperson", "UnRepresentative",
        "DefenceMinister", "InteriorMinister", "NationalSecurityAdviser", "CabinetSecretary", "GovernmentSpokesperson", "PartyForeignAffairsChief",
    };

    [Theory]
    [MemberData(nameof(OfficeKindNames))]
    public void TermsOfOneOfficeOfOneCountry_DoNotOverlap(string office)
    {
        var kind = Enum.Parse<OfficeKinds>(office);
        var overlaps = new List<string>();
        foreach (var byCountry in Gazetteer.People.SelectMany(p => p.Terms).Where(t => (t.Offices & kind) != 0).GroupBy(t => t.Country.Iso3))
        {
            var terms = byCountry.OrderBy(t => t.From).ToArray();
            for (var i = 1; i < terms.Length; i++)
            {
                // A handover day (one's `to` is the next one's `from`) is not an overlap, nor a
                // handover month where the data gives only the month (`to: 2019-03`, `from: 2019-03`).
                if (terms[i - 1].Overlaps(terms[i]))
                {
                    overlaps.Add($"{byCountry.Key} {office}: {terms[i - 1].Person.Name} ({terms[i - 1].At}) to {terms[i - 1].To?.ToString("yyyy-MM-dd") ?? "open"} overlaps {terms[i].Person.Name} from {terms[i].From:yyyy-MM-dd} ({terms[i].At})");
                }
            }
        }

        Assert.True(overlaps.Count == 0, string.Join("\n", overlaps));
    }

    [Theory]
    [InlineData("HeadOfState")]
    [InlineData("HeadOfGovernment")]
    public void EveryStateHasAHolder_OnEveryDateItsEntryCovers(string office)
    {
        var kind = Enum.Parse<OfficeKinds>(office);
        var gaps = new List<string>();
        foreach (var entry in Gazetteer.Coverage.Where(c => c.Covers is not null))
        {
            var end = entry.Checked ?? throw new InvalidOperationException($"{entry.Country.Iso3}: 'covers' without 'checked' ({entry.At})");
            var holderCountry = kind == OfficeKinds.HeadOfState && entry.HeadOfStateOf is { } realmOf ? realmOf : entry.Country.Iso3;
            var terms = Gazetteer.People.SelectMany(p => p.Terms)
                .Where(t => t.Country.Iso3 == holderCountry && (t.Offices & kind) != 0)
                .OrderBy(t => t.From)
                .ToArray();
            // The first day not yet known to have a holder; `to` is the holder's last day, and the
            // successor starts on it or the day after.
            var day = entry.Covers!.Value;
            foreach (var term in terms)
            {
                if (term.From > day)
                {
                    break;
                }

                var next = term.To is { } last ? last.AddDays(1) : end.AddDays(1);
                if (next > day)
                {
                    day = next;
                }
            }

            if (day <= end)
            {
                gaps.Add($"{entry.Country.Iso3} ({entry.At}): no {office} on {day:yyyy-MM-dd} (covers {entry.Covers:yyyy-MM-dd} to {end:yyyy-MM-dd})");
            }
        }

        Assert.True(gaps.Count == 0, string.Join("\n", gaps));
    }

    [Fact]
    public void EveryCoveredStateHasHisCheckedDateOnOrAfterCovers()
    {
        Assert.All(Gazetteer.Coverage.Where(c => c.Covers is not null), c => Assert.True(c.Checked >= c.Covers, $"{c.Country.Iso3}: checked before covers"));
    }

    /// <summary>
    /// `checked` is the day up to which the writer confirmed every open term of the entry: no
    /// entry may claim a day that has not come. (A term may begin after it: a change of one office
    /// can be known without the others being confirmed to that day; the term is then unconfirmed.)
    /// </summary>
    [Fact]
    public void NoCheckedDateLiesInTheFuture()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        Assert.All(Gazetteer.Coverage.Where(c => c.Checked is not null), c => Assert.True(c.Checked <= today, $"{c.Country.Iso3}: checked {c.Checked:yyyy-MM-dd} is after today ({c.At})"));
    }

    /// <summary>
    /// How fresh the offices are, the count README gives: the entries whose `checked` date is on or
    /// after 2025-07-01 and in 2026 (brought forward from dated news reports), and by month (run with a
    /// detailed console logger to see it). A data edit that moves dates back fails here.
    /// </summary>
    [Fact]
    public void OfficesEntries_CheckedOnOrAfterJuly2025_Are191OfThe197_135In2026()
    {
        var since = new DateOnly(2025, 7, 1);
        var entries = Gazetteer.Coverage.Where(c => c.Checked is not null).ToArray();
        var recent = entries.Count(c => c.Checked >= since);
        var in2026 = entries.Count(c => c.Checked!.Value.Year >= 2026);
        output.WriteLine($"offices entries checked on or after {since:yyyy-MM-dd}: {recent} of {entries.Length}; in 2026: {in2026}; latest {entries.Max(c => c.Checked):yyyy-MM-dd}");
        foreach (var month in entries.GroupBy(c => $"{c.Checked:yyyy-MM}").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {month.Key}: {month.Count()} ({string.Join(' ', month.Select(c => c.Country.Iso3).Order(StringComparer.Ordinal))})");
        }

        Assert.Equal(197, entries.Length);
        Assert.True(recent >= 191, $"{recent} of {entries.Length} entries checked on or after {since:yyyy-MM-dd}");
        Assert.True(in2026 >= 135, $"{in2026} entries checked in 2026");
    }

    [Fact]
    public void ForeignMinisters_AreListedFor194OfThe195States_From2015()
    {
        // The count README gives; prints the states still without one (run with a detailed
        // console logger to see it). A state counts when one foreign-minister term of it runs
        // on or after 2015-01-01; Taiwan and Kosovo (not UN members) are not among the 195.
        var since = new DateOnly(2015, 1, 1);
        var states = Gazetteer.Countries.Where(c => c.UnMember).ToArray();
        var with = Gazetteer.People.SelectMany(p => p.Terms)
            .Where(t => (t.Offices & OfficeKinds.ForeignMinister) != 0 && (t.To is null || t.To >= since))
            .Select(t => t.Country.Iso3)
            .ToHashSet(StringComparer.Ordinal);
        var without = states.Where(c => !with.Contains(c.Iso3)).Select(c => c.Iso3).Order(StringComparer.Ordinal).ToArray();
        output.WriteLine($"foreign ministers from 2015: {states.Length - without.Length} of {states.Length} states; without one: {string.Join(' ', without)}");

        Assert.Equal(195, states.Length);
        Assert.True(states.Length - without.Length >= 194, $"{states.Length - without.Length} of {states.Length}; without: {string.Join(' ', without)}");
    }

    /// <summary>
    /// Heads complete: every day from 2015-01-01 (or the country's later first day) to the entry's
    /// <c>checked</c> date on which a state has no head of state or no head of government in the
    /// data is a gap, printed, and each gap must be listed with its reason in
    /// Fixtures/heads-gaps.txt (`ISO3 office first..last: reason`). A new gap (a term removed or
    /// cut) fails, and so does a listed gap the data now fills (the list stays exact). Run with
    /// STANCE_UPDATE_HEADS_GAPS=1 to rewrite the list: listed reasons are kept, a new gap gets
    /// the reason "UNEXPLAINED", which fails until a reason is written.
    /// </summary>
    [Fact]
    public void HeadsOfStateAndGovernment_From2015_HaveOnlyTheListedGaps_EachWithAReason()
    {
        CheckListedGaps(
            "heads of state and government",
            [(OfficeKinds.HeadOfState, "head-of-state"), (OfficeKinds.HeadOfGovernment, "head-of-government")],
            "heads-gaps.txt",
            "STANCE_UPDATE_HEADS_GAPS");
    }

    /// <summary>
    /// Foreign ministers complete, as the heads are: every day from 2015-01-01 to the entry's
    /// <c>checked</c> date on which a state has no foreign minister in the data is a gap, listed
    /// with its reason in Fixtures/foreign-minister-gaps.txt (a state with none at all is one gap
    /// over the whole span). So a partial list (only the terms the writer is sure of) shows as
    /// partial, not as covered. Run with STANCE_UPDATE_FOREIGN_MINISTER_GAPS=1 to rewrite the list
    /// (listed reasons kept, a new gap "UNEXPLAINED", which fails until a reason is written).
    /// </summary>
    [Fact]
    public void ForeignMinisters_From2015_HaveOnlyTheListedGaps_EachWithAReason()
    {
        CheckListedGaps(
            "foreign ministers",
            [(OfficeKinds.ForeignMinister, "foreign-minister")],
            "foreign-minister-gaps.txt",
            "STANCE_UPDATE_FOREIGN_MINISTER_GAPS");
    }

    /// <summary>
    /// The days from 2015-01-01 to each entry's <c>checked</c> date on which the data has no holder
    /// of one of <paramref name="offices"/>, checked against the fixture's list (see the two tests
    /// above); prints how many UN member states have none.
    /// </summary>
    private void CheckListedGaps(string what, (OfficeKinds Kind, string Name)[] offices, string fixture, string updateVariable)
    {
        var since = new DateOnly(2015, 1, 1);
        var gaps = new List<string>();
        var complete = 0;
        foreach (var entry in Gazetteer.Coverage.OrderBy(c => c.Country.Iso3, StringComparer.Ordinal))
        {
            var end = entry.Checked ?? throw new InvalidOperationException($"{entry.Country.Iso3}: no 'checked' ({entry.At})");
            var before = gaps.Count;
            foreach (var (kind, name) in offices)
            {
                var holderCountry = kind == OfficeKinds.HeadOfState && entry.HeadOfStateOf is { } realmOf ? realmOf : entry.Country.Iso3;
                var terms = Gazetteer.People.SelectMany(p => p.Terms)
                    .Where(t => t.Country.Iso3 == holderCountry && (t.Offices & kind) != 0)
                    .OrderBy(t => t.From)
                    .ToArray();
                // The first day not yet known to have a holder; a term's `to` is its last day.
                var day = since;
                foreach (var term in terms)
                {
                    if (term.From > day)
                    {
                        var last = term.From.AddDays(-1) < end ? term.From.AddDays(-1) : end;
                        if (day <= end)
                        {
                            gaps.Add($"{entry.Country.Iso3} {name} {day:yyyy-MM-dd}..{last:yyyy-MM-dd}");
                        }
                    }

                    var next = term.To is { } to ? to.AddDays(1) : end.AddDays(1);
                    if (next > day)
                    {
                        day = next;
                    }
                }

                if (day <= end)
                {
                    gaps.Add($"{entry.Country.Iso3} {name} {day:yyyy-MM-dd}..{end:yyyy-MM-dd}");
                }
            }

            if (gaps.Count == before && entry.Country.UnMember)
            {
                complete++;
            }
        }

        var path = Repo.Fixture(fixture);
        var listed = File.ReadAllLines(path)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(": ", 2))
            .ToDictionary(f => f[0], f => f.Length == 2 ? f[1].Trim() : "", StringComparer.Ordinal);
        output.WriteLine($"{what} from 2015: complete for {complete} of {Gazetteer.Countries.Count(c => c.UnMember)} UN member states; {gaps.Count} gaps:");
        foreach (var gap in gaps)
        {
            output.WriteLine($"  {gap}: {listed.GetValueOrDefault(gap, "NOT LISTED")}");
        }

        if (Environment.GetEnvironmentVariable(updateVariable) == "1")
        {
            var header = File.ReadAllLines(path).TakeWhile(l => l.StartsWith('#'));
            File.WriteAllLines(path, header.Concat(gaps.Select(g => $"{g}: {listed.GetValueOrDefault(g, "UNEXPLAINED")}")));
        }

        var unlisted = gaps.Where(g => !listed.ContainsKey(g)).ToArray();
        var filled = listed.Keys.Where(g => !gaps.Contains(g)).ToArray();
        var unexplained = listed.Where(kv => gaps.Contains(kv.Key) && (kv.Value.Length == 0 || kv.Value == "UNEXPLAINED")).Select(kv => kv.Key).ToArray();
        Assert.True(unlisted.Length == 0, $"gaps not in {fixture}:\n" + string.Join("\n", unlisted));
        Assert.True(filled.Length == 0, $"listed in {fixture} but no longer gaps (remove them):\n" + string.Join("\n", filled));
        Assert.True(unexplained.Length == 0, "gaps without a reason:\n" + string.Join("\n", unexplained));
    }

    [Fact]
    public void OfficesData_ClaimsCompleteCoverageForMostStates()
    {
        // Not a hard guarantee of the data, a guard against a region file silently emptied.
        Assert.True(Gazetteer.Coverage.Count(c => c.Covers is not null) >= 150, $"{Gazetteer.Coverage.Count(c => c.Covers is not null)} states covered");
        Assert.True(Gazetteer.People.Count >= 800, $"{Gazetteer.People.Count} people");
    }
}
