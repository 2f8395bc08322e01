using static StanceRules.Tests.Extraction.ExtractionSentences;

namespace StanceRules.Tests.Extraction;

/// <summary>
/// A future before a concession or a meeting ("will evacuate", "will visit ... to mediate") as an intent, the purpose
/// verbs ("summoned the ambassador to complain"), a light verb's noun after an amount, and the CAMEO 16 measures
/// (sever ties, recall an ambassador) as deeds; on sentences written for the tests.
/// </summary>
public sealed class ExtractionFutureTests
{
    [Theory]
    [InlineData("Russia will withdraw its troops from Ukraine to end the war in Ukraine.", "Russia", "will withdraw", "RUS")]
    [InlineData("Russia would also lift the blockade imposed over the war in Ukraine.", "Russia", "would also lift", "RUS")]
    [InlineData("Kenya will visit Moscow to mediate an end to the war in Ukraine.", "Kenya", "will visit", "KEN")]
    [InlineData("Kenya would meet the envoy of China to negotiate an end to the war in Ukraine.", "Kenya", "would meet", "KEN")]
    public void Future_BeforeAConcessionOrAMeeting_IsAnIntentAndSupports(string sentence, string actor, string words, string country)
    {
        var fact = OnlyStatement(sentence);
        Assert.Equal((actor, "intend-to", false), (fact.Actor, fact.Act, fact.Negated));
        Assert.StartsWith($"{actor} {words}", fact.Evidence, StringComparison.Ordinal);
        Assert.Equal([$"{country} russia-ukraine-war supports"], Stances(sentence));
    }

    [Fact]
    public void Future_ReportedWithAPronoun_IsTheSpeakersIntent()
    {
        const string Sentence = "Russia said it would lift the ban imposed over the war in Ukraine.";
        var fact = Assert.Single(Extract(Sentence).Facts.Facts.OfType<Statement>(), f => f.Act == "intend-to");
        Assert.Equal("Russia", fact.Actor);
        Assert.Contains("RUS russia-ukraine-war supports", Stances(Sentence));
    }

    [Theory]
    [InlineData("France said it would begin evacuating its citizens from Ukraine because of the war in Ukraine.")]
    [InlineData("France will evacuate its own nationals from Kyiv because of the war in Ukraine.")]
    [InlineData("France is willing to evacuate its citizens from Kyiv because of the war in Ukraine.")]
    public void Concession_OfTheActorsOwnCivilians_IsNoIntent(string sentence)
    {
        Assert.Contains(Extract(sentence).Facts.Facts.OfType<Statement>(), f => f.Actor == "France");
        Assert.DoesNotContain(Extract(sentence).Facts.Facts.OfType<Statement>(), f => f.Act is "intend-to" or "be-willing-to");
        Assert.Empty(Stances(sentence));
    }

    [Theory]
    [InlineData("Spain will discuss the war in Ukraine with China.", "discuss")]
    [InlineData("Russia will shell Kyiv again over the war in Ukraine.", "shell")]
    [InlineData("Israel will not withdraw its troops from Ukraine over the war in Ukraine.", "withdraw")]
    public void Future_BeforeAnotherActOrNegated_IsNoIntent(string sentence, string act)
    {
        var fact = OnlyStatement(sentence);
        Assert.Equal(act, fact.Act);
        Assert.Empty(Stances(sentence));
    }

    [Fact]
    public void IntendsTo_BeforeAConcession_IsTheIntent()
    {
        var fact = OnlyStatement("Russia intends to withdraw its troops to end the war in Ukraine.");
        Assert.Equal(("Russia", "intend-to"), (fact.Actor, fact.Act));
        Assert.Equal(["RUS russia-ukraine-war supports"], Stances("Russia intends to withdraw its troops to end the war in Ukraine."));
    }

    [Fact]
    public void PurposeVerb_ItsSubjectDoesTheInfinitive()
    {
        const string Sentence = "Nigeria summoned Niger's ambassador to complain about the war in Ukraine.";
        var fact = Assert.Single(Extract(Sentence).Facts.Facts.OfType<Statement>(), f => f.Act.StartsWith("complain", StringComparison.Ordinal));
        Assert.Equal("Nigeria", fact.Actor);
        Assert.StartsWith("Nigeria summoned", fact.Evidence, StringComparison.Ordinal);
        Assert.Equal(["NGA russia-ukraine-war condemns"], Stances(Sentence));
    }

