namespace StanceRules.Knowledge;

/// <summary>Lists of actors: joint statements ("France, Germany and Britain") and names with "and" in them.</summary>
internal sealed partial class Gazetteer
{
    /// <summary>
    /// "A, B and C", "A and B's foreign ministers", "the leaders of France, Germany and Britain":
    /// split at commas, "and", "&amp;" and "/"; every part must name exactly one country (or an
    /// official in office) and nothing else that is not a country.
    /// </summary>
    private Country[]? JointCountries(string actor, DateOnly? date)
    {
        var parts = ListParts(actor);
        if (parts.Count < 2)
        {
            return null;
        }

        var found = new CountrySet();
        var named = 0;
        foreach (var part in parts)
        {
            var key = TextKey.Of(part);
            if (key.Length == 0)
            {
                continue;
            }

            var resolution = Part(part, key, date);
            if (resolution.Country is not { } country)
            {
                return null;
            }

            found.Add(country);
            named++;
        }

        return named >= 2 && found.Count >= 2 ? found.ToSortedArray() : null;
    }

    /// <summary>
    /// The parts of a list ("A, B and C"), with "and" inside a name kept ("Trinidad and Tobago",
    /// "Bosnia and Herzegovina"): parts joined back where a name with "and" spans the break.
    /// </summary>
    private List<string> ListParts(string actor)
    {
        var pieces = JointSeparator().Split(actor);
        var parts = new List<string>(pieces.Length);
        foreach (var piece in pieces)
        {
            if (parts.Count > 0 && SpansAnd(parts[^1], piece))
            {
                parts[^1] = parts[^1] + " and " + piece;
            }
            else
            {
                parts.Add(piece);
            }
        }

        return parts;
    }

    private bool SpansAnd(string left, string right)
    {
        var leftKey = " " + TextKey.Of(left);
        var rightKey = TextKey.Of(right) + " ";
        foreach (var name in _namesWithAnd)
        {
            var split = name.IndexOf(" and ", StringComparison.Ordinal);
            if (leftKey.EndsWith(" " + name[..split], StringComparison.Ordinal) && rightKey.StartsWith(name[(split + 5)..] + " ", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>In a list naming one country, another part that names a territory that is not a state of the gazetteer ("Kosovo"); null when none.</summary>
    private string? OtherNamedPart(string actor, DateOnly? date)
    {
        if (actor.IndexOf(',') < 0 && actor.IndexOf('&') < 0 && actor.IndexOf(" and ", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return null;
        }

        var parts = ListParts(actor);
        if (parts.Count < 2)
        {
            return null;
        }

        foreach (var part in parts)
        {
            var trimmed = part.Trim();
            if (TextKey.Of(trimmed) is { Length: > 0 } key
                && Part(trimmed, key, date) is { Kind: ResolutionKind.Unknown, Match: NonCountryEntry })
            {
                return trimmed;
            }
        }

        return null;
    }

    /// <summary>A tiny set of countries: most actors name one, so no allocation until a second.</summary>
    private struct CountrySet
    {
        private Country? _first;
        private List<Country>? _more;

        public readonly int Count => _first is null ? 0 : 1 + (_more?.Count ?? 0);

        public readonly Country? Single => _first;

        public void Add(Country country)
        {
            if (_first is null)
            {
                _first = country;
            }
            else if (_first != country && !(_more?.Contains(country) ?? false))
            {
                (_more ??= []).Add(country);
            }
        }

        public readonly Country[] ToSortedArray()
        {
            var all = new List<Country>();
            if (_first is not null)
            {
                all.Add(_first);
            }

            all.AddRange(_more ?? []);
            all.Sort((a, b) => string.CompareOrdinal(a.Iso3, b.Iso3));
            return [.. all];
        }
    }
}
