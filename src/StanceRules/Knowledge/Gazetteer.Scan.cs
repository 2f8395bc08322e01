namespace StanceRules.Knowledge;

/// <summary>The scan of an actor for the names inside it, and the order in which they decide.</summary>
internal sealed partial class Gazetteer
{
    [ThreadStatic]
    private static List<(int Start, int Length, GazetteerEntry Entry)>? _hitBuffer;

    /// <summary>
    /// Finds every name inside the text on word boundaries, longest first (so "Papua New Guinea"
    /// hides "Guinea" and "Latin American" hides "American"), then decides in this order: former
    /// or not-yet officials by the text, non-state actors, groups, officials by their terms,
    /// organizations, then one country, a joint statement, or an ambiguous actor.
    /// </summary>
    private Resolution Scan(string actor, string key, DateOnly? date, bool allowJoint)
    {
        Span<int> starts = stackalloc int[64];
        Span<int> ends = stackalloc int[64];
        var wordCount = 0;
        for (var i = 0; i < key.Length;)
        {
            var end = key.IndexOf(' ', i);
            end = end < 0 ? key.Length : end;
            if (wordCount == starts.Length)
            {
                return Resolution.Unresolved(ResolutionKind.Unknown, UnknownReason); // 64 words: not an actor
            }

            starts[wordCount] = i;
            ends[wordCount] = end;
            wordCount++;
            i = end + 1;
        }

        starts = starts[..wordCount];
        ends = ends[..wordCount];
        Span<bool> covered = stackalloc bool[wordCount];
        var hits = _hitBuffer ??= [];
        hits.Clear();
        FindNames(actor, key, date, starts, ends, covered, hits);
        FindSurnames(key, date, starts, ends, covered, hits);
        hits.Sort((a, b) => a.Start.CompareTo(b.Start));
        var words = new Words(key, starts, ends, covered);

        if (ByMarker(words, hits) is { } marked)
        {
            return marked; // 1. "former Kenyan President Uhuru Kenyatta", "President-elect X": never the country
        }

        // 2. A non-state actor anywhere ("Iran-backed Houthi rebels", "Wagner fighters").
        foreach (var (_, _, entry) in hits)
        {
            if (entry is NonCountryEntry { Kind: ResolutionKind.NonState } nonState && !nonState.IsCountryOn(date))
            {
                return Resolution.Unresolved(ResolutionKind.NonState, nonState.Reason, nonState);
            }
        }

        // 3. Groups: a regional or bloc word, or an organization named by its members ("EU leaders").
        var (countryHits, severalCountries) = CountCountries(hits, date);
        var oneCountry = countryHits > 0 && !severalCountries;
        if (ByGroup(words, hits, date, oneCountry) is { } group)
        {
            return group;
        }

        // 4. People: in office they are their country; out of office, former; moved, the organization.
        Resolution? person = null;
        var countries = new CountrySet();
        var titled = words.AnyUncovered(TitleWords);
        foreach (var (_, _, entry) in hits)
        {
            switch (entry)
            {
                case PersonAlias p:
                    var on = p.Person.On(date, p.Undated);
                    if (on.Country is { } c)
                    {
                        countries.Add(c);
                        person ??= on;
                    }
                    else if (on.Kind == ResolutionKind.FormerOfficial && on.Match is OfficeTerm term && (titled || date < term.From)
                        && hits.Exists(x => x.Entry is CountryAlias alias && alias.Country == term.Country))
                    {
                        // Out of every listed office but named with the country and a title in the
                        // text ("Japan's Chief Cabinet Secretary X", "Saudi Crown Prince Mohammed
                        // bin Salman" before he became prime minister): the title decides.
                        countries.Add(term.Country);
                        person ??= Resolution.Resolved(term.Country, p.Person);
                    }
                    else
                    {
                        return on; // former, not yet in office, or now at an organization
                    }

                    break;
                case CountryAlias a:
                    countries.Add(a.Country);
                    break;
                case NonCountryEntry n when n.IsCountryOn(date):
                    countries.Add(n.Becomes!.Value.Country);
                    break;
            }
        }

        // 5. Organizations: their officials never speak for a home country ("Portuguese UN chief",
        // "UN envoy for Yemen"), but a country named before the organization does ("Russia's UN
        // ambassador", "Russia at the UN Security Council"; a demonym only with an envoy's title),
        // as does an official in office or a member named by the bloc ("EU member Hungary").
        var representativeWord = words.AnyUncovered(RepresentativeWords);
        for (var h = 0; h < hits.Count; h++)
        {
            if (hits[h].Entry is NonCountryEntry { Kind: ResolutionKind.Organization } organization && countries.Count <= 1)
            {
                var national = person is not null || (oneCountry && IsBlocAdjective(words, hits[h]));
                for (var before = 0; before < h && !national; before++)
                {
                    national = hits[before].Entry is CountryAlias alias && (alias.Kind != AliasKind.Demonym || representativeWord);
                }

                if (countries.Count == 1 && national)
                {
                    break;
                }

                return Resolution.Unresolved(organization.Kind, organization.Reason, organization);
            }
        }

        return Decide(actor, date, allowJoint, hits, countries, person);
    }

