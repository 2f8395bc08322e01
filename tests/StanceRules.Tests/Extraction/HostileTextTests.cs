using System.Diagnostics;
using System.Text;

namespace StanceRules.Tests.Extraction;

/// <summary>Hostile text: bounded time and memory, a clear error where a limit is hit.</summary>
public class HostileTextTests
{
    private static readonly Lazy<StanceEngine> Large = new(() => StanceEngine.CreateDefault(new StanceEngineOptions { Limits = new StanceLimits { MaxFileBytes = 64 << 20 } }));

    [Fact]
    public void TextOverTheLimit_IsAStanceRulesException_NamingTheLimit()
    {
        var text = new string('a', StanceLimits.Default.MaxFileBytes + 1);
        var error = Assert.Throws<StanceRulesException>(() => StanceEngine.CreateDefault().Extract(text, "big"));
        Assert.Equal(DiagnosticCodes.LimitExceeded, Assert.Single(error.Diagnostics).Code);
        Assert.Contains("MaxFileBytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TenMegabyteLineWithoutAFullStop_IsSkippedWithANote_InBoundedTime()
    {
        var text = string.Concat(Enumerable.Repeat("France condemned the invasion of Ukraine and ", 10_000_000 / 45)) + "\n\nBrazil condemned the invasion of Ukraine.";
        var clock = Stopwatch.StartNew();
        var extraction = Large.Value.Extract(text, "line");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        Assert.Equal("Brazil", Assert.Single(extraction.Facts.Facts).Actor);
        Assert.Contains(extraction.WhyNot, n => n.Reason.Contains("skipped", StringComparison.Ordinal));
    }

    [Fact]
    public void BinaryBytesMixedScriptsAndBidiMarks_GiveNoErrorAndKeepTheFactsOfTheText()
    {
        var random = new Random(7);
        var bytes = new byte[20_000];
        random.NextBytes(bytes);
        var binary = Encoding.UTF8.GetString(bytes); // invalid sequences become U+FFFD
        var text = binary + "\n\n\u202BFrance\u202C condemned the invasion of Ukraine. Россия осудила. 中国谴责. فرنسا أدانت.\0\u0001 " + binary;

        var extraction = StanceEngine.CreateDefault().Extract(text, "binary");

        var fact = Assert.Single(extraction.Facts.Facts);
        Assert.Equal("France", fact.Actor);
        Assert.Equal(fact.Evidence, text.Substring(fact.EvidenceOffset!.Value, fact.Evidence!.Length));
        Assert.Contains("\"", extraction.ToFactDocument(), StringComparison.Ordinal);
        Assert.Single(ArticleFacts.Parse(extraction.ToFactDocument(), "binary.facts.yaml").Facts);
    }

    [Fact]
    public void OneMillionOneWordSentences_AreCounted_InBoundedTime()
    {
        var text = string.Concat(Enumerable.Repeat("Word. ", 1_000_000));
        var clock = Stopwatch.StartNew();
        var extraction = Large.Value.Extract(text, "words");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
        Assert.Equal(1_000_000, extraction.SentenceCount);
        Assert.Empty(extraction.Facts.Facts);
    }
}