    [Fact]
    public void OtherVerb_ItsObjectIsNoSubjectOfTheInfinitive()
    {
        // "urged Niger's ambassador to complain": nobody complained yet; the urging supports the complaint.
        Assert.DoesNotContain(Extract("Nigeria urged Niger's ambassador to complain about the war in Ukraine.").Facts.Facts.OfType<Statement>(), f => f.Act.StartsWith("complain", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Japan gave Kenya 5.1 million dollars of aid for refugees from the war in Ukraine.", "Japan", "provide-aid")]
    [InlineData("Japan will provide nearly 25000 tons of emergency food aid to refugees from the war in Ukraine.", "Japan", "provide-aid")]
    [InlineData("Japan is providing aerial photographs and other military intelligence to Ukraine about the war in Ukraine.", "Japan", "share-intelligence")]
    public void LightVerb_NounAfterAnAmount_IsTheAct(string sentence, string actor, string act)
    {
        var fact = OnlyStatement(sentence);
        Assert.Equal((actor, act), (fact.Actor, fact.Act));
        Assert.Equal(["JPN russia-ukraine-war supports"], Stances(sentence));
    }

    [Fact]
    public void LightVerb_NounFourCountedWordsAway_IsNoAct()
    {
        Assert.DoesNotContain(
            Extract("Japan gave a long speech about the history of its aid to Ukraine in the war in Ukraine.").Facts.Facts.OfType<Statement>(),
            f => f.Act == "provide-aid");
    }

    [Theory]
    [InlineData("Kenya severed diplomatic ties with Russia over the war in Ukraine.", "sever-ties")]
    [InlineData("Peru recalled its ambassador from Moscow over the war in Ukraine.", "recall-ambassador")]
    [InlineData("Peru will withdraw its ambassador from Moscow over the war in Ukraine.", "withdraw-ambassador")]
    [InlineData("Japan froze aid to Russia over the war in Ukraine.", "freeze-aid")]
    [InlineData("Kenya broke off talks with Russia over the war in Ukraine.", "break-off-talks")]
    public void ReduceRelations_IsADeedWithoutAStance(string sentence, string act)
    {
        var fact = OnlyStatement(sentence);
        Assert.Equal(act, fact.Act);
        Assert.Null(Engine.ActFamily(fact.Act, fact.Negated));
        Assert.Empty(Stances(sentence));
    }

    [Theory]
    [InlineData("Russia will release the prisoners of the war in Ukraine.", "will release")]
    [InlineData("Russia would release Prime Minister Ivanov over the war in Ukraine.", "would release")]
    [InlineData("Russia will release more than 30 hostages taken in the war in Ukraine.", "will release")]
    public void Future_BeforeAReleaseOfPersons_IsAnIntentAndSupports(string sentence, string words)
    {
        var fact = OnlyStatement(sentence);
        Assert.Equal(("Russia", "intend-to"), (fact.Actor, fact.Act));
        Assert.StartsWith($"Russia {words}", fact.Evidence, StringComparison.Ordinal);
        Assert.Equal(["RUS russia-ukraine-war supports"], Stances(sentence));
    }

    [Theory]
    [InlineData("Russia will release a statement on the war in Ukraine.")]
    [InlineData("Russia will release its report on the war in Ukraine.")]
    public void Future_BeforeAReleaseOfAnythingElse_IsTheDeed_WithoutAStance(string sentence)
    {
        var fact = OnlyStatement(sentence);
        Assert.Equal(("Russia", "release"), (fact.Actor, fact.Act));
        Assert.Empty(Stances(sentence));
    }

    [Fact]
    public void PersonConcession_ThatIsNoMaterialAct_IsALoadErrorAtItsLine()
    {
        var diagnostic = LoadError("""
            extraction:
              person_concessions:
                - condemn
            """);
        Assert.Contains("material act", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(3, diagnostic.Location.Line);
    }

    [Theory]
    [InlineData("future_acts", "dance-around")]
    [InlineData("purpose_verbs", "summon-forth")]
    public void FutureActOrPurposeVerb_NotInTheLexicon_IsALoadErrorAtItsLine(string key, string lemma)
    {
        var diagnostic = LoadError($"""
            extraction:
              {key}:
                - {lemma}
            """);
        Assert.Contains(lemma, diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(3, diagnostic.Location.Line);
    }
}
