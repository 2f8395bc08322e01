using StanceRules.Extensions.DependencyInjection;

namespace StanceRules.Embedding.Tests;

/// <summary>The DI options check the reload delay where it is set (in code or bound from configuration).</summary>
public class OptionsValidationTests
{
    [Theory]
    [InlineData(-1)]
    [InlineData(3_600_001)]
    public void ReloadDelay_OutsideZeroToAnHour_Throws_NamingIt(int milliseconds)
    {
        var options = new StanceRulesOptions();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => options.ReloadDelay = TimeSpan.FromMilliseconds(milliseconds));

        Assert.Equal(nameof(StanceRulesOptions.ReloadDelay), error.ParamName);
        Assert.StartsWith("StanceRulesOptions.ReloadDelay must be from 0 to 1 hour.", error.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromMilliseconds(300), options.ReloadDelay);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3_600_000)]
    public void ReloadDelay_AtTheEndsOfItsRange_IsKept(int milliseconds)
    {
        var options = new StanceRulesOptions { ReloadDelay = TimeSpan.FromMilliseconds(milliseconds) };

        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), options.ReloadDelay);
    }
}
