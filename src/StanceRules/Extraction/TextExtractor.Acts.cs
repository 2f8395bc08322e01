using StanceRules.Knowledge;

namespace StanceRules.Extraction;

/// <summary>The extractor's steps around one act: its actor, its target, and a vote's motion.</summary>
internal sealed partial class TextExtractor
{
    /// <summary>
    /// The act's actor: inside a quotation, the sentence's attributed speaker (or the paragraph's
    /// last); otherwise the nearest actor before the act with only auxiliaries, negations, hedges,
    /// adverbs or one apposition between; or a pronoun ("he", "the minister") standing for the
    /// paragraph's last named speaker. <paramref name="actorFirst"/> is the actor's first word
    /// when the sentence names it before the act, else -1.
    /// </summary>
    private ActorSpan? FindActor(ActMatch act, ActorSpan? speaker, string? lastSpeaker, out int actorFirst, out string? whyNot) =>
        FindActor(act, speaker, lastSpeaker, out actorFirst, out _, out whyNot);

    /// <summary>As above; <paramref name="gapStart"/> is the first word between the actor (or the pronoun) and the act, where negations and hedges are read.</summary>
    private ActorSpan? FindActor(ActMatch act, ActorSpan? speaker, string? lastSpeaker, out int actorFirst, out int gapStart, out string? whyNot)
    {
        actorFirst = -1;
        whyNot = null;
        gapStart = act.First;
        while (gapStart > 0 && act.First - gapStart < 4 && SameSegment(gapStart - 1, act.First) && _nameOf[gapStart - 1] < 0)
        {
            gapStart--;
        }

        if (_patterns.Verdicts.Contains(act.Pattern.Lemma))
        {
            return VerdictActor(act, speaker, lastSpeaker, out actorFirst, out gapStart, out whyNot);
        }

        if (_words[act.First].InQuote && QuotedSubject(act) is var (ownSubject, notSpeaker) && !ownSubject)
        {
            if (QuoteAfterTo(act.First))
            {
                whyNot = "a quotation that completes another verb's infinitive (\"called on X to '...'\"): whose act it is, is not clear";
                return null;
            }

            if (notSpeaker is not null)
            {
                whyNot = notSpeaker;
                return null;
            }

            if (speaker is not null)
            {
                return speaker;
            }

            if (lastSpeaker is not null)
            {
                return Carried(lastSpeaker);
            }

            whyNot = "a quotation with no speaker named in the sentence or the paragraph";
            return null;
        }

        // The nearest actor before the act that can be its subject: "Pakistan, a key U.S. ally, has refused" skips "U.S.".
        var nearest = _actors.FindLast(a => a.Last < act.First);
        for (var a = _actors.Count - 1; a >= 0; a--)
        {
            var candidate = _actors[a];
            if (candidate.Last < act.First && (GapAllowed(candidate.Last + 1, act.First) || IsPossessive(candidate, act) || ListedMembers(candidate, act)))
            {
                if (ObjectOf(candidate, act, out var verbAt) is { } verb)
                {
                    // "summoned Niger's ambassador to complain": a purpose verb's subject does the infinitive.
                    if (_acts.FindIndex(v => v.Last == verbAt) is var v and >= 0 && _patterns.PurposeVerbs.Contains(_acts[v].Pattern.Lemma))
                    {
                        return FindActor(_acts[v], speaker, lastSpeaker, out actorFirst, out gapStart, out whyNot);
                    }

                    whyNot = $"'{DisplayText.Truncate(candidate.Text)}' is the object of '{verb}', not the subject of the act";
                    return null;
                }

                gapStart = SameSegment(candidate.Last, act.First) ? candidate.Last + 1 : ClauseStart(act.First);
                candidate = HeadOf(a); // "Russian troops in Ukraine shelled": the troops, not Ukraine
                actorFirst = candidate.First;
                return candidate;
            }
        }

        // A pronoun just before the act: "He condemned", "The minister has rejected".
        for (var p = act.First - 1; p >= 0 && act.First - p <= MaxGapWords && SameSegment(p, act.First); p--)
        {
            for (var q = p; q < act.First && q - p < 3; q++)
            {
                var pronoun = GapKey(p, q + 1).Trim();
                if (_patterns.Pronouns.Contains(pronoun) && GapAllowed(q + 1, act.First) && (nearest is null || nearest.Last < p)
                    && (pronoun != "it" || (p > 0 && (_index.IsSpeechVerb(KeySpan(p - 1)) || Key(p - 1) == "that"))))
                {
                    // "it" stands for the speaker only right after a verb of saying ("Syria says it will not accept"), not in "as it challenges".
                    gapStart = q + 1;
                    if (SpeechSubject(p, speaker, lastSpeaker) is { } said)
                    {
                        return said; // "Afghan rebel leaders said on Wednesday they would meet": the agents, not the paragraph's speaker
                    }

                    if (lastSpeaker is null && _patterns.Titles.Contains(pronoun[(pronoun.LastIndexOf(' ') + 1)..]) && Holder(pronoun) is { } holder)
                    {
                        return Carried(holder); // "the crown prince": the last named crown prince of the article
                    }

                    if (lastSpeaker is null && SubjectState(pronoun, p) is { } subject)
                    {
                        return subject; // "Sri Lanka has opened an embassy in Tehran, the foreign ministry said"
                    }

                    if (lastSpeaker is null)
                    {
                        whyNot = $"'{Span(p, q)}' stands for no speaker named earlier in the paragraph";
                        return null;
                    }

                    return Carried(lastSpeaker);
                }
            }
        }

        // "Spain met Kenya and condemned ...": an act after "and" or "but" with no subject of its own shares the subject of the act before,
        // the nearest whose subject is a country or its agent ("Benin opened its borders to West Africans ordered out of Nigeria, but
        // was refusing ...": Benin's, not the participle's); else the nearest act's subject, whatever it is.
        if (Coordinated(act) is var (conjunction, previous))
        {
            (ActorSpan Actor, int First)? nearestShared = null;
            for (var a = _acts.IndexOf(previous); a >= 0; a--)
            {
                if (_words[_acts[a].First].InQuote == _words[act.First].InQuote && FindActor(_acts[a], speaker, lastSpeaker, out var sharedFirst, out _, out _) is { } shared)
                {
                    nearestShared ??= (shared, sharedFirst);
                    if (shared.IsCountry || shared.IsAgent)
                    {
                        nearestShared = (shared, sharedFirst);
                        break;
                    }
                }
            }

            if (nearestShared is var (sharedActor, first))
            {
                (actorFirst, gapStart) = (first, conjunction + 1);
                return sharedActor;
            }
        }

        actorFirst = -1;
        whyNot = nearest is null ? "no actor before the act" : $"no actor next to the act (the nearest, '{DisplayText.Truncate(nearest.Text)}', is not its subject)";
        return null;
    }

