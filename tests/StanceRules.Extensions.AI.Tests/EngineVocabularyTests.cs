namespace StanceRules.Extensions.AI.Tests;

/// <summary>The engine's public vocabulary the extractor builds its instructions and checks from (StanceEngine.Vocabulary.cs).</summary>
public sealed class EngineVocabularyTests
{
    private static readonly StanceEngine Engine = StanceEngine.CreateDefault();

    [Fact]
    public void Acts_GiveEachLemmaItsFamily()
    {
        Assert.Equal(Stance.Condemns, Engine.Acts["condemn"]);
        Assert.Equal(Stance.Abstains, Engine.Acts["refrain-from-criticizing"]);
        Assert.Null(Engine.Acts["meet"]);
    }

    [Fact]
    public void IssueIds_AreTheCataloguesIds_InOrdinalOrder()
    {
        Assert.Contains("russia-ukraine-war", Engine.IssueIds);
        Assert.Equal(Engine.IssueIds.Order(StringComparer.Ordinal), Engine.IssueIds);
    }

    [Theory]
    [InlineData("Call for", "call-for")]
    [InlineData("call_for", "call-for")]
    [InlineData("CONDEMN", "condemn")]
    [InlineData("condemn", "condemn")]
    public void NormalizeAct_GivesTheLexiconsLemma(string act, string lemma) => Assert.Equal(lemma, Engine.NormalizeAct(act));

    [Fact]
    public void NormalizeAct_OfAnUnknownAct_IsNull() => Assert.Null(Engine.NormalizeAct("frobnicate"));
}

/// <summary>The extractor's act normalization: the lexicon's lemma, or an inflected first word brought back to it.</summary>
public sealed class ActLemmaTests
{
    private static readonly StanceEngine Engine = StanceEngine.CreateDefault();
    private static readonly AnswerChecker Checker = new(Engine, new ExtractionPrompt(Engine, null), "article");

    [Theory]
    [InlineData("condemn", "condemn")]
    [InlineData("condemned", "condemn")]
    [InlineData("condemns", "condemn")]
    [InlineData("welcomed", "welcome")]
    [InlineData("criticizing", "criticize")]
    [InlineData("slammed", "slam")]
    [InlineData("denied", "deny")]
    [InlineData("Called for", "call-for")]
    [InlineData("refrained from criticizing", "refrain-from-criticizing")]
    public void ActLemma_BringsAnInflectedFirstWordBack(string act, string lemma) => Assert.Equal(lemma, Checker.ActLemma(act));

    [Theory]
    [InlineData("frobnicated")]
    [InlineData("")]
    [InlineData("ed")]
    public void ActLemma_OfAnythingElse_IsNull(string act) => Assert.Null(Checker.ActLemma(act));
}
