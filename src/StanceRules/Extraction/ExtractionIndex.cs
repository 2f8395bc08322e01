using StanceRules.Knowledge;

namespace StanceRules.Extraction;

/// <summary>An act as the text writes it: the first word's form, the words after it, and what it means.</summary>
/// <param name="Lemma">The lexicon's lemma (or the vote's).</param>
/// <param name="Rest">The words after the first.</param>
/// <param name="Family">The lemma's family.</param>
/// <param name="Vote">For a vote phrase, the choice it records.</param>
/// <param name="Material">A material act of the lexicon ("shell", "arrest"): a physical act, no statement.</param>
internal sealed record ActPattern(string Lemma, string[] Rest, Stance? Family, VoteChoice? Vote, bool Material = false);

/// <summary>
/// What the extractor looks words up in, built once per engine from its knowledge: the gazetteer's
/// names and every word prefix of them (so a scan stops at the first word no name starts with), the
/// lexicon's acts in every inflection of their first word, the vote phrases, and the speech verbs.
/// </summary>
internal sealed class ExtractionIndex
{
    private readonly PhraseTable<GazetteerEntry?> _names = new();
    private readonly PhraseTable<ActPattern[]> _acts = new();
    private readonly PhraseTable<bool> _speech = new();
    private readonly PhraseTable<bool> _light = new();
    private readonly PhraseTable<ActPattern> _nominal = new();
    private readonly PhraseTable<CountryAlias?> _respelled = new();

    public ExtractionIndex(Gazetteer gazetteer, Lexicon lexicon, ExtractionPatterns patterns)
    {
        Patterns = patterns;
        Companions = [.. patterns.Companions.Select(phrase => phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries))];
        foreach (var (key, entry) in gazetteer.Entries)
        {
            var words = key.Split(' ');
            MaxNameWords = Math.Max(MaxNameWords, words.Length);
            for (var n = 1; n < words.Length; n++)
            {
                _names.TryAdd(string.Join(' ', words, 0, n), null);
            }

            _names.Set(key, entry);
        }

