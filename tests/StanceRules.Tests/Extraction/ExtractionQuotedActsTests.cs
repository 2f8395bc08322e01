using static StanceRules.Tests.Extraction.ExtractionSentences;

namespace StanceRules.Tests.Extraction;

/// <summary>Whose act a verb inside a quotation is: the speaker's, a subject the quotation names, or no one's; on sentences written for the tests.</summary>
public sealed class ExtractionQuotedActsTests
{
    [Theory]
    [InlineData("“We condemn the war in Ukraine,” Putin said.", "condemn", "RUS russia-ukraine-war condemns")]
    [InlineData("“Condemning the war in Ukraine is our duty,” Putin said.", "condemn", "RUS russia-ukraine-war condemns")]
    public void QuotedAct_WithTheSpeakerAsSubject_IsTheSpeakers(string sentence, string act, string stance)
    {
        var fact = OnlyStatement(sentence);
        Assert.Equal(("Putin", act), (fact.Actor, fact.Act));
        Assert.Equal([stance], Stances(sentence));
    }

    [Fact]
    public void QuotedAct_WithACountryAsSubject_IsThatCountrys()
    {
        const string Sentence = "“Britain condemned the war in Ukraine,” Putin said.";
        var fact = OnlyStatement(Sentence);
        Assert.Equal(("Britain", "condemn"), (fact.Actor, fact.Act));
        Assert.Equal("Britain condemned the war in Ukraine", fact.Evidence);
        Assert.Equal(["GBR russia-ukraine-war condemns"], Stances(Sentence));
    }

    [Theory]
    [InlineData("“Our troops will withdraw from Ukraine to end the war in Ukraine,” Putin said.", "withdraw-from")]
    [InlineData("“The talks on the war in Ukraine will resume soon,” Putin said.", "talk")]
    public void QuotedAct_WithANounPhraseAsSubject_IsNoOnesAct(string sentence, string lemma)
    {
        var extraction = Extract(sentence);
        Assert.DoesNotContain(extraction.Facts.Facts.OfType<Statement>(), f => f.Act == lemma);
        Assert.Empty(Stances(sentence));
        Assert.Contains(extraction.WhyNot, n => n.Reason.Contains($"{lemma}: the quotation gives the act a subject of its own", StringComparison.Ordinal));
    }
}
