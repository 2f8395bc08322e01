using StanceRules.Knowledge;

namespace StanceRules.Extraction;

/// <summary>The extractor's steps within one sentence: names, actors, acts, attribution, targets.</summary>
internal sealed partial class TextExtractor
{
    private const int MaxGapWords = 8;

    /// <summary>How many words an apposition or a relative clause between an actor and its act may hold.</summary>
    private const int MaxAppositionWords = 24;

    /// <summary>A word's key, made once per sentence (the steps ask for the same words' keys many times).</summary>
    private string Key(int word) => _wordKeys[word] ??= _keys.Text(_words[word].KeyStart, _words[word].KeyLength);

    private ReadOnlySpan<char> KeySpan(int word) => _keys.Span(_words[word].KeyStart, _words[word].KeyLength);

    private string Span(int first, int last) => _text[_words[first].Start.._words[last].End];

    private bool SameSegment(int a, int b) => _words[a].Segment == _words[b].Segment;

    /// <summary>The first <paramref name="n"/> entries of a per-word array set to <paramref name="value"/>, grown (doubling) when too short.</summary>
    private static void Reset<T>(ref T[] perWord, int n, T value)
    {
        if (perWord.Length < n)
        {
            perWord = new T[Math.Max(n, perWord.Length * 2)];
        }

        Array.Fill(perWord, value, 0, n);
    }

    /// <summary>Marks the gazetteer's names, longest first, each starting with a capital letter (a proper noun).</summary>
    private void FindNames()
    {
        var n = _words.Count;
        Reset(ref _nameOf, n, -1);
        Reset(ref _plural, n, false);
        Reset(ref _respelled, n, false);
        _names.Clear();
        for (var i = 0; i < n; i++)
        {
            var first = _words[i];
            if (!first.Capitalized)
            {
                continue;
            }

            var best = -1;
            GazetteerEntry? bestEntry = null;
            for (var j = i; j < n && j - i < _index.MaxNameWords && _words[j].Segment == first.Segment; j++)
            {
                var length = _words[j].KeyStart + _words[j].KeyLength - first.KeyStart;
                if (!_index.TryName(_keys.Span(first.KeyStart, length), out var entry))
                {
                    break;
                }

                if (entry is not null)
                {
                    best = j;
                    bestEntry = entry;
                }
            }

            if (bestEntry is null && PluralDemonym(i) is { } demonym)
            {
                // "Palestinians", "Israelis": a country's people; resolution decides whether they are its state ("the Palestinians").
                bestEntry = demonym;
                best = i;
                _plural[i] = true;
            }

            if (bestEntry is null && first.KeyLength >= ExtractionIndex.MinRespelledLength && (i + 1 == n || !SameSegment(i, i + 1) || !_words[i + 1].Capitalized)
                && _index.TryRespelled(KeySpan(i), out var respelled))
            {
                // "Ethopia": a country's name with a letter left out (ActorText writes the name); not before another
                // capitalized word, where it is a given name ("Dominic Cummings") or part of a longer name.
                bestEntry = respelled;
                best = i;
                _respelled[i] = true;
            }

            if (bestEntry is null || (bestEntry is CountryAlias { Kind: AliasKind.Code } && !AllUpper(i, best)))
            {
                continue; // codes count in capitals only: "us" is not the USA
            }

            _names.Add(bestEntry);
            Array.Fill(_nameOf, _names.Count - 1, i, best - i + 1);
            i = best;
        }
    }

    /// <summary>The demonym a capitalized word is the plural of ("Palestinians", "Israelis"), or null.</summary>
    private CountryAlias? PluralDemonym(int word)
    {
        var key = KeySpan(word);
        return key.Length > 3 && key[^1] == 's' && _index.TryName(key[..^1], out var entry) && entry is CountryAlias { Kind: AliasKind.Demonym } demonym ? demonym : null;
    }

    private bool AllUpper(int first, int last)
    {
        for (var i = first; i <= last; i++)
        {
            if (!_words[i].AllUpper)
            {
                return false;
            }
        }

        return true;
    }

    private bool IsTitle(int word) => _patterns.Titles.Contains(Key(word));

