using StanceRules.Benchmarks.Peers;

namespace StanceRules.Benchmarks.Workloads;

/// <summary>A workload's input: articles of facts, and how many facts they hold in all.</summary>
public sealed class Corpus
{
    public Corpus(string name, IReadOnlyList<ArticleFacts> articles)
    {
        Name = name;
        Articles = articles;
        FactCount = articles.Sum(a => a.Facts.Count);
    }

    public string Name { get; }
    public IReadOnlyList<ArticleFacts> Articles { get; }
    public int FactCount { get; }

    /// <summary>The seed article (seeds/xi-moscow-2023-03-21.facts.yaml).</summary>
    public static Corpus Seed() => new("seed", [ArticleFacts.Parse(RuleFiles.SeedFacts, "seed.facts.yaml")]);

    /// <summary>Synthetic articles of <see cref="CorpusGenerator.FactsPerArticle"/> facts, <paramref name="facts"/> facts in all.</summary>
    public static Corpus Synthetic(int facts, int seed = CorpusGenerator.DefaultSeed) => new($"synthetic-{facts}", new CorpusGenerator(seed).Generate(facts));
}

/// <summary>
/// Generates synthetic articles, deterministically (System.Random with a fixed seed). Every
/// spelling comes from rules/gazetteer.yaml and every act from rules/lexicon.yaml, so the facts
/// exercise the same resolution and families as real documents:
/// <list type="bullet">
/// <item>each article is about 6 countries and 3 issues, so facts about the same (country, issue) meet in joins;</item>
/// <item>75% statements over the lexicon's families (10% negated, 15% hedged, 2% acts the lexicon does not know),
/// 20% votes (yes/no/abstain/non-voting, with and without <c>yes_means</c>), 5% actors that are not countries;</item>
/// <item>actors are spelled as names, UN names, ISO codes, capitals, seats of government, demonyms with an office
/// ("Russian Foreign Ministry") and officials;</item>
/// <item>65% of statements name their issue, 30% leave it to the catalogue (a phrase in the target), 5% have none;</item>
/// <item>4% are "does not recognize the ICC", so the default rules' chain (claim, then join) fires.</item>
/// </list>
/// </summary>
public sealed class CorpusGenerator
{
    public const int DefaultSeed = 20230321;
    public const int FactsPerArticle = 30;

    private static readonly string[] Offices = ["Foreign Ministry", "President", "Prime Minister", "officials", "government", "Foreign Minister", "ambassador"];
    private static readonly string[] Motions = ["A/RES/ES-11/1", "A/RES/ES-11/4", "A/RES/ES-11/6", "A/RES/77/247", "S/2023/153"];
    private static readonly string[] UnknownActs = ["mull", "ponder", "weigh-in-on"];
    private static readonly string[] VagueTargets = ["the situation", "recent events", "the talks on Tuesday"];

    private readonly Random _random;
    private readonly IReadOnlyList<string>[] _lemmas;
    private readonly string[] _nonCountryActors;

    public CorpusGenerator(int seed = DefaultSeed)
    {
        _random = new Random(seed);
        var lexicon = KnowledgeData.Lexicon;
        _lemmas = [lexicon.LemmasOf(Stance.Supports), lexicon.LemmasOf(Stance.Condemns), lexicon.LemmasOf(Stance.Rejects), lexicon.LemmasOf(Stance.Abstains), lexicon.LemmasOf(null)];
        _nonCountryActors = [.. KnowledgeData.Gazetteer.NonCountries.Select(n => n.Names[0]), "141 countries", "Many African countries", "several G-20 members"];
    }

    public IReadOnlyList<ArticleFacts> Generate(int totalFacts)
    {
        var articles = new List<ArticleFacts>();
        for (var made = 0; made < totalFacts; made += FactsPerArticle)
        {
            articles.Add(Article(articles.Count + 1, Math.Min(FactsPerArticle, totalFacts - made)));
        }

        return articles;
    }

