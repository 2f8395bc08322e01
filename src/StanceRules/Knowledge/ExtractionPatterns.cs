namespace StanceRules.Knowledge;

/// <summary>
/// The text extractor's patterns, read from the rule set's <c>extraction:</c> sections
/// (rules/extraction.yaml): every phrase is a matching key (<see cref="TextKey"/>: lower case,
/// diacritics and punctuation folded, words joined by single spaces).
/// </summary>
internal sealed class ExtractionPatterns
{
    public static readonly ExtractionPatterns Empty = new();

    /// <summary>Words with their full stop ("U.S.", "Mr.") that do not end a sentence, as written (compared ignoring case).</summary>
    public HashSet<string> Abbreviations { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words of an actor's name around a gazetteer name.</summary>
    public HashSet<string> Titles { get; } = new(StringComparer.Ordinal);

    /// <summary>Verbs of saying (base forms).</summary>
    public HashSet<string> SpeechVerbs { get; } = new(StringComparer.Ordinal);

    /// <summary>Phrases naming a sentence's source before it ("according to").</summary>
    public HashSet<string> AccordingTo { get; } = new(StringComparer.Ordinal);

    /// <summary>Phrases negating the act after them.</summary>
    public HashSet<string> Negations { get; } = new(StringComparer.Ordinal);

    /// <summary>Phrases hedging the act.</summary>
    public HashSet<string> Hedges { get; } = new(StringComparer.Ordinal);

    /// <summary>Phrases standing for the paragraph's last named speaker.</summary>
    public HashSet<string> Pronouns { get; } = new(StringComparer.Ordinal);

    /// <summary>Single words allowed between an actor and its act.</summary>
    public HashSet<string> Between { get; } = new(StringComparer.Ordinal);

    /// <summary>Lowercase words inside a person's name ("bin" in "Hamad bin Khalifa al-Thani", "von", "de").</summary>
    public HashSet<string> NameParticles { get; } = new(StringComparer.Ordinal);

    /// <summary>Nouns that may follow an organization's or group's name in the same actor ("the Islamic Jihad movement").</summary>
    public HashSet<string> GroupHeads { get; } = new(StringComparer.Ordinal);

    /// <summary>Phrases after "and" that open an actor's companions ("a group of", "his"): they act with it.</summary>
    public HashSet<string> Companions { get; } = new(StringComparer.Ordinal);

    /// <summary>Single words allowed inside a multiword act.</summary>
    public HashSet<string> Modifiers { get; } = new(StringComparer.Ordinal);

    /// <summary>Single words ending a target.</summary>
    public HashSet<string> ClauseEnds { get; } = new(StringComparer.Ordinal);

    /// <summary>Verbs (base forms) that carry a noun of an act: "lodged a protest", "voiced its opposition".</summary>
    public HashSet<string> LightVerbs { get; } = new(StringComparer.Ordinal);

    /// <summary>Nouns of acts to the lexicon's lemma: "condemnation" to condemn.</summary>
    public Dictionary<string, string> NominalActs { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Lemmas of the lexicon that state an intent to do what follows them ("offered to mediate", "is willing to
    /// withdraw"): with an act right after, the two are one act (docs/extraction.md, "Intent").
    /// </summary>
    public HashSet<string> Intents { get; } = new(StringComparer.Ordinal);

    /// <summary>Lemmas of material acts that concede ("withdraw", "lift"): after an intent they take its family, where another material act is a threat.</summary>
    public HashSet<string> Concessions { get; } = new(StringComparer.Ordinal);

    /// <summary>Words of a future ("will", "would", "shall"): right before a concession or an act of <see cref="FutureActs"/> they state an intent (intend-to).</summary>
    public HashSet<string> Futures { get; } = new(StringComparer.Ordinal);

    /// <summary>Lemmas besides the concessions that a future makes an intent ("will visit", "would meet": CAMEO 036, intent to meet or mediate).</summary>
    public HashSet<string> FutureActs { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Verbs (lemmas) whose object is not the subject of the infinitive after it, the verb's subject is: in "summoned
    /// Niger's ambassador to complain" the summoner complains (a purpose), where in "urged Iran to accept" Iran would.
    /// </summary>
    public HashSet<string> PurposeVerbs { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Concessions that concede only with a person or people as their object ("will release the hostages", "would release
    /// Prime Minister ..."): with another object ("will release a statement") a future before them is no intent.
    /// </summary>
    public HashSet<string> PersonConcessions { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Lemmas of verdicts, acts whose subject is the thing judged ("removing the sanctions is out of the question"): the
    /// actor is the subject of the verb of saying before them (or the quotation's speaker), the target their subject.
    /// </summary>
    public HashSet<string> Verdicts { get; } = new(StringComparer.Ordinal);

    /// <summary>Words of an amount between a light verb and its noun that do not count toward its reach ("million", "dollars", "of").</summary>
    public HashSet<string> Amounts { get; } = new(StringComparer.Ordinal);

    /// <summary>Single words that may follow a noun of an act ("of", "to").</summary>
    public HashSet<string> NominalLinks { get; } = new(StringComparer.Ordinal);

    /// <summary>Single words before an act that discard it.</summary>
    public HashSet<string> Discard { get; } = new(StringComparer.Ordinal);

    /// <summary>Irregular verbs: base form to its other forms.</summary>
    public Dictionary<string, List<string>> Irregular { get; } = new(StringComparer.Ordinal);

    /// <summary>Vote phrases and the choice each records.</summary>
    public Dictionary<string, VoteChoice> Votes { get; } = new(StringComparer.Ordinal);

    /// <summary>Words naming a motion.</summary>
    public HashSet<string> Motions { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Agent nouns: the people or forces of a country that act but do not speak for its state
    /// ("Israeli soldiers", "Egyptian police"), noun to a role code in the manner of the event
    /// coders' agents dictionaries (MIL, COP, REB, CVL, ...).
    /// </summary>
    public Dictionary<string, string> Agents { get; } = new(StringComparer.Ordinal);

    /// <summary>Words that introduce the members of a group named before them: "several G-20 members, including India and China".</summary>
    public HashSet<string> Including { get; } = new(StringComparer.Ordinal);

    /// <summary>Voting bodies: phrase to the body's name.</summary>
    public Dictionary<string, string> Bodies { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether any file gave patterns.</summary>
    public bool IsEmpty => Titles.Count == 0 && Negations.Count == 0 && SpeechVerbs.Count == 0 && Votes.Count == 0;

    /// <summary>The matching key of a phrase.</summary>
    public static string Key(string phrase) => TextKey.Of(phrase);
}
