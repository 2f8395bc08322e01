namespace StanceRules.Tests.Extraction;

/// <summary>
/// The extractor across clauses: subjects set off by relative clauses, lists with articles,
/// coordinated clauses, objects of another verb, quoted fragments; on sentences written for the tests.
/// </summary>
public sealed class ExtractionClauseTests : IDisposable
{
    private static readonly DateOnly Date = new(2023, 3, 21);

    private readonly string _folder = Directory.CreateTempSubdirectory("stance-extract-clauses-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static ArticleExtraction Extract(string text) => StanceEngine.CreateDefault().Extract(text, "test", Date);

    private static Statement OnlyStatement(string text) => Assert.IsType<Statement>(Assert.Single(Extract(text).Facts.Facts));

    [Fact]
    public void RelativeClause_LongerThanTheGap_IsSkipped_AndItsNegationDoesNotNegateTheAct()
    {
        var fact = OnlyStatement("Norway, which is not a member of the European Union and never joined its customs union, also condemned the war in Ukraine.");
        Assert.Equal("Norway", fact.Actor);
        Assert.Equal("condemn", fact.Act);
        Assert.False(fact.Negated);
    }

    [Fact]
    public void RelativeClause_BetweenDashes_IsSkipped()
    {
        Assert.Equal("Kenya", OnlyStatement("Kenya \u2014 which hosts the talks \u2014 condemned the war in Ukraine.").Actor);
    }

    [Fact]
    public void RelativeClause_FollowedByAWordThatIsNoAuxiliary_GivesNoFact()
    {
        var extraction = Extract("Norway, which is not a member, diplomats say condemned the war in Ukraine.");
        Assert.Empty(extraction.Facts.Facts);
    }

    [Theory]
    [InlineData("Chile, the United States and Peru condemned the war in Ukraine.", new[] { "CHL", "PER", "USA" })]
    [InlineData("Chile and the United States condemned the war in Ukraine.", new[] { "CHL", "USA" })]
    [InlineData("Chile, Peru, and Ecuador condemned the war in Ukraine.", new[] { "CHL", "ECU", "PER" })]
    public void JointActor_ListWithArticlesOrASerialComma_IsOneActorOfEveryMember(string sentence, string[] countries)
    {
        var extraction = Extract(sentence);
        Assert.Single(extraction.Facts.Facts);
        var report = StanceEngine.CreateDefault().Infer(extraction.Facts);
        Assert.Equal(countries, report.Stances.Select(s => s.Country).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void CoordinatedClauses_CommaAnd_JoinTwoClauses_NotTwoActors()
    {
        var extraction = Extract("Peru welcomed China's peace plan, and Chile condemned the war in Ukraine.");
        Assert.Equal(["Peru", "Chile"], extraction.Facts.Facts.Select(f => f.Actor));
    }

    [Fact]
    public void ContinueTo_KeepsTheSubjectOfTheAct()
    {
        var fact = OnlyStatement("Hungary said it would continue to support China's peace plan.");
        Assert.Equal("Hungary", fact.Actor);
        Assert.Equal("support", fact.Act);
    }

    [Fact]
    public void ObjectOfAnotherVerb_BeforeAnInfinitive_IsNotTheActorOfTheInfinitive()
    {
        var fact = OnlyStatement("Spain urged Brazil to condemn the war in Ukraine.");
        Assert.Equal(("Spain", "urge"), (fact.Actor, fact.Act));
        Assert.DoesNotContain(Extract("Spain called on Brazil to condemn the war in Ukraine.").Facts.Facts, f => f.Actor == "Brazil");
        Assert.Equal("Brazil", OnlyStatement("Spain met Brazil. Brazil agreed to condemn the war in Ukraine.").Actor);
    }

    [Fact]
    public void QuotedFragment_AfterTo_GivesNoFactToTheSpeaker()
    {
        var extraction = Extract("Spain's foreign minister met reporters. Spain's foreign ministry asked the court to \u201creject the ICC warrant\u201d.");
        Assert.DoesNotContain(extraction.Facts.Facts, f => f is Statement { Act: "reject" });
        Assert.Equal("reject", OnlyStatement("\u201cWe reject the ICC warrant,\u201d Spain's foreign ministry said.").Act);
    }

    [Fact]
    public void Issue_TheActorsOwnNameIsNotWhatTheActIsAbout()
    {
        File.WriteAllText(Path.Combine(_folder, "issues.yaml"), """
            issues:
              - id: peru-government
                title: Peru's government
                phrases: [Peru]
            """);
        var engine = StanceEngine.Load(_folder, new StanceEngineOptions { ExtendDefaultRules = true });
        Assert.Empty(engine.Extract("Peru condemned the weather.", "t", Date).Facts.Facts);
        Assert.Equal("peru-government", Assert.Single(engine.Extract("Chile condemned the weather in Peru.", "t", Date).Facts.Facts).Issue);
    }

    [Fact]
    public void Coordination_AnActAfterAndWithoutASubject_SharesTheSubjectOfTheActBefore()
    {
        var extraction = Extract("Spain's foreign minister met Kenya's envoy and later did not condemn the war in Ukraine.");
        var fact = Assert.IsType<Statement>(Assert.Single(extraction.Facts.Facts, f => f is Statement { Act: "condemn" }));
        Assert.Equal("Spain's foreign minister", fact.Actor);
        Assert.True(fact.Negated);
        Assert.StartsWith("Spain's foreign minister met", fact.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Coordination_WithAnotherActorAfterAnd_KeepsThatActor()
    {
        var extraction = Extract("Spain met Kenya, and Peru condemned the war in Ukraine.");
        Assert.Equal("Peru", Assert.Single(extraction.Facts.Facts, f => f is Statement { Act: "condemn" }).Actor);
    }

    [Fact]
    public void TitleDescription_InALaterParagraph_IsTheArticlesLastNamedHolderOfTheTitle()
    {
        var fact = OnlyStatement("Saudi Crown Prince Mohammed bin Salman greeted the guests.\n\nThe crown prince condemned the war in Ukraine.");
        Assert.Equal("Saudi Crown Prince Mohammed bin Salman", fact.Actor);
        Assert.Empty(Extract("Saudi Crown Prince Mohammed bin Salman greeted the guests.\n\nHe condemned the war in Ukraine.").Facts.Facts);
    }
}