    /// <summary>6. One country, none (the first other entry, or unknown), a joint statement, or an ambiguous actor.</summary>
    private Resolution Decide(string actor, DateOnly? date, bool allowJoint, List<(int Start, int Length, GazetteerEntry Entry)> hits, CountrySet countries, Resolution? person)
    {
        if (countries.Count == 1 && allowJoint && OtherNamedPart(actor, date) is { } notCountry)
        {
            // "Serbia and Somaliland": a listed territory that is not a state of the gazetteer.
            return Resolution.Unresolved(ResolutionKind.Ambiguous, $"names {countries.Single!.Iso3} and '{notCountry}', which is not a country");
        }

        if (countries.Count == 1)
        {
            var match = person is { } p ? p.Match : hits.Find(x => x.Entry is CountryAlias).Entry;
            return Resolution.Resolved(countries.Single!, match ?? hits.Find(x => x.Entry is NonCountryEntry).Entry);
        }

        if (countries.Count == 0)
        {
            foreach (var (_, _, entry) in hits)
            {
                if (entry is NonCountryEntry other)
                {
                    return Resolution.Unresolved(other.Kind, other.Reason, other);
                }
            }

            return Resolution.Unresolved(ResolutionKind.Unknown, UnknownReason);
        }

        var names = countries.ToSortedArray();
        if (allowJoint && JointCountries(actor, date) is { } joint)
        {
            return new Resolution(ResolutionKind.JointStatement, null, joint, null, null);
        }

        return Resolution.Unresolved(ResolutionKind.Ambiguous, $"names more than one country ({string.Join(", ", names.Select(c => c.Iso3))}) without listing them as joint actors");
    }

    /// <summary>Every name of the dictionary inside the text, longest first, on word boundaries.</summary>
    private void FindNames(string actor, string key, DateOnly? date, Span<int> starts, Span<int> ends, Span<bool> covered, List<(int Start, int Length, GazetteerEntry Entry)> hits)
    {
        var wordCount = starts.Length;
        for (var length = Math.Min(_maxAliasWords, wordCount); length >= 1; length--)
        {
            for (var start = 0; start + length <= wordCount; start++)
            {
                if (covered.Slice(start, length).Contains(true))
                {
                    continue;
                }

                var span = key.AsSpan(starts[start], ends[start + length - 1] - starts[start]);
                if (Lookup(span, date) is not { } entry)
                {
                    continue;
                }

                if (IsUncountedCode(actor, entry))
                {
                    continue;
                }

                if (IsWordIn(TitleWords, key, starts[start], ends[start]) && UntitledNameOverlaps(actor, key, date, starts, ends, covered, start, length))
                {
                    // A dictionary's name that begins with a title ("Foreign Minister Abdullah") yields to a name as
                    // long that overlaps it: "Yemeni Foreign Minister Abdullah al-Saidi" is al-Saidi, titled.
                    continue;
                }

                hits.Add((start, length, entry));
                covered.Slice(start, length).Fill(true);
            }
        }
    }

    /// <summary>A bare surname after a title ("President Assad", "Mr. Putin") or before "administration" ("the Bush administration").</summary>
    private void FindSurnames(string key, DateOnly? date, Span<int> starts, Span<int> ends, Span<bool> covered, List<(int Start, int Length, GazetteerEntry Entry)> hits)
    {
        Country? named = null;
        foreach (var (_, _, entry) in hits)
        {
            if (entry is CountryAlias alias)
            {
                named = named is null || named == alias.Country ? alias.Country : null;
            }
        }

        var words = new Words(key, starts, ends, covered);
        for (var w = 0; w < starts.Length; w++)
        {
            // Two letters only for a family name written first ("President Xi"): the surname index holds no shorter last word.
            if (covered[w] || ends[w] - starts[w] < 2)
            {
                continue;
            }

            var titled = w > 0 && !covered[w - 1] && words.Is(w - 1, SurnameTitles);
            var governed = w + 1 < starts.Length && !covered[w + 1] && words.Is(w + 1, GovernmentWords);
            // A head's title ("President Park", "Prime Minister Lee") or "<surname> government": a head of state or government first.
            var head = governed || (titled && (words.Is(w - 1, HeadTitles) || (w > 1 && key.AsSpan(starts[w - 2], ends[w - 2] - starts[w - 2]).SequenceEqual("prime"))));
            if (!titled && !governed)
            {
                continue;
            }

            var surname = key[starts[w]..ends[w]];
            if (BySurname(surname, date, named, head) is { } person)
            {
                hits.Add((w, 1, new PersonAlias(surname, person)));
                covered[w] = true;
                t_datedEntryFound = true;
            }
            else if (date is null && head && SurnameCountry(surname, named) is { } country)
            {
                // Undated "President Bush": two holders of the surname, neither in office, both of one country; the country as an undated official.
                hits.Add((w, 1, new CountryAlias(surname, country, AliasKind.Official)));
                covered[w] = true;
                t_datedEntryFound = true;
            }
        }
    }

