using StanceRules.Knowledge;

namespace StanceRules.Tests;

public class GazetteerTests
{
    private static readonly Gazetteer Gazetteer = StanceEngine.CreateDefault().RuleSet.Gazetteer;

    public static TheoryData<string> VoteFiles => new() { "es11-1.csv", "es11-4.csv", "es11-6.csv" };

    [Theory]
    [MemberData(nameof(VoteFiles))]
    public void EveryUnSpellingInTheVoteRecords_ResolvesToTheRecordsIso3(string file)
    {
        var wrong = UngaVotes.Read(file)
            .Select(row => (row.Country, row.Iso3, Resolved: Gazetteer.Resolve(row.Country).Country?.Iso3))
            .Where(r => r.Resolved != r.Iso3)
            .ToArray();

        Assert.Empty(wrong);
    }

    [Fact]
    public void Gazetteer_HoldsAll193MembersAndTwoObservers()
    {
        Assert.Equal(197, Gazetteer.CountryCount); // the 193 UN members, the 2 observer states, Taiwan and Kosovo (un_member: false)
        Assert.NotNull(Gazetteer.ByIso3("VAT"));
        Assert.NotNull(Gazetteer.ByIso3("PSE"));
    }

    [Theory]
    [InlineData("Kremlin", "RUS")]
    [InlineData("the White House", "USA")]
    [InlineData("Downing Street", "GBR")]
    [InlineData("Élysée", "FRA")]
    [InlineData("Elysee", "FRA")]
    [InlineData("Zhongnanhai", "CHN")]
    [InlineData("Chinese Foreign Ministry", "CHN")]
    [InlineData("China’s Foreign Ministry", "CHN")]
    [InlineData("Russian President Vladimir Putin", "RUS")]
    [InlineData("Kyiv officials", "UKR")]
    [InlineData("Vucic", "SRB")]
    [InlineData("Aleksandar Vučić", "SRB")]
    [InlineData("TÜRKİYE", "TUR")]
    [InlineData("Turkey", "TUR")]
    [InlineData("Erdogan", "TUR")]
    [InlineData("CHN", "CHN")]
    [InlineData("cn", "CHN")]
    [InlineData("Papua New Guinea", "PNG")]
    [InlineData("Guinea", "GIN")]
    [InlineData("Democratic Republic of the Congo", "COD")]
    [InlineData("Congo", "COG")]
    [InlineData("Washington", "USA")]
    [InlineData("Beijing", "CHN")]
    [InlineData("Wang Wenbin", "CHN")]
    [InlineData("Dmitry Peskov", "RUS")]
    [InlineData("Oleksiy Danilov", "UKR")]
    [InlineData("Dmitry Medvedev", "RUS")]
    [InlineData("Zelenskyy", "UKR")]
    [InlineData("Zelensky", "UKR")]
    [InlineData("New Delhi", "IND")]
    [InlineData("South African Foreign Minister", "ZAF")]
    [InlineData("Pretoria", "ZAF")]
    public void Actor_ResolvesToItsCountry(string actor, string iso3)
    {
        var resolution = Gazetteer.Resolve(actor);

        Assert.True(resolution.Country?.Iso3 == iso3, $"'{actor}' resolved to {resolution.Country?.Iso3 ?? resolution.Reason}");
    }

    [Theory]
    [InlineData("141 countries", Gazetteer.GroupReason)]
    [InlineData("Many African countries", Gazetteer.GroupReason)]
    [InlineData("several G-20 members", Gazetteer.GroupReason)]
    [InlineData("the Arab group", Gazetteer.GroupReason)]
    [InlineData("EU", "international organization")]
    [InlineData("the European Union", "international organization")]
    [InlineData("ICC", "international court")]
    [InlineData("International Criminal Court", "international court")]
    [InlineData("Atlantis", Gazetteer.UnknownReason)]
    [InlineData("", Gazetteer.UnknownReason)]
    public void NonCountryActor_IsUnresolvedWithAReason(string actor, string reason)
    {
        var resolution = Gazetteer.Resolve(actor);

        Assert.Null(resolution.Country);
        Assert.Equal(reason, resolution.Reason);
    }

