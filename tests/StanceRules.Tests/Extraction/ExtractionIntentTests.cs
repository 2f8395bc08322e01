using static StanceRules.Tests.Extraction.ExtractionSentences;

namespace StanceRules.Tests.Extraction;

/// <summary>
/// Acts of intent ("offered to", "is willing to") and the act they embed, aid and cooperation acts, and the
/// condemn and reject acts added with them; on sentences written for the tests.
/// </summary>
public sealed class ExtractionIntentTests
{
    [Theory]
    [InlineData("Kenya offered to mediate an end to the war in Ukraine.", "Kenya", "offer-to", "mediate an end to the war in Ukraine")]
    [InlineData("Kenya has offered to help end the war in Ukraine.", "Kenya", "offer-to-help", "end the war in Ukraine")]
    [InlineData("Brazil promised to negotiate an end to the war in Ukraine.", "Brazil", "promise-to", "negotiate an end to the war in Ukraine")]
    [InlineData("Brazil pledges to continue talks on the war in Ukraine.", "Brazil", "pledge-to", "continue talks on the war in Ukraine")]
    [InlineData("Kenya is committed to a lasting peace in Ukraine.", "Kenya", "be-committed-to", "a lasting peace in Ukraine")]
    public void Intent_BeforeAnActThatStatesNoStance_IsTheIntentAndSupports(string sentence, string actor, string act, string target)
    {
        var fact = OnlyStatement(sentence);
        Assert.Equal((actor, act, target, false), (fact.Actor, fact.Act, fact.Target, fact.Negated));
        var country = actor == "Kenya" ? "KEN" : "BRA";
        Assert.Equal([$"{country} russia-ukraine-war supports"], Stances(sentence));
    }

    [Fact]
    public void Intent_ReportedAfterAVerbOfSaying_IsTheSpeakersAct()
    {
        // "said it is willing to": the pronoun stands for the speaker; "withdraw" is a concession (CAMEO 035, intent to yield).
        var fact = OnlyStatement("Russia said it is willing to withdraw its forces to end the war in Ukraine.");
        Assert.Equal(("Russia", "be-willing-to", "withdraw its forces to end the war in Ukraine"), (fact.Actor, fact.Act, fact.Target));
        Assert.Equal(["RUS russia-ukraine-war supports"], Stances("Russia said it is willing to withdraw its forces to end the war in Ukraine."));
    }

    [Fact]
    public void Intent_ReportedWithAPronounAfterASpeaker_TakesThePrepareFrame()
    {
        var fact = OnlyStatement("Peru's president said he is prepared to lift the ban imposed over the war in Ukraine.");
        Assert.Equal(("Peru's president", "be-prepared-to"), (fact.Actor, fact.Act));
        Assert.Equal(["PER russia-ukraine-war supports"], Stances("Peru's president said he is prepared to lift the ban imposed over the war in Ukraine."));
    }

    [Theory]
    [InlineData("Peru is prepared to condemn the war in Ukraine.", "condemn", "PER russia-ukraine-war condemns")]
    [InlineData("Peru has offered to recognize China's peace plan.", "recognize", "PER china-peace-plan supports")]
    [InlineData("Peru is ready to reject China's peace plan.", "reject", "PER china-peace-plan rejects")]
    [InlineData("Peru promised to lodge a formal protest against the war in Ukraine.", "protest", "PER russia-ukraine-war condemns")]
    [InlineData("Peru has promised to continue to support China's peace plan.", "support", "PER china-peace-plan supports")]
    [InlineData("Peru promised never to condemn China's peace plan.", "condemn", "PER china-peace-plan abstains")]
    public void Intent_BeforeAStanceAct_IsThatAct(string sentence, string act, string stance)
    {
        var fact = OnlyStatement(sentence);
        Assert.Equal(("Peru", act), (fact.Actor, fact.Act));
        Assert.StartsWith("Peru ", fact.Evidence, StringComparison.Ordinal);
        Assert.Equal([stance], Stances(sentence));
    }

