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

        if (_words[act.First].InQuote)
        {
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
            if (candidate.Last < act.First && GapAllowed(candidate.Last + 1, act.First))
            {
                actorFirst = candidate.First;
                gapStart = candidate.Last + 1;
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
                    if (lastSpeaker is null)
                    {
                        whyNot = $"'{Span(p, q)}' stands for no speaker named earlier in the paragraph";
                        return null;
                    }

                    return Carried(lastSpeaker);
                }
            }
        }

        whyNot = nearest is null ? "no actor before the act" : $"no actor next to the act (the nearest, '{DisplayText.Truncate(nearest.Text)}', is not its subject)";
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
}