    /// <summary>
    /// The "and" or "but" (after a comma or not) that joins the act to an earlier act of its
    /// sentence, with only auxiliaries, negations, hedges or adverbs between it and the act; and that earlier act.
    /// </summary>
    private (int Conjunction, ActMatch Previous)? Coordinated(ActMatch act)
    {
        for (var k = act.First - 1; k > 0 && act.First - k <= MaxGapWords; k--)
        {
            if (Key(k) is "and" or "but")
            {
                if (!SameSegment(k, act.First) || !WordsAllowed(k + 1, act.First))
                {
                    return null;
                }

                for (var a = _acts.Count - 1; a >= 0; a--)
                {
                    if (_acts[a].Last < k)
                    {
                        return _words[_acts[a].First].InQuote == _words[act.First].InQuote ? (k, _acts[a]) : null;
                    }
                }

                return null;
            }
        }

        return null;
    }

    private ActorSpan Carried(string speaker) => new(-1, -1, speaker, Resolve(speaker), DemonymOnly: false);

    /// <summary>The act's target: the words after it up to the end of its clause (punctuation, or a word that ends clauses), at most <see cref="MaxTargetWords"/>.</summary>
    private (int First, int Last) Target(int from)
    {
        if (from >= _words.Count || !SameSegment(from, from - 1))
        {
            return (from, from - 1);
        }

        var last = from - 1;
        for (var k = from; k < _words.Count && SameSegment(k, from) && k - from < MaxTargetWords; k++)
        {
            if (_patterns.ClauseEnds.Contains(Key(k)))
            {
                break;
            }

            last = k;
        }

        return (from, last);
    }

