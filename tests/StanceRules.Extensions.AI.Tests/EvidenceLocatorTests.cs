namespace StanceRules.Extensions.AI.Tests;

public sealed class EvidenceLocatorTests
{
    private const string Article = "He said: “We   condemn\n\tthe strikes.” Then ‘nothing’ more.";

    [Theory]
    [InlineData("\"We condemn the strikes.\"", "“We   condemn\n\tthe strikes.”")]
    [InlineData("“We condemn the strikes.”", "“We   condemn\n\tthe strikes.”")]
    [InlineData("  Then 'nothing' more. ", "Then ‘nothing’ more.")]
    public void Find_ForgivesWhitespaceAndQuotes_AndGivesTheArticlesSpan(string evidence, string span)
    {
        var locator = new EvidenceLocator(Article);

        var found = locator.Find(evidence);

        Assert.NotNull(found);
        Assert.Equal(Article.IndexOf(span, StringComparison.Ordinal), found.Value.Offset);
        Assert.Equal(span, locator.Text(found.Value));
    }

    [Theory]
    [InlineData("we condemn the strikes")]   // case
    [InlineData("We condemn strikes")]       // a word left out
    [InlineData("We condemn the strikes!")]  // punctuation
    [InlineData("   ")]
    public void Find_RefusesAnythingElse(string evidence) => Assert.Null(new EvidenceLocator(Article).Find(evidence));
}
