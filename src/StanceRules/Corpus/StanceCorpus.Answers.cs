namespace StanceRules;

// Answers computed from stances already decided: one Stances call, several answers from its list.
public sealed partial class StanceCorpus
{
    /// <summary>
    /// <see cref="Changes"/> from stances already computed: ask <see cref="Stances"/> once and take
    /// several answers from the one list (the <c>stance corpus</c> command does).
    /// </summary>
    /// <param name="stances">Stances in the order <see cref="Stances"/> gives them (country, issue, window).</param>
    public static IReadOnlyList<StanceChange> ChangesOf(IReadOnlyList<WindowStance> stances)
    {
        ArgumentNullException.ThrowIfNull(stances);
        var changes = new List<StanceChange>();
        for (var i = 1; i < stances.Count; i++)
        {
            var (before, after) = (stances[i - 1], stances[i]);
            if (before.Country == after.Country && before.Issue == after.Issue && before.Stance != after.Stance)
            {
                changes.Add(new StanceChange(before, after));
            }
        }

        return changes;
    }

    /// <summary><see cref="Agreements"/> from stances already computed (see <see cref="ChangesOf"/>).</summary>
    /// <param name="stances">Stances as <see cref="Stances"/> gives them.</param>
    public static IReadOnlyList<CountryAgreement> AgreementsOf(IReadOnlyList<WindowStance> stances)
    {
        ArgumentNullException.ThrowIfNull(stances);
        var byCountry = stances
            .GroupBy(s => s.Country)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Country: g.Key, Items: g.ToDictionary(s => (s.Issue, s.Period.Start), s => s.Stance)))
            .ToArray();
        var result = new List<CountryAgreement>();
        for (var a = 0; a < byCountry.Length; a++)
        {
            for (var b = a + 1; b < byCountry.Length; b++)
            {
                var (items, alike, distance) = (0, 0, 0.0);
                var (smaller, larger) = byCountry[a].Items.Count <= byCountry[b].Items.Count ? (byCountry[a].Items, byCountry[b].Items) : (byCountry[b].Items, byCountry[a].Items);
                foreach (var (item, stance) in smaller)
                {
                    if (larger.TryGetValue(item, out var other))
                    {
                        items++;
                        alike += stance == other ? 1 : 0;
                        distance += CountryAgreement.StanceDistance(stance, other);
                    }
                }

                if (items > 0)
                {
                    result.Add(new CountryAgreement(byCountry[a].Country, byCountry[b].Country, items, alike, distance));
                }
            }
        }

        return result;
    }

    /// <summary>
    /// <see cref="Closest"/> from agreements already computed (<see cref="AgreementsOf"/>): the
    /// countries among them closest to <paramref name="country"/>, highest S-score first.
    /// </summary>
    /// <param name="country">ISO alpha-3 code.</param>
    /// <param name="agreements">Agreements of pairs of countries, each pair once.</param>
    /// <param name="count">At most this many.</param>
    public static IReadOnlyList<CountryAgreement> ClosestOf(string country, IReadOnlyList<CountryAgreement> agreements, int count)
    {
        ArgumentNullException.ThrowIfNull(country);
        ArgumentNullException.ThrowIfNull(agreements);
        return agreements
            .Where(a => string.Equals(a.Country, country, StringComparison.OrdinalIgnoreCase) || string.Equals(a.Other, country, StringComparison.OrdinalIgnoreCase))
            .Select(a => string.Equals(a.Country, country, StringComparison.OrdinalIgnoreCase) ? a : a with { Country = a.Other, Other = a.Country })
            .OrderByDescending(a => a.SScore)
            .ThenByDescending(a => a.Issues)
            .ThenBy(a => a.Other, StringComparer.Ordinal)
            .Take(Math.Max(count, 0))
            .ToArray();
    }
}