    [Fact]
    public void Intent_BeforeAMaterialActThatConcedesNothing_IsAThreatWithoutAStance()
    {
        var fact = OnlyStatement("Russia promised to shell Kyiv again over the war in Ukraine.");
        Assert.Equal(("Russia", "shell"), (fact.Actor, fact.Act));
        Assert.Empty(Stances("Russia promised to shell Kyiv again over the war in Ukraine."));
    }

    [Fact]
    public void Intent_Negated_IsARefusal()
    {
        var fact = OnlyStatement("Ukraine is not willing to negotiate on China's peace plan.");
        Assert.Equal(("Ukraine", "be-willing-to", true), (fact.Actor, fact.Act, fact.Negated));
        Assert.Equal(["UKR china-peace-plan rejects"], Stances("Ukraine is not willing to negotiate on China's peace plan."));
    }

    [Fact]
    public void MultiwordActHoldingANegationPhrase_IsNotNegatedByItsOwnWords()
    {
        var fact = OnlyStatement("Peru refused to recognize China's peace plan.");
        Assert.Equal(("refuse-to-recognize", false), (fact.Act, fact.Negated));
        Assert.Equal(["PER china-peace-plan rejects"], Stances("Peru refused to recognize China's peace plan."));
    }

    [Fact]
    public void OfferWithoutAnInfinitive_StaysNeutral()
    {
        Assert.Empty(Stances("Spain offered a detailed explanation of the war in Ukraine."));
    }

    [Theory]
    [InlineData("Japan will give Ukraine a grant of five billion yen to rebuild after the war in Ukraine.", "Japan", "provide-aid")]
    [InlineData("Japan has provided emergency aid to families hit by the war in Ukraine.", "Japan", "provide-aid")]
    [InlineData("Latvia has granted political asylum to deserters who fled the war in Ukraine.", "Latvia", "grant-asylum")]
    [InlineData("Japan donated medicine to hospitals hit by the war in Ukraine.", "Japan", "donate")]
    [InlineData("Kenya opened its borders to refugees from the war in Ukraine.", "Kenya", "open-borders")]
    [InlineData("Kenya shared intelligence with Spain about the war in Ukraine.", "Kenya", "share-intelligence")]
    [InlineData("Kenya established diplomatic ties with Ukraine after the war in Ukraine began.", "Kenya", "establish-ties")]
    public void AidAndCooperation_Support(string sentence, string actor, string act)
    {
        var fact = OnlyStatement(sentence);
        Assert.Equal((actor, act), (fact.Actor, fact.Act));
        Assert.Equal(Stance.Supports, Engine.ActFamily(fact.Act, fact.Negated));
    }

    [Theory]
    [InlineData("Hungary reneged on its commitment to the International Criminal Court.", "renege", false, "HUN icc-jurisdiction rejects")]
    [InlineData("Russia and Ukraine failed to reach agreement on China's peace plan.", "reach-agreement", true, "RUS china-peace-plan rejects")]
    [InlineData("Ukraine sued Russia at the International Criminal Court.", "sue", false, "UKR icc-jurisdiction condemns")]
    public void RejectAndCondemnActs_GiveTheirFamily(string sentence, string act, bool negated, string stance)
    {
        var fact = OnlyStatement(sentence);
        Assert.Equal((act, negated), (fact.Act, fact.Negated));
        Assert.Contains(stance, Stances(sentence));
    }

    [Theory]
    [InlineData("intents", "offer-to-dance", "an act of the lexicon")]
    [InlineData("concessions", "condemn", "a material act of the lexicon")]
    public void IntentOrConcession_NotInTheLexiconAsRequired_IsALoadErrorAtItsLine(string key, string lemma, string expected)
    {
        var diagnostic = LoadError($"""
            extraction:
              {key}:
                - {lemma}
            """);
        Assert.Contains(lemma, diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains(expected, diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(3, diagnostic.Location.Line);
    }
}
