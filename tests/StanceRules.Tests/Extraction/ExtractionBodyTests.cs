using static StanceRules.Tests.Extraction.ExtractionSentences;

namespace StanceRules.Tests.Extraction;

/// <summary>
/// Organizations and groups of countries as actors whose facts are written without a stance, a pronoun after a verb of
/// saying standing for that verb's agent or organization subject, and amounts written with a thousands separator; on
/// sentences written for the tests.
/// </summary>
public sealed class ExtractionBodyTests
{
    [Theory]
    [InlineData("The United Nations condemned the war in Ukraine.", "United Nations", "condemn")]
    [InlineData("Arab states welcomed the peace talks over the war in Ukraine.", "Arab states", "welcome")]
    public void Organization_OrGroupOfCountries_IsAFactCodedIgo_AndGivesNoStance(string sentence, string actor, string act)
    {
        var extraction = Extract(sentence);
        var fact = Single(extraction);
        Assert.Equal((actor, act), (fact.Actor, fact.Act));
        Assert.Equal("IGO", extraction.Coded[fact].Role);
        Assert.Empty(extraction.Coded[fact].Countries);
        Assert.Empty(Engine.Infer(extraction.Facts).Stances);
    }

    [Fact]
    public void GroupNamedByARegionsPeople_IsNoBody_AndGivesNoFact()
    {
        // "West Africans" are people of a region (as "Palestinians" are a country's), not a body that acts.
        var extraction = Extract("West Africans condemned the war in Ukraine.");
        Assert.Empty(extraction.Facts.Facts);
        Assert.Contains("is not a country", Assert.Single(extraction.WhyNot).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Amount_WithAThousandsSeparator_StaysInTheLightVerbsReach()
    {
        var fact = OnlyStatement("The United Nations will provide nearly 25,000 tons of emergency food aid to refugees of the war in Ukraine.");
        Assert.Equal(("United Nations", "provide-aid"), (fact.Actor, fact.Act));
        Assert.Equal("to refugees of the war in Ukraine", fact.Target);
    }

    [Fact]
    public void Pronoun_AfterAVerbOfSaying_StandsForItsAgentSubject()
    {
        var extraction = Extract("Afghan rebel leaders said on Wednesday they would meet the envoy of Russia to end the war in Ukraine.");
        var fact = Assert.Single(extraction.Facts.Facts.OfType<Statement>(), f => f.Act == "intend-to");
        Assert.Equal("Afghan rebel leaders", fact.Actor);
        Assert.Equal(("REB", "AFG"), (extraction.Coded[fact].Role, Assert.Single(extraction.Coded[fact].Countries)));
        Assert.Empty(Engine.Infer(extraction.Facts).Stances);
    }

    [Fact]
    public void Pronoun_AfterAVerbOfSaying_OfAnOrganization_IsItsAct()
    {
        var fact = Assert.Single(Extract("The United Nations said it would condemn the war in Ukraine.").Facts.Facts.OfType<Statement>());
        Assert.Equal(("United Nations", "condemn"), (fact.Actor, fact.Act));
    }

    [Fact]
    public void Pronoun_AfterAnAgentsVerbOfSaying_IsNotTheParagraphsEarlierSpeaker()
    {
        // "they" are the police, not Spain: the police's stance act gives no fact (an agent's), and Spain none either.
        var extraction = Extract("Spain discussed the war in Ukraine with Kenya. Egyptian police said they condemned the war in Ukraine.");
        Assert.DoesNotContain(extraction.Facts.Facts.OfType<Statement>(), f => f.Act == "condemn");
        Assert.Contains(extraction.Facts.Facts.OfType<Statement>(), f => (f.Actor, f.Act) == ("Egyptian police", "say"));
    }
}
