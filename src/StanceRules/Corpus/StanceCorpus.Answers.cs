using System.Runtime.InteropServices;

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
    /// <exception cref="ArgumentException">A country has two stances in one (issue, window).</exception>
    public static IReadOnlyList<CountryAgreement> AgreementsOf(IReadOnlyList<WindowStance> stances)
    {
        ArgumentNullException.ThrowIfNull(stances);
        return AgreementsOfWindows(stances);
    }

    /// <summary><see cref="AgreementsOf"/> of windows read once, in any order (<see cref="Agreements"/> streams them).</summary>
    private static List<CountryAgreement> AgreementsOfWindows(IEnumerable<WindowStance> stances)
    {

        // Each country's (issue, window start, stance) items sorted, then each pair of countries
        // compared by walking both lists at once: a few bytes per stance, not a dictionary per country.
        var byCountry = new Dictionary<string, List<AgreementItem>>(StringComparer.Ordinal);
        foreach (var stance in stances)
        {
            ref var items = ref CollectionsMarshal.GetValueRefOrAddDefault(byCountry, stance.Country, out _);
            (items ??= []).Add(new AgreementItem(stance.Issue, stance.Period.Start.DayNumber, stance.Stance));
        }

        var countries = byCountry.Keys.Order(StringComparer.Ordinal).ToArray();
        var lists = new AgreementItem[countries.Length][];
        for (var c = 0; c < countries.Length; c++)
        {
            var items = byCountry[countries[c]];
            items.Sort(AgreementItem.Compare);
            for (var i = 1; i < items.Count; i++)
            {
                if (AgreementItem.Compare(items[i - 1], items[i]) == 0)
                {
                    throw new ArgumentException($"{countries[c]} has two stances on {items[i].Issue} in the window starting {Day(DateOnly.FromDayNumber(items[i].Start))}.", nameof(stances));
                }
            }

            lists[c] = [.. items];
            byCountry[countries[c]] = null!;
        }

        var result = new List<CountryAgreement>();
        for (var a = 0; a < lists.Length; a++)
        {
            for (var b = a + 1; b < lists.Length; b++)
            {
                var (items, alike, distance) = (0, 0, 0.0);
                var (x, y) = (lists[a], lists[b]);
                for (int i = 0, j = 0; i < x.Length && j < y.Length;)
                {
                    var order = AgreementItem.Compare(x[i], y[j]);
                    if (order == 0)
                    {
                        items++;
                        alike += x[i].Stance == y[j].Stance ? 1 : 0;
                        distance += CountryAgreement.StanceDistance(x[i].Stance, y[j].Stance);
                        (i, j) = (i + 1, j + 1);
                    }
                    else if (order < 0)
                    {
                        i++;
                    }
                    else
                    {
                        j++;
                    }
                }

                if (items > 0)
                {
                    result.Add(new CountryAgreement(countries[a], countries[b], items, alike, distance));
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

    /// <summary>One country's stance on an issue in the window starting on day <see cref="Start"/>.</summary>
    private readonly record struct AgreementItem(string Issue, int Start, Stance Stance)
    {
        public static int Compare(AgreementItem x, AgreementItem y) =>
            string.CompareOrdinal(x.Issue, y.Issue) is var byIssue and not 0 ? byIssue : x.Start.CompareTo(y.Start);
    }
}