    /// <summary>A name, a title, or a capitalized word that is not one of the <c>between</c> words ("Tuesday" in "Sierra Leone Tuesday" is a date, not a name).</summary>
    private bool IsActorWord(int word) => _nameOf[word] >= 0 || IsTitle(word) || (_words[word].Capitalized && (word == 0 || !_patterns.Between.Contains(Key(word))));

    /// <summary>
    /// Actors: runs of names, titles and capitalized words ("British Prime Minister Theresa May",
    /// "the leaders of Britain"), joined by "of", "the" or a possessive "'s", holding at least one
    /// name; runs listed with commas and "and" become one joint actor ("Germany, France and Poland").
    /// </summary>
    private void FindActors()
    {
        _actors.Clear();
        var runs = new List<(int First, int Last)>();
        var n = _words.Count;
        for (var i = 0; i < n; i++)
        {
            if (!IsActorWord(i))
            {
                continue;
            }

            var last = i;
            var k = i + 1;
            while (k < n && SameSegment(k, i))
            {
                if (IsActorWord(k))
                {
                    last = k++;
                    continue;
                }

                if (Key(k) is "of" or "the" or "s" && k + 1 < n && SameSegment(k + 1, i) && IsActorWord(k + 1))
                {
                    last = k + 1;
                    k += 2;
                    continue;
                }

                if (ParticlesAfter(last) is var named && named > last)
                {
                    last = named; // "Sheikh Hamad bin Khalifa al-Thani"
                    k = named + 1;
                    continue;
                }

                break;
            }

            if (HasName(i, last) || NamesOfficial(i, last))
            {
                // A leading capitalized word that is neither a name nor a title starts the sentence ("In", "On"): drop it.
                var first = i;
                while (first < last && _nameOf[first] < 0 && !IsTitle(first) && first == 0)
                {
                    first++;
                }

                // "the Palestinians": the article belongs to the actor's words (resolution reads it as the state).
                if (_plural[first] && first > 0 && Key(first - 1) == "the")
                {
                    first--;
                }

                // Agents before the name, after a preposition: "Security forces in Guinea", "refugees from Syria".
                if (LeadingAgents(first, runs.Count > 0 ? runs[^1].Last : -1) is var lead && lead >= 0)
                {
                    first = lead;
                }

                // Agents after the name: "Israeli soldiers", "Benin police", "Afghan rebel leaders", "Israeli helicopters and tanks".
                while (last + 1 < n && SameSegment(last + 1, i))
                {
                    if (AgentRole(last + 1) is not null || (IsTitle(last + 1) && AgentRole(last) is not null))
                    {
                        last++;
                    }
                    else if (!_words[last + 1].Capitalized && _patterns.GroupHeads.Contains(Key(last + 1)) && _nameOf[last] >= 0 && _names[_nameOf[last]] is NonCountryEntry)
                    {
                        last++; // "the Palestinian Islamic Jihad movement": the group's name and the noun it heads
                    }
                    else if (PossessiveAgent(last) is var owned && owned > last)
                    {
                        last = owned; // "Israel's high court", "Syria's army": the country's agents
                    }
                    else if (last + 2 < n && Key(last + 1) == "and" && AgentRole(last) is not null && AgentRole(last + 2) is not null && SameSegment(last + 2, i))
                    {
                        last += 2;
                    }
                    else if (ModifiedHead(last + 1) is var head && head > last)
                    {
                        last = head; // "French paper workers", "Israeli intelligence officials"
                    }
                    else
                    {
                        break;
                    }
                }

                runs.Add((first, last));
            }

            i = last;
        }

        // Joint actors: "A, B and C", "A and B". A list ends with "and": without it the commas set off a phrase
        // ("On the war in Ukraine, Kenya disagreed" names no joint actor), so the list ends at its last "and".
        for (var r = 0; r < runs.Count; r++)
        {
            var (first, last) = runs[r];
            var members = 1;
            var end = r;
            for (var k = r; k + 1 < runs.Count && Joins(runs[k].Last, runs[k + 1].First, members); k++)
            {
                members++;
                if (Key(runs[k + 1].First - 1) == "and" || (runs[k + 1].First > 1 && Key(runs[k + 1].First - 1) == "the" && Key(runs[k + 1].First - 2) == "and"))
                {
                    end = k + 1;
                }
            }

            last = runs[end].Last;
            r = end;

            var text = ActorText(first, last);
            var demonymOnly = true;
            for (var w = first; w <= last && demonymOnly; w++)
            {
                // "the Palestinians" is no bare demonym: resolution reads it as the state.
                demonymOnly = _nameOf[w] >= 0 ? _names[_nameOf[w]] is CountryAlias { Kind: AliasKind.Demonym } && !(_plural[w] && w > first && Key(w - 1) == "the")
                    : Key(w) is "and" or "s" or "the";
            }

            var role = Role(first, last);
            _actors.Add(new ActorSpan(first, last, text, Resolve(text), demonymOnly && role is null, role, role is null ? null : Named(first, last)));
        }
    }

