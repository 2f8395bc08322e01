using System.Collections.Frozen;

namespace StanceRules.Knowledge;

/// <summary>The words around a name that change what it resolves to, and the lookups by surname and plural demonym.</summary>
internal sealed partial class Gazetteer
{
    public const string NotYetReason = "not yet in office: the actor is described as";
    public const string PeopleReason = "people, not the state: a plural demonym without 'the'";

    // "former Kenyan President Uhuru Kenyatta", "ex-PM", "the late Queen", "ousted President Morsi": no longer in office.
    private static readonly FrozenSet<string> FormerWords = FrozenSet.ToFrozenSet(
        ["former", "ex", "late", "ousted", "deposed", "exiled", "toppled", "overthrown"], StringComparer.Ordinal);

    // "President-elect Alberto Fernández", "Prime Minister-designate", "incoming President", "Defense Secretary nominee": not yet in office.
    private static readonly FrozenSet<string> NotYetWords = FrozenSet.ToFrozenSet(
        ["elect", "designate", "incoming", "nominee", "presumptive"], StringComparer.Ordinal);

    // Words that make the words after "former" a former office holder ("former President", "ex-PM"),
    // and a title written in the text ("Japan's Chief Cabinet Secretary X"): the title decides.
    private static readonly FrozenSet<string> TitleWords = FrozenSet.ToFrozenSet(
    [
        "president", "presidents", "prime", "premier", "pm", "chancellor", "minister", "ministers", "secretary", "king", "queen",
        "emperor", "emir", "sultan", "prince", "monarch", "leader", "leaders", "head", "ruler", "dictator", "strongman", "spokesman",
        "spokeswoman", "spokesperson", "ambassador", "envoy", "diplomat", "official", "officials", "foreign", "chief", "vice",
        "deputy", "taoiseach", "pope", "shah", "premiers", "counterpart", "representative", "junta", "general", "governor",
        "adviser", "advisor", "spokespeople", "director", "commissioner",
    ], StringComparer.Ordinal);

    // A title before a bare surname ("President Assad", "Mr. Putin", "Chancellor Kohl").
    private static readonly FrozenSet<string> SurnameTitles = FrozenSet.ToFrozenSet(
    [
        "president", "premier", "pm", "chancellor", "minister", "secretary", "king", "queen", "emir", "sultan", "prince", "mr",
        "mrs", "ms", "dr", "sheikh", "leader", "general", "spokesman", "spokeswoman", "ambassador", "adviser", "advisor", "taoiseach",
    ], StringComparer.Ordinal);