    private ArticleFacts Article(int number, int count)
    {
        var countries = Pick(KnowledgeData.Gazetteer.Countries, 6);
        var issues = Pick(KnowledgeData.Issues, 3);
        var facts = new List<Fact>(count);
        for (var i = 1; i <= count; i++)
        {
            var id = $"f{i}";
            var country = countries[_random.Next(countries.Count)];
            var issue = issues[_random.Next(issues.Count)];
            var roll = _random.NextDouble();
            if (roll < 0.05)
            {
                facts.Add(new Statement { Id = id, Actor = Choose(_nonCountryActors), Act = Choose(_lemmas[1]), Issue = issue.Id, Evidence = "synthetic" });
            }
            else if (roll < 0.25)
            {
                facts.Add(VoteFact(id, country, issue));
            }
            else
            {
                facts.Add(StatementFact(id, country, issue));
            }
        }

        return new ArticleFacts($"synthetic-{number:D5}", facts, new DateOnly(2023, 3, 21), $"Synthetic article {number}");
    }

    private Statement StatementFact(string id, CountryData country, IssueData issue)
    {
        var actor = Spell(country);
        if (_random.NextDouble() < 0.04)
        {
            return new Statement { Id = id, Actor = actor, Act = "recognize", Negated = true, Target = "the ICC", Issue = "icc-jurisdiction", Evidence = "synthetic" };
        }

        var roll = _random.NextDouble();
        var act = roll < 0.02 ? Choose(UnknownActs)
            : roll < 0.35 ? Choose(_lemmas[0])
            : roll < 0.60 ? Choose(_lemmas[1])
            : roll < 0.78 ? Choose(_lemmas[2])
            : roll < 0.90 ? Choose(_lemmas[3])
            : Choose(_lemmas[4]);
        var where = _random.NextDouble();
        var (target, issueId) = where < 0.65 ? ($"the matter of {issue.Id}", issue.Id)
            : where < 0.95 && issue.Phrases.Count > 0 ? ($"the {Choose(issue.Phrases)}", null)
            : (Choose(VagueTargets), (string?)null);
        return new Statement
        {
            Id = id,
            Actor = actor,
            Act = act,
            Target = target,
            Issue = issueId,
            Negated = _random.NextDouble() < 0.10,
            Hedged = _random.NextDouble() < 0.15,
            Evidence = "synthetic",
        };
    }

    private Vote VoteFact(string id, CountryData country, IssueData issue)
    {
        var roll = _random.NextDouble();
        var choice = roll < 0.50 ? VoteChoice.Yes : roll < 0.65 ? VoteChoice.No : roll < 0.90 ? VoteChoice.Abstain : VoteChoice.NonVoting;
        var meaning = _random.NextDouble();
        var motion = Choose(Motions);
        return new Vote
        {
            Id = id,
            Actor = Spell(country),
            Body = "UNGA",
            Motion = motion,
            Choice = choice,
            Issue = _random.NextDouble() < 0.7 || !motion.StartsWith("A/RES/ES-11", StringComparison.Ordinal) ? issue.Id : null,
            YesMeans = meaning < 0.60 ? Stance.Condemns : meaning < 0.85 ? Stance.Supports : null,
            Evidence = "synthetic",
        };
    }

    /// <summary>One of the country's spellings: a name, code, capital, seat, demonym with an office, or official.</summary>
    private string Spell(CountryData country)
    {
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var roll = _random.NextDouble();
            var spelling = roll switch
            {
                < 0.30 => country.Names.Count > 0 ? country.Names[0] : null,
                < 0.40 => country.Names.Count > 1 ? Choose(country.Names) : null,
                < 0.45 => _random.NextDouble() < 0.5 ? country.Iso3 : country.Iso3.ToLowerInvariant(),
                < 0.60 => country.Capitals.Count > 0 ? Choose(country.Capitals) : null,
                < 0.65 => country.Seats.Count > 0 ? Choose(country.Seats) : null,
                < 0.82 => country.Demonyms.Count > 0 ? $"{Choose(country.Demonyms)} {Choose(Offices)}" : null,
                _ => country.Officials.Count > 0 ? Choose(country.Officials) : null,
            };
            if (spelling is not null)
            {
                return spelling;
            }
        }

        return country.Names[0];
    }

    private T Choose<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private List<T> Pick<T>(IReadOnlyList<T> items, int count)
    {
        var picked = new List<T>(count);
        while (picked.Count < Math.Min(count, items.Count))
        {
            var item = Choose(items);
            if (!picked.Contains(item))
            {
                picked.Add(item);
            }
        }

        return picked;
    }
}
