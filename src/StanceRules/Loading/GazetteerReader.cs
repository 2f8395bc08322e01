using StanceRules.Knowledge;
using StanceRules.Yaml;
using YamlDotNet.RepresentationModel;

namespace StanceRules.Loading;

/// <summary>
/// Reads the <c>countries:</c> and <c>non_country_actors:</c> sections, and builds the gazetteer
/// once every file is read: each name or code names one actor across files, offices are joined
/// to their countries and their holders' names added, clashes reported where they are.
/// </summary>
internal sealed class GazetteerReader
{
    private static readonly string[] CountryKeys = ["iso3", "iso2", "names", "capitals", "seats", "demonyms", "officials", "un_member"];

    // Offices one person holds at a time; spokespeople (several at once) and the dictionaries' government members are not checked.
    private const OfficeKinds SingleHolderOffices = OfficeKinds.HeadOfState | OfficeKinds.HeadOfGovernment | OfficeKinds.ForeignMinister
        | OfficeKinds.DefenceMinister | OfficeKinds.InteriorMinister | OfficeKinds.NationalSecurityAdviser | OfficeKinds.UnRepresentative
        | OfficeKinds.PartyForeignAffairsChief;
    private static readonly string[] NonCountryKeys = ["names", "reason", "becomes", "home"];
    private static readonly string[] BecomesKeys = ["country", "from"];
    private static readonly string[] HomeKeys = ["country", "role"];

    private readonly List<Country> _countries = [];
    private readonly Dictionary<string, (GazetteerEntry Entry, SourceLocation At)> _entries = new(StringComparer.Ordinal);
    // A non-state actor that becomes a government, or has a home country, with the keys its names were added under.
    private readonly List<(string Iso3, DateOnly From, NonCountryEntry Pending, SourceLocation At, List<string> Keys)> _becomes = [];
    private readonly List<(string Iso3, string Role, NonCountryEntry Pending, SourceLocation At, List<string> Keys)> _homes = [];

    public void Read(YamlText yaml, MappingView file)
    {
        if (file["countries"] is { } countries && yaml.Sequence(countries, "'countries'") is { } countryList)
        {
            foreach (var node in countryList.Children)
            {
                ReadCountry(yaml, node);
            }
        }

        if (file["non_country_actors"] is { } others && yaml.Sequence(others, "'non_country_actors'") is { } otherList)
        {
            foreach (var node in otherList.Children)
            {
                ReadNonCountry(yaml, node);
            }
        }
    }

