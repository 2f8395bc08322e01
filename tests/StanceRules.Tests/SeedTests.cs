namespace StanceRules.Tests;

/// <summary>The seed article's facts, run through the default rules: the rows the issue requires, and the golden report.</summary>
public class SeedTests
{
    private static readonly StanceReport Report = StanceEngine.CreateDefault().Infer(ArticleFacts.Load(Repo.SeedFacts));

    [Theory]
    [InlineData("CHN", "russia-ukraine-war", Stance.Abstains)]
    [InlineData("IND", "russia-ukraine-war", Stance.Abstains)]
    [InlineData("ZAF", "russia-ukraine-war", Stance.Abstains)]
    [InlineData("RUS", "china-peace-plan", Stance.Supports)]
    [InlineData("CHN", "china-peace-plan", Stance.Supports)]
    [InlineData("USA", "china-peace-plan", Stance.Rejects)]
    [InlineData("UKR", "china-peace-plan", Stance.Rejects)]
    [InlineData("RUS", "icc-putin-warrant", Stance.Rejects)]
    [InlineData("CHN", "icc-putin-warrant", Stance.Rejects)]
    [InlineData("RUS", "icc-jurisdiction", Stance.Rejects)]
    [InlineData("CHN", "icc-jurisdiction", Stance.Rejects)]
    [InlineData("USA", "icc-jurisdiction", Stance.Rejects)]
    [InlineData("UKR", "icc-jurisdiction", Stance.Rejects)]
    public void Seed_YieldsTheRequiredStance(string country, string issue, Stance stance)
    {
        var row = Report.Find(country, issue);

        Assert.NotNull(row);
        Assert.Equal(stance, row.Stance);
    }

