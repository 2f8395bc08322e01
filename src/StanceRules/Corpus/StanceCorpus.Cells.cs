using System.Runtime.InteropServices;

namespace StanceRules;

// The cells: per (country, issue) a series of windows, each window's four tallies (one per stance).
public sealed partial class StanceCorpus
{
    // What EvidenceOf gathers into, reused by every Add (a corpus is not thread-safe).
    private readonly List<string> _evidence = [];

    /// <summary>The first <see cref="CorpusOptions.EvidencePerArticle"/> of <see cref="CountryStance.Evidence"/>, without building all of it; valid until the next call.</summary>
    private ReadOnlySpan<string> EvidenceOf(CountryStance stance)
    {
        var limit = Options.EvidencePerArticle;
        var found = _evidence;
        found.Clear();
        if (stance.Signals.Count == 0)
        {
            // A stance read back from the report's JSON (StanceReport.FromJson) carries its evidence, not its signals.
            found.AddRange(stance.Evidence.Take(limit));
            return CollectionsMarshal.AsSpan(found);
        }

        foreach (var signal in stance.Signals)
        {
            foreach (var fact in signal.SourceFacts)
            {
                if (found.Count == limit)
                {
                    return CollectionsMarshal.AsSpan(found);
                }

                if (fact.Evidence is { Length: > 0 } evidence && !found.Contains(evidence))
                {
                    found.Add(evidence);
                }
            }
        }

        return CollectionsMarshal.AsSpan(found);
    }

    /// <summary>The series that pass the filter's countries and issues (all when null), ordered by country, then issue (ordinal).</summary>
    private Series[] SelectSeries(CorpusFilter? filter)
    {
        var countries = filter?.Countries is null ? null : new HashSet<string>(filter.Countries, StringComparer.OrdinalIgnoreCase);
        var issues = filter?.Issues is null ? null : new HashSet<string>(filter.Issues, StringComparer.Ordinal);
        var selected = _series.Values
            .Where(s => (countries is null || countries.Contains(s.Country)) && (issues is null || issues.Contains(s.Issue)))
            .ToArray();
        Array.Sort(selected, static (a, b) => string.CompareOrdinal(a.Country, b.Country) is var byCountry and not 0 ? byCountry : string.CompareOrdinal(a.Issue, b.Issue));
        return selected;
    }

    /// <summary>The tally of <paramref name="stance"/> in the cell of (country, issue, day), made when missing.</summary>
    private CellTally TallyOf(string country, string issue, int day, Stance stance)
    {
        ref var series = ref CollectionsMarshal.GetValueRefOrAddDefault(_series, (country, issue), out _);
        // One string instance per country and issue name, however many reports repeat it: the series's.
        series ??= new Series(country, issue);
        ref var head = ref CollectionsMarshal.GetValueRefOrAddDefault(series.Cells, day, out var exists);
        if (!exists)
        {
            _cells++;
        }

        return CellTally.Find(ref head, stance);
    }

    /// <summary>The cells of one (country, issue), keyed by the day number of their window's start: each the chain of its tallies.</summary>
    private sealed class Series(string country, string issue)
    {
        public string Country { get; } = country;

        public string Issue { get; } = issue;

        public Dictionary<int, CellTally?> Cells { get; } = [];
    }
}
