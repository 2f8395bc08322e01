using StanceRules.Knowledge;

namespace StanceRules.Extraction;

/// <summary>The extractor's steps that make an actor of a run of words: agents and their roles, the countries named, joint lists.</summary>
internal sealed partial class TextExtractor
{
    /// <summary>The agent role of a word of <c>agents</c> ("soldiers": MIL); a capitalized one only as an actor's last word ("Israeli Defence Forces").</summary>
    private string? AgentRole(int word) => _patterns.Agents.GetValueOrDefault(Key(word));

    /// <summary>
    /// The agent role of an actor's words: its last agent word's, when only titles follow it ("Afghan rebel leaders":
    /// REB); a plural demonym without "the" is its country's people (CVL). Null: the actor may speak for its state.
    /// </summary>
    private string? Role(int first, int last)
    {
        for (var w = last; w >= first; w--)
        {
            if (_nameOf[w] < 0 && AgentRole(w) is { } role && (w == last || !_words[w].Capitalized))
            {
                return role;
            }

            if (_nameOf[w] >= 0 || !IsTitle(w))
            {
                break;
            }
        }

        // "Security forces in Guinea", "Police Chief Ahmed Ali of Kenya": agent words before the name.
        for (var w = first; w <= last && _nameOf[w] < 0 && AgentRole(w) is { } leading; w++)
        {
            if (w == last || _nameOf[w + 1] >= 0 || AgentRole(w + 1) is null)
            {
                return leading;
            }
        }

        if (HomeGroup(first, last) is { Home: { } groupHome })
        {
            return groupHome.Role; // "Hamas", "the Kurdistan Workers' Party": a group of one country, coded with its role there
        }

        for (var w = first; w <= last; w++)
        {
            if (_plural[w])
            {
                return w > first && Key(w - 1) == "the" ? null : "CVL";
            }
        }

        return null;
    }

    /// <summary>
    /// The first of the agent words before a name and a preposition ("Security forces in Guinea", "police of Kenya",
    /// "refugees from Syria", "a terror group based in Trinidad": with a <c>group_heads</c> noun after them and "based"
    /// before "in"): a country's agents, coded with it; -1 when there are none, when a name or an actor
    /// (<paramref name="previousLast"/>: the last word of the run before) stands before them ("Russian troops in Ukraine"
    /// are Russia's), or when they are peacekeepers (no country's own).
    /// </summary>
    private int LeadingAgents(int name, int previousLast)
    {
        var preposition = name - 1;
        if (preposition < 1 || !SameSegment(preposition, name) || Key(preposition) is not ("in" or "of" or "from" or "across" or "throughout"))
        {
            return -1;
        }

        var lead = preposition;
        if (Key(preposition) == "in" && lead - 1 > previousLast && SameSegment(lead - 1, name) && Key(lead - 1) == "based")
        {
            lead--; // "militants based in Gaza": where the agents are based is whose they are
        }

        if (lead - 2 > previousLast && SameSegment(lead - 2, name) && _patterns.GroupHeads.Contains(Key(lead - 1)) && AgentRole(lead - 2) is not null)
        {
            lead--; // "a terror group based in Trinidad", "rebel movement in": the agent word's group
        }

        var agents = lead;
        while (lead - 1 > previousLast && SameSegment(lead - 1, name) && _nameOf[lead - 1] < 0 && AgentRole(lead - 1) is not null && !Key(lead - 1).StartsWith("peacekeep", StringComparison.Ordinal))
        {
            lead--;
        }

        return lead == agents || (lead > 0 && SameSegment(lead - 1, name) && (_nameOf[lead - 1] >= 0 || lead - 1 <= previousLast)) ? -1 : lead;
    }

    /// <summary>
    /// The actor a prepositional phrase belongs to: in "Russian troops in Ukraine shelled" or "Russia's ambassador to
    /// China condemned" the actor after "in", "to", "from", "at", "across" or "throughout" is no subject; the actor
    /// right before the preposition, in the same segment, is (and so on back). The actor itself otherwise.
    /// </summary>
    private ActorSpan HeadOf(int actor)
    {
        while (actor > 0 && _actors[actor].First >= 2 && _actors[actor - 1].Last == _actors[actor].First - 2 && SameSegment(_actors[actor - 1].Last, _actors[actor].First)
            && Key(_actors[actor].First - 1) is "in" or "to" or "from" or "at" or "across" or "throughout")
        {
            actor--;
        }

        // "The Turkish and Greek sides of the divided Mediterranean island of Cyprus have agreed": the clause's first
        // actor, then phrases with "of" down to the actor before the act, is the head of the subject's noun phrase.
        var head = actor;
        while (head > 0 && OfPhrase(_actors[head - 1].Last + 1, _actors[head].First))
        {
            head--;
        }

        var opens = _actors[head].First == ClauseStart(_actors[head].First) || (_actors[head].First - 1 == ClauseStart(_actors[head].First) && Key(_actors[head].First - 1) is "the" or "a");
        return _actors[head != actor && opens ? head : actor];
    }

