namespace StanceRules.Tests;

/// <summary>
/// An office holder's <c>from</c> or <c>to</c> given as a month (YYYY-MM) when the day is not
/// known: the term is certain from the next month's first day and to the previous month's last
/// day; in the month itself the holder speaks, flagged unconfirmed; two terms that share the
/// handover month do not overlap.
/// </summary>
public class MonthPrecisionTests
{
    private const string Countries = """
        countries:
          - { iso3: AAA, iso2: AA, names: [Alpha] }
        rules:
          - id: r
            when: [ statement: {} ]
            then: { stance: supports }
        """;

    // Ann Smith hands over to Bob Jones some day in March 2019; Carl Wu follows on 2021-07-10.
    private const string Offices = """
        offices:
          - country: AAA
            checked: 2025-01-01
            holders:
              - { office: foreign-minister, name: Ann Smith, from: 2015-06-12, to: 2019-03 }
              - { office: foreign-minister, name: Bob Jones, from: 2019-03, to: 2021-07-10 }
              - { office: foreign-minister, name: Carl Wu, from: 2021-07-10 }
        """;

    private static readonly StanceEngine Engine = StanceEngine.FromYaml([new("gazetteer.yaml", Countries), new("offices.yaml", Offices)]);

    [Theory]
    [InlineData("Ann Smith", "2019-02-27")]
    [InlineData("Bob Jones", "2019-04-01")]
    [InlineData("Bob Jones", "2020-12-31")]
    public void OutsideTheUncertainMonth_TheTermIsCertain(string actor, string date)
    {
        var resolution = Engine.Resolve(actor, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal("AAA", resolution.Country);
        Assert.Null(resolution.Unconfirmed);
    }

    [Theory]
    [InlineData("Ann Smith", "unconfirmed: the term ended in 2019-03, day not known")]
    [InlineData("Bob Jones", "unconfirmed: the term began in 2019-03, day not known")]
    public void InTheHandoverMonth_BothSpeak_FlaggedUnconfirmed(string actor, string unconfirmed)
    {
        var resolution = Engine.Resolve(actor, new DateOnly(2019, 3, 15));

        Assert.Equal("AAA", resolution.Country);
        Assert.Equal(unconfirmed, resolution.Unconfirmed);
        Assert.Contains(unconfirmed, resolution.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AfterTheMonthAndTheGraceDays_TheHolderIsFormer_WithTheMonthInTheReason()
    {
        var resolution = Engine.Resolve("Ann Smith", new DateOnly(2019, 4, 10));

        Assert.Equal(ResolutionKind.FormerOfficial, resolution.Kind);
        Assert.Equal("former foreign minister of AAA, term ended 2019-03", resolution.Reason);
    }

    [Fact]
    public void BeforeTheMonth_TheSuccessorIsNotYetInOffice_WithTheMonthInTheReason()
    {
        var resolution = Engine.Resolve("Bob Jones", new DateOnly(2019, 2, 20));

        Assert.Equal(ResolutionKind.FormerOfficial, resolution.Kind);
        Assert.Equal("not yet in office: foreign minister of AAA from 2019-03", resolution.Reason);
    }

    [Fact]
    public void MatchedTerm_ShowsTheMonth()
    {
        Assert.Equal("Bob Jones, foreign minister of AAA, 2019-03 to 2021-07-10", Engine.Resolve("Bob Jones", new DateOnly(2020, 1, 1)).Matched);
    }

    [Theory]
    [InlineData("to: 2019-04", "from: 2019-03")] // the predecessor's month after the successor's
    [InlineData("to: 2019-04-02", "from: 2019-03")]
    [InlineData("to: 2019-04", "from: 2019-03-20")]
    public void TermsThatOverlapBeyondASharedMonth_AreSR3006(string end, string start)
    {
        var yaml = $"offices:\n  - country: AAA\n    holders:\n      - {{ office: foreign-minister, name: Ann Smith, from: 2015-06-12, {end} }}\n      - {{ office: foreign-minister, name: Bob Jones, {start} }}\n";

        var error = Assert.Throws<StanceRulesException>(() => StanceEngine.FromYaml([new("gazetteer.yaml", Countries), new("offices.yaml", yaml)]));

        Assert.Equal(DiagnosticCodes.OverlappingTerms, Assert.Single(error.Diagnostics).Code);
    }

    [Theory]
    [InlineData("to: 2019-03", "from: 2019-03-20")]
    [InlineData("to: 2019-03-05", "from: 2019-03")]
    public void ADayInsideTheOtherTermsMonth_IsNotAnOverlap(string end, string start)
    {
        var yaml = $"offices:\n  - country: AAA\n    holders:\n      - {{ office: foreign-minister, name: Ann Smith, from: 2015-06-12, {end} }}\n      - {{ office: foreign-minister, name: Bob Jones, {start} }}\n";

        var engine = StanceEngine.FromYaml([new("gazetteer.yaml", Countries), new("offices.yaml", yaml)]);

        Assert.Equal("AAA", engine.Resolve("Bob Jones", new DateOnly(2019, 6, 1)).Country);
    }

    [Theory]
    [InlineData("from: 2019-13", "'2019-13'")]
    [InlineData("from: 2019-3", "'2019-3'")]
    [InlineData("from: 2019", "'2019'")]
    [InlineData("from: 2019-05, to: 2019-04", "'2019-04'")]
    public void MalformedOrReversedMonth_IsRefusedWithItsPlace(string dates, string shown)
    {
        var yaml = $"offices:\n  - country: AAA\n    holders:\n      - {{ office: foreign-minister, name: Ann Smith, {dates} }}\n";

        var error = Assert.Throws<StanceRulesException>(() => StanceEngine.FromYaml([new("gazetteer.yaml", Countries), new("offices.yaml", yaml)]));

        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal((DiagnosticCodes.InvalidValue, "offices.yaml", 4), (diagnostic.Code, diagnostic.Location.File, diagnostic.Location.Line));
        Assert.Contains(shown, diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("covers: 2019-03")]
    [InlineData("checked: 2019-03")]
    public void CoversAndChecked_StayDays(string key)
    {
        var yaml = $"offices:\n  - country: AAA\n    {key}\n    holders: []\n";

        var error = Assert.Throws<StanceRulesException>(() => StanceEngine.FromYaml([new("gazetteer.yaml", Countries), new("offices.yaml", yaml)]));

        Assert.Equal(DiagnosticCodes.InvalidValue, Assert.Single(error.Diagnostics).Code);
    }
}
