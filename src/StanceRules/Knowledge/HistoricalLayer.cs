namespace StanceRules.Knowledge;

/// <summary>One actor of a TABARI/PETRARCH <c>.actors</c> dictionary, as read: its name, its synonyms and its codes.</summary>
internal sealed record ActorsRecord(string Name, SourceLocation At, List<(string Text, SourceLocation At)> Synonyms, List<ActorsCode> Codes);

/// <summary>
/// One code of an actor: <c>[USAGOV 090120-170120]</c> is country USA, role GOV, from 2009-01-20
/// to 2017-01-20; <c>&gt;date</c> has no end, <c>&lt;date</c> no start, an undated code neither.
/// </summary>
internal sealed record ActorsCode(string Country, string Role, DateOnly? From, DateOnly? To, bool Dated, SourceLocation At)
{
    // Roles of the government that do not speak for the state abroad: the legislature, the judiciary, the opposition.
    private static readonly string[] NonSpeakingSectors = ["LEG", "JUD", "OPP"];

    /// <summary>
    /// Whether the role speaks for the state: the government (<c>GOV</c>) and its sectors
    /// (<c>GOVMIL</c> defence, <c>GOVBUS</c> economy and finance, <c>GOVHLH</c> health, ...), but not
    /// <c>GOVLEG</c>, <c>GOVJUD</c>, <c>GOVOPP</c>; elites (<c>ELI</c>, former officials), the military
    /// (<c>MIL</c>), the opposition, rebels and every other role do not.
    /// </summary>
    public bool SpeaksForState => Role.StartsWith("GOV", StringComparison.Ordinal) && !NonSpeakingSectors.Contains(Role[3..]);
}

/// <summary>
/// The historical layer: the people of the <c>.actors</c> dictionaries (the default is Phoenix's
/// country actors, dated to early 2014), who speak for their country during their government
/// terms. It answers for dates before <see cref="Before"/>, where the hand-written offices data
/// does not reach; a name both layers know is the hand-written person with the dictionary's
/// terms before the first hand-written one (the hand-written data wins), and every disagreement
/// is listed in <see cref="Conflicts"/>.
/// </summary>
internal sealed class HistoricalLayer
{
    /// <summary>The first day the hand-written offices data answers for (2015-01-01): before it, the historical layer does.</summary>
    public static readonly DateOnly Before = new(2015, 1, 1);

    // CAMEO country codes of the dictionaries that differ from the gazetteer's ISO3 codes.
    private static readonly Dictionary<string, string> CameoToIso3 = new(StringComparer.Ordinal) { ["KSV"] = "XKX", ["TMP"] = "TLS", ["ROM"] = "ROU", ["ZAR"] = "COD" };

    private readonly Dictionary<string, PersonAlias> _entries;
#if NET9_0_OR_GREATER
    private readonly Dictionary<string, PersonAlias>.AlternateLookup<ReadOnlySpan<char>> _spans;
#endif

    private HistoricalLayer(Dictionary<string, PersonAlias> entries, List<Person> people, List<string> conflicts, List<string> skipped, Dictionary<string, Person[]> surnames)
    {
        _entries = entries;
#if NET9_0_OR_GREATER
        _spans = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
#endif
        People = people;
        Conflicts = conflicts;
        Skipped = skipped;
        Surnames = surnames;
    }

    /// <summary>Every person of the layer (merged with the hand-written person of the same name, where there is one).</summary>
    public IReadOnlyList<Person> People { get; }

    /// <summary>Where the layer and the hand-written data disagree, one line each; the hand-written data wins.</summary>
    public IReadOnlyList<string> Conflicts { get; }

    /// <summary>What was left out, one line each: a line of an embedded dictionary that could not be read, a code naming a country the gazetteer does not have (the USSR, Hong Kong), an undated government role.</summary>
    public IReadOnlyList<string> Skipped { get; }

    /// <summary>The people by surname, for "President Bush" (2003): the layer's and the hand-written people it did not merge.</summary>
    public Dictionary<string, Person[]> Surnames { get; }

    public IReadOnlyDictionary<string, PersonAlias> Entries => _entries;

    public PersonAlias? Lookup(ReadOnlySpan<char> key)
    {
#if NET9_0_OR_GREATER
        return _spans.TryGetValue(key, out var entry) ? entry : null;
#else
        return _entries.TryGetValue(key.ToString(), out var entry) ? entry : null;
#endif
    }