        // Every word of every name (people's too: "cameron" of David Cameron is no "Cameroon" with a letter left out).
        var nameWords = gazetteer.Entries.Keys.SelectMany(key => key.Split(' ')).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, entry) in gazetteer.Entries)
        {
            if (entry is CountryAlias { Kind: AliasKind.Name } alias && key.Length > MinRespelledLength && key.All(char.IsAsciiLetterLower))
            {
                AddRespellings(key, alias, nameWords);
            }
        }

        var acts = new Dictionary<string, List<ActPattern>>(StringComparer.Ordinal);
        foreach (var (lemma, family) in lexicon.Families)
        {
            var words = lemma.Split('-');
            foreach (var form in Forms(words[0], patterns.Irregular))
            {
                Add(acts, form, new ActPattern(lemma, words[1..], family, null, lexicon.Material.Contains(lemma)));
            }
        }

        foreach (var (phrase, choice) in patterns.Votes)
        {
            var words = phrase.Split(' ');
            var lemma = choice switch { VoteChoice.Yes => "vote-for", VoteChoice.No => "vote-against", _ => "abstain" };
            Add(acts, words[0], new ActPattern(lemma, words[1..], choice == VoteChoice.Abstain ? Stance.Abstains : choice == VoteChoice.No ? Stance.Rejects : Stance.Supports, choice));
        }

        foreach (var (form, list) in acts)
        {
            // Longest first; at equal length a vote phrase before a plain act.
            _acts.Set(form, list.OrderByDescending(p => p.Rest.Length).ThenBy(p => p.Vote is null).ToArray());
        }

        foreach (var verb in patterns.SpeechVerbs)
        {
            foreach (var form in Forms(verb, patterns.Irregular))
            {
                _speech.Set(form, true);
            }
        }

        foreach (var verb in patterns.LightVerbs)
        {
            foreach (var form in Forms(verb, patterns.Irregular))
            {
                _light.Set(form, true);
            }
        }

        // The intent a future states ("Israel will evacuate the settlements"), when the lexicon lists it.
        if (lexicon.Families.TryGetValue(FutureIntentLemma, out var intendTo))
        {
            FutureIntent = new ActPattern(FutureIntentLemma, [], intendTo, null);
        }

        foreach (var (noun, lemma) in patterns.NominalActs)
        {
            // A lemma the lexicon does not list is a load error (ExtractionReader.CheckNominalActs).
            if (lexicon.Families.TryGetValue(lemma, out var family))
            {
                var pattern = new ActPattern(lemma, [], family, null);
                _nominal.Set(noun, pattern);
                _nominal.TryAdd(noun.EndsWith('s') ? noun : noun + "s", pattern);
            }
        }
    }

    /// <summary>The lexicon's lemma of an intent stated by a future ("will evacuate", "would meet").</summary>
    public const string FutureIntentLemma = "intend-to";

    public ExtractionPatterns Patterns { get; }

    /// <summary>The act a future states before a concession or a future act (<see cref="FutureIntentLemma"/>); null when the lexicon does not list it.</summary>
    public ActPattern? FutureIntent { get; }

    public int MaxNameWords { get; }

    /// <summary>The <c>companions</c> phrases, each as its words (split once here, not per sentence).</summary>
    public string[][] Companions { get; }

    /// <summary>How many letters a word needs to be read as a country's name with one letter left out (<see cref="TryRespelled"/>).</summary>
    public const int MinRespelledLength = 7;

    /// <summary>
    /// The country whose one-word name (eight letters or more) the key is with one letter left out ("ethopia": Ethiopia),
    /// when it is no other country's so and no name of the gazetteer, the start of one or a word of one.
    /// </summary>
    public bool TryRespelled(ReadOnlySpan<char> key, out CountryAlias? alias) => _respelled.TryGet(key, out alias) && alias is not null;

    /// <summary>Whether the key is a name or starts one; the entry when it is a name.</summary>
    public bool TryName(ReadOnlySpan<char> key, out GazetteerEntry? entry) => _names.TryGet(key, out entry);

    public bool TryActs(ReadOnlySpan<char> word, out ActPattern[]? patterns) => _acts.TryGet(word, out patterns);

    public bool IsSpeechVerb(ReadOnlySpan<char> word) => _speech.TryGet(word, out _);

    /// <summary>Whether the word is a form of a verb that carries a noun of an act ("lodged", "voices").</summary>
    public bool IsLightVerb(ReadOnlySpan<char> word) => _light.TryGet(word, out _);

    /// <summary>The act a noun names ("condemnation", "protests"), if any.</summary>
    public bool TryNominal(ReadOnlySpan<char> word, out ActPattern? pattern) => _nominal.TryGet(word, out pattern);

    /// <summary>
    /// The forms of a verb: itself, -s/-es/-ies, -d/-ed/-ied, -ing (with a final e dropped, ie
    /// made y), a doubled final consonant before -ed and -ing, and its irregular forms.
    /// Over-generation is harmless: a form no text writes is never looked up.
    /// </summary>
    public static IEnumerable<string> Forms(string verb, IReadOnlyDictionary<string, List<string>> irregular)
    {
        var forms = new HashSet<string>(StringComparer.Ordinal) { verb };
        if (irregular.TryGetValue(verb, out var given))
        {
            forms.UnionWith(given);
        }

        if (verb.Length < 2 || !verb.All(char.IsAsciiLetterLower))
        {
            return forms;
        }

        var last = verb[^1];
        var beforeLast = verb[^2];
        var consonantY = last == 'y' && !IsVowel(beforeLast);
        forms.Add(verb.EndsWith('s') || verb.EndsWith('x') || verb.EndsWith('z') || verb.EndsWith("ch", StringComparison.Ordinal) || verb.EndsWith("sh", StringComparison.Ordinal) ? verb + "es"
            : consonantY ? verb[..^1] + "ies" : verb + "s");
        forms.Add(last == 'e' ? verb + "d" : consonantY ? verb[..^1] + "ied" : verb + "ed");
        forms.Add(verb.EndsWith("ie", StringComparison.Ordinal) ? verb[..^2] + "ying"
            : last == 'e' && beforeLast != 'e' ? verb[..^1] + "ing" : verb + "ing");
        if (!IsVowel(last) && last is not ('w' or 'x' or 'y') && IsVowel(beforeLast) && (verb.Length < 3 || !IsVowel(verb[^3])))
        {
            forms.Add(verb + last + "ed");
            forms.Add(verb + last + "ing");
        }

        return forms;
    }

    private void AddRespellings(string key, CountryAlias alias, HashSet<string> nameWords)
    {
        for (var i = 0; i < key.Length; i++)
        {
            var variant = key.Remove(i, 1);
            if (_names.TryGet(variant, out _) || nameWords.Contains(variant))
            {
                continue; // a name, the start of one or a word of one is never read as another's misspelling
            }

            if (!_respelled.TryGet(variant, out var other))
            {
                _respelled.Set(variant, alias);
            }
            else if (other is not null && other.Country != alias.Country)
            {
                _respelled.Set(variant, null); // two countries' names: neither
            }
        }
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static void Add(Dictionary<string, List<ActPattern>> acts, string form, ActPattern pattern)
    {
        if (!acts.TryGetValue(form, out var list))
        {
            acts[form] = list = [];
        }

        list.Add(pattern);
    }
}

/// <summary>A string-keyed table looked up by a span of a key buffer without allocating (on .NET 9 and later).</summary>
internal sealed class PhraseTable<T>
{
    private readonly Dictionary<string, T> _table = new(StringComparer.Ordinal);
#if NET9_0_OR_GREATER
    private readonly Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> _spans;

    public PhraseTable() => _spans = _table.GetAlternateLookup<ReadOnlySpan<char>>();
#endif

    public void Set(string key, T value) => _table[key] = value;

    public void TryAdd(string key, T value) => _table.TryAdd(key, value);

#if NET9_0_OR_GREATER
    public bool TryGet(ReadOnlySpan<char> key, out T? value) => _spans.TryGetValue(key, out value);
#else
    public bool TryGet(ReadOnlySpan<char> key, out T? value) => _table.TryGetValue(key.ToString(), out value);
#endif
}
