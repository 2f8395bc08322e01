using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace StanceRules.Knowledge;

/// <summary>A country of the gazetteer.</summary>
internal sealed record Country(string Iso3, string Iso2, string Name);

/// <summary>How an actor resolved: to a country, or not, with the reason.</summary>
internal readonly record struct ActorResolution(Country? Country, string? Reason);

/// <summary>
/// Resolves an actor as written ("Kremlin", "Chinese Foreign Ministry", "TÜRKİYE", "141 countries")
/// to a country or to the reason it is not one.
/// </summary>
internal sealed partial class Gazetteer
{
    public const string GroupReason = "group of unnamed countries";
    public const string UnknownReason = "not a known country, capital, seat of government, demonym or official";

    private readonly FrozenDictionary<string, Country> _countries;
    private readonly FrozenDictionary<string, Country> _aliases;
    private readonly FrozenDictionary<string, string> _nonCountries;
    private readonly int _maxAliasWords;

    public Gazetteer(IEnumerable<Country> countries, IReadOnlyDictionary<string, Country> aliases, IReadOnlyDictionary<string, string> nonCountries)
    {
        _countries = countries.ToFrozenDictionary(c => c.Iso3, StringComparer.Ordinal);
        _aliases = aliases.ToFrozenDictionary(StringComparer.Ordinal);
        _nonCountries = nonCountries.ToFrozenDictionary(StringComparer.Ordinal);
        _maxAliasWords = _aliases.Keys.Concat(_nonCountries.Keys).Select(k => k.Count(c => c == ' ') + 1).DefaultIfEmpty(1).Max();
    }

    public int CountryCount => _countries.Count;

    public Country? ByIso3(string iso3) => _countries.GetValueOrDefault(iso3.ToUpperInvariant());

    public ActorResolution Resolve(string actor)
    {
        var key = TextKey.Of(actor);
        if (key.Length == 0)
        {
            return new(null, UnknownReason);
        }

        if (_aliases.TryGetValue(key, out var exact))
        {
            return new(exact, null);
        }

        if (_nonCountries.TryGetValue(key, out var reason))
        {
            return new(null, reason);
        }

        if (GroupPattern().IsMatch(key))
        {
            return new(null, GroupReason);
        }

        // "Chinese Foreign Ministry", "Russian President Vladimir Putin", "Kyiv officials":
        // find every alias inside the text on word boundaries, longest first, so "Papua New
        // Guinea" hides "Guinea". One country named: that country; several: ambiguous.
        var words = key.Split(' ');
        var covered = new bool[words.Length];
        var found = new SortedSet<string>(StringComparer.Ordinal);
        string? nonCountry = null;
        for (var length = Math.Min(_maxAliasWords, words.Length); length >= 1; length--)
        {
            for (var start = 0; start + length <= words.Length; start++)
            {
                if (IsCovered(covered, start, length))
                {
                    continue;
                }

                var span = string.Join(' ', words, start, length);
                if (_aliases.TryGetValue(span, out var country) && !IsCode(span, country))
                {
                    found.Add(country.Iso3);
                    Array.Fill(covered, true, start, length);
                }
                else if (_nonCountries.TryGetValue(span, out var nonCountryReason))
                {
                    nonCountry ??= nonCountryReason;
                    Array.Fill(covered, true, start, length);
                }
            }
        }

        return found.Count switch
        {
            1 => new(_countries[found.Min!], null),
            0 => new(null, nonCountry ?? UnknownReason),
            _ => new(null, $"names more than one country ({string.Join(", ", found)})"),
        };
    }

    private static bool IsCovered(bool[] covered, int start, int length)
    {
        for (var i = start; i < start + length; i++)
        {
            if (covered[i])
            {
                return true;
            }
        }

        return false;
    }

    // Codes match only on their own ("CHN"), never as a word inside a phrase ("us officials").
    private static bool IsCode(string span, Country country) =>
        span.Length <= 3 && (string.Equals(span, country.Iso2, StringComparison.OrdinalIgnoreCase) || string.Equals(span, country.Iso3, StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex(@"^(\d+|many|several|some|most|other|dozens of|hundreds of|a number of|a few|few|all|both)( [a-z0-9]+){0,2} (countries|nations|states|governments|members|member states|capitals)$")]
    private static partial Regex GroupPattern();
}