    [Fact]
    public void ActorListingTwoCountriesOfficials_IsAJointStatementOfBoth()
    {
        var resolution = Gazetteer.Resolve("Chinese President Xi Jinping and Russian President Vladimir Putin", new DateOnly(2023, 3, 21));

        Assert.Equal(ResolutionKind.JointStatement, resolution.Kind);
        Assert.Equal(["CHN", "RUS"], resolution.Countries!.Select(c => c.Iso3));
    }

    [Fact]
    public void ActorNamingTwoCountriesWithoutListingThem_IsUnresolvedAsAmbiguous()
    {
        var resolution = Gazetteer.Resolve("Russia's ambassador to China");

        Assert.Equal(ResolutionKind.Ambiguous, resolution.Kind);
        Assert.Contains("CHN, RUS", resolution.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Donald Trump", "2019-06-01", "USA")]
    [InlineData("Donald Trump", "2022-06-01", "former head of state and head of government of USA, term ended 2021-01-20")]
    [InlineData("Donald Trump", "2025-03-01", "USA")]
    [InlineData("Joe Biden", "2021-01-18", "USA")]
    [InlineData("Joe Biden", "2021-01-16", "not yet in office: head of state and head of government of USA from 2021-01-20")]
    [InlineData("Joe Biden", "2025-01-23", "USA")]
    [InlineData("Joe Biden", "2025-01-24", "former head of state and head of government of USA, term ended 2025-01-20")]
    [InlineData("Mark Rutte", "2024-12-01", "official of NATO from 2024-10-01 (formerly head of government of NLD)")]
    public void Official_ResolvesOnlyDuringATermWithThreeDaysGrace(string actor, string date, string expected)
    {
        var resolution = Gazetteer.Resolve(actor, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, resolution.Country?.Iso3 ?? resolution.Reason);
    }

    [Theory]
    [InlineData("Angela Merkel", "DEU")]
    [InlineData("Joe Biden", "USA")]
    [InlineData("Mark Rutte", null)]
    public void UndatedDocument_ResolvesOfficialsByTheirLatestOffice(string actor, string? expected)
    {
        Assert.Equal(expected, Gazetteer.Resolve(actor).Country?.Iso3);
    }

    [Fact]
    public void FormerBeforeAnOfficial_IsAFormerOfficialEvenDuringATerm()
    {
        Assert.Equal(ResolutionKind.FormerOfficial, Gazetteer.Resolve("former President Joe Biden", new DateOnly(2022, 1, 1)).Kind);
        Assert.Equal("FRA", Gazetteer.Resolve("former colonial power France", new DateOnly(2022, 1, 1)).Country?.Iso3);
    }

    [Fact]
    public void TextKey_IgnoresCaseDiacriticsAndPunctuation()
    {
        Assert.Equal("cote d ivoire", TextKey.Of("CÔTE D'IVOIRE"));
        Assert.Equal("turkiye", TextKey.Of("Türkiye"));
        Assert.Equal("turkiye", TextKey.Of("TÜRKİYE"));
        Assert.Equal("white house", TextKey.Of("The White House"));
        Assert.Equal("lukasz", TextKey.Of("Łukasz"));
    }
}

/// <summary>The recorded UN General Assembly votes kept as fixtures (see Fixtures/unga/README.md for provenance).</summary>
internal static class UngaVotes
{
    public sealed record Row(string Country, string Iso3, string Vote);

    public static IReadOnlyList<Row> Read(string file) =>
        File.ReadAllLines(Repo.Fixture("unga", file))
            .Skip(1)
            .Where(l => l.Length > 0)
            .Select(ParseLine)
            .ToArray();

    private static Row ParseLine(string line)
    {
        // The names may be quoted and contain commas ("BOLIVIA, PLURINATIONAL STATE OF").
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return new Row(fields[0], fields[1], fields[2]);
    }

    /// <summary>The vote record as a fact document: one vote per member, actor = the UN's spelling.</summary>
    public static string ToFactDocument(string file, string motion)
    {
        var builder = new System.Text.StringBuilder();
        builder.AppendLine($"article:\n  id: unga-{Path.GetFileNameWithoutExtension(file)}\nfacts:");
        foreach (var row in Read(file))
        {
            builder.AppendLine($"  - {{ type: vote, actor: \"{row.Country.Replace("\"", "\\\"", StringComparison.Ordinal)}\", body: UNGA, motion: \"{motion}\", choice: {row.Vote}, issue: russia-ukraine-war, yes_means: condemns }}");
        }

        return builder.ToString();
    }
}
