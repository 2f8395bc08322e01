using static StanceRules.Tests.Extraction.ExtractionSentences;

namespace StanceRules.Tests.Extraction;

/// <summary>Neutral acts as facts without a stance, and nouns of acts; on sentences written for the tests.</summary>
public sealed class ExtractionActsTests
{
    [Fact]
    public void NeutralAct_WithActorTargetAndIssue_IsAFactThatGivesNoStance()
    {
        var extraction = Extract("Brazil's foreign minister met his Kenyan counterpart to discuss the war in Ukraine.");
        var fact = Assert.IsType<Statement>(Assert.Single(extraction.Facts.Facts));
        Assert.Equal(("Brazil's foreign minister", "meet", "russia-ukraine-war"), (fact.Actor, fact.Act, fact.Issue));
        Assert.Empty(Engine.Infer(extraction.Facts).Stances);
    }

    [Fact]
    public void NeutralAct_WithoutAnIssue_IsNoFact_AndWhyNotSaysSo()
    {
        var extraction = Extract("Kenya discussed the weather.");
        Assert.Empty(extraction.Facts.Facts);
        Assert.Contains("discuss: no issue of the catalogue", Assert.Single(extraction.WhyNot).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void NeutralAct_OfAnActorWithAStanceFactInTheSentence_IsNoSecondFact()
    {
        var fact = OnlyStatement("Spain said it condemned the war in Ukraine.");
        Assert.Equal(("Spain", "condemn"), (fact.Actor, fact.Act));
    }

    [Fact]
    public void NeutralAct_AVerbOfSayingThatAttributesAQuotation_IsNoFact()
    {
        var extraction = Extract("\u201cThe war in Ukraine must end soon,\u201d Spain's prime minister said.");
        Assert.Empty(extraction.Facts.Facts);
        Assert.Contains("attribute a quotation", Assert.Single(extraction.WhyNot).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Chile lodged a formal protest against the war in Ukraine.", "Chile", "protest")]
    [InlineData("Peru voiced its strong opposition to China's peace plan.", "Peru", "oppose")]
    [InlineData("Spain's condemnation of the war in Ukraine came within hours.", "Spain", "condemn")]
    [InlineData("Kenya reiterated its demands for a withdrawal of Russian troops.", "Kenya", "demand")]
    public void NominalAct_ANounOfAnActAfterALightVerbOrAPossessive_IsTheAct(string sentence, string actor, string act)
    {
        var fact = OnlyStatement(sentence);
        Assert.Equal((actor, act), (fact.Actor, fact.Act));
    }

    [Fact]
    public void NominalAct_ANounThatIntroducesNothing_IsNoAct()
    {
        Assert.DoesNotContain(Extract("Venezuela's opposition leader met reporters to discuss the war in Ukraine.").Facts.Facts, f => f is Statement { Act: "oppose" });
    }

    [Fact]
    public void NominalAct_WhoseLemmaIsNotInTheLexicon_IsALoadErrorNamingTheFile()
    {
        var diagnostic = LoadError("""
            extraction:
              nominal_acts:
                scolding: scold-loudly
            """);
        Assert.Contains("scold-loudly", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(3, diagnostic.Location.Line);
    }

    [Fact]
    public void Extraction_OfTheSeedArticlesRepeated_GivesTheirFactsTimesTheRepeats()
    {
        // The benchmark's check (ExtractionText.Check): what one article's text gives does not depend on the articles before it.
        var one = string.Join("\n\n", Directory.GetFiles(Path.Combine(Repo.Root, "seeds"), "*.article.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText));
        var engine = StanceEngine.CreateDefault();
        var once = engine.Extract(one, "one", Date).Facts.Facts.Select(f => f.Evidence ?? string.Empty).ToList();
        var thrice = engine.Extract(string.Join("\n\n", one, one, one), "three", Date).Facts.Facts.Select(f => f.Evidence ?? string.Empty).ToList();
        Assert.NotEmpty(once);
        Assert.Equal(once.Concat(once).Concat(once), thrice);
    }
}
