using static StanceRules.Tests.Extraction.ExtractionSentences;

namespace StanceRules.Tests.Extraction;

/// <summary>
/// General verbs of deeds the event coders code without a side (CAMEO 04 consult, 08 yield, 14 protest, 15
/// mobilize: "ordered", "resigned", "launched", "staged", "has taken steps"): a sentence with a country actor and
/// such a verb gives a neutral fact and never a stance; on sentences written for the tests.
/// </summary>
public sealed class ExtractionDeedsTests
{
    [Theory]
    [InlineData("Kenya ordered an inquiry into the war in Ukraine.", "Kenya", "order")]
    [InlineData("Kenya's foreign minister resigned over the war in Ukraine.", "Kenya's foreign minister", "resign")]
    [InlineData("Turkey permitted grain exports during the war in Ukraine.", "Turkey", "permit")]
    [InlineData("Turkey allows grain ships to sail despite the war in Ukraine.", "Turkey", "allow")]
    [InlineData("Turkey reopened its ports during the war in Ukraine.", "Turkey", "reopen")]
    [InlineData("Russia returned to the talks on the war in Ukraine.", "Russia", "return")]
    [InlineData("Kenya launched a mediation effort on the war in Ukraine.", "Kenya", "launch")]
    [InlineData("Brazil's president arrived in Moscow for talks on the war in Ukraine.", "Brazil's president", "arrive")]
    [InlineData("Kenya has taken steps to mediate in the war in Ukraine.", "Kenya", "take-steps")]
    [InlineData("Russia mounted a new offensive in the war in Ukraine.", "Russia", "mount")]
    [InlineData("Russian troops blew up a dam in the war in Ukraine.", "Russian troops", "blow-up")]
    [InlineData("Turkey eased its restrictions on grain ships during the war in Ukraine.", "Turkey", "ease")]
    [InlineData("Kenya consulted its neighbours on the war in Ukraine.", "Kenya", "consult")]
    [InlineData("Brazil invited Kenya to talks on the war in Ukraine.", "Brazil", "invite")]
    [InlineData("Brazil held its first meeting with Kenya on the war in Ukraine.", "Brazil", "hold-meeting")]
    [InlineData("A Kenyan court sentenced two smugglers of arms for the war in Ukraine.", "Kenyan court", "sentence")]
    [InlineData("Turkey jailed two pilots of drones used in the war in Ukraine.", "Turkey", "jail")]
    [InlineData("Turkish warships patrolled the Black Sea during the war in Ukraine.", "Turkish warships", "patrol")]
    public void DeedVerb_WithACountryActor_GivesANeutralFactAndNoStance(string sentence, string actor, string act)
    {
        var fact = Assert.IsType<Statement>(Assert.Single(Extract(sentence).Facts.Facts));

        Assert.Equal((actor, act, "russia-ukraine-war"), (fact.Actor, fact.Act, fact.Issue));
        Assert.Empty(Stances(sentence));
    }

    [Fact]
    public void StageVerb_OfProtestersInACountry_IsTheAgentsDeed()
    {
        var fact = Assert.IsType<Statement>(Assert.Single(Extract("Students throughout Kenya staged demonstrations against the war in Ukraine.").Facts.Facts));

        Assert.Equal(("Students throughout Kenya", "stage"), (fact.Actor, fact.Act));
    }

    [Theory]
    [InlineData("Russia agreed to allow grain exports from Ukraine during the war in Ukraine.", "agree-to", "RUS russia-ukraine-war supports")]
    [InlineData("Russia has offered to reopen the ports of Ukraine during the war in Ukraine.", "offer-to", "RUS russia-ukraine-war supports")]
    public void YieldVerb_AfterAnIntent_IsAConcessionAndKeepsTheIntent(string sentence, string act, string stance)
    {
        var fact = Assert.IsType<Statement>(Assert.Single(Extract(sentence).Facts.Facts));

        Assert.Equal(act, fact.Act);
        Assert.Equal([stance], Stances(sentence));
    }

    [Fact]
    public void MountVerb_AfterAnIntent_IsAThreatAndNoStance()
    {
        const string Sentence = "Russia promised to mount a new offensive in the war in Ukraine.";

        Assert.Equal("mount", Assert.IsType<Statement>(Assert.Single(Extract(Sentence).Facts.Facts)).Act);
        Assert.Empty(Stances(Sentence));
    }

    [Theory]
    [InlineData("Kenya welcomed the return of grain ships during the war in Ukraine.", "welcome", "KEN russia-ukraine-war supports")]
    [InlineData("Kenya condemned the order to shell cities in the war in Ukraine.", "condemn", "KEN russia-ukraine-war condemns")]
    [InlineData("Kenya condemned the sentence given to a journalist over the war in Ukraine.", "condemn", "KEN russia-ukraine-war condemns")]
    public void DeedWord_AfterADeterminer_IsANounAndTheStanceStays(string sentence, string act, string stance)
    {
        Assert.Equal(act, Assert.IsType<Statement>(Assert.Single(Extract(sentence).Facts.Facts)).Act);
        Assert.Equal([stance], Stances(sentence));
    }

    [Fact]
    public void ActAfterBut_SharesTheSubjectOfTheLastActThatHasOne_NotOfAParticiple()
    {
        // "ordered out of Ukraine" is a participle with no subject: "but rejected" is Spain's, the act before it that has one.
        const string Sentence = "Spain welcomed refugees ordered out of Ukraine, but rejected China's peace plan.";

        Assert.Contains("ESP china-peace-plan rejects", Stances(Sentence));
    }
}
