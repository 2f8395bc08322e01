using static StanceRules.Tests.Extraction.ExtractionSentences;

namespace StanceRules.Tests.Extraction;

/// <summary>
/// How the extractor finds an act's actor in the words around it: officials by title and name through
/// resolution (the historical layer without a date), noun phrases of a country and an office or an
/// agent, possessives, "of" a country, appositions, and "the ministry" carried to the paragraph's
/// country; on sentences written for the tests.
/// </summary>
public sealed class ExtractionActorsTests
{
    [Fact]
    public void TitleAndName_OnlyTheHistoricalLayerKnows_Undated_IsAnOfficialOfHisCountry()
    {
        var extraction = Engine.Extract("Vice-President Moody Awori condemned the war in Ukraine.", "test");

        var fact = Single(extraction);
        Assert.Equal(("Vice-President Moody Awori", "condemn"), (fact.Actor, fact.Act));
        Assert.Equal(["KEN"], extraction.Coded[fact].Countries);
        Assert.Null(extraction.Coded[fact].Role);
    }

    [Fact]
    public void TitleAndName_TheHandWrittenDataDoesNotKnow_OnADateFrom2015_IsNoActor()
    {
        var extraction = Engine.Extract("Vice-President Moody Awori condemned the war in Ukraine.", "test", Date);

        Assert.Empty(extraction.Facts.Facts);
        var reason = Assert.Single(extraction.WhyNot).Reason;
        Assert.Contains("no actor before the act", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void UndatedResolution_AfterTheSameActorDatedFoundNothing_StillAsksTheHistoricalLayer()
    {
        // The dated resolution (from 2015 on, hand-written data only) finds nothing; its memo is no answer without a date.
        var engine = StanceEngine.CreateDefault(new StanceEngineOptions());

        Assert.Equal(ResolutionKind.Unknown, engine.Resolve("Moody Awori", Date).Kind);
        Assert.Equal("KEN", engine.Resolve("Moody Awori").Country);
        Assert.Equal("KEN", engine.Resolve("Moody Awori").Country);
        Assert.Equal(ResolutionKind.Unknown, engine.Resolve("Moody Awori", Date).Kind);
    }

    [Fact]
    public void TitleAndUnknownName_IsNoActor()
    {
        var extraction = Engine.Extract("President Zorblat Quexwin condemned the war in Ukraine.", "test");

        Assert.Empty(extraction.Facts.Facts);
        Assert.Contains("no actor before the act", Assert.Single(extraction.WhyNot).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Nigerian junior foreign minister Ade Okoro condemned the war in Ukraine.", "Nigerian junior foreign minister Ade Okoro", "NGA")]
    [InlineData("The French embassy condemned the war in Ukraine.", "French embassy", "FRA")]
    [InlineData("Moroccan diplomats condemned the war in Ukraine.", "Moroccan diplomats", "MAR")]
    [InlineData("Chile has once again outright rejected the peace plan for the war in Ukraine.", "Chile", "CHL")]
    public void OfficeWordsAndAdverbs_BetweenANameAndItsAct_KeepTheActor(string sentence, string actor, string iso3)
    {
        var extraction = Engine.Extract(sentence, "test", Date);

        var fact = Single(extraction);
        Assert.Equal(actor, fact.Actor);
        Assert.Equal([iso3], extraction.Coded[fact].Countries);
    }

    [Fact]
    public void TheForeignMinistry_WithNoSpeakerBefore_IsTheStateThatIsTheSentencesSubject()
    {
        var extraction = Engine.Extract("Portugal has upgraded its embassy in Kyiv despite the war in Ukraine, the foreign ministry said on Wednesday.", "test", Date);

        var fact = Single(extraction);
        Assert.Equal(("Portugal", "say", "russia-ukraine-war"), (fact.Actor, fact.Act, fact.Issue));
    }

    [Fact]
    public void TheForeignMinistry_InASentenceWhoseSubjectIsNoCountry_StandsForNoOne()
    {
        var extraction = Engine.Extract("Tourists returned to Kyiv despite the war in Ukraine, the foreign ministry said on Wednesday.", "test", Date);

        Assert.Empty(extraction.Facts.Facts);
        Assert.Contains("'ministry' stands for no speaker", Assert.Single(extraction.WhyNot).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Kenya along with its neighbours condemned the war in Ukraine.", "Kenya", "KEN")]
    [InlineData("Kenya together with two partners has condemned the war in Ukraine.", "Kenya", "KEN")]
    [InlineData("Mexico and Fooland Liberation Front have condemned the war in Ukraine.", "Mexico", "MEX")]
    public void Companions_OrAPartnerNoNameCovers_BetweenAStateAndItsAct_LeaveTheStateTheActor(string sentence, string actor, string iso3)
    {
        var extraction = Engine.Extract(sentence, "test", Date);

        var fact = Single(extraction);
        Assert.Equal((actor, "condemn"), (fact.Actor, fact.Act));
        Assert.Equal([iso3], extraction.Coded[fact].Countries);
    }

    [Fact]
    public void APartnerThatIsANamedCountry_IsNoCompanion_TheNearestActorActs()
    {
        // "and Chile" is a name: it is the actor next to the act (a list), not a partner skipped over.
        var extraction = Engine.Extract("Mexico and Chile have condemned the war in Ukraine.", "test", Date);

        var fact = Single(extraction);
        Assert.Equal(["CHL", "MEX"], extraction.Coded[fact].Countries);
    }

    [Fact]
    public void Demonym_AModifier_AndAPluralTitle_IsTheStatesOfficials()
    {
        var extraction = Engine.Extract("Israeli intelligence officials have condemned the war in Ukraine.", "test", Date);

        var fact = Single(extraction);
        Assert.Equal(("Israeli intelligence officials", "condemn"), (fact.Actor, fact.Act));
        Assert.Equal(["ISR"], extraction.Coded[fact].Countries);
        Assert.Null(extraction.Coded[fact].Role);
    }

    [Fact]
    public void Demonym_AModifier_AndAnAgentWord_IsAnAgentOfTheCountry()
    {
        var extraction = Engine.Extract("French paper workers met the minister over the war in Ukraine.", "test", Date);

        var fact = Single(extraction);
        Assert.Equal(("French paper workers", "meet"), (fact.Actor, fact.Act));
        Assert.Equal(["FRA"], extraction.Coded[fact].Countries);
        Assert.Equal("CVL", extraction.Coded[fact].Role);
        Assert.Empty(Engine.Infer(extraction.Facts).Stances);
    }

    [Fact]
    public void AnActBetweenANameAndAnAgentWord_IsNoModifier()
    {
        var extraction = Engine.Extract("Kenya condemned striking workers over the war in Ukraine.", "test", Date);

        var fact = Single(extraction);
        Assert.Equal(("Kenya", "condemn"), (fact.Actor, fact.Act));
    }

    [Theory]
    [InlineData("Egyptian police", "COP")]
    [InlineData("Afghan rebel leaders", "REB")]
    [InlineData("Israeli Defence Forces", "MIL")]
    [InlineData("Egyptian Foreign Ministry", null)]
    [InlineData("police chief of Egypt", null)]
    public void AgentRole_OfAnActorAsWritten_IsItsLastAgentWordsRole_WhenOnlyTitlesFollow(string actor, string? role) =>
        Assert.Equal(role, Engine.AgentRole(actor));

    [Fact]
    public void AgentWords_ThenInAndACountry_AreThatCountrysAgents_AndGiveNoStance()
    {
        var extraction = Engine.Extract("Police in Kenya condemned the war in Ukraine.", "test", Date);

        Assert.Empty(extraction.Facts.Facts);
        Assert.Contains("'Police in Kenya' is an agent (COP) of KEN", Assert.Single(extraction.WhyNot).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AgentWords_ThenFromACountry_WithANeutralAct_AreAFactCodedWithCountryAndRole()
    {
        var extraction = Engine.Extract("Protesters from Peru met the minister over the war in Ukraine.", "test", Date);

        var fact = Single(extraction);
        Assert.Equal("Protesters from Peru", fact.Actor);
        Assert.Equal(["PER"], extraction.Coded[fact].Countries);
        Assert.Equal("OPP", extraction.Coded[fact].Role);
    }

    [Fact]
    public void AnActorsAgents_BeforeInAndAnotherCountry_StayTheFirstCountrys()
    {
        var extraction = Engine.Extract("Russian troops in Ukraine shelled Kharkiv in the war in Ukraine.", "test", Date);

        var fact = Assert.IsType<Statement>(Assert.Single(extraction.Facts.Facts, f => ((Statement)f).Act == "shell"));
        Assert.Equal(["RUS"], extraction.Coded[fact].Countries);
        Assert.Equal("MIL", extraction.Coded[fact].Role);
    }

    [Fact]
    public void AnActorAfterToOrIn_IsNoSubject_TheActorBeforeThePrepositionActs()
    {
        var extraction = Engine.Extract("Russia's ambassador to China condemned the war in Ukraine.", "test", Date);

        var fact = Single(extraction);
        Assert.Equal(("Russia's ambassador", "condemn"), (fact.Actor, fact.Act));
        Assert.Equal(["RUS"], extraction.Coded[fact].Countries);
    }

    [Theory]
    [InlineData("President Emmanuel Macron, following the summit in Brussels, has condemned the war in Ukraine.", "President Emmanuel Macron", "FRA")]
    [InlineData("Kenyan President William Ruto, speaking in Nairobi on Monday, condemned the war in Ukraine.", "Kenyan President William Ruto", "KEN")]
    [InlineData("Nicaragua's Sandinista government condemned the war in Ukraine.", "Nicaragua's Sandinista government", "NIC")]
    [InlineData("The government of Chile condemned the war in Ukraine.", "government of Chile", "CHL")]
    public void Possessives_OfACountry_AndAParticipleClauseBetweenSubjectAndAct_KeepTheStateTheActor(string sentence, string actor, string iso3)
    {
        var extraction = Engine.Extract(sentence, "test", Date);

        var fact = Single(extraction);
        Assert.Equal((actor, "condemn"), (fact.Actor, fact.Act));
        Assert.Equal([iso3], extraction.Coded[fact].Countries);
    }

    [Fact]
    public void JointDemonyms_AndAnOfficeWord_AreAJointActor()
    {
        var extraction = Engine.Extract("U.S. and Russian negotiators condemned the war in Ukraine.", "test", Date);

        var fact = Single(extraction);
        Assert.Equal("U.S. and Russian negotiators", fact.Actor);
        Assert.Equal(["RUS", "USA"], extraction.Coded[fact].Countries.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("The Sri Lankan army condemned the war in Ukraine.", "'Sri Lankan army' is an agent (MIL) of LKA")]
    [InlineData("An Argentine judge condemned the war in Ukraine.", "'Argentine judge' is an agent (JUD) of ARG")]
    public void ACountrysArmyOrJudge_IsAnAgent_ThatGivesNoStance(string sentence, string reason)
    {
        var extraction = Engine.Extract(sentence, "test", Date);

        Assert.Empty(extraction.Facts.Facts);
        Assert.Contains(reason, Assert.Single(extraction.WhyNot).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TheForeignMinistry_AfterASentenceWhoseSubjectIsACountry_IsThatCountrys_InItsParagraphOnly()
    {
        var extraction = Engine.Extract(
            "Portugal has reopened its embassy in Kyiv. The foreign ministry said the war in Ukraine had not stopped it.\n\n"
            + "The foreign ministry said the war in Ukraine had not stopped it.", "test", Date);

        var fact = Single(extraction);
        Assert.Equal(("Portugal", "say"), (fact.Actor, fact.Act));
        Assert.StartsWith("The foreign ministry said", fact.Evidence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Ethopia condemned the war in Ukraine.", "Ethiopia", "Ethopia condemned the war in Ukraine", "ETH")]
    [InlineData("The foreign minister of Ethiopa condemned the war in Ukraine.", "foreign minister of Ethiopia", "foreign minister of Ethiopa condemned the war in Ukraine", "ETH")]
    public void CountryName_WithALetterLeftOut_IsTheCountry_WrittenAsTheGazetteerWritesIt_EvidenceVerbatim(string sentence, string actor, string evidence, string iso3)
    {
        var extraction = Engine.Extract(sentence, "test", Date);

        var fact = Single(extraction);
        Assert.Equal((actor, "condemn"), (fact.Actor, fact.Act));
        Assert.Equal([iso3], extraction.Coded[fact].Countries);
        Assert.Equal(evidence, fact.Evidence);
        Assert.Equal([$"{iso3} russia-ukraine-war condemns"], Stances(sentence));
    }

    [Theory]
    [InlineData("Iberia condemned the war in Ukraine.")] // Liberia less a letter, but six letters: too short to tell
    [InlineData("Etiopiia condemned the war in Ukraine.")] // two letters from Ethiopia: no name
    [InlineData("Georgina condemned the war in Ukraine.")] // Georgia with a letter added, not left out
    [InlineData("Cameron condemned the war in Ukraine.")] // Cameroon less a letter, but a word of an official's name (David Cameron)
    [InlineData("Colomba Rossi condemned the war in Ukraine.")] // Colombia less a letter, but a given name before a surname
    public void CapitalizedWord_ShortOrMoreThanALetterFromACountrysName_IsNoActor(string sentence)
    {
        Assert.Empty(Engine.Extract(sentence, "test", Date).Facts.Facts);
    }

    [Theory]
    [InlineData("Armed militants based in Kenya discussed the war in Ukraine.", "militants based in Kenya", "REB")]
    [InlineData("A terror group based in Trinidad discussed the war in Ukraine.", "terror group based in Trinidad", "REB")]
    [InlineData("A rebel movement in Kenya discussed the war in Ukraine.", "rebel movement in Kenya", "REB")]
    public void AgentsBasedInACountry_OrTheirGroup_AreItsAgents(string sentence, string actor, string role)
    {
        var extraction = Engine.Extract(sentence, "test", Date);

        var fact = Single(extraction);
        Assert.Equal((actor, "discuss"), (fact.Actor, fact.Act));
        Assert.Equal(role, extraction.Coded[fact].Role);
        Assert.Single(extraction.Coded[fact].Countries);
    }

    [Fact]
    public void AgentsBasedInACountry_WithAStanceAct_GiveNoStance()
    {
        Assert.Empty(Stances("Armed militants based in Kenya condemned the war in Ukraine."));
    }
}
