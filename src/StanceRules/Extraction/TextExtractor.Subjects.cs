using StanceRules.Knowledge;

namespace StanceRules.Extraction;

/// <summary>The extractor's steps that read a subject's noun phrase: groups with a home country, possessive agents, name particles, phrases.</summary>
internal sealed partial class TextExtractor
{
    /// <summary>
    /// The non-state group with a home country (the gazetteer's <c>home</c>: Hezbollah, LBN) an actor's words name, when
    /// they name no other actor and no other country ("Lebanon's Hezbollah" is one; "Israel and Hezbollah", "Iran-backed
    /// Houthis" are not); null otherwise, or when the group is a government on the date (the Taliban from 2021-08-15).
    /// </summary>
    private NonCountryEntry? HomeGroup(int first, int last)
    {
        NonCountryEntry? group = null;
        for (var w = first; w <= last; w++)
        {
            if (_nameOf[w] >= 0 && (w == first || _nameOf[w] != _nameOf[w - 1]) && _names[_nameOf[w]] is NonCountryEntry entry)
            {
                if (entry.Home is not { } home || entry.IsCountryOn(_date) || (group is not null && group.Home!.Value.Country != home.Country))
                {
                    return null;
                }

                group = entry;
            }
        }

        for (var w = first; w <= last && group is not null; w++)
        {
            if (_nameOf[w] >= 0 && _names[_nameOf[w]] is not NonCountryEntry && (_names[_nameOf[w]] is not CountryAlias alias || alias.Country != group.Home!.Value.Country))
            {
                return null;
            }
        }

        return group;
    }

    /// <summary>
    /// The last word of a country's agents a name owns ("Israel's high court", "Syria's army", "Iran's state media"):
    /// after the name and a possessive "'s", an agent word in lowercase, or a head of <see cref="ModifiedHead"/>;
    /// -1 when <paramref name="name"/> is no country's name or no agent follows.
    /// </summary>
    private int PossessiveAgent(int name)
    {
        var owned = name + 2;
        if (owned >= _words.Count || _nameOf[name] < 0 || _names[_nameOf[name]] is not CountryAlias || Key(name + 1) != "s" || !SameSegment(name, owned))
        {
            return -1;
        }

        return !_words[owned].Capitalized && AgentRole(owned) is not null ? owned : ModifiedHead(owned) is var head && head > owned && AgentRole(head) is not null ? head : -1;
    }

    /// <summary>
    /// The capitalized word after one or two particles of a person's name (<c>name_particles</c>: "Hamad bin Khalifa",
    /// "Khalifa al-Thani", "von der Leyen") that follow <paramref name="last"/>, a capitalized word that is no title;
    /// -1 when none follows.
    /// </summary>
    private int ParticlesAfter(int last)
    {
        if (!_words[last].Capitalized || IsTitle(last) || (_nameOf[last] >= 0 && _names[_nameOf[last]] is CountryAlias))
        {
            return -1;
        }

        for (var w = last + 1; w < _words.Count && w - last <= 3 && SameSegment(w, last); w++)
        {
            if (_words[w].Capitalized)
            {
                return w > last + 1 && !IsTitle(w) ? w : -1;
            }

            if (!_patterns.NameParticles.Contains(Key(w)))
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>The word after a phrase of one or more words that starts at <paramref name="first"/> and ends before <paramref name="to"/>; -1 when the words are not the phrase.</summary>
    private int MatchPhrase(string[] phrase, int first, int to)
    {
        var w = first;
        foreach (var part in phrase)
        {
            if (w >= to || Key(w) != part)
            {
                return -1;
            }

            w++;
        }

        return w;
    }

    /// <summary>
    /// An actor's words as its fact writes them: the text, with a country's name written with a letter left out
    /// ("Ethopia", <see cref="ExtractionIndex.TryRespelled"/>) written as the gazetteer writes it, so that
    /// resolution, and <c>stance infer</c> on the fact document, read the country. The evidence stays verbatim.
    /// </summary>
    private string ActorText(int first, int last)
    {
        var text = Span(first, last);
        for (var w = last; w >= first; w--)
        {
            if (_respelled[w])
            {
                var start = _words[w].Start - _words[first].Start;
                text = string.Concat(text.AsSpan(0, start), _names[_nameOf[w]].Text, text.AsSpan(start + _words[w].End - _words[w].Start));
            }
        }

        return text;
    }
}
