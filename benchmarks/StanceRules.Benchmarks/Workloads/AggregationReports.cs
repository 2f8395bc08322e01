namespace StanceRules.Benchmarks.Workloads;

/// <summary>
/// Stance reports for the aggregation benchmark, made directly (no inference) with a fixed seed:
/// each article has a unique id, a date among <see cref="Days"/> days and four stances drawn from
/// <see cref="Countries"/> countries and <see cref="Issues"/> issues, with one evidence text of
/// its own. So the (country, issue, day) cells, at most 10 × 3 × 30 = 900, are all filled (five articles per stance, the most a cell keeps) after
/// a few thousand reports, and anything that still grows after that grows with the articles.
/// </summary>
public static class AggregationReports
{
    public const int Countries = 10;
    public const int Issues = 3;
    public const int Days = 30;
    public const int StancesPerReport = 4;

    private static readonly double[] Confidences = [0.6, 0.8, 0.85, 0.9, 0.95];
    private static readonly DateOnly Origin = new(2023, 1, 1);
    private static readonly string[] CountryCodes = Enumerable.Range(0, Countries).Select(i => $"C{i:00}").ToArray();
    private static readonly string[] IssueIds = Enumerable.Range(0, Issues).Select(i => $"issue-{i}").ToArray();

    /// <summary>Reports number <paramref name="first"/> to first + count − 1, made one at a time (none is kept).</summary>
    public static IEnumerable<StanceReport> Generate(int first, int count)
    {
        for (var n = first; n < first + count; n++)
        {
            yield return Report(n);
        }
    }

    /// <summary>Report number <paramref name="n"/>; the same n always gives the same report.</summary>
    public static StanceReport Report(int n)
    {
        var random = new Random(n);
        var id = $"article-{n:D8}";
        var evidence = new Statement { Id = "f1", Evidence = $"Evidence sentence of {id}, as an extractor would give it." };
        var stances = new List<CountryStance>(StancesPerReport);
        var used = new HashSet<(int, int)>();
        while (stances.Count < StancesPerReport)
        {
            var (country, issue) = (random.Next(Countries), random.Next(Issues));
            if (!used.Add((country, issue)))
            {
                continue;
            }

            var stance = (Stance)random.Next(4);
            var confidence = Confidences[random.Next(Confidences.Length)];
            var signal = new StanceSignal(CountryCodes[country], IssueIds[issue], stance, confidence, "rule", 0, ["rule"], [evidence]);
            stances.Add(new CountryStance(CountryCodes[country], IssueIds[issue], stance, confidence, DecisionStep.Unanimous, [signal], []));
        }

        stances.Sort((a, b) => string.CompareOrdinal(a.Country + a.Issue, b.Country + b.Issue));
        return new StanceReport(id, Origin.AddDays(random.Next(Days)), stances, []);
    }
}
