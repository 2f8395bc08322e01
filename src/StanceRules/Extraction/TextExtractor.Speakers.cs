using StanceRules.Knowledge;

namespace StanceRules.Extraction;

/// <summary>
/// The extractor's readings of who acts beyond the subject right before the act: verdicts ("... said that removing the
/// sanctions is out of the question"), a pronoun after a verb of saying, organizations and groups of countries as
/// actors, and a passive act's actor after "by".
/// </summary>
internal sealed partial class TextExtractor
{
    /// <summary>
    /// The subject, an agent or an organization named in the sentence, of the verb of saying before the pronoun at
    /// <paramref name="pronoun"/>, with at most three words between that are no act and no name ("Afghan rebel leaders
    /// said on Wednesday they", "the United Nations said that it"). A country subject is the paragraph's speaker already.
    /// </summary>
    private ActorSpan? SpeechSubject(int pronoun, ActorSpan? speaker, string? lastSpeaker)
    {
        for (var v = pronoun - 1; v >= 0 && pronoun - v <= 4 && SameSegment(v, pronoun) && _nameOf[v] < 0; v--)
        {
            var at = v;
            var verb = _acts.FindIndex(a => a.Last == at);
            if (verb >= 0)
            {
                return _patterns.SpeechVerbs.Contains(_acts[verb].Pattern.Lemma) && !_words[v].InQuote
                    && FindActor(_acts[verb], speaker, lastSpeaker, out var first, out _) is { } subject && first >= 0 && (subject.IsAgent || IsBody(subject))
                    ? subject : null;
            }
        }

        return null;
    }

    /// <summary>
    /// A verdict's actor ("US officials said that removing the sanctions is out of the question"): the subject of the verb
    /// of saying before it in its clause, with <paramref name="gapStart"/> at the verdict's own subject (after "that"),
    /// which is its target; in a quotation, the quotation's speaker, the target the quoted clause before the verdict.
    /// Without either, whose judgement it is, is not clear.
    /// </summary>
    private ActorSpan? VerdictActor(ActMatch act, ActorSpan? speaker, string? lastSpeaker, out int actorFirst, out int gapStart, out string? whyNot)
    {
        if (_words[act.First].InQuote)
        {
            // "“The plan is unacceptable,” Spain said": the speaker's verdict on the quoted clause's subject, never that subject's act.
            (actorFirst, gapStart, whyNot) = (-1, ClauseStart(act.First), null);
            if (speaker is null && lastSpeaker is null)
            {
                whyNot = "a quotation with no speaker named in the sentence or the paragraph";
            }

            return speaker ?? (lastSpeaker is null ? null : Carried(lastSpeaker));
        }

        var said = _acts.FindLastIndex(a => a.Last < act.First && SameSegment(a.Last, act.First) && _patterns.SpeechVerbs.Contains(a.Pattern.Lemma));
        if (said < 0)
        {
            (actorFirst, gapStart) = (-1, act.First);
            whyNot = "a verdict ('is unacceptable') with no verb of saying before it in its clause: whose judgement it is, is not clear";
            return null;
        }

        gapStart = _acts[said].Last + 1;
        for (var k = gapStart; k < act.First; k++)
        {
            if (Key(k) == "that")
            {
                gapStart = k + 1;
                break;
            }
        }

        return FindActor(_acts[said], speaker, lastSpeaker, out actorFirst, out _, out whyNot);
    }

    /// <summary>
    /// Whether the actor is an international organization or a group of countries ("the United Nations", "the European
    /// Community", "Arab states"): its facts are written, coded IGO as the event coders code them, and resolution gives
    /// them no stance. Not a group whose last word is the plural of a group's name ("West Africans", "Arabs"): a region's
    /// people, as "Palestinians" are a country's.
    /// </summary>
    private bool IsBody(ActorSpan actor)
    {
        if (actor.DemonymOnly || actor.Role is not null || actor.Resolution.Kind is not (ResolutionKind.Organization or ResolutionKind.Group))
        {
            return false;
        }

        var last = actor.Last >= 0 ? KeySpan(actor.Last) : [];
        return actor.Resolution.Kind == ResolutionKind.Organization
            || !(last.Length > 3 && last[^1] == 's' && _index.TryName(last[..^1], out var entry) && entry is NonCountryEntry { Kind: ResolutionKind.Group });
    }

    /// <summary>The auxiliary before a passive act ("was attacked", "has been condemned"), or -1.</summary>
    private int Passive(ActMatch act)
    {
        var aux = act.First - 1;
        while (aux > 0 && Key(aux).EndsWith("ly", StringComparison.Ordinal) && SameSegment(aux, act.First))
        {
            aux--; // "was strongly condemned"
        }

        return aux >= 0 && !act.Nominal && SameSegment(aux, act.First) && Key(aux) is "was" or "were" or "is" or "are" or "been" or "be" or "being"
            && !Key(act.First).EndsWith("ing", StringComparison.Ordinal) ? aux : -1;
    }

    /// <summary>The actor right after "by" that follows a passive act ("was attacked by Burundian militiamen"), in its clause; null when there is none.</summary>
    private ActorSpan? PassiveAgent(ActMatch act)
    {
        var by = act.Last + 1;
        return by + 1 < _words.Count && Key(by) == "by" && SameSegment(by, act.Last) && SameSegment(by, by + 1)
            && ClauseStart(act.First) < act.First - 1
            ? _actors.Find(a => a.First == by + 1 || (a.First == by + 2 && Key(by + 1) == "the"))
            : null;
    }
}
