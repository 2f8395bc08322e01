namespace StanceRules.Tests.Security;

/// <summary>Class 5 of issue 14: every numeric option and limit is bounded and validated, with a clear error.</summary>
public class OptionBoundsTests
{
#if STANCE_CLI // runs the stance CLI, which targets net10.0 only
    [Theory]
    [InlineData("536870912")]
    [InlineData("2147483647")]
    [InlineData("1025")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("99999999999999999999")]
    [InlineData("1e3")]
    [InlineData("+4")]
    [InlineData(" 4")]
    public void Workers_OutOfRangeOrNotAWholeNumber_IsAUsageError(string workers)
    {
        var (exit, stdout, stderr) = StanceCli.Run("infer", Repo.SeedFacts, "--workers", workers);

        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.Contains("--workers takes a whole number from 1 to 1024", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("1024")]
    public void Workers_AtTheBounds_Runs(string workers)
    {
        var (exit, stdout, _) = StanceCli.Run("infer", Repo.SeedFacts, "--workers", workers, "--format", "jsonl");

        Assert.Equal(0, exit);
        Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
#endif

    public static TheoryData<string, Func<StanceLimits>> OutOfRangeLimits => new()
    {
        { nameof(StanceLimits.MaxFileBytes), () => new StanceLimits { MaxFileBytes = 0 } },
        { nameof(StanceLimits.MaxFileBytes), () => new StanceLimits { MaxFileBytes = int.MaxValue } },
        { nameof(StanceLimits.MaxNestingDepth), () => new StanceLimits { MaxNestingDepth = 0 } },
        { nameof(StanceLimits.MaxNestingDepth), () => new StanceLimits { MaxNestingDepth = 100_000 } },
        { nameof(StanceLimits.MaxAliases), () => new StanceLimits { MaxAliases = -1 } },
        { nameof(StanceLimits.MaxStringLength), () => new StanceLimits { MaxStringLength = 0 } },
        { nameof(StanceLimits.MaxRules), () => new StanceLimits { MaxRules = 0 } },
        { nameof(StanceLimits.MaxRules), () => new StanceLimits { MaxRules = int.MaxValue } },
        { nameof(StanceLimits.MaxFactsPerDocument), () => new StanceLimits { MaxFactsPerDocument = -5 } },
        { nameof(StanceLimits.MaxRuleMatches), () => new StanceLimits { MaxRuleMatches = 0 } },
        { nameof(StanceLimits.MaxRuleMatches), () => new StanceLimits { MaxRuleMatches = int.MaxValue } },
    };

    [Theory]
    [MemberData(nameof(OutOfRangeLimits))]
    public void ALimitOutsideItsRange_ThrowsWhenSet_NamingIt(string limit, Func<StanceLimits> create)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(create);

        Assert.Equal(limit, error.ParamName);
        Assert.Contains($"StanceLimits.{limit} must be from", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LimitsAtTheirBounds_AreAccepted()
    {
        var low = new StanceLimits { MaxFileBytes = 1, MaxNestingDepth = 1, MaxAliases = 0, MaxStringLength = 1, MaxRules = 1, MaxFactsPerDocument = 1, MaxRuleMatches = 1 };
        var high = new StanceLimits { MaxFileBytes = 1 << 30, MaxNestingDepth = 256, MaxAliases = 10_000, MaxStringLength = 1 << 30, MaxRules = 100_000, MaxFactsPerDocument = 10_000_000, MaxRuleMatches = 100_000_000 };

        Assert.Equal((1, 256), (low.MaxNestingDepth, high.MaxNestingDepth));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void MaxRuleFirings_BelowOne_Throws(int firings)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new StanceEngineOptions { MaxRuleFirings = firings });
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4097)]
    [InlineData(536_870_912)]
    [InlineData(int.MaxValue)]
    public void BatchWorkers_OutOfRange_Throw(int workers)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new BatchOptions { MaxDegreeOfParallelism = workers });
    }

    [Fact]
    public void BatchReadAhead_AtTheMostWorkers_DoesNotOverflow()
    {
        var options = new BatchOptions { MaxDegreeOfParallelism = 4096 };

        Assert.Equal(4 * 4096, options.MaxPending);
        Assert.Throws<ArgumentOutOfRangeException>(() => new BatchOptions { MaxPending = 1_000_001 });
    }

    [Fact]
    public void TheDeepestNestingAllowed_ParsesWithoutExhaustingTheStack()
    {
        var deep = "article: { id: a }\nfacts: []\nx: " + new string('[', 250) + new string(']', 250) + "\n";

        Assert.False(ArticleFacts.TryParse(deep, "deep.facts.yaml", out _, out var diagnostics, limits: new StanceLimits { MaxNestingDepth = 256 }));

        Assert.Equal(DiagnosticCodes.UnknownKey, Assert.Single(diagnostics).Code);
    }
}