    /// <summary>
    /// The gazetteer, once every file is read: offices joined to their countries, name clashes
    /// and overlapping terms reported; <paramref name="history"/> (the <c>.actors</c> dictionaries'
    /// records) builds the historical layer when the gazetteer first needs it.
    /// </summary>
    public Gazetteer Build(IReadOnlyList<OfficesEntry> offices, List<Diagnostic> diagnostics, Func<(IEnumerable<ActorsRecord> Records, IReadOnlyList<Diagnostic> Problems)>? history = null)
    {
        var byIso3 = _countries.ToDictionary(c => c.Iso3, StringComparer.Ordinal);
        var resolved = new Dictionary<NonCountryEntry, NonCountryEntry>(ReferenceEqualityComparer.Instance);
        NonCountryEntry Current(NonCountryEntry pending) => resolved.GetValueOrDefault(pending, pending);
        foreach (var (iso3, from, pending, at, _) in _becomes)
        {
            if (byIso3.TryGetValue(iso3, out var country))
            {
                var current = Current(pending);
                resolved[pending] = new NonCountryEntry(pending.Text, pending.Reason, pending.Kind) { Becomes = (country, from), Home = current.Home };
            }
            else
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.UnknownCountry, ErrorMessages.UnknownCountry(iso3), at));
            }
        }

        foreach (var (iso3, role, pending, at, _) in _homes)
        {
            if (byIso3.TryGetValue(iso3, out var country))
            {
                var current = Current(pending);
                resolved[pending] = new NonCountryEntry(pending.Text, pending.Reason, pending.Kind) { Becomes = current.Becomes, Home = (country, role) };
            }
            else
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.UnknownCountry, ErrorMessages.UnknownCountry(iso3), at));
            }
        }

        // Only the keys each pending entry was added under are rewritten (no scan of every name).
        foreach (var (pending, keys) in _becomes.Select(b => (b.Pending, b.Keys)).Concat(_homes.Select(h => (h.Pending, h.Keys))))
        {
            if (resolved.TryGetValue(pending, out var entry))
            {
                foreach (var key in keys)
                {
                    if (_entries.TryGetValue(key, out var added) && added.Entry == pending)
                    {
                        _entries[key] = (entry, added.At);
                    }
                }
            }
        }

        var people = new Dictionary<(string Iso3, string Key), Person>();
        var coverage = new List<OfficeCoverage>();
        var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var office in offices)
        {
            if (!byIso3.TryGetValue(office.Iso3, out var country))
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.UnknownCountry, ErrorMessages.UnknownCountry(office.Iso3), office.At));
                continue;
            }

            if (seen.TryGetValue(office.Iso3, out var first))
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.DuplicateEntry, ErrorMessages.DuplicateEntry("offices entry", $"{office.Iso3} (first at {first})"), office.At));
                continue;
            }

            seen[office.Iso3] = office.At;
            if (office.HeadOfState is { } hos && !byIso3.ContainsKey(hos.Iso3))
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.UnknownCountry, ErrorMessages.UnknownCountry(hos.Iso3), hos.At));
            }

            coverage.Add(new OfficeCoverage(country, office.Covers, office.Checked, office.HeadOfState?.Iso3, office.At));
            foreach (var holder in office.Holders)
            {
                var nameKey = TextKey.Of(holder.Name);
                if (!people.TryGetValue((country.Iso3, nameKey), out var person))
                {
                    people[(country.Iso3, nameKey)] = person = new Person(holder.Name, country);
                }

                person.Add(new OfficeTerm(person, country, holder.Offices, holder.From, holder.To, holder.At, holder.FromMonth, holder.ToMonth) { Checked = office.Checked });
                if (holder.Then is { } then)
                {
                    person.MoveTo(then);
                }

                AddPersonAlias(holder.Name, nameKey, holder.NameAt, person, diagnostics);
                foreach (var (alias, at) in holder.Aliases)
                {
                    AddPersonAlias(alias, TextKey.Of(alias), at, person, diagnostics);
                }
            }
        }

        ReportOverlaps(people.Values, diagnostics);
        var entries = new Dictionary<string, GazetteerEntry>(_entries.Count, StringComparer.Ordinal);
        foreach (var (key, (entry, _)) in _entries)
        {
            entries.Add(key, entry);
        }

        return new Gazetteer(
            _countries,
            entries,
            [.. people.Values],
            coverage,
            history is null ? null : main => history() is var (records, problems) ? HistoricalLayer.Build(records, main, problems) : null!);
    }

    /// <summary>Two terms of one single-holder office of one country that overlap (a handover day, or a handover month where the data gives only the month, is not an overlap): SR3006 at the later one.</summary>
    private static void ReportOverlaps(IEnumerable<Person> people, List<Diagnostic> diagnostics)
    {
        // One pass over the terms: per office, each country's terms in the order met (countries in
        // the order first met), then each list in order of start (stable), as the checks read them.
        var kinds = Enum.GetValues<OfficeKinds>().Where(k => k != OfficeKinds.None && (SingleHolderOffices & k) == k).ToArray();
        var byKind = new Dictionary<Country, List<OfficeTerm>>[kinds.Length];
        foreach (var person in people)
        {
            foreach (var term in person.Terms)
            {
                if ((term.Offices & SingleHolderOffices) == 0)
                {
                    continue;
                }

                for (var k = 0; k < kinds.Length; k++)
                {
                    if ((term.Offices & kinds[k]) != 0)
                    {
                        var byCountry = byKind[k] ??= [];
                        if (!byCountry.TryGetValue(term.Country, out var terms))
                        {
                            byCountry[term.Country] = terms = [];
                        }

                        terms.Add(term);
                    }
                }
            }
        }

        for (var k = 0; k < kinds.Length; k++)
        {
            foreach (var (country, terms) in byKind[k] ?? [])
            {
                var ordered = terms.OrderBy(t => t.From).ToArray();
                for (var i = 1; i < ordered.Length; i++)
                {
                    var (before, after) = (ordered[i - 1], ordered[i]);
                    if (before.Overlaps(after))
                    {
                        diagnostics.Add(new Diagnostic(
                            DiagnosticCodes.OverlappingTerms,
                            ErrorMessages.OverlappingTerms($"{OfficeNames.Describe(kinds[k])} of {country.Iso3}", $"{before.Person.Name} ({before.Description}, {before.At})", $"{after.Person.Name} ({after.Description})"),
                            after.At));
                    }
                }
            }
        }
    }

    private void AddPersonAlias(string alias, string key, SourceLocation at, Person person, List<Diagnostic> diagnostics)
    {
        if (key.Length == 0)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.EmptyName, ErrorMessages.EmptyName("the office holder's name or alias", alias), at));
            return;
        }

        if (!_entries.TryGetValue(key, out var existing))
        {
            _entries[key] = (new PersonAlias(alias, person), at);
            return;
        }

        switch (existing.Entry)
        {
            case PersonAlias same when same.Person == person:
                return;
            case PersonAlias other:
                diagnostics.Add(new Diagnostic(DiagnosticCodes.DuplicateAlias, ErrorMessages.DuplicateAlias(alias, $"{other.Person.Name} ({other.Person.Country.Iso3}, {existing.At})", $"{person.Name} ({person.Country.Iso3})"), at));
                return;
            case CountryAlias { Kind: AliasKind.Official } official when official.Country == person.Country:
                // Listed both with terms and as an undated official of the same country: the
                // person speaks for it in a role the offices do not list, on any date.
                _entries[key] = (new PersonAlias(alias, person) { Undated = official.Country }, at);
                return;
            case CountryAlias country:
                diagnostics.Add(new Diagnostic(DiagnosticCodes.DuplicateAlias, ErrorMessages.DuplicateAlias(alias, $"{country.Description} ({existing.At})", $"{person.Name} ({person.Country.Iso3})"), at));
                return;
            default:
                diagnostics.Add(new Diagnostic(DiagnosticCodes.DuplicateAlias, ErrorMessages.DuplicateAlias(alias, $"a non-country actor ({existing.At})", $"{person.Name} ({person.Country.Iso3})"), at));
                return;
        }
    }

    private void ReadCountry(YamlText yaml, YamlNode node)
    {
        if (yaml.Mapping(node, "a country", CountryKeys) is not { } map)
        {
            return;
        }

        var iso3 = map.Required("iso3") is { } n3 ? yaml.Scalar(n3, "'iso3'") : null;
        var iso2 = map.Required("iso2") is { } n2 ? yaml.Scalar(n2, "'iso2'") : null;
        var names = map.Required("names") is { } nn ? yaml.ScalarList(nn, "'names'") : null;
        if (iso3 is null || iso2 is null || names is null || names.Count == 0)
        {
            return;
        }

        if (iso3.Length != 3 || !iso3.All(char.IsAsciiLetterUpper) || iso2.Length != 2 || !iso2.All(char.IsAsciiLetterUpper))
        {
            yaml.Error(node, DiagnosticCodes.InvalidValue, ErrorMessages.InvalidValue($"{iso3}/{iso2}", "'iso3'/'iso2'", "ISO 3166-1 codes in upper case (CHN/CN)"));
            return;
        }

        if (_countries.Any(c => c.Iso3 == iso3))
        {
            yaml.Error(map["iso3"]!, DiagnosticCodes.DuplicateEntry, ErrorMessages.DuplicateEntry("country", iso3));
            return;
        }

        var unMember = true;
        if (map["un_member"] is { } unNode && yaml.Scalar(unNode, "'un_member'") is { } un)
        {
            if (un is not ("true" or "false"))
            {
                yaml.Error(unNode, DiagnosticCodes.InvalidValue, ErrorMessages.InvalidValue(un, "'un_member'", "true or false"));
            }

            unMember = un != "false";
        }

        var country = new Country(iso3, iso2, names[0]) { UnMember = unMember };
        _countries.Add(country);
        AddAlias(yaml, map["iso3"]!, iso3, country, AliasKind.Code);
        AddAlias(yaml, map["iso2"]!, iso2, country, AliasKind.Code);
        foreach (var key in CountryKeys.Skip(2).SkipLast(1))
        {
            if (map[key] is not { } listNode || YamlText.IsNull(listNode))
            {
                continue;
            }

            var kind = key switch
            {
                "capitals" => AliasKind.Capital,
                "seats" => AliasKind.Seat,
                "demonyms" => AliasKind.Demonym,
                "officials" => AliasKind.Official,
                _ => AliasKind.Name,
            };
            var items = listNode as YamlSequenceNode;
            foreach (var alias in yaml.ScalarList(listNode, $"'{key}'") ?? [])
            {
                AddAlias(yaml, listNode, alias, country, kind, items);
            }
        }
    }

    private void AddAlias(YamlText yaml, YamlNode at, string alias, Country country, AliasKind kind, YamlSequenceNode? items = null)
    {
        var key = TextKey.Of(alias);
        var node = items?.Children.FirstOrDefault(c => c is YamlScalarNode s && s.Value == alias) ?? at;
        if (key.Length == 0)
        {
            yaml.Error(node, DiagnosticCodes.EmptyName, ErrorMessages.EmptyName($"the {kind.ToString().ToLowerInvariant()} of {country.Iso3}", alias));
            return;
        }
        if (_entries.TryGetValue(key, out var existing))
        {
            switch (existing.Entry)
            {
                case CountryAlias same when same.Country == country:
                    same.AlsoName |= same.Kind == AliasKind.Code && kind == AliasKind.Name;
                    return;
                case CountryAlias other:
                    yaml.Error(node, DiagnosticCodes.DuplicateAlias, ErrorMessages.DuplicateAlias(alias, other.Country.Iso3, country.Iso3));
                    return;
                default:
                    yaml.Error(node, DiagnosticCodes.DuplicateAlias, ErrorMessages.DuplicateAlias(alias, "a non-country actor", country.Iso3));
                    return;
            }
        }

        _entries[key] = (new CountryAlias(alias, country, kind), yaml.At(node));
    }

    private void ReadNonCountry(YamlText yaml, YamlNode node)
    {
        if (yaml.Mapping(node, "a non-country actor", NonCountryKeys) is not { } map)
        {
            return;
        }

        var names = map.Required("names") is { } nn ? yaml.ScalarList(nn, "'names'") : null;
        var reason = map.Required("reason") is { } r ? yaml.Scalar(r, "'reason'") : null;
        if (names is null || reason is null)
        {
            return;
        }

        var kind = reason.StartsWith("group", StringComparison.Ordinal) ? ResolutionKind.Group
            : reason.StartsWith(Gazetteer.NonStateReason, StringComparison.Ordinal) ? ResolutionKind.NonState
            : reason.StartsWith("territory", StringComparison.Ordinal) ? ResolutionKind.Unknown
            : ResolutionKind.Organization;
        var entry = new NonCountryEntry(names[0], reason, kind);
        var keys = new List<string>(names.Count);
        if (map["becomes"] is { } becomesNode && yaml.Mapping(becomesNode, "'becomes'", BecomesKeys) is { } becomes
            && becomes.Required("country") is { } countryNode && yaml.Scalar(countryNode, "'becomes.country'") is { } iso3
            && becomes.Required("from") is { } fromNode && YamlDates.Read(yaml, fromNode, "'becomes.from'") is { } from)
        {
            _becomes.Add((iso3, from, entry, yaml.At(countryNode), keys));
        }

        if (map["home"] is { } homeNode && yaml.Mapping(homeNode, "'home'", HomeKeys) is { } home
            && home.Required("country") is { } homeCountry && yaml.Scalar(homeCountry, "'home.country'") is { } homeIso3
            && home.Required("role") is { } roleNode && yaml.Scalar(roleNode, "'home.role'") is { } role)
        {
            _homes.Add((homeIso3, role.Trim(), entry, yaml.At(homeCountry), keys));
        }

        foreach (var name in names)
        {
            var key = TextKey.Of(name);
            if (key.Length == 0)
            {
                yaml.Error(map["names"]!, DiagnosticCodes.EmptyName, ErrorMessages.EmptyName("the non-country actor's name", name));
                continue;
            }

            if (_entries.TryGetValue(key, out var existing) && existing.Entry is not CountryAlias { Kind: AliasKind.Code, AlsoName: false })
            {
                // A bare ISO code gives way to an organization's name ("AU" is the African Union, not Australia).
                if (existing.Entry is CountryAlias country)
                {
                    yaml.Error(map["names"]!, DiagnosticCodes.DuplicateAlias, ErrorMessages.DuplicateAlias(name, country.Country.Iso3, "a non-country actor"));
                }
            }
            else
            {
                _entries[key] = (entry, yaml.At(map["names"]!));
                keys.Add(key);
            }
        }
    }
}