    /// <summary>The layer from the dictionaries' records, merged with the gazetteer's hand-written entries.</summary>
    public static HistoricalLayer Build(IEnumerable<ActorsRecord> records, Gazetteer main, IReadOnlyList<Diagnostic> problems)
    {
        var entries = new Dictionary<string, PersonAlias>(StringComparer.Ordinal);
        var ambiguous = new HashSet<string>(StringComparer.Ordinal);
        var merged = new Dictionary<Person, Person>();
        var people = new List<Person>();
        var conflicts = new List<string>();
        // An embedded dictionary is read when first needed: a line it could not read is listed here (the tests keep the default free of them).
        var skipped = problems.Select(p => p.ToString()).ToList();
        var changes = HeadChanges(main);
        var settled = 0;
        foreach (var record in SameNameJoined(records))
        {
            if (ToPerson(record, main, skipped) is not { } person)
            {
                continue;
            }

            var names = record.Synonyms.Prepend((Text: record.Name, At: record.At)).Select(n => (n.Text, n.At, Key: TextKey.Of(n.Text))).ToArray();
            // One record is one person: when any of its names is a hand-written person of its countries,
            // every name of the record is the merged person, so "Barack Hussein Obama" (a synonym only
            // the dictionary has) is in office across 2014/2015 like "Barack Obama". The hand-written
            // person may be of any country the record has a term in (Deng Alor Kuol: Sudan's minister,
            // then South Sudan's), so the record's terms in the other country are kept.
            var handWritten = names.Select(n => main.Entries.GetValueOrDefault(n.Key)).OfType<PersonAlias>().Select(a => a.Person).FirstOrDefault(p => person.Terms.Any(t => t.Country == p.Country));
            var target = person;
            if (handWritten is null)
            {
                people.Add(target = person = Settled(person, changes, ref settled));
            }
            else if (!merged.TryGetValue(handWritten, out target!))
            {
                // The dictionary is as of early 2014: a term it leaves open says nothing of the years
                // up to a hand-written term that begins in 2015 or later (Mudavadi, in government
                // from 2008, out from 2013, foreign minister from 2023), so it ends as any open
                // term does, at the next change of head of government.
                var old = handWritten.Terms[0].From >= Before ? Settled(person, changes, ref settled) : person;
                merged[handWritten] = target = Merge(handWritten, old, conflicts);
            }

            foreach (var (text, at, key) in names)
            {
                if (key.Length == 0 || ambiguous.Contains(key))
                {
                    continue;
                }

                if (main.Entries.TryGetValue(key, out var existing) && existing is not PersonAlias)
                {
                    conflicts.Add($"{at}: '{text}' ({person.Name}, {person.Country.Iso3}) is {Describe(existing)} in the hand-written data; the hand-written entry is kept");
                    continue;
                }

                if (existing is PersonAlias { Person: var other } && other != handWritten)
                {
                    conflicts.Add($"{at}: '{text}' is {person.Name} of {person.Country.Iso3} here and {other.Name} of {other.Country.Iso3} in the hand-written data; the hand-written entry is kept");
                    continue;
                }

                if (entries.TryGetValue(key, out var earlier) && earlier.Person != target)
                {
                    conflicts.Add($"{at}: '{text}' names both {earlier.Person.Name} ({earlier.Person.Country.Iso3}) and {person.Name} ({person.Country.Iso3}) in the dictionaries; left out as ambiguous");
                    entries.Remove(key);
                    ambiguous.Add(key);
                    continue;
                }

                entries[key] = new PersonAlias(text, target);
            }
        }

        people.AddRange(merged.Values);
        // A hand-written alias of a merged person ("Deng Alor", which the dictionary does not write)
        // is the merged person too, so before 2015 it reads the dictionary's terms like the full name.
        foreach (var (key, entry) in main.Entries)
        {
            if (entry is PersonAlias alias && merged.TryGetValue(alias.Person, out var target) && !ambiguous.Contains(key))
            {
                entries.TryAdd(key, new PersonAlias(alias.Text, target) { Undated = alias.Undated });
            }
        }

        if (settled > 0)
        {
            conflicts.Add($"{settled} terms the dictionaries leave open end the day before the next change of head of government that the hand-written data records before {Before:yyyy-MM-dd}");
        }

        // "President Park" on a date before 2015: the layer's people and the hand-written people it did not merge.
        var bySurname = people.Concat(main.People.Where(p => !merged.ContainsKey(p)));
        return new HistoricalLayer(entries, people, conflicts, skipped, Gazetteer.SurnameIndex(bySurname));
    }

    /// <summary>
    /// The dictionaries list some people twice (one record per office, "CHAN_SARUN_"): records of
    /// one name are one person, with every synonym and code; a term holds in its own country.
    /// </summary>
    private static IEnumerable<ActorsRecord> SameNameJoined(IEnumerable<ActorsRecord> records) =>
        records.GroupBy(r => TextKey.Of(r.Name), StringComparer.Ordinal)
            .Select(g => g.Count() == 1 ? g.First() : new ActorsRecord(g.First().Name, g.First().At, [.. g.SelectMany(r => r.Synonyms)], [.. g.SelectMany(r => r.Codes)]));

    private static string Describe(GazetteerEntry entry) => entry switch
    {
        CountryAlias alias => alias.Description,
        NonCountryEntry other => $"'{other.Text}' ({other.Reason})",
        _ => entry.Text,
    };