    /// <summary>The speaker a sentence attributes its words to: "..., Putin said", "said Wang", "according to the Kremlin".</summary>
    private ActorSpan? Attribution()
    {
        for (var k = 0; k < _words.Count; k++)
        {
            if (_nameOf[k] >= 0 || !_index.IsSpeechVerb(KeySpan(k)))
            {
                continue;
            }

            if (_actors.FindLast(a => a.Last < k) is { IsCountry: true } before && GapAllowed(before.Last + 1, k))
            {
                return before;
            }

            if (_actors.Find(a => a.First > k) is { IsCountry: true } after && after.First <= k + 2 && SameSegment(k, after.First))
            {
                return after;
            }
        }

        foreach (var actor in _actors)
        {
            var before = actor.First > 0 && Key(actor.First - 1) == "the" ? actor.First - 1 : actor.First;
            if (actor.IsCountry && before >= 2 && _patterns.AccordingTo.Contains(Key(before - 2) + " " + Key(before - 1)))
            {
                return actor;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the words from <paramref name="from"/> up to <paramref name="to"/> may stand between
    /// an actor and its act: auxiliaries, negations, hedges, adverbs; or one apposition or relative
    /// clause set off by commas or dashes ("Egypt, which is not a member, also signed"), after which
    /// the same holds for the words before the act.
    /// </summary>
    private bool GapAllowed(int from, int to)
    {
        if (from < to && !SameSegment(from - 1, to))
        {
            var opened = _words[from - 1].Segment;
            return to - from <= MaxAppositionWords && _words[to].Segment - opened == 2
                && IsAppositionMark(_segmentEnds[opened]) && IsAppositionMark(_segmentEnds[opened + 1])
                && WordsAllowed(ClauseStart(to), to);
        }

        if (to - from > MaxGapWords || (from == to && from > 0 && !SameSegment(from - 1, to)))
        {
            return false;
        }

        return WordsAllowed(Companions(from, to), to);
    }

    private static bool IsAppositionMark(char c) => c is ',' or '\u2014' or '\u2013';

    /// <summary>The first word of the segment that holds <paramref name="word"/>.</summary>
    private int ClauseStart(int word)
    {
        while (word > 0 && SameSegment(word - 1, word))
        {
            word--;
        }

        return word;
    }

    private bool WordsAllowed(int from, int to)
    {
        var gap = GapKey(from, to);
        for (var w = from; w < to; w++)
        {
            var key = Key(w);
            if (!_patterns.Between.Contains(key) && !key.EndsWith("ly", StringComparison.Ordinal) && !ContainsWord(key, gap, _patterns.Negations) && !ContainsWord(key, gap, _patterns.Hedges))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a word of the gap belongs to one of the phrases found in it.</summary>
    private static bool ContainsWord(string word, string gap, HashSet<string> phrases)
    {
        foreach (var phrase in phrases)
        {
            if (gap.Contains($" {phrase} ", StringComparison.Ordinal) && $" {phrase} ".Contains($" {word} ", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The keys of words [from, to) as " w1 w2 ... ".</summary>
    private string GapKey(int from, int to)
    {
        if (from >= to)
        {
            return " ";
        }

        return " " + _keys.Text(_words[from].KeyStart, _words[to - 1].KeyStart + _words[to - 1].KeyLength - _words[from].KeyStart) + " ";
    }

    private static bool ContainsWord(string gap, HashSet<string> words)
    {
        foreach (var word in gap.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (words.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsPhrase(string gap, HashSet<string> phrases)
    {
        foreach (var phrase in phrases)
        {
            if (gap.Contains($" {phrase} ", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
