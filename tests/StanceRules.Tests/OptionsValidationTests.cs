namespace StanceRules.Tests;

/// <summary>
/// Every options type checks a value where it is set, and says which option and what range:
/// <c>ArgumentOutOfRangeException</c> with the property as the parameter and "Type.Property must be ...".
/// </summary>
public class OptionsValidationTests
{
    public static TheoryData<string, Action> OutOfRange => new()
    {
        { "StanceEngineOptions.MaxRuleFirings must be at least 1.", () => _ = new StanceEngineOptions { MaxRuleFirings = 0 } },
        { "StanceEngineOptions.MaxRuleFirings must be at least 1.", () => _ = new StanceEngineOptions { MaxRuleFirings = int.MinValue } },
        { "BatchOptions.MaxDegreeOfParallelism must be from 1 to 4,096.", () => _ = new BatchOptions { MaxDegreeOfParallelism = 0 } },
        { "BatchOptions.MaxDegreeOfParallelism must be from 1 to 4,096.", () => _ = new BatchOptions { MaxDegreeOfParallelism = 4097 } },
        { "BatchOptions.MaxPending must be from 0 to 1,000,000.", () => _ = new BatchOptions { MaxPending = -1 } },
        { "BatchOptions.MaxPending must be from 0 to 1,000,000.", () => _ = new BatchOptions { MaxPending = 1_000_001 } },
        { "CorpusOptions.ArticlesPerCell must be from 1 to 1,000.", () => _ = new CorpusOptions { ArticlesPerCell = 0 } },
        { "CorpusOptions.ArticlesPerCell must be from 1 to 1,000.", () => _ = new CorpusOptions { ArticlesPerCell = 1_001 } },
        { "CorpusOptions.EvidencePerArticle must be from 0 to 1,000.", () => _ = new CorpusOptions { EvidencePerArticle = -1 } },
        { "CorpusOptions.EvidencePerArticle must be from 0 to 1,000.", () => _ = new CorpusOptions() with { EvidencePerArticle = 1_001 } },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void AnOptionOutsideItsRange_ThrowsWhereItIsSet_NamingTheOptionAndItsRange(string message, Action set)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(set);

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(message.Split('.', ' ')[1], error.ParamName);
    }

    [Fact]
    public void OptionsAtTheEndsOfTheirRanges_AreKept()
    {
        var engine = new StanceEngineOptions { MaxRuleFirings = 1 } with { MaxRuleFirings = int.MaxValue };
        var low = new BatchOptions { MaxDegreeOfParallelism = 1, MaxPending = 0 };
        var high = new BatchOptions { MaxDegreeOfParallelism = 4096, MaxPending = 1_000_000 };
        var corpusLow = new CorpusOptions { ArticlesPerCell = 1, EvidencePerArticle = 0 };
        var corpusHigh = new CorpusOptions { ArticlesPerCell = 1_000, EvidencePerArticle = 1_000 };

        Assert.Equal(int.MaxValue, engine.MaxRuleFirings);
        Assert.Equal((1, 4), (low.MaxDegreeOfParallelism, low.MaxPending));
        Assert.Equal((4096, 1_000_000), (high.MaxDegreeOfParallelism, high.MaxPending));
        Assert.Equal((1, 0, 1_000, 1_000), (corpusLow.ArticlesPerCell, corpusLow.EvidencePerArticle, corpusHigh.ArticlesPerCell, corpusHigh.EvidencePerArticle));
    }

    [Fact]
    public void CorpusOptions_OfEqualValues_AreEqual_SoTheirCorporaMerge()
    {
        Assert.Equal(new CorpusOptions(), new CorpusOptions { ArticlesPerCell = 5, EvidencePerArticle = 2 });
        Assert.NotEqual(new CorpusOptions(), new CorpusOptions { ArticlesPerCell = 6 });
    }
}
