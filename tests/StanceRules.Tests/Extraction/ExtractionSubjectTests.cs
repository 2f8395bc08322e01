using static StanceRules.Tests.Extraction.ExtractionSentences;

namespace StanceRules.Tests.Extraction;

/// <summary>
/// The subject noun phrase of an act, as the dictionary coders read it (issue 20): an undated head's title and a
/// surname several people of one country held, a country's institution or forces it owns ("Israel's high court"),
/// a person's name with its particles ("Hamad bin Khalifa al-Thani"); on sentences written for the tests.
/// </summary>
public sealed class ExtractionSubjectTests
{
    [Fact]
    public void HeadTitleAndSurname_Undated_SeveralHoldersOfOneCountry_IsThatCountry()
    {
        // George Bush and George W. Bush: two people, one country; undated, neither is "the" holder, the country is.
        var extraction = Engine.Extract("President Bush condemned the war in Ukraine.", "test");

        var fact = Single(extraction);
        Assert.Equal(("President Bush", "condemn"), (fact.Actor, fact.Act));
        Assert.Equal(["USA"], extraction.Coded[fact].Countries);
        Assert.Null(extraction.Coded[fact].Role);
        Assert.Equal("USA", Engine.Resolve("President Bush").Country);
    }

    [Fact]
    public void HeadTitleAndSurname_SeveralHoldersOfTwoCountries_IsNoActor()
    {
        // Kims led both Koreas: the surname names no one country.
        var extraction = Engine.Extract("President Kim condemned the war in Ukraine.", "test");

        Assert.Empty(extraction.Facts.Facts);
        Assert.Equal(ResolutionKind.Unknown, Engine.Resolve("President Kim").Kind);
    }

    [Fact]
    public void HeadTitleAndSurname_Dated_NoHolderInOffice_IsStillNoCountry()
    {
        // On a date the surname's holders are former officials: the rule for one country is for undated text only.
        Assert.Null(Engine.Resolve("President Bush", new DateOnly(2023, 3, 21)).Country);
    }

    [Theory]
    [InlineData("Israel's high court discussed the war in Ukraine.", "Israel's high court", "ISR", "JUD")]
    [InlineData("Syria's army discussed the war in Ukraine.", "Syria's army", "SYR", "MIL")]
    public void CountrysPossessive_AndAnAgent_IsAnAgentOfTheCountry(string sentence, string actor, string iso3, string role)
    {
        var extraction = Engine.Extract(sentence, "test");

        var fact = Single(extraction);
        Assert.Equal(actor, fact.Actor);
        Assert.Equal([iso3], extraction.Coded[fact].Countries);
        Assert.Equal(role, extraction.Coded[fact].Role);
    }