    /// <summary>Whether a vote's target names its motion: a word of the patterns' motions, or a UN document code (A/RES/..., S/RES/...).</summary>
    private bool NamesMotion(string target) =>
        target.Contains("/RES/", StringComparison.OrdinalIgnoreCase) || ContainsWord($" {TextKey.Of(target)} ", _patterns.Motions);

    /// <summary>The voting body the sentence names, if any.</summary>
    private string? Body()
    {
        var sentence = " " + _keys.Text(0, Math.Max(0, _keys.Length - 1)) + " ";
        foreach (var (phrase, body) in _patterns.Bodies)
        {
            if (sentence.Contains($" {phrase} ", StringComparison.Ordinal))
            {
                return body;
            }
        }

        return null;
    }

    /// <summary>What a yes vote means: the family of the first stance act the motion's words contain ("a resolution condemning the invasion").</summary>
    private Stance? YesMeans(string motion)
    {
        foreach (var word in TextKey.Of(motion).Split(' '))
        {
            if (_index.TryActs(word, out var patterns) && patterns!.FirstOrDefault(p => p.Rest.Length == 0 && p.Vote is null) is { Family: { } family })
            {
                return family;
            }
        }

        return null;
    }

    /// <summary>The sentence without its actor's words: an actor's own name ("Maduro accused ...") is not what its act is about.</summary>
    private string SentenceWithout(SentenceSpan sentence, ActorSpan actor) =>
        actor.First < 0 ? _text[sentence.Start..sentence.End]
            : string.Concat(_text.AsSpan(sentence.Start, _words[actor.First].Start - sentence.Start), " ", _text.AsSpan(_words[actor.Last].End, sentence.End - _words[actor.Last].End));

    /// <summary>
    /// Who the quoted act's subject is, by the word before it (past `between` words, negations, hedges and -ly adverbs) in
    /// its clause of the quotation: an actor's last word ("“Britain condemned ...,” Putin said": Britain's act, found as
    /// outside a quotation): <c>OwnSubject</c>; a noun phrase that opens with a determiner ("“The talks will resume”",
    /// "“Our troops will withdraw”") or a determiner right before the act (a noun): no one's act, the reason in
    /// <c>NotSpeaker</c>; anything else ("“We condemn”", the act first, a long clause): the speaker's.
    /// </summary>
    private (bool OwnSubject, string? NotSpeaker) QuotedSubject(ActMatch act)
    {
        var w = act.First - 1;
        while (w >= 0 && _words[w].InQuote && SameSegment(w, act.First) && AllowedWord(Key(w)))
        {
            w--;
        }

        if (w < 0 || !_words[w].InQuote || !SameSegment(w, act.First))
        {
            return (false, null);
        }

        foreach (var actor in _actors)
        {
            if (actor.Last == w)
            {
                return (true, null);
            }
        }

        var start = ClauseStart(act.First);
        while (start < w && !_words[start].InQuote)
        {
            start++;
        }

        return !act.Nominal && (AfterDeterminer(act.First) || (IsDeterminer(Key(start)) && Key(w) is not ("we" or "i")))
            ? (false, $"the quotation gives the act a subject of its own ('{DisplayText.Truncate(Span(start, w))}'), not the speaker")
            : (false, null);
    }

