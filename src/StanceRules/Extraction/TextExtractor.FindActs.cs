namespace StanceRules.Extraction;

/// <summary>The extractor's step that finds a sentence's acts: multiword acts, nouns of acts, one-word acts.</summary>
internal sealed partial class TextExtractor
{
    /// <summary>
    /// The acts of the lexicon (and the vote phrases), longest first, outside names: a multiword act,
    /// else a noun of an act after a light verb ("lodged a formal protest") or a possessive ("Spain's
    /// condemnation"), else a one-word act.
    /// </summary>
    private void FindActs()
    {
        _acts.Clear();
        for (var i = 0; i < _words.Count; i++)
        {
            if (_nameOf[i] >= 0)
            {
                continue;
            }

            var hasActs = _index.TryActs(KeySpan(i), out var patterns);
            if (hasActs && Longest(i, patterns!, multiword: true) is { } multiword)
            {
                _acts.Add(multiword);
                i = multiword.Last;
            }
            else if (_index.IsLightVerb(KeySpan(i)) && NominalAfter(i) is { } nominal)
            {
                _acts.Add(nominal);
                i = nominal.Last;
            }
            else if (i > 0 && Key(i - 1) == "s" && SameSegment(i - 1, i) && _index.TryNominal(KeySpan(i), out var noun) && LinksAfter(i))
            {
                _acts.Add(new ActMatch(i, i, noun!, Nominal: true));
            }
            else if (hasActs && Longest(i, patterns!, multiword: false) is { } single && !(single.Pattern.Material && AfterDeterminer(i)))
            {
                _acts.Add(single);
            }
        }

        // "refused to condemn": the act inside a negation is the negation, not an act of its own. Before a material
        // act it stays one: "refused to deploy troops" is a refusal (the deployment, negated, states nothing).
        for (var a = _acts.Count - 2; a >= 0; a--)
        {
            if (!_acts[a + 1].Pattern.Material && _patterns.Negations.Contains(GapKey(_acts[a].First, _acts[a + 1].First).Trim()))
            {
                _acts.RemoveAt(a);
            }
        }

        MergeIntents();
        MergeFutures();
    }

    /// <summary>
    /// A future of the patterns' <c>futures</c> ("will", "would") right before a concession or an act of <c>future_acts</c>
    /// (only <c>between</c> words or -ly adverbs between, no negation) is an intent: "Israel will evacuate the settlements",
    /// "will visit Dakar to mediate" (CAMEO 035, 036): the act <see cref="ExtractionIndex.FutureIntentLemma"/> from the
    /// future's word to the act's last, whose target is the act's. Not when the concession's object is the actor's own people
    /// ("would begin evacuating its citizens": a protection, no yield), nor when a concession of <c>person_concessions</c>
    /// has no person as its object ("will release a statement").
    /// </summary>
    private void MergeFutures()
    {
        if (_index.FutureIntent is not { } intent || _patterns.Futures.Count == 0)
        {
            return;
        }

        for (var a = 0; a < _acts.Count; a++)
        {
            var act = _acts[a];
            var lemma = act.Pattern.Lemma;
            if (act.Nominal || !(_patterns.Concessions.Contains(lemma) || _patterns.FutureActs.Contains(lemma)) || OwnPeople(act.Last + 1)
                || (_patterns.PersonConcessions.Contains(lemma) && !PersonObject(act.Last + 1)))
            {
                continue;
            }

            if (FutureBefore(act.First) is var future and >= 0 && (a == 0 || _acts[a - 1].Last < future))
            {
                _acts[a] = new ActMatch(future, act.Last, intent);
            }
        }
    }

