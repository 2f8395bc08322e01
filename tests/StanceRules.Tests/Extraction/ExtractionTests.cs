namespace StanceRules.Tests.Extraction;

/// <summary>The text extractor, one behaviour per test, on sentences written for the tests.</summary>
public class ExtractionTests
{
    private static readonly DateOnly Date = new(2023, 3, 21);

    private static ArticleExtraction Extract(string text) => StanceEngine.CreateDefault().Extract(text, "test", Date);

    private static Statement OnlyStatement(string text)
    {
        var extraction = Extract(text);
        return Assert.IsType<Statement>(Assert.Single(extraction.Facts.Facts));
    }

    [Fact]
    public void Attribution_AfterAQuotation_GivesTheQuotedSpeakerAsActor()
    {
        var fact = OnlyStatement("\"We condemn the invasion of Ukraine,\" the German government said.");
        Assert.Equal("German government", fact.Actor);
        Assert.Equal("condemn", fact.Act);
        Assert.Equal("russia-ukraine-war", fact.Issue);
    }

    [Fact]
    public void Attribution_SaidBeforeTheSpeaker_GivesTheSpeaker()
    {
        var fact = OnlyStatement("\"We welcome China's peace plan,\" said Brazil's foreign minister.");
        Assert.Equal("Brazil's foreign minister", fact.Actor);
        Assert.Equal("welcome", fact.Act);
    }

    [Fact]
    public void Attribution_AccordingTo_GivesTheSource()
    {
        var fact = OnlyStatement("According to the Kremlin, \"we reject the ICC warrant\".");
        Assert.Equal("Kremlin", fact.Actor);
        Assert.Equal("reject", fact.Act);
        Assert.Equal("icc-putin-warrant", fact.Issue);
    }

    [Theory]
    [InlineData("Brazil did not condemn the invasion of Ukraine.", "condemn")]
    [InlineData("India has yet to condemn the invasion of Ukraine.", "condemn")]
    [InlineData("South Africa refused to condemn the invasion of Ukraine.", "condemn")]
    [InlineData("Hungary never condemned the invasion of Ukraine.", "condemn")]
    public void Negation_BeforeTheAct_NegatesIt(string sentence, string act)
    {
        var fact = OnlyStatement(sentence);
        Assert.Equal(act, fact.Act);
        Assert.True(fact.Negated);
    }

    [Fact]
    public void Negation_Absent_LeavesTheActPlain()
    {
        Assert.False(OnlyStatement("Brazil condemned the invasion of Ukraine.").Negated);
    }

    [Fact]
    public void Hedge_CautiouslyWelcomed_IsHedged()
    {
        var fact = OnlyStatement("Ukraine cautiously welcomed China's peace plan.");
        Assert.Equal("welcome", fact.Act);
        Assert.True(fact.Hedged);
        Assert.False(OnlyStatement("Ukraine welcomed China's peace plan.").Hedged);
    }

    [Theory]
    [InlineData("France condemns the invasion of Ukraine.", "condemn")]
    [InlineData("France condemned the invasion of Ukraine.", "condemn")]
    [InlineData("France has condemned the invasion of Ukraine.", "condemn")]
    [InlineData("France is condemning the invasion of Ukraine.", "condemn")]
    [InlineData("France denies the invasion of Ukraine.", "deny")]
    [InlineData("France denied the invasion of Ukraine.", "deny")]
    [InlineData("Hungary withdrew from the International Criminal Court.", "withdraw-from")]
    [InlineData("Kenya has refrained from openly criticizing the invasion of Ukraine.", "refrain-from-criticizing")]
    [InlineData("Poland slammed the invasion of Ukraine.", "slam")]
    public void Inflection_EveryFormOfAnAct_GivesItsLemma(string sentence, string lemma)
    {
        Assert.Equal(lemma, OnlyStatement(sentence).Act);
    }

    [Fact]
    public void JointActor_ListedCountries_AreOneFactThatSpeaksForEach()
    {
        var extraction = Extract("Germany, France and Poland condemned the invasion of Ukraine.");
        var fact = Assert.Single(extraction.Facts.Facts);
        Assert.Equal("Germany, France and Poland", fact.Actor);
        var report = StanceEngine.CreateDefault().Infer(extraction.Facts);
        Assert.Equal(["DEU", "FRA", "POL"], report.Stances.Where(s => s.Issue == "russia-ukraine-war").Select(s => s.Country).Order());
    }

    [Fact]
    public void Vote_Abstained_IsARecordedAbstention()
    {
        var vote = Assert.IsType<Vote>(Assert.Single(Extract("India abstained on the General Assembly resolution condemning the invasion of Ukraine.").Facts.Facts));
        Assert.Equal(VoteChoice.Abstain, vote.Choice);
        Assert.Equal("UNGA", vote.Body);
        Assert.Equal("russia-ukraine-war", vote.Issue);
    }

    [Fact]
    public void Vote_InFavourOfAResolutionCondemning_MeansCondemns()
    {
        var vote = Assert.IsType<Vote>(Assert.Single(Extract("Kenya voted in favour of the resolution condemning the invasion of Ukraine.").Facts.Facts));
        Assert.Equal(VoteChoice.Yes, vote.Choice);
        Assert.Equal(Stance.Condemns, vote.YesMeans);
        var report = StanceEngine.CreateDefault().Infer(Extract("Kenya voted against the resolution condemning the invasion of Ukraine.").Facts);
        Assert.Equal(Stance.Rejects, Assert.Single(report.Stances).Stance);
    }