    [Fact]
    public void Report_CarriesTheArticlesDate_AndOmitsItWhenTheFactsHaveNone()
    {
        Assert.Equal(new DateOnly(2023, 3, 21), Report.Published);
        Assert.Contains("\"published\": \"2023-03-21\"", Report.ToJson(), StringComparison.Ordinal);

        var undated = StanceEngine.CreateDefault().Infer(new ArticleFacts("undated", [new Statement { Actor = "Kremlin", Act = "welcome", Target = "x", Issue = "a" }]));

        Assert.Null(undated.Published);
        Assert.DoesNotContain("published", undated.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Seed_UkraineRejectsThePeacePlan_WithTheCautiousWelcomeOverruled()
    {
        var row = Report.Find("UKR", "china-peace-plan")!;

        var overruled = Assert.Single(row.Overruled);
        Assert.Equal(Stance.Supports, overruled.Stance);
        Assert.Equal(0.4, overruled.Confidence);
        Assert.Contains("cautiously welcomed", Assert.Single(overruled.Evidence), StringComparison.Ordinal);
        Assert.Equal(DecisionStep.Confidence, row.DecidedBy);
    }

    [Fact]
    public void Seed_GroupActorsAreUnresolvedWithTheirReason()
    {
        Assert.Equal(
            [("141 countries", "group of unnamed countries"), ("Many African countries", "group of unnamed countries")],
            Report.Unresolved.Select(u => (u.Actor, u.Reason)));
    }

    [Fact]
    public void Seed_EveryEvidenceIsAVerbatimSpanOfTheArticle()
    {
        var article = File.ReadAllText(Repo.SeedArticle);
        var facts = ArticleFacts.Load(Repo.SeedFacts).Facts;

        Assert.All(facts, f => Assert.True(f.Evidence is { Length: > 0 } && article.Contains(f.Evidence, StringComparison.Ordinal), $"{f.Id}: evidence is not in the article"));
    }

    [Fact]
    public void Seed_ArticleIsTheSharedSeedUnchanged()
    {
        var shared = Path.Combine(Repo.Root, "..", "shared", "seeds", "000_17c3184dda20f305.txt");
        if (File.Exists(shared))
        {
            Assert.Equal(File.ReadAllText(shared), File.ReadAllText(Repo.SeedArticle));
        }
        else
        {
            Assert.Contains("Xi’s trip", File.ReadAllText(Repo.SeedArticle), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Seed_ReportMatchesTheGoldenJson()
    {
        // Regenerate with: dotnet run --project src/StanceRules.Cli -- infer --format json > seeds/xi-moscow-2023-03-21.expected.json
        var expected = File.ReadAllText(Repo.SeedExpectedJson).ReplaceLineEndings("\n").TrimEnd();

        Assert.Equal(expected, Report.ToJson().ReplaceLineEndings("\n").TrimEnd());
    }

    [Fact]
    public void Seed_InferenceIsDeterministic()
    {
        var again = StanceEngine.Load(Repo.Rules).Infer(ArticleFacts.Load(Repo.SeedFacts));

        Assert.Equal(Report.ToJson(), again.ToJson());
    }

    /// <summary>The seeds of issue 11 (other regions and years), each with its golden report.</summary>
    public static TheoryData<string> DatedSeeds => new()
    {
        "venezuela-guaido-2019-01-24",
        "skripal-expulsions-2018-03-26",
        "alula-gcc-2021-01-05",
        "niger-ecowas-2023-08-01",
    };

    [Theory]
    [MemberData(nameof(DatedSeeds))]
    public void DatedSeed_ReportMatchesItsGoldenJson(string seed)
    {
        // Regenerate with: dotnet run --project src/StanceRules.Cli -- infer seeds/SEED.facts.yaml --format json > seeds/SEED.expected.json
        var report = StanceEngine.CreateDefault().Infer(ArticleFacts.Load(Path.Combine(Repo.Root, "seeds", seed + ".facts.yaml")));
        var expected = File.ReadAllText(Path.Combine(Repo.Root, "seeds", seed + ".expected.json")).ReplaceLineEndings("\n").TrimEnd();

        Assert.Equal(expected, report.ToJson().ReplaceLineEndings("\n").TrimEnd());
    }

    [Theory]
    [MemberData(nameof(DatedSeeds))]
    public void DatedSeed_EveryEvidenceIsAVerbatimSpanOfItsArticle(string seed)
    {
        var article = File.ReadAllText(Path.Combine(Repo.Root, "seeds", seed + ".article.txt"));
        var facts = ArticleFacts.Load(Path.Combine(Repo.Root, "seeds", seed + ".facts.yaml")).Facts;

        Assert.All(facts, f => Assert.True(f.Evidence is { Length: > 0 } && article.Contains(f.Evidence, StringComparison.Ordinal), $"{seed} {f.Id}: evidence is not in the article"));
    }

    [Theory]
    [MemberData(nameof(DatedSeeds))]
    public void DatedSeed_HasADatedOfficialAJointStatementAndAGroup(string seed)
    {
        var engine = StanceEngine.CreateDefault();
        var article = ArticleFacts.Load(Path.Combine(Repo.Root, "seeds", seed + ".facts.yaml"));
        var resolutions = article.Facts.Select(f => engine.Resolve(f.Actor, article.Published)).ToArray();
        var report = engine.Infer(article);

        Assert.NotNull(article.Published);
        Assert.Contains(resolutions, r => r.Kind == ResolutionKind.Country && r.Matched is { } m && System.Text.RegularExpressions.Regex.IsMatch(m, @"\d{4}-\d{2}-\d{2}"));
        Assert.Contains(resolutions, r => r.Kind == ResolutionKind.Group);
        var joint = article.Facts.Where((f, i) => resolutions[i].Kind == ResolutionKind.JointStatement).ToArray();
        Assert.NotEmpty(joint);

        // The joint statement's fact is listed under each of its countries.
        foreach (var fact in joint)
        {
            var countries = engine.Resolve(fact.Actor, article.Published).Countries;
            var citing = report.Stances.Where(s => s.Facts.Contains(fact.Id)).Select(s => s.Country).Distinct().ToArray();
            Assert.True(countries.All(citing.Contains) || citing.Length == 0, $"{seed} {fact.Id}: {string.Join(",", countries)} vs {string.Join(",", citing)}");
        }
    }

    [Fact]
    public void SkripalSeed_TuskAtTheEuropeanCouncilIsNotPoland_AndTheJointStatementCitesOneFactUnderEachCountry()
    {
        var report = StanceEngine.CreateDefault().Infer(ArticleFacts.Load(Path.Combine(Repo.Root, "seeds", "skripal-expulsions-2018-03-26.facts.yaml")));

        Assert.Contains(report.Unresolved, u => u.Fact == "f3" && u.Reason.StartsWith("official of European Council", StringComparison.Ordinal));
        Assert.Equal(["DEU", "FRA", "POL"], report.Stances.Where(s => s.Issue == "russian-diplomat-expulsions" && s.Facts.Contains("f1")).Select(s => s.Country));
    }
}
