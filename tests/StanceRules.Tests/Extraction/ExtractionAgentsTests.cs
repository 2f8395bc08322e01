namespace StanceRules.Tests.Extraction;

/// <summary>
/// Agents (a country's soldiers, police, people), material acts, members listed after "including", and a stance act
/// that ends its sentence; on sentences written for the tests.
/// </summary>
public sealed class ExtractionAgentsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("stance-extract-agents-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly DateOnly Date = new(2023, 3, 21);

    private static readonly StanceEngine Engine = StanceEngine.CreateDefault();

    private static ArticleExtraction Extract(string text) => Engine.Extract(text, "test", Date);

    [Fact]
    public void Agent_WithAMaterialAct_IsAFactWithTheActorsWords_CodedWithCountryAndRole_AndGivesNoStance()
    {
        var extraction = Extract("Russian troops shelled Kharkiv in the war in Ukraine.");
        var fact = Assert.IsType<Statement>(Assert.Single(extraction.Facts.Facts));
        Assert.Equal(("Russian troops", "shell", "russia-ukraine-war"), (fact.Actor, fact.Act, fact.Issue));
        var coded = extraction.Coded[fact];
        Assert.Equal(["RUS"], coded.Countries);
        Assert.Equal("MIL", coded.Role);
        Assert.Empty(Engine.Infer(extraction.Facts).Stances);
    }

    [Fact]
    public void AgentRole_ThatIsNotThreeCapitalLetters_IsALoadErrorAtItsLine()
    {
        File.WriteAllText(Path.Combine(_folder, "more-extraction.yaml"), """
            extraction:
              agents:
                MIL: [ sappers ]
                navy: [ frigates ]
            """);
        var error = Assert.Throws<StanceRulesException>(() => StanceEngine.Load(_folder, new StanceEngineOptions { ExtendDefaultRules = true }));
        var diagnostic = Assert.Single(error.Diagnostics);
        Assert.Equal((DiagnosticCodes.InvalidValue, 4), (diagnostic.Code, diagnostic.Location.Line));
        Assert.Contains("'navy'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AgentWord_FromAUsersFile_MakesAnAgent()
    {
        File.WriteAllText(Path.Combine(_folder, "more-extraction.yaml"), """
            extraction:
              agents:
                MIL: [ sappers ]
            """);
        var engine = StanceEngine.Load(_folder, new StanceEngineOptions { ExtendDefaultRules = true });
        var extraction = engine.Extract("Russian sappers condemned the war in Ukraine.", "test", Date);
        Assert.Empty(extraction.Facts.Facts);
        Assert.Contains("agent (MIL) of RUS", Assert.Single(extraction.WhyNot).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Agent_WithAStanceAct_ThatResolutionWouldGiveToTheState_IsNoFact_AndWhyNotSaysSo()
    {
        var extraction = Extract("Egyptian police condemned the war in Ukraine.");
        Assert.Empty(extraction.Facts.Facts);
        Assert.Contains("'Egyptian police' is an agent (COP) of EGY", Assert.Single(extraction.WhyNot).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Agent_WithAStanceAct_ThatResolutionRefuses_IsAFact_ButTheRulesGiveNoStance()
    {
        var extraction = Extract("Syrian rebels condemned the war in Ukraine.");
        var fact = Assert.IsType<Statement>(Assert.Single(extraction.Facts.Facts));
        Assert.Equal(("Syrian rebels", "condemn"), (fact.Actor, fact.Act));
        Assert.Equal("REB", extraction.Coded[fact].Role);
        Assert.Empty(Engine.Infer(extraction.Facts).Stances);
    }

    [Fact]
    public void PluralDemonym_WithoutThe_IsTheCountrysPeople_AndGivesNoStance()
    {
        var extraction = Extract("Ukrainians condemned the war in Ukraine.");
        var fact = Assert.IsType<Statement>(Assert.Single(extraction.Facts.Facts));
        Assert.Equal(("Ukrainians", "CVL"), (fact.Actor, extraction.Coded[fact].Role));
        Assert.Empty(Engine.Infer(extraction.Facts).Stances);
    }

    [Fact]
    public void PluralDemonym_WithThe_GoesToResolution_WhichReadsItAsTheState()
    {
        var extraction = Extract("Brazil met Kenya. The Ukrainians condemned the war in Ukraine.");
        var fact = extraction.Facts.Facts.OfType<Statement>().Single(f => f.Act == "condemn");
        Assert.Equal("The Ukrainians", fact.Actor);
        Assert.Null(extraction.Coded[fact].Role);
        var stance = Assert.Single(Engine.Infer(extraction.Facts).Stances);
        Assert.Equal(("UKR", Stance.Condemns), (stance.Country, stance.Stance));
    }

    [Fact]
    public void Agents_JoinedByAnd_AreOneActor()
    {
        var fact = Assert.IsType<Statement>(Assert.Single(Extract("Russian helicopters and tanks shelled Kharkiv in the war in Ukraine.").Facts.Facts));
        Assert.Equal(("Russian helicopters and tanks", "shell"), (fact.Actor, fact.Act));
    }

    [Fact]
    public void MaterialAct_AfterADeterminer_IsANoun_NotAnAct()
    {
        // Read as an act, "attack" would take "urged" as its coordinated act and leave it without a subject.
        var facts = Extract("Spain condemned the attack and urged talks to end the war in Ukraine.").Facts.Facts.OfType<Statement>().ToList();
        Assert.Equal(["condemn", "urge"], facts.Select(f => f.Act));
        Assert.All(facts, f => Assert.Equal("Spain", f.Actor));
    }

    [Fact]
    public void RefusalOfAMaterialAct_IsARefusal()
    {
        var extraction = Extract("Pakistan refused to deploy troops in the war in Ukraine.");
        var fact = Assert.IsType<Statement>(Assert.Single(extraction.Facts.Facts));
        Assert.Equal(("Pakistan", "refuse"), (fact.Actor, fact.Act));
        Assert.Equal(Stance.Rejects, Assert.Single(Engine.Infer(extraction.Facts).Stances).Stance);
    }

    [Theory]
    [InlineData("Several G-20 members, including India, Brazil and South Africa, chose to abstain on the war in Ukraine.", "India, Brazil and South Africa")]
    [InlineData("Many countries, such as Kenya and Peru, condemned the war in Ukraine.", "Kenya and Peru")]
    public void MembersListedAfterIncluding_AreTheJointActorOfTheGroup(string sentence, string actor)
    {
        var fact = Assert.IsType<Statement>(Assert.Single(Extract(sentence).Facts.Facts));
        Assert.Equal(actor, fact.Actor);
    }

    [Fact]
    public void MembersListedAfterIncluding_InAnObjectGroup_AreNoActor()
    {
        // The group before "including" holds an act: the list is what Spain named, not who condemned.
        var facts = Extract("Spain thanked several countries, including India and Brazil, condemned the war in Ukraine.").Facts.Facts;
        Assert.DoesNotContain(facts.OfType<Statement>(), f => f.Actor == "India and Brazil");
    }

    [Fact]
    public void StanceAct_ThatEndsItsSentence_TakesItsIssueFromTheSentence()
    {
        var extraction = Extract("Asked about the war in Ukraine, Kenya disagreed.");
        var fact = Assert.IsType<Statement>(Assert.Single(extraction.Facts.Facts));
        Assert.Equal(("Kenya", "disagree", "russia-ukraine-war", (string?)null), (fact.Actor, fact.Act, fact.Issue, fact.Target));
        Assert.Equal("Kenya disagreed", fact.Evidence);
    }

    [Fact]
    public void NamesSetOffByACommaWithoutAnd_AreNoJointActor()
    {
        var fact = Assert.IsType<Statement>(Assert.Single(Extract("In Kyiv, Kenya condemned the war in Ukraine.").Facts.Facts));
        Assert.Equal("Kenya", fact.Actor);
    }

    [Fact]
    public void PassiveAct_WithAnActorAfterBy_IsThatActorsAct_AboutTheWordsBeforeIt()
    {
        var extraction = Extract("China's peace plan was firmly rejected by Ukraine on Monday.");
        var fact = Assert.IsType<Statement>(Assert.Single(extraction.Facts.Facts));
        Assert.Equal(("Ukraine", "reject", "China's peace plan", "china-peace-plan"), (fact.Actor, fact.Act, fact.Target, fact.Issue));
        Assert.Equal("China's peace plan was firmly rejected by Ukraine", fact.Evidence);
    }

    [Fact]
    public void PassiveAct_WithoutAnActorAfterBy_IsNoFact()
    {
        var extraction = Extract("China's peace plan was rejected in Kyiv.");
        Assert.Empty(extraction.Facts.Facts);
        Assert.StartsWith("reject: ", Assert.Single(extraction.WhyNot).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ADayAfterAName_IsNoPartOfTheActor()
    {
        var fact = Assert.IsType<Statement>(Assert.Single(Extract("Kenya Tuesday condemned the war in Ukraine.").Facts.Facts));
        Assert.Equal("Kenya", fact.Actor);
    }

    [Fact]
    public void NeutralAct_ThatEndsItsSentence_IsStillNoFact()
    {
        Assert.Empty(Extract("In the debate on the war in Ukraine, India spoke.").Facts.Facts);
    }
}