    /// <summary>The word of a future before the act at <paramref name="first"/> (at most four words before, in its clause, with only allowed words and no negation between), or -1.</summary>
    private int FutureBefore(int first)
    {
        for (var k = first - 1; k >= 0 && first - k <= 4 && SameSegment(k, first) && _nameOf[k] < 0; k--)
        {
            var key = Key(k);
            if (_patterns.Futures.Contains(key))
            {
                return k;
            }

            if (_patterns.Negations.Contains(key) || !(_patterns.Between.Contains(key) || key.EndsWith("ly", StringComparison.Ordinal)))
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>
    /// Whether the object from <paramref name="word"/>, past at most three determiners, numbers or words of
    /// <c>amounts</c> ("the", "more than 30"), is a person or people: an actor, a title or an agent word ("the hostages",
    /// "Prime Minister ...", "30 prisoners").
    /// </summary>
    private bool PersonObject(int word)
    {
        for (var k = word; k < _words.Count && k - word <= 3 && SameSegment(k, word - 1); k++)
        {
            var key = Key(k);
            if (IsTitle(k) || _patterns.Agents.ContainsKey(key) || _actors.Exists(a => a.First == k))
            {
                return true;
            }

            if (!(IsDeterminer(key) || key is "all" or "some" || char.IsAsciiDigit(key[0]) || _patterns.Amounts.Contains(key)))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the words from <paramref name="word"/> are a possessive and the actor's own civilians ("its citizens",
    /// "their own nationals": a word of the <c>CVL</c> agents at most two words after the possessive).
    /// </summary>
    private bool OwnPeople(int word)
    {
        if (word >= _words.Count || !SameSegment(word, word - 1) || Key(word) is not ("its" or "their" or "his" or "her" or "our"))
        {
            return false;
        }

        for (var k = word + 1; k < _words.Count && k - word <= 2 && SameSegment(k, word); k++)
        {
            if (_patterns.Agents.TryGetValue(Key(k), out var role) && role == "CVL")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// An intent of the patterns' <c>intents</c> ("offered to", "is willing to") and the act right after it (only
    /// <c>between</c> words or -ly adverbs between) are one act from the intent's first word: the following act when
    /// it states a stance ("is prepared to recognize"), or when it is a material act that concedes nothing (a threat:
    /// "promised to attack", no stance); otherwise the intent, whose target starts at the following verb ("offered to
    /// mediate", "is willing to withdraw": CAMEO 03, intent to cooperate or to yield).
    /// </summary>
    private void MergeIntents()
    {
        for (var a = _acts.Count - 2; a >= 0; a--)
        {
            var (intent, next) = (_acts[a], _acts[a + 1]);
            if (!_patterns.Intents.Contains(intent.Pattern.Lemma) || intent.Nominal || !SameSegment(intent.Last, next.First) || !WordsAllowed(intent.Last + 1, next.First))
            {
                continue;
            }

            var threat = next.Pattern.Material && (!_patterns.Concessions.Contains(next.Pattern.Lemma) || OwnPeople(next.Last + 1));
            _acts[a] = next.Pattern.Family is not null || next.Pattern.Vote is not null || threat ? next with { First = intent.First } : intent;
            _acts.RemoveAt(a + 1);
        }
    }

    /// <summary>
    /// Whether the word follows a determiner or a possessive, so it is a noun: "the attack", "a ban",
    /// "Russia's blockade" name a material act, they do not state one (only material acts are read so).
    /// </summary>
    private bool AfterDeterminer(int word) =>
        word > 0 && SameSegment(word - 1, word) && Key(word - 1) is var before
        && (IsDeterminer(before) || before is "s" or "any" or "no" or "every" or "of" or "new" or "further" or "recent");

    /// <summary>An article, a possessive pronoun or a demonstrative: a word that opens a noun phrase.</summary>
    private static bool IsDeterminer(string key) => key is "the" or "a" or "an" or "its" or "their" or "his" or "her" or "our" or "this" or "these" or "that" or "those";

    private ActMatch? Longest(int first, ActPattern[] patterns, bool multiword)
    {
        foreach (var pattern in patterns)
        {
            if ((pattern.Rest.Length > 0) == multiword && MatchRest(first, pattern.Rest) is var last and >= 0)
            {
                return new ActMatch(first, last, pattern);
            }
        }

        return null;
    }

    /// <summary>Whether a one-word negation stands among the words of the act ("is not willing to", "promised never to condemn").</summary>
    private bool NegatedInside(ActMatch act)
    {
        for (var k = act.First + 1; k < act.Last; k++)
        {
            if (_patterns.Negations.Contains(Key(k)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the word after a noun of an act says what it is about: "opposition to", not "opposition leader".</summary>
    private bool LinksAfter(int noun) => noun + 1 < _words.Count && SameSegment(noun, noun + 1) && _patterns.NominalLinks.Contains(Key(noun + 1));

    /// <summary>
    /// A noun of an act at most three words after the light verb at <paramref name="verb"/>, in its clause: "voiced
    /// its strong opposition"; a name may be among them, the verb's indirect object ("gave Tanzania a grant of").
    /// Numbers, <c>modifiers</c> and <c>amounts</c> words do not count ("gave Kenya 5.1 million dollars of aid for",
    /// "is providing photographs and other military intelligence to"), up to <see cref="MaxLightVerbReach"/> words.
    /// </summary>
    private ActMatch? NominalAfter(int verb)
    {
        var counted = 0;
        for (var k = verb + 1; k < _words.Count && k - verb <= MaxLightVerbReach && SameSegment(k, verb); k++)
        {
            if (_nameOf[k] < 0 && _index.TryNominal(KeySpan(k), out var pattern) && LinksAfter(k))
            {
                return new ActMatch(verb, k, pattern!, Nominal: true);
            }

            var key = Key(k);
            if (!((key.Length > 0 && char.IsAsciiDigit(key[0])) || _patterns.Modifiers.Contains(key) || _patterns.Amounts.Contains(key)) && ++counted > 3)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>How many words after a light verb its noun may stand, counting the words that do not count.</summary>
    private const int MaxLightVerbReach = 10;

    /// <summary>
    /// The last word of a multiword act whose first word is at <paramref name="first"/>, or -1; modifiers, -ly adverbs
    /// and one-word negations may come between its words ("is not willing to": the act, negated).
    /// </summary>
    private int MatchRest(int first, string[] rest)
    {
        var k = first + 1;
        foreach (var word in rest)
        {
            var skipped = 0;
            while (k < _words.Count && SameSegment(k, first) && skipped < 2 && Key(k) != word && (_patterns.Modifiers.Contains(Key(k)) || Key(k).EndsWith("ly", StringComparison.Ordinal) || _patterns.Negations.Contains(Key(k))))
            {
                k++;
                skipped++;
            }

            if (k >= _words.Count || !SameSegment(k, first) || Key(k) != word)
            {
                return -1;
            }

            k++;
        }

        return k - 1;
    }
}