    /// <summary>Each country's changes of head of government before <see cref="Before"/> in the hand-written data (of head of state where it lists no head of government), in order.</summary>
    private static Dictionary<Country, DateOnly[]> HeadChanges(Gazetteer main)
    {
        var terms = main.People.SelectMany(p => p.Terms).Where(t => t.From < Before).ToArray();
        return terms.GroupBy(t => t.Country).ToDictionary(
            g => g.Key,
            g =>
            {
                var kind = g.Any(t => (t.Offices & OfficeKinds.HeadOfGovernment) != 0) ? OfficeKinds.HeadOfGovernment : OfficeKinds.HeadOfState;
                return g.Where(t => (t.Offices & kind) != 0).Select(t => t.From).Distinct().Order().ToArray();
            });
    }

    /// <summary>
    /// A term the dictionary leaves open yields to the hand-written data: it ends the day before the
    /// next change of head of government (of head of state where the country lists none) that the
    /// hand-written data records after the term began and before 2015. The dictionary is as of its
    /// date and left such terms open (Phoenix has Lee Myung-bak, president of South Korea to
    /// 2013-02-25, in office from 2008 with no end); a new government is where an open term stops
    /// being reliable, and no country (a gap) is better than a wrong one.
    /// </summary>
    private static Person Settled(Person person, Dictionary<Country, DateOnly[]> changes, ref int settled)
    {
        var last = person.Terms[^1];
        if (last.To is not null || !changes.TryGetValue(last.Country, out var days) || Array.Find(days, d => d > last.From) is var change && change == default)
        {
            return person;
        }

        settled++;
        var result = new Person(person.Name, person.Country);
        foreach (var term in person.Terms)
        {
            result.Add(term == last ? new OfficeTerm(result, term.Country, term.Offices, term.From, change.AddDays(-1), term.At) : new OfficeTerm(result, term.Country, term.Offices, term.From, term.To, term.At));
        }

        return result;
    }

    /// <summary>The record's government terms as a person, overlapping terms joined; null when it has none.</summary>
    private static Person? ToPerson(ActorsRecord record, Gazetteer main, List<string> skipped)
    {
        var terms = new List<(Country Country, DateOnly From, DateOnly? To, SourceLocation At)>();
        foreach (var code in record.Codes)
        {
            if (!code.SpeaksForState)
            {
                continue;
            }

            var country = main.ByIso3(CameoToIso3.GetValueOrDefault(code.Country, code.Country));
            if (country is null)
            {
                skipped.Add($"{code.At}: {record.Name}: [{code.Country}{code.Role}] names no country of the gazetteer");
                continue;
            }

            if (!code.Dated)
            {
                skipped.Add($"{code.At}: {record.Name}: [{code.Country}{code.Role}] has no dates");
                continue;
            }

            terms.Add((country, code.From ?? DateOnly.MinValue, code.To, code.At));
        }

        if (terms.Count == 0)
        {
            return null;
        }

        terms.Sort((a, b) => a.From.CompareTo(b.From));
        // The dictionaries write names in capitals ("GEORGE W. BUSH"): shown as "George W. Bush".
        var person = new Person(System.Globalization.CultureInfo.InvariantCulture.TextInfo.ToTitleCase(record.Name.ToLowerInvariant()), terms[0].Country);
        var (current, from, to, at) = terms[0];
        foreach (var term in terms.Skip(1))
        {
            if (term.Country == current && (to is not { } end || term.From <= end.AddDays(1)))
            {
                to = to is null || term.To is null ? null : term.To > to ? term.To : to;
                continue;
            }

            if (to is not { } before || before >= term.From)
            {
                // One country at a time: a term in another country ends the open one (Sudan, then South Sudan from 2011-07-09).
                to = term.From.AddDays(-1);
            }

            if (to >= from)
            {
                person.Add(new OfficeTerm(person, current, OfficeKinds.Government, from, to, at));
            }

            (current, from, to, at) = term;
        }

        person.Add(new OfficeTerm(person, current, OfficeKinds.Government, from, to, at));
        return person;
    }

    /// <summary>The hand-written person with the dictionary's terms that end before the first hand-written one; the rest listed.</summary>
    private static Person Merge(Person handWritten, Person old, List<string> conflicts)
    {
        var person = new Person(handWritten.Name, handWritten.Country);
        var first = handWritten.Terms[0].From;
        foreach (var term in old.Terms)
        {
            if (term.From >= first)
            {
                conflicts.Add($"{term.At}: {old.Name}: {term.Description} begins on or after the hand-written {handWritten.Terms[0].Description}; left out");
                continue;
            }

            var to = term.To is { } end && end < first ? end : first.AddDays(-1);
            if (term.To != to)
            {
                conflicts.Add($"{term.At}: {old.Name}: {term.Description} runs into the hand-written {handWritten.Terms[0].Description}; cut to end {to:yyyy-MM-dd}");
            }

            person.Add(new OfficeTerm(person, term.Country, term.Offices, term.From, to, term.At));
        }

        foreach (var term in handWritten.Terms)
        {
            person.Add(term);
        }

        if (handWritten.Then is { } then)
        {
            person.MoveTo(then);
        }

        return person;
    }
}