    // A word after a bare surname that makes it the government ("the Bush administration", "the Netanyahu government").
    // The titles of a head of state or government before a surname: among several holders of that surname, the head ("President Park" in 2014).
    private static readonly FrozenSet<string> HeadTitles = FrozenSet.ToFrozenSet(
        ["president", "premier", "pm", "chancellor", "king", "queen", "emir", "sultan", "taoiseach"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> GovernmentWords = FrozenSet.ToFrozenSet(
        ["administration", "government", "cabinet", "presidency", "regime"], StringComparer.Ordinal);

    // A singular member word after a bloc naming one country ("NATO-member Norway", "EU member Hungary", "NATO ally Turkey").
    private static readonly FrozenSet<string> BlocMemberWords = FrozenSet.ToFrozenSet(
        ["member", "ally", "partner"], StringComparer.Ordinal);

    // Words that make an organization named with one country that country's envoy ("Russia's UN ambassador").
    private static readonly FrozenSet<string> RepresentativeWords = FrozenSet.ToFrozenSet(
        ["ambassador", "ambassadors", "envoy", "envoys", "representative", "representatives", "mission", "delegation", "delegate", "delegates", "emissary"],
        StringComparer.Ordinal);

    // Words that make an organization its members ("NATO allies", "EU leaders", "ASEAN foreign ministers"): a group.
    private static readonly FrozenSet<string> MemberWords = FrozenSet.ToFrozenSet(
    [
        "members", "member", "leaders", "heads", "countries", "states", "nations", "governments", "allies", "partners", "ministers",
        "presidents", "premiers", "economies", "powers", "capitals", "signatories", "nation", "summit", "summits",
    ], StringComparer.Ordinal);

    // Singular nouns after a regional adjective that name one country ("the Gulf state of Qatar").
    private static readonly FrozenSet<string> SingularNouns = FrozenSet.ToFrozenSet(
        ["state", "nation", "country", "kingdom", "emirate", "republic", "island", "monarchy", "neighbour", "neighbor", "archipelago", "sultanate"],
        StringComparer.Ordinal);

    /// <summary>
    /// "the Jordanians" is the state (news writes a government so: "the Jordanians rejected the
    /// plan"); "Jordanians", "thousands of Iraqis" are people, not the state. Null when the actor
    /// is not a plural demonym.
    /// </summary>
    private Resolution? PluralDemonym(string actor, string key)
    {
        if (key.Length < 4 || key[^1] != 's' || !_entries.TryGetValue(key[..^1], out var entry) || entry is not CountryAlias { Kind: AliasKind.Demonym } demonym)
        {
            return null;
        }

        var trimmed = actor.AsSpan().TrimStart();
        return trimmed.StartsWith("the ", StringComparison.OrdinalIgnoreCase)
            ? Resolution.Resolved(demonym.Country, demonym)
            : Resolution.Unresolved(ResolutionKind.Unknown, $"{PeopleReason} (people of {demonym.Country.Iso3}; 'the {actor.Trim()}' is the state)", demonym);
    }

    /// <summary>
    /// The person a bare surname after a title ("President Assad") or before "administration"
    /// names: among the holders with that surname (of the country named, if one is), the one in
    /// office on the date (after a head's title or before "administration", the only head of state or
    /// government among several in office), else the only one; without a date, the only one, else
    /// the only one still in office. Null when no one or several people fit.
    /// </summary>
    private Person? BySurname(string surname, DateOnly? date, Country? named, bool headTitle)
    {
        // Before 2015 the historical layer's people (merged with the hand-written ones they share a name with), then the hand-written ones.
        if (!(IsHistorical(date) && _history!.Value.Surnames.TryGetValue(surname, out var people)) && !_surnames.Value.TryGetValue(surname, out people))
        {
            return null;
        }

        Person? only = null;
        Person? inOffice = null;
        Person? headInOffice = null;
        var candidates = 0;
        var holding = 0;
        var heads = 0;
        foreach (var person in people)
        {
            if ((named is not null && !person.Terms.Any(t => t.Country == named)) || (headTitle && !MayBeHead(person)))
            {
                continue;
            }

            candidates++;
            only = person;
            var holds = date is { } day ? person.Terms.Any(t => t.Holds(day)) : person.Terms[^1].To is null;
            if (holds)
            {
                holding++;
                inOffice = person;
                if (date is { } on && person.Terms.Any(t => t.Holds(on) && (t.Offices & (OfficeKinds.HeadOfState | OfficeKinds.HeadOfGovernment)) != 0))
                {
                    heads++;
                    headInOffice = person;
                }
            }
        }

        return holding == 1 ? inOffice : headTitle && heads == 1 ? headInOffice : candidates == 1 ? only : null;
    }

    /// <summary>
    /// The one country every holder of a surname who may be a head (<see cref="MayBeHead"/>) served (of the country named, if one is), for an undated head's title and a
    /// surname that names several people ("President Bush": George Bush and George W. Bush, both of the USA): the country
    /// without a person. Null when the surname is unknown or its holders served more than one country.
    /// </summary>
    private Country? SurnameCountry(string surname, Country? named)
    {
        if (!(IsHistorical(null) && _history!.Value.Surnames.TryGetValue(surname, out var people)) && !_surnames.Value.TryGetValue(surname, out people))
        {
            return null;
        }

        Country? only = null;
        foreach (var person in people)
        {
            if (!MayBeHead(person))
            {
                continue;
            }

            foreach (var term in person.Terms)
            {
                if (named is not null && term.Country != named)
                {
                    continue;
                }

                if (only is not null && only != term.Country)
                {
                    return null;
                }

                only = term.Country;
            }
        }

        return only;
    }

    /// <summary>
    /// Whether a head's title ("President Omar", "the Omar government") may name this person: someone
    /// who has held a head's office, or a term "in government" of a dictionary, which does not say
    /// which office. A foreign minister whose family name is a common given name is not "President Omar".
    /// </summary>
    private static bool MayBeHead(Person person) =>
        person.Terms.Any(t => (t.Offices & (OfficeKinds.HeadOfState | OfficeKinds.HeadOfGovernment | OfficeKinds.Government)) != 0);

    /// <summary>
    /// Countries whose people's names English-language news writes family name first: Chinese
    /// and Korean names ("Xi Jinping", "Moon Jae-in", "Tsai Ing-wen"), so "President Moon" is
    /// Moon Jae-in. Japanese, Vietnamese, Hungarian and Singaporean names are written or called by
    /// the last word in such news ("Shinzo Abe", "Trong", "Lawrence Wong") and follow the general rule.
    /// </summary>
    private static readonly FrozenSet<string> FamilyNameFirst = FrozenSet.ToFrozenSet(["CHN", "TWN", "KOR", "PRK"], StringComparer.Ordinal);

    // Two-letter family names that are also English words ("He", "An", "No") are not indexed: "President he said".
    private static readonly FrozenSet<string> ShortEnglishWords = FrozenSet.ToFrozenSet(
        ["he", "an", "so", "no", "do", "go", "to", "in", "on", "of", "or", "as", "at", "by", "it", "is", "be", "me", "my", "we", "us", "up", "oh", "if"],
        StringComparer.Ordinal);

    /// <summary>
    /// Every person by surname, for title + surname: the last word of the name ("assad" for Bashar
    /// al-Assad), at least three letters; for a country that writes the family name first (see
    /// <see cref="FamilyNameFirst"/>) also the first word, at least two letters ("xi", "moon"),
    /// since such a country's people may also bear a name in Western order ("Ambrose Lee").
    /// </summary>
    internal static Dictionary<string, Person[]> SurnameIndex(IEnumerable<Person> people)
    {
        var index = new Dictionary<string, List<Person>>(StringComparer.Ordinal);
        foreach (var person in people)
        {
            var key = TextKey.Of(person.Name);
            var space = key.LastIndexOf(' ');
            if (space < 0)
            {
                continue; // one-word names ("Lula") are their own alias
            }

            if (key.Length - space >= 4)
            {
                Add(key[(space + 1)..], person); // two-letter last words are too short to trust
            }

            var first = key.IndexOf(' ');
            if (first >= 2 && person.Terms.Any(t => FamilyNameFirst.Contains(t.Country.Iso3)) && !ShortEnglishWords.Contains(key[..first]))
            {
                Add(key[..first], person);
            }
        }

        return index.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);

        void Add(string surname, Person person)
        {
            if (!index.TryGetValue(surname, out var list))
            {
                index[surname] = list = [];
            }

            if (!list.Contains(person))
            {
                list.Add(person);
            }
        }
    }

    /// <summary>Whether a name the scan would take, of the same number of words and not itself beginning with a title, starts inside this one.</summary>
    private bool UntitledNameOverlaps(string actor, string key, DateOnly? date, Span<int> starts, Span<int> ends, Span<bool> covered, int start, int length)
    {
        for (var other = start + 1; other < start + length && other + length <= starts.Length; other++)
        {
            if (!covered.Slice(other, length).Contains(true) && !IsWordIn(TitleWords, key, starts[other], ends[other])
                && Lookup(key.AsSpan(starts[other], ends[other + length - 1] - starts[other]), date) is { } entry && !IsUncountedCode(actor, entry))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A code counts only on its own ("CHN") or, when also a name, in capitals: "us officials" is not the USA.</summary>
    private static bool IsUncountedCode(string actor, GazetteerEntry entry) =>
        entry is CountryAlias { Kind: AliasKind.Code } code && (!code.AlsoName || !IsUpperCaseWord(actor, entry.Text));
}
