using StanceRules.Knowledge;

namespace StanceRules.Tests;

/// <summary>
/// Without a date, officials resolve by their latest office: a name only the historical layer
/// (the <c>.actors</c> dictionaries) knows too, read on the first undated actor the hand-written
/// data does not resolve; a name the hand-written data knows never reads the layer.
/// </summary>
public class UndatedHistoryTests
{
    private static Lazy<HistoricalLayer>? LayerOf(StanceEngine engine) =>
        typeof(Gazetteer).GetField("_history", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(engine.RuleSet.Gazetteer) as Lazy<HistoricalLayer>;

    [Theory]
    [InlineData("Tony Blair", "GBR")]
    [InlineData("President Bill Clinton", "USA")]
    [InlineData("President Laurent Gbagbo", "CIV")]
    [InlineData("Prime Minister Iyad Allawi", "IRQ")]
    public void UndatedNameOnlyTheHistoricalLayerKnows_ResolvesByItsLatestTerm(string actor, string iso3)
    {
        var engine = StanceEngine.CreateDefault(new StanceEngineOptions());

        var resolution = engine.Resolve(actor);

        Assert.Equal(iso3, resolution.Country);
        Assert.Contains("member of the government", resolution.Matched, StringComparison.Ordinal);
    }

    [Fact]
    public void UndatedNameTheHandWrittenDataKnows_DoesNotReadTheLayer()
    {
        var engine = StanceEngine.CreateDefault(new StanceEngineOptions());

        Assert.Equal("FRA", engine.Resolve("Emmanuel Macron").Country);
        Assert.Equal(ResolutionKind.Organization, engine.Resolve("NATO").Kind);
        Assert.False(LayerOf(engine)!.IsValueCreated);
        Assert.Equal(ResolutionKind.Unknown, engine.Resolve("minefield explosion").Kind);
        Assert.True(LayerOf(engine)!.IsValueCreated);
    }

    [Fact]
    public void UndatedPluralDemonymWithoutTheArticle_StaysPeople_NotRetriedInTheLayer()
    {
        var engine = StanceEngine.CreateDefault(new StanceEngineOptions());

        var resolution = engine.Resolve("Palestinians");

        Assert.Null(resolution.Country);
        Assert.StartsWith("people, not the state", resolution.Reason, StringComparison.Ordinal);
        Assert.False(LayerOf(engine)!.IsValueCreated);
    }

    [Fact]
    public void DatedFormerName_StaysFormer_TheUndatedFallbackDoesNotApply()
    {
        // On a date from 2015 on only the hand-written data answers: Blair is not in it.
        var engine = StanceEngine.CreateDefault(new StanceEngineOptions());

        Assert.Equal(ResolutionKind.Unknown, engine.Resolve("Tony Blair", new DateOnly(2020, 1, 1)).Kind);
    }
}
