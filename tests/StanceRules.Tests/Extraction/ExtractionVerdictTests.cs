using static StanceRules.Tests.Extraction.ExtractionSentences;

namespace StanceRules.Tests.Extraction;

/// <summary>
/// Verdicts ("... said that removing the sanctions is out of the question"): the actor is the subject of the verb of
/// saying (or the quotation's speaker), the target the verdict's subject; on sentences written for the tests.
/// </summary>
public sealed class ExtractionVerdictTests
{
    [Theory]
    [InlineData("Spain said on Monday that lifting the sanctions over the war in Ukraine is currently out of the question.", "be-out-of-the-question", "lifting the sanctions over the war in Ukraine")]
    [InlineData("Spain says the peace plan for the war in Ukraine is unacceptable.", "be-unacceptable", "the peace plan for the war in Ukraine")]
    public void Verdict_AfterAVerbOfSaying_IsTheSpeakersRejectionOfItsSubject(string sentence, string act, string target)
    {
        var fact = OnlyStatement(sentence);
        Assert.Equal(("Spain", act, target, false), (fact.Actor, fact.Act, fact.Target, fact.Negated));
        Assert.Equal(sentence[..^1], fact.Evidence);
        Assert.All(Stances(sentence), s => Assert.StartsWith("ESP ", s, StringComparison.Ordinal));
        Assert.Contains(Stances(sentence), s => s.EndsWith(" rejects", StringComparison.Ordinal));
    }

    [Fact]
    public void Verdict_InAQuotation_IsTheSpeakers_NotTheActorBeforeIt()
    {
        // "Ukraine" ends the quoted clause's subject right before the verdict: it is what is judged, not who judges.
        var fact = OnlyStatement("\u201cThe peace plan for the war in Ukraine is unacceptable,\u201d Spain said.");
        Assert.Equal(("Spain", "be-unacceptable", "The peace plan for the war in Ukraine"), (fact.Actor, fact.Act, fact.Target));
    }

    [Fact]
    public void Verdict_Negated_IsARejection()
    {
        const string Sentence = "Spain said the peace plan for the war in Ukraine is not acceptable.";
        var fact = OnlyStatement(Sentence);
        Assert.Equal(("Spain", "be-acceptable", true), (fact.Actor, fact.Act, fact.Negated));
        Assert.Equal(Stance.Rejects, Engine.ActFamily(fact.Act, fact.Negated));
    }

    [Fact]
    public void Verdict_WithoutAVerbOfSayingOrASpeaker_IsNoFact_AndWhyNotSaysSo()
    {
        var extraction = Extract("The peace plan for the war in Ukraine is unacceptable.");
        Assert.Empty(extraction.Facts.Facts);
        Assert.Contains("be-unacceptable: a verdict", Assert.Single(extraction.WhyNot).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verdict_OfAPossibility_IsDiscarded()
    {
        var extraction = Extract("Spain said that a ceasefire in Ukraine could be acceptable.");
        Assert.DoesNotContain(extraction.Facts.Facts.OfType<Statement>(), f => f.Act == "be-acceptable");
        Assert.Contains("be-acceptable: discarded", Assert.Single(extraction.WhyNot).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verdict_NotInTheLexicon_IsALoadErrorAtItsLine()
    {
        var diagnostic = LoadError("""
            extraction:
              verdicts:
                - be-grand
            """);
        Assert.Contains("be-grand", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(3, diagnostic.Location.Line);
    }
}