    /// <summary>
    /// Whether the words [from, to) join two actors as a phrase with "of" in one noun phrase ("of the divided", "island
    /// of"): one to five words of the same segment, starting or ending with "of", each an article, a preposition, or a
    /// lowercase word that is no act, no verb of saying, no <c>between</c> word and no negation.
    /// </summary>
    private bool OfPhrase(int from, int to)
    {
        if (to <= from || to - from > 5 || !SameSegment(from - 1, to) || (Key(from) != "of" && Key(to - 1) != "of"))
        {
            return false;
        }

        for (var w = from; w < to; w++)
        {
            var key = Key(w);
            if (key is "of" or "the" or "a" or "an" or "in" or "on")
            {
                continue;
            }

            if (_words[w].Capitalized || _nameOf[w] >= 0 || _patterns.Between.Contains(key) || _patterns.Negations.Contains(key)
                || _index.TryActs(KeySpan(w), out _) || _index.IsSpeechVerb(KeySpan(w)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The countries the names among an actor's words stand for (ISO3, in order, once each); a group's home country (<see cref="HomeGroup"/>).</summary>
    private List<string> Named(int first, int last)
    {
        if (HomeGroup(first, last) is { Home: { } home })
        {
            return [home.Country.Iso3];
        }

        var named = new List<string>();
        for (var w = first; w <= last; w++)
        {
            if (_nameOf[w] >= 0 && (w == first || _nameOf[w] != _nameOf[w - 1]) && _names[_nameOf[w]] is CountryAlias alias && !named.Contains(alias.Country.Iso3))
            {
                named.Add(alias.Country.Iso3);
            }
        }

        return named;
    }

    private bool HasName(int first, int last)
    {
        for (var w = first; w <= last; w++)
        {
            if (_nameOf[w] >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the words between two runs list them: ",", "and", ", and", each with an article
    /// before the next ("A, the B and C"). ", and" lists only a third member or more ("A, B, and
    /// C"): "Bolivia backed Maduro, and Cuba condemned ..." joins two clauses, not two actors.
    /// </summary>
    private bool Joins(int last, int next, int members)
    {
        if (next - 1 > last && Key(next - 1) == "the")
        {
            next--;
        }

        var commaAfter = _words[last].Segment + 1 == _words[next].Segment && _segmentEnds[_words[last].Segment] == ',';
        if (next == last + 1)
        {
            return commaAfter;
        }

        if (next == last + 2 && Key(last + 1) == "and")
        {
            return SameSegment(last, next) || (members >= 2 && _words[last].Segment + 1 == _words[next].Segment && _segmentEnds[_words[last].Segment] == ',');
        }

        return false;
    }

    /// <summary>
    /// Whether a run with no name of the gazetteer is a title and a person's name ("President Bush",
    /// "Vice-President Moody Awori") that resolution finds: an official of the offices data or of the
    /// historical layer (without a date, his latest term; in office or not, the resolution says).
    /// A capitalized word that starts the sentence before the title is no part of it.
    /// </summary>
    private bool NamesOfficial(int first, int last)
    {
        if (first == 0 && first < last && !IsTitle(first))
        {
            first++;
        }

        var title = first;
        while (title < last && IsTitle(title) && _words[title].Capitalized)
        {
            title++;
        }

        if (title == first || title > last || IsTitle(last))
        {
            return false; // no title, or no name after it
        }

        for (var w = title; w <= last; w++)
        {
            if (IsTitle(w) || (!_words[w].Capitalized && !_patterns.NameParticles.Contains(Key(w))))
            {
                return false; // "President Bush's Cabinet", "Foreign Minister of State": not a title and a name
            }
        }

        var resolution = _gazetteer.Resolve(Span(first, last), _date);
        return resolution.Kind is ResolutionKind.Country or ResolutionKind.FormerOfficial && resolution.Match is not null;
    }

    /// <summary>
    /// The state an office or institution with no speaker named before it stands for ("the foreign ministry",
    /// "the government", "the spokesman": a pronoun whose last word is a title): the country that is the
    /// sentence's subject, its first words ("Sri Lanka has opened an embassy in Tehran, the foreign ministry
    /// said"), one country that speaks for its state; else the subject of such an earlier sentence of the
    /// paragraph ("Sri Lanka has opened an embassy in Tehran. The foreign ministry said ..."); null when none.
    /// </summary>
    private ActorSpan? SubjectState(string pronoun, int pronounFirst)
    {
        if (!IsTitleKey(pronoun[(pronoun.LastIndexOf(' ') + 1)..]))
        {
            return null;
        }

        return SentenceSubject() is { } subject && subject.Last < pronounFirst ? Carried(subject.Text)
            : _paragraphSubject is { } earlier ? Carried(earlier)
            : null;
    }

    /// <summary>The sentence's first actor when it opens the sentence (after "the") and is one country that speaks for its state.</summary>
    private ActorSpan? SentenceSubject()
    {
        if (_actors.Count == 0 || _words.Count == 0)
        {
            return null;
        }

        var subject = _actors[0];
        var start = Key(0) == "the" ? 1 : 0;
        return subject is { IsCountry: true, Resolution.Kind: ResolutionKind.Country } && subject.First == start ? subject : null;
    }

    /// <summary>
    /// The first word after a phrase of companions at <paramref name="from"/> ("Washington along with its allies
    /// demanded", "together with"): the actor still acts, its companions are no part of what stands before the
    /// act; up to four words that are none of the <c>between</c> words. <paramref name="from"/> when there is none.
    /// </summary>
    private int Companions(int from, int to)
    {
        if (from + 1 < to && Key(from) == "and")
        {
            // "Laurent Fabius and a group of deputies held talks": a phrase of `companions`, then a few lowercase words.
            foreach (var phrase in _index.Companions)
            {
                var after = MatchPhrase(phrase, from + 1, to);
                var head = after;
                while (after > from + 1 && head < to && head - after < 3 && !_words[head].Capitalized && _nameOf[head] < 0 && !_patterns.Between.Contains(Key(head))
                    && Key(head) is not ("who" or "which" or "that" or "whose") && !_index.TryActs(KeySpan(head), out _) && !_index.IsSpeechVerb(KeySpan(head)))
                {
                    head++;
                }

                if (after > from + 1 && head > after)
                {
                    return head;
                }
            }
        }

        if (from + 1 < to && Key(from) == "and" && !IsActorWordNamed(from + 1))
        {
            // "the Sudanese government and SPLM/A have agreed": a partner no name of the gazetteer covers
            // (capitalized words, none a name or a title) acts with the state; the state's act is its own.
            var end = from + 1;
            while (end < to && _words[end].Capitalized && _nameOf[end] < 0 && !IsTitle(end) && !_patterns.Between.Contains(Key(end)))
            {
                end++;
            }

            return end > from + 1 ? end : from;
        }

        if (from + 2 >= to || Key(from) is not ("along" or "together") || Key(from + 1) != "with")
        {
            return from;
        }

        var k = from + 2;
        while (k < to && k - from < 6 && !_patterns.Between.Contains(Key(k)) && _nameOf[k] < 0)
        {
            k++;
        }

        return k > from + 2 ? k : from;
    }

    /// <summary>
    /// The head of a noun phrase after a country's name, past one or two lowercase words that modify it: an agent
    /// word ("French paper workers": CVL) or a plural title ("Israeli intelligence officials"). The modifiers are
    /// no act, no <c>between</c> word, no adverb, no "and", "of" or "the"; -1 when there is no such head.
    /// </summary>
    private int ModifiedHead(int from)
    {
        for (var head = from + 1; head <= from + 2 && head < _words.Count && SameSegment(head, from); head++)
        {
            var modifier = head - 1;
            var key = Key(modifier);
            if (_words[modifier].Capitalized || _nameOf[modifier] >= 0 || IsTitle(modifier) || AgentRole(modifier) is not null
                || key is "and" or "of" or "the" or "s" || key.EndsWith("ly", StringComparison.Ordinal) || _patterns.Between.Contains(key)
                || _patterns.Negations.Contains(key) || _index.TryActs(KeySpan(modifier), out _) || _index.IsSpeechVerb(KeySpan(modifier)))
            {
                return -1;
            }

            if (!_words[head].Capitalized && (AgentRole(head) is not null || (IsTitle(head) && Key(head) is [.., 's'] && Key(head) is not ("his" or "affairs"))))
            {
                return head;
            }
        }

        return -1;
    }

    private bool IsActorWordNamed(int word) => _nameOf[word] >= 0 || IsTitle(word);

    private bool IsTitleKey(string key) => _patterns.Titles.Contains(key);

    private ActorResolution Resolve(string text) => new(text, _date, _gazetteer.Resolve(text, _date));
}