    [Fact]
    public void Vote_WithoutANamedMotion_GivesNoVote()
    {
        Assert.DoesNotContain(Extract("Kenya voted against the invasion of Ukraine.").Facts.Facts, f => f is Vote);
    }

    [Fact]
    public void Pronoun_StandsForTheParagraphsLastNamedSpeaker()
    {
        var fact = OnlyStatement("The German government met reporters in Berlin. It was a long day. He condemned the invasion of Ukraine.");
        Assert.Equal("German government", fact.Actor);
        Assert.StartsWith("He condemned", fact.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Pronoun_TheMinister_StandsForTheNamedMinister()
    {
        var fact = OnlyStatement("Russian Foreign Minister Sergei Lavrov met reporters. The minister rejected the ICC warrant.");
        Assert.Equal("Russian Foreign Minister Sergei Lavrov", fact.Actor);
    }

    [Fact]
    public void Pronoun_InANewParagraph_HasNoSpeaker()
    {
        var extraction = Extract("The German government met reporters.\n\nHe condemned the invasion of Ukraine.");
        Assert.Empty(extraction.Facts.Facts);
        Assert.Contains(extraction.WhyNot, n => n.Reason.Contains("no speaker named earlier", StringComparison.Ordinal));
    }

    [Fact]
    public void Pronoun_ItAfterAVerbOfSaying_IsTheSpeaker_AndItsNegationCounts()
    {
        var fact = OnlyStatement("Hungary says it will not support the invasion of Ukraine.");
        Assert.Equal("Hungary", fact.Actor);
        Assert.Equal("support", fact.Act);
        Assert.True(fact.Negated);
        Assert.Empty(Extract("France met Germany. The invasion of Ukraine grew as it challenges the ICC.").Facts.Facts);
    }

    [Fact]
    public void Actor_AnAppositionBetweenActorAndAct_IsSkipped()
    {
        var fact = OnlyStatement("Pakistan, a key U.S. ally, has condemned the invasion of Ukraine.");
        Assert.Equal("Pakistan", fact.Actor);
    }

    [Fact]
    public void Sentences_AbbreviationsDoNotEndThem()
    {
        var extraction = Extract("U.S. President Joe Biden condemned the invasion of Ukraine. Mr. Biden met Gen. Milley.");
        Assert.Equal(2, extraction.SentenceCount);
        Assert.Equal("U.S. President Joe Biden", Assert.Single(extraction.Facts.Facts).Actor);
    }

    [Fact]
    public void Precision_NoActorNoFact_AndWhyNotSaysSo()
    {
        var extraction = Extract("The invasion of Ukraine was condemned by many. Kenya discussed the weather.");
        Assert.Empty(extraction.Facts.Facts);
        Assert.Contains(extraction.WhyNot, n => n.Reason.Contains("condemn: passive voice", StringComparison.Ordinal));
        Assert.Contains(extraction.WhyNot, n => n.Reason.Contains("discuss: no issue of the catalogue", StringComparison.Ordinal));
    }

    [Fact]
    public void Precision_NoIssue_NoFact()
    {
        var extraction = Extract("France condemned the weather.");
        Assert.Empty(extraction.Facts.Facts);
        Assert.Contains("no issue of the catalogue", Assert.Single(extraction.WhyNot).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evidence_IsTheSpanOfTheTextAtItsOffset()
    {
        var text = File.ReadAllText(Path.Combine(Repo.Root, "seeds", "xi-moscow-2023-03-21.article.txt"));
        var extraction = StanceEngine.CreateDefault().Extract(text, "xi", Date);
        Assert.NotEmpty(extraction.Facts.Facts);
        foreach (var fact in extraction.Facts.Facts)
        {
            Assert.Equal(fact.Evidence, text.Substring(fact.EvidenceOffset!.Value, fact.Evidence!.Length));
        }
    }

    [Theory]
    [InlineData(FactDocumentFormat.Yaml)]
    [InlineData(FactDocumentFormat.Json)]
    public void FactDocument_RoundTripsThroughTheReader(FactDocumentFormat format)
    {
        var text = File.ReadAllText(Path.Combine(Repo.Root, "seeds", "xi-moscow-2023-03-21.article.txt")) + "\nIndia abstained on the General Assembly resolution condemning the invasion of Ukraine. \"Quoted \\ text\u2028\" said France.";
        var engine = StanceEngine.CreateDefault();
        var extraction = engine.Extract(text, "xi", Date, "A \"title\"");
        var read = ArticleFacts.Parse(extraction.ToFactDocument(format), format == FactDocumentFormat.Json ? "x.facts.json" : "x.facts.yaml", format: format);
        Assert.Equal(extraction.Facts.Id, read.Id);
        Assert.Equal(extraction.Facts.Published, read.Published);
        Assert.Equal(extraction.Facts.Title, read.Title);
        Assert.Equal(Describe(extraction.Facts), Describe(read));
        Assert.Equal(engine.Infer(extraction.Facts).ToJson(), engine.Infer(read).ToJson());
    }

    private static string[] Describe(ArticleFacts facts) => facts.Facts.Select(f => f switch
    {
        Statement s => $"{s.Id}|{s.Actor}|{s.Act}|{s.Target}|{s.Negated}|{s.Hedged}|{s.Issue}|{s.Evidence}|{s.EvidenceOffset}",
        Vote v => $"{v.Id}|{v.Actor}|{v.Choice}|{v.Motion}|{v.Body}|{v.YesMeans}|{v.Issue}|{v.Evidence}|{v.EvidenceOffset}",
        _ => f.Id,
    }).ToArray();
}