    private static Resolution? ByMarker(Words words, List<(int Start, int Length, GazetteerEntry Entry)> hits)
    {
        for (var w = 0; w < words.Count; w++)
        {
            if (words.Covered[w])
            {
                continue;
            }

            if (words.Is(w, FormerWords) && IsOfficeAfter(words, w + 1, hits))
            {
                var of = hits.Find(h => h.Start > w && h.Entry is PersonAlias).Entry as PersonAlias;
                return Resolution.Unresolved(ResolutionKind.FormerOfficial, of is null ? FormerReason : $"{FormerReason} ({of.Person.Name}, {OfficeNames.Describe(of.Person.Terms[^1].Offices)} of {of.Person.Country.Iso3})", of?.Person);
            }

            if (words.Is(w, NotYetWords) && (words.AnyUncovered(TitleWords) || hits.Exists(h => h.Entry is PersonAlias)))
            {
                var of = hits.Find(h => h.Entry is PersonAlias).Entry as PersonAlias;
                var word = words.Key[words.Starts[w]..words.Ends[w]];
                return Resolution.Unresolved(ResolutionKind.FormerOfficial, of is null ? $"{NotYetReason} '{word}'" : $"{NotYetReason} '{word}' ({of.Person.Name})", of?.Person);
            }
        }

        return null;
    }

    private static Resolution? ByGroup(Words words, List<(int Start, int Length, GazetteerEntry Entry)> hits, DateOnly? date, bool oneCountry)
    {
        var memberWord = words.AnyUncovered(MemberWords);
        var representativeWord = words.AnyUncovered(RepresentativeWords);
        foreach (var hit in hits)
        {
            var (start, length, entry) = hit;
            if (entry is not NonCountryEntry group || group.IsCountryOn(date) || (oneCountry && IsBlocAdjective(words, hit)))
            {
                continue; // "NATO-member Norway", "fellow BRICS member Brazil": that country
            }

            if (group.Kind == ResolutionKind.Group)
            {
                // "the Gulf state of Qatar", "the Baltic nation Estonia": one named country.
                var next = start + length;
                if (next < words.Count && words.Is(next, SingularNouns) && oneCountry)
                {
                    continue;
                }

                // The words that matched ("latin american"), not the entry's first name: one entry holds many regional words.
                return Resolution.Unresolved(ResolutionKind.Group, group.Reason, new NonCountryMatch(group, words.Key[words.Starts[start]..words.Ends[start + length - 1]]));
            }

            if (group.Kind == ResolutionKind.Organization && memberWord && !representativeWord)
            {
                return Resolution.Unresolved(ResolutionKind.Group, $"group of countries: members of {group.Text}", group);
            }
        }

        return null;
    }

    /// <summary>A bloc followed by a singular member word ("NATO-member", "EU member", "NATO ally"): an adjective of the country named.</summary>
    private static bool IsBlocAdjective(Words words, (int Start, int Length, GazetteerEntry Entry) hit)
    {
        var next = hit.Start + hit.Length;
        return hit.Entry is NonCountryEntry { Kind: ResolutionKind.Group or ResolutionKind.Organization } && next < words.Count && !words.Covered[next] && words.Is(next, BlocMemberWords);
    }

    private static (int Count, bool Several) CountCountries(List<(int Start, int Length, GazetteerEntry Entry)> hits, DateOnly? date)
    {
        var count = 0;
        Country? first = null;
        var several = false;
        foreach (var (_, _, entry) in hits)
        {
            var country = entry switch
            {
                CountryAlias a => a.Country,
                NonCountryEntry n when n.IsCountryOn(date) => n.Becomes!.Value.Country,
                _ => null,
            };
            if (country is not null)
            {
                count++;
                several |= first is not null && first != country;
                first ??= country;
            }
        }

        return (count, several);
    }

    private static bool IsOfficeAfter(Words words, int from, List<(int Start, int Length, GazetteerEntry Entry)> hits)
    {
        for (var w = from; w < words.Count; w++)
        {
            if (!words.Covered[w] && words.Is(w, TitleWords))
            {
                return true;
            }
        }

        return hits.Exists(h => h.Start >= from && h.Entry is PersonAlias or CountryAlias { Kind: AliasKind.Official });
    }

    /// <summary>The words of a normalized actor: where each starts and ends, and which a name covers.</summary>
    private readonly ref struct Words(string key, Span<int> starts, Span<int> ends, Span<bool> covered)
    {
        public string Key { get; } = key;

        public Span<int> Starts { get; } = starts;

        public Span<int> Ends { get; } = ends;

        public Span<bool> Covered { get; } = covered;

        public int Count => Starts.Length;

        public bool Is(int w, System.Collections.Frozen.FrozenSet<string> set) => IsWordIn(set, Key, Starts[w], Ends[w]);

        public bool AnyUncovered(System.Collections.Frozen.FrozenSet<string> set)
        {
            for (var w = 0; w < Count; w++)
            {
                if (!Covered[w] && Is(w, set))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