    [Fact]
    public void CountrysPossessive_AndAnAgent_WithAStanceAct_GivesNoStance()
    {
        var extraction = Engine.Extract("Israel's army condemned the war in Ukraine.", "test");

        Assert.Empty(extraction.Facts.Facts);
        Assert.Contains("'Israel's army' is an agent (MIL) of ISR", Assert.Single(extraction.WhyNot).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void CountrysPossessive_AndAWordNoAgent_IsNoSubject()
    {
        var extraction = Engine.Extract("Israel's decision discussed the war in Ukraine.", "test");

        Assert.Empty(extraction.Facts.Facts);
    }

    [Fact]
    public void TitleAndNameWithParticles_IsOneActor_ItsSubject()
    {
        var extraction = Engine.Extract("Qatar's emir, Sheikh Hamad bin Khalifa al-Thani condemned the war in Ukraine.", "test");

        var fact = Single(extraction);
        Assert.Equal("Sheikh Hamad bin Khalifa al-Thani", fact.Actor);
        Assert.Equal(["QAT"], extraction.Coded[fact].Countries);
    }

    [Fact]
    public void AParticle_NotBeforeACapitalizedWord_EndsTheName()
    {
        // "de" followed by a lowercase word is no part of a name: "Prosper Avril de" is not the actor.
        var extraction = Engine.Extract("Prosper Avril de facto condemned the war in Ukraine.", "test");

        Assert.Empty(extraction.Facts.Facts);
    }

    [Theory]
    [InlineData("Hezbollah guerrillas condemned the war in Ukraine.", "Hezbollah guerrillas", "LBN", "REB")]
    [InlineData("Hamas condemned the war in Ukraine.", "Hamas", "PSE", "REB")]
    [InlineData("The rebel Kurdistan Workers' Party condemned the war in Ukraine.", "Kurdistan Workers' Party", "TUR", "REB")]
    [InlineData("The radical Palestinian Islamic Jihad movement condemned the war in Ukraine.", "Palestinian Islamic Jihad movement", "PSE", "REB")]
    [InlineData("Likud condemned the war in Ukraine.", "Likud", "ISR", "PTY")]
    [InlineData("A group of Yoruba leaders condemned the war in Ukraine.", "Yoruba leaders", "NGA", "CVL")]
    [InlineData("Chechen rebels condemned the war in Ukraine.", "Chechen rebels", "RUS", "REB")]
    public void NonStateGroup_WithAHome_IsAFactCodedWithItsCountryAndRole_AndNoStance(string sentence, string actor, string iso3, string role)
    {
        var extraction = Engine.Extract(sentence, "test");

        var fact = Single(extraction);
        Assert.Equal((actor, "condemn"), (fact.Actor, fact.Act));
        Assert.Equal([iso3], extraction.Coded[fact].Countries);
        Assert.Equal(role, extraction.Coded[fact].Role);
        Assert.Equal(ResolutionKind.NonState, Engine.Resolve(actor).Kind);
        Assert.Empty(Engine.Infer(extraction.Facts).Stances);
    }

    [Theory]
    [InlineData("Israel and Hezbollah condemned the war in Ukraine.")]
    [InlineData("Islamic State condemned the war in Ukraine.")]
    public void NonStateGroup_WithAnotherCountry_OrWithoutAHome_GivesNoFact(string sentence)
    {
        var extraction = Engine.Extract(sentence, "test");

        Assert.Empty(extraction.Facts.Facts);
        Assert.Contains("is not a country", Assert.Single(extraction.WhyNot).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("The government of Sindh province discussed the war in Ukraine.", "government of Sindh province", "discuss")]
    [InlineData("Police in Xinjiang discussed the war in Ukraine.", "Police in Xinjiang", "discuss")]
    [InlineData("Catalonia condemned the war in Ukraine.", "Catalonia", "condemn")]
    public void RegionOfOneCountry_IsCodedWithTheCountry_AndNoStance(string sentence, string actor, string act)
    {
        var extraction = Engine.Extract(sentence, "test");

        var fact = Single(extraction);
        Assert.Equal((actor, act), (fact.Actor, fact.Act));
        Assert.Single(extraction.Coded[fact].Countries);
        Assert.NotNull(extraction.Coded[fact].Role);
        Assert.Null(Engine.Resolve(actor).Country);
        Assert.Empty(Engine.Infer(extraction.Facts).Stances);
    }

    [Theory]
    [InlineData("Amnesty International condemned the war in Ukraine, Kenya said.", "Amnesty International")]
    [InlineData("The European Community condemned the war in Ukraine, Kenya said.", "European Community")]
    public void Organization_IsAnActorOfNoCountry_SoItsActIsItsOwn_AndNoStance(string sentence, string actor)
    {
        // The organization is the act's subject: its fact is written with no country and gives no stance,
        // and Kenya, the attributed speaker, is not the condemner.
        var extraction = Engine.Extract(sentence, "test");

        var condemnation = Assert.Single(extraction.Facts.Facts, f => f is Statement { Act: "condemn" });
        Assert.Equal(actor, ((Statement)condemnation).Actor);
        Assert.Empty(extraction.Coded[condemnation].Countries);
        Assert.Empty(Engine.Infer(extraction.Facts).Stances);
        Assert.Equal(ResolutionKind.Organization, Engine.Resolve(actor).Kind);
    }

    [Fact]
    public void NonStateGroup_ThatGoverns_OnTheDate_SpeaksForItsState()
    {
        var extraction = Engine.Extract("The Taliban condemned the war in Ukraine.", "test", new DateOnly(2023, 3, 21));

        var fact = Single(extraction);
        Assert.Equal(["AFG"], extraction.Coded[fact].Countries);
        Assert.Null(extraction.Coded[fact].Role);
    }

    [Fact]
    public void NonStateGroup_BeforeItGoverns_IsItsHomesAgent()
    {
        var extraction = Engine.Extract("The Taliban condemned the war in Ukraine.", "test", new DateOnly(2019, 3, 21));

        var fact = Single(extraction);
        Assert.Equal(["AFG"], extraction.Coded[fact].Countries);
        Assert.Equal("REB", extraction.Coded[fact].Role);
        Assert.Empty(Engine.Infer(extraction.Facts).Stances);
    }

    [Fact]
    public void MilitaryRanks_AbbreviatedBeforeAName_AreTitles()
    {
        var extraction = Engine.Extract("Lt. Gen. Prosper Avril condemned the war in Ukraine.", "test");

        var fact = Single(extraction);
        Assert.Equal("Lt. Gen. Prosper Avril", fact.Actor);
        Assert.Equal(["HTI"], extraction.Coded[fact].Countries);
    }

    [Theory]
    [InlineData("Vice-President Moody Awori and a group of deputies condemned the war in Ukraine.")]
    [InlineData("Vice-President Moody Awori and his delegation condemned the war in Ukraine.")]
    public void Companions_AfterAnd_ActWithTheActor_TheActIsItsOwn(string sentence)
    {
        var extraction = Engine.Extract(sentence, "test");

        var fact = Single(extraction);
        Assert.Equal(("Vice-President Moody Awori", "condemn"), (fact.Actor, fact.Act));
        Assert.Equal(["KEN"], extraction.Coded[fact].Countries);
    }

    [Fact]
    public void Companions_AreNoLongerThanThreeWords_NorHoldAnAct()
    {
        // "a group of deputies who rejected ..." is a clause, not companions: the act's subject is not clear.
        var extraction = Engine.Extract("Vice-President Moody Awori and a group of deputies who rejected it condemned the war in Ukraine.", "test");

        Assert.Empty(extraction.Facts.Facts);
    }

    [Theory]
    [InlineData("The Chinese side condemned the war in Ukraine.", "Chinese side", "CHN")]
    [InlineData("The Russian side rejected the war in Ukraine.", "Russian side", "RUS")]
    public void Demonym_AndSide_IsTheState(string sentence, string actor, string iso3)
    {
        var extraction = Engine.Extract(sentence, "test");

        var fact = Single(extraction);
        Assert.Equal(actor, fact.Actor);
        Assert.Equal([iso3], extraction.Coded[fact].Countries);
        Assert.Null(extraction.Coded[fact].Role);
    }

    [Fact]
    public void ClauseOpeningActor_ThenPhrasesWithOf_IsTheSubjectsHead_NotTheLastCountryNamed()
    {
        var extraction = Engine.Extract("The Turkish and Greek sides of the divided island of Cyprus condemned the war in Ukraine.", "test");

        var fact = Single(extraction);
        Assert.Equal("Turkish and Greek sides", fact.Actor);
        Assert.Equal(["GRC", "TUR"], extraction.Coded[fact].Countries.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void PhraseWithOf_ThatHoldsAnAct_JoinsNoActors()
    {
        // "of the deal backed by": an act inside the phrase ends the noun phrase; Kenya, next to the act, is its subject.
        var extraction = Engine.Extract("The Greek side of the deal backed by Kenya condemned the war in Ukraine.", "test");

        Assert.DoesNotContain(extraction.Facts.Facts, f => f.Actor.Contains("Greek", StringComparison.Ordinal));
    }
}