    /// <summary>Whether one word may stand between a subject and its act (a `between` word, a one-word negation or hedge, an -ly adverb), without building a gap key.</summary>
    private bool AllowedWord(string key) =>
        _patterns.Between.Contains(key) || key.EndsWith("ly", StringComparison.Ordinal) || _patterns.Negations.Contains(key) || _patterns.Hedges.Contains(key);

    /// <summary>Whether the quotation that holds <paramref name="word"/> opens right after a "to" of the narrative ("urged Iran to “respect the deal”").</summary>
    private bool QuoteAfterTo(int word)
    {
        while (word > 0 && _words[word - 1].InQuote)
        {
            word--;
        }

        return word > 0 && Key(word - 1) == "to";
    }

    /// <summary>
    /// The verb whose object <paramref name="candidate"/> is when an infinitive follows it: in "France
    /// urged Iran to accept the deal" or "called on Iran to accept" Iran accepts nothing; the act
    /// belongs to the verb's demand. Null when the candidate is no such object; <paramref name="verb"/> is the verb's word.
    /// </summary>
    private string? ObjectOf(ActorSpan candidate, ActMatch act, out int verb)
    {
        verb = -1;
        if (act.First - 1 <= candidate.Last || Key(act.First - 1) != "to" || candidate.First == 0)
        {
            return null;
        }

        verb = candidate.First - 1;
        if (Key(verb) is "the" or "a" or "an" && verb > 0)
        {
            verb--; // "would meet the envoy of China to negotiate", "called on the court to"
        }

        if (Key(verb) is "on" or "upon" && verb > 0)
        {
            verb--;
        }

        var at = verb;
        return _nameOf[verb] < 0 && (_index.IsSpeechVerb(KeySpan(verb)) || _acts.Exists(a => a.Last == at)) ? Span(verb, verb) : null;
    }

    /// <summary>
    /// Whether the actor lists the members of a group that is the act's subject: "several G-20 members, including India,
    /// China and South Africa, chose to abstain". The list follows an <c>including</c> phrase after a comma, ends with a
    /// comma, and the act's clause follows it with only words allowed between; the group's words hold no act.
    /// </summary>
    private bool ListedMembers(ActorSpan candidate, ActMatch act)
    {
        var start = ClauseStart(candidate.First);
        if (start == 0 || _segmentEnds[_words[start - 1].Segment] != ',' || candidate.Last + 1 >= _words.Count
            || _words[candidate.Last].Segment + 1 != _words[act.First].Segment || _segmentEnds[_words[candidate.Last].Segment] != ','
            || !_patterns.Including.Contains(GapKey(start, candidate.First).Trim()) || !WordsAllowed(ClauseStart(act.First), act.First))
        {
            return false;
        }

        var group = ClauseStart(start - 1);
        return !_acts.Exists(a => a.First >= group && a.First < start);
    }

    /// <summary>Whether the act is a noun its actor owns: "Spain's condemnation of ...".</summary>
    private bool IsPossessive(ActorSpan candidate, ActMatch act) =>
        act.Nominal && act.First == candidate.Last + 2 && Key(candidate.Last + 1) == "s" && SameSegment(candidate.Last, act.First);

    /// <summary>The article's last named country actor whose words hold the title ("crown prince"), or null.</summary>
    private string? Holder(string title)
    {
        for (var m = _mentioned.Count - 1; m >= 0; m--)
        {
            if ($" {TextKey.Of(_mentioned[m])} ".Contains($" {title} ", StringComparison.Ordinal))
            {
                return _mentioned[m];
            }
        }

        return null;
    }

    /// <summary>Remembers the sentence's named country actors for <see cref="Holder"/> (the last <see cref="MaxMentioned"/>).</summary>
    private void Mention()
    {
        foreach (var actor in _actors)
        {
            if (actor.IsCountry && !actor.Text.Contains(',', StringComparison.Ordinal))
            {
                if (_mentioned.Count == MaxMentioned)
                {
                    _mentioned.RemoveAt(0);
                }

                _mentioned.Add(actor.Text);
            }
        }
    }
}
