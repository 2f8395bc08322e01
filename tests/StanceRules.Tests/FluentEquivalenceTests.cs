using NRules;
using NRules.Fluent;
using NRules.Fluent.Dsl;

namespace StanceRules.Tests;

/// <summary>
/// The same rules written in YAML and by hand in NRules' fluent DSL give the same signals on the
/// same facts: the YAML translation adds no meaning of its own.
/// </summary>
public class FluentEquivalenceTests
{
    private const string YamlRules = """
        rules:
          - id: silence-is-abstention
            when:
              - statement as s: { family: abstains }
              - not:
                  statement: { country: $s.country, issue: $s.issue, family: condemns }
            then: { stance: abstains, confidence: 0.6 }
          - id: vote-abstain
            when: [ vote: { choice: abstain } ]
            then: { stance: abstains, confidence: 0.95 }
          - id: words-against-vote
            when:
              - vote as v: { choice: yes, yes_means: condemns }
              - statement as s: { country: $v.country, issue: $v.issue, family: [supports, abstains], hedged: false }
            then: { stance: supports, confidence: 0.5, issue: $s.issue }
          - id: sharp-criticism
            when:
              - statement as s: { act: { in: [denounce, slam, lambaste] }, target: { contains: plan } }
              - exists:
                  - vote: { country: $s.country, choice: no }
            then: { stance: condemns, confidence: 0.7 }
        """;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void YamlAndFluentRules_GiveTheSameSignals_OnRandomFacts(int seed)
    {
        var facts = RandomFacts(new Random(seed), 400);
        var engine = Repo.EngineWithRules(YamlRules);

        var report = engine.Infer(new ArticleFacts($"random-{seed}", facts));
        var fromYaml = report.Stances
            .SelectMany(s => s.Signals.Concat(s.Overruled))
            .Select(s => new FluentSignal(s.Country, s.Issue, s.Stance, s.Rule, string.Join('+', s.Facts)))
            .OrderBy(s => s.ToString(), StringComparer.Ordinal)
            .ToArray();

        var fromFluent = RunFluent(engine, facts);

        Assert.NotEmpty(fromYaml);
        Assert.Equal(fromFluent.Select(s => s.Rule).Distinct().Order(), fromYaml.Select(s => s.Rule).Distinct().Order());
        Assert.Equal(4, fromYaml.Select(s => s.Rule).Distinct().Count());
        Assert.Equal(fromFluent, fromYaml);
    }

    private static FluentSignal[] RunFluent(StanceEngine engine, IReadOnlyList<Fact> facts)
    {
        var repository = new RuleRepository();
        repository.Load(x => x.From(typeof(SilenceIsAbstention), typeof(VoteAbstain), typeof(WordsAgainstVote), typeof(SharpCriticism)));
        Assert.Equal(4, repository.GetRules().Count());
        var session = repository.Compile().CreateSession();

        // The same resolution the engine does before matching: country, lexicon family.
        var rules = engine.RuleSet;
        foreach (var fact in facts)
        {
            var copy = fact.CopyForSession();
            copy.Country = rules.Gazetteer.Resolve(fact.Actor).Country!.Iso3;
            if (copy is Statement statement)
            {
                statement.Family = rules.Lexicon.FamilyOf(statement.Act, statement.Negated);
            }
            session.Insert(copy);
        }

        session.Fire();
        return session.Query<FluentSignal>().OrderBy(s => s.ToString(), StringComparer.Ordinal).ToArray();
    }

    private static List<Fact> RandomFacts(Random random, int count)
    {
        string[] actors = ["China", "Beijing", "Russia", "Kremlin", "India", "New Delhi", "Brazil", "Kenya", "USA", "Washington"];
        string[] acts = ["welcome", "endorse", "condemn", "deplore", "denounce", "slam", "lambaste", "reject", "abstain", "refrain-from-criticizing", "remain-neutral", "meet"];
        string[] issues = ["war", "plan", "warrant", "i4", "i5", "i6", "i7", "i8", "i9", "i10", "i11", "i12"];
        string[] targets = ["the peace plan", "the war", "the warrant", "a plan of action"];
        var facts = new List<Fact>(count);
        for (var i = 0; i < count; i++)
        {
            var actor = actors[random.Next(actors.Length)];
            var issue = issues[random.Next(issues.Length)];
            facts.Add(random.Next(3) == 0
                ? new Vote { Id = $"v{i}", Actor = actor, Issue = issue, Choice = (VoteChoice)random.Next(4), YesMeans = random.Next(2) == 0 ? Stance.Condemns : null }
                : new Statement { Id = $"s{i}", Actor = actor, Issue = issue, Act = acts[random.Next(acts.Length)], Target = targets[random.Next(targets.Length)], Hedged = random.Next(5) == 0 });
        }

        return facts;
    }
}

// The hand-written NRules versions of the YAML rules above (NRules loads only top-level public rule types).
public sealed record FluentSignal(string Country, string Issue, Stance Stance, string Rule, string Facts)
{
    public override string ToString() => $"{Country} {Issue} {Stance} {Rule} {Facts}";
}

public sealed class SilenceIsAbstention : Rule
{
    public override void Define()
    {
        Statement s = null!;
        When()
            .Match(() => s, x => x.Family == Stance.Abstains)
            .Not<Statement>(x => x.Country == s.Country && x.Issue == s.Issue && x.Family == Stance.Condemns);
        Then()
            .Do(ctx => ctx.Insert(new FluentSignal(s.Country!, s.Issue!, Stance.Abstains, "silence-is-abstention", s.Id)));
    }
}

public sealed class VoteAbstain : Rule
{
    public override void Define()
    {
        Vote v = null!;
        When().Match(() => v, x => x.Choice == VoteChoice.Abstain);
        Then().Do(ctx => ctx.Insert(new FluentSignal(v.Country!, v.Issue!, Stance.Abstains, "vote-abstain", v.Id)));
    }
}

public sealed class WordsAgainstVote : Rule
{
    public override void Define()
    {
        Vote v = null!;
        Statement s = null!;
        When()
            .Match(() => v, x => x.Choice == VoteChoice.Yes, x => x.YesMeans == Stance.Condemns)
            .Match(() => s, x => x.Country == v.Country, x => x.Issue == v.Issue, x => x.Family == Stance.Supports || x.Family == Stance.Abstains, x => !x.Hedged);
        Then().Do(ctx => ctx.Insert(new FluentSignal(v.Country!, s.Issue!, Stance.Supports, "words-against-vote", $"{v.Id}+{s.Id}")));
    }
}

public sealed class SharpCriticism : Rule
{
    public override void Define()
    {
        Statement s = null!;
        When()
            .Match(() => s, x => x.Act == "denounce" || x.Act == "slam" || x.Act == "lambaste", x => x.Target != null && x.Target.Contains("plan", StringComparison.OrdinalIgnoreCase))
            .Exists<Vote>(x => x.Country == s.Country && x.Choice == VoteChoice.No);
        Then().Do(ctx => ctx.Insert(new FluentSignal(s.Country!, s.Issue!, Stance.Condemns, "sharp-criticism", s.Id)));
    }
}
