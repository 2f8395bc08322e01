using StanceRules.Knowledge;

namespace StanceRules.Extraction;

/// <summary>
/// An actor as the text names it: its words (first, last), what it resolves to, and its agent
/// <paramref name="Role"/> ("Israeli soldiers": MIL) when it names a country's people or forces
/// rather than its state; <paramref name="Named"/> are the countries its words name.
/// </summary>
internal sealed record ActorSpan(int First, int Last, string Text, ActorResolution Resolution, bool DemonymOnly, string? Role = null, IReadOnlyList<string>? Named = null)
{
    /// <summary>Whether the actor speaks for a state (or several): the only actors whose stance acts give facts that count.</summary>
    public bool IsCountry => Resolution.Kind is ResolutionKind.Country or ResolutionKind.JointStatement && !DemonymOnly && Role is null;

    /// <summary>Whether the actor is a country's agent (its soldiers, police, people) that does not speak for the state.</summary>
    public bool IsAgent => Role is not null && Named is { Count: > 0 };
}

/// <summary>A fact's actor as the extractor coded it: the countries its words name (state or not) and its agent role (null: the state).</summary>
internal sealed record CodedActor(IReadOnlyList<string> Countries, string? Role);

/// <summary>An act found in a sentence: its words and its pattern; <paramref name="Nominal"/> when a noun names it ("condemnation", "lodged a protest").</summary>
internal readonly record struct ActMatch(int First, int Last, ActPattern Pattern, bool Nominal = false);

/// <summary>
/// The dictionary-driven extractor: for each sentence, names (gazetteer, offices, titles) make
/// actors, the lexicon's acts in every inflection make acts, and a fact is written only when an
/// actor that resolves to a country, a stance act, a target and an issue are all clear. Not
/// thread-safe (it reuses its buffers): one per call.
/// </summary>
internal sealed partial class TextExtractor
{
    /// <summary>Sentences longer than this are skipped with a note: no sentence of news is.</summary>
    public const int MaxSentenceChars = 4_000;

    /// <summary>How many named actors the extractor remembers for "the crown prince" and the like.</summary>
    public const int MaxMentioned = 64;

    /// <summary>How many words after an act its target may hold.</summary>
    public const int MaxTargetWords = 30;

    /// <summary>The role an organization or a group of countries is coded with (CAMEO's IGO): no state speaks through it.</summary>
    public const string BodyRole = "IGO";

    private readonly ExtractionIndex _index;
    private readonly Gazetteer _gazetteer;
    private readonly IssueCatalogue _issues;
    private readonly ExtractionPatterns _patterns;
    private readonly DateOnly? _date;
    private readonly List<Word> _words = [];
    private readonly KeyBuffer _keys = new();
    private readonly List<char> _segmentEnds = [];
    private readonly List<ActorSpan> _actors = [];
    private readonly List<ActMatch> _acts = [];
    private readonly List<(ActMatch Act, string? LastSpeaker)> _neutral = [];
    private readonly List<string> _mentioned = [];
    private int[] _nameOf = new int[64];
    private string?[] _wordKeys = new string?[64];
    private readonly List<GazetteerEntry> _names = [];
    private readonly Dictionary<Fact, CodedActor> _coded = new(ReferenceEqualityComparer.Instance);
    private bool[] _plural = new bool[64];
    private bool[] _respelled = new bool[64];
    private string _text = string.Empty;

    // The paragraph's last sentence subject that is one country ("Sri Lanka has opened an embassy."), for "the foreign ministry".
    private string? _paragraphSubject;

    public TextExtractor(ExtractionIndex index, Gazetteer gazetteer, IssueCatalogue issues, DateOnly? date)
    {
        _index = index;
        _gazetteer = gazetteer;
        _issues = issues;
        _patterns = index.Patterns;
        _date = date;
    }

    /// <summary>The issue of a fact whose target and sentence name none of the catalogue; null: no fact.</summary>
    public string? FallbackIssue { get; init; }

    public ArticleExtraction Run(string text, string id, DateOnly? published, string? title, CancellationToken cancellationToken)
    {
        _text = text;
        _mentioned.Clear();
        var sentences = new List<SentenceSpan>();
        TextScanner.Sentences(text, _patterns.Abbreviations, sentences, cancellationToken);
        var facts = new List<Fact>();
        var notes = new List<ExtractionNote>();
        string? lastSpeaker = null;
        var paragraph = -1;
        for (var s = 0; s < sentences.Count; s++)
        {
            if ((s & 0x3FF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var sentence = sentences[s];
            if (sentence.Paragraph != paragraph)
            {
                paragraph = sentence.Paragraph;
                lastSpeaker = null;
                _paragraphSubject = null;
            }

            if (sentence.End - sentence.Start > MaxSentenceChars)
            {
                notes.Add(new ExtractionNote(sentence.Start, text[sentence.Start..Math.Min(sentence.End, sentence.Start + 200)], $"sentence of {sentence.End - sentence.Start:N0} characters, over the {MaxSentenceChars:N0} the extractor reads: skipped"));
                continue;
            }

            var before = facts.Count;
            var reasons = new List<string>();
            lastSpeaker = Sentence(sentence, facts, reasons, lastSpeaker);
            if (facts.Count == before && reasons.Count > 0)
            {
                notes.Add(new ExtractionNote(sentence.Start, text[sentence.Start..sentence.End], string.Join("; ", reasons.Distinct(StringComparer.Ordinal))));
            }
        }

        return new ArticleExtraction(new ArticleFacts(id, facts, published, title), notes, sentences.Count, _coded);
    }

    /// <summary>Reads one sentence: its facts into <paramref name="facts"/>, or why none into <paramref name="reasons"/>; returns the paragraph's last named speaker.</summary>
    private string? Sentence(SentenceSpan sentence, List<Fact> facts, List<string> reasons, string? lastSpeaker)
    {
        TextScanner.Words(_text, sentence, _words, _keys, _segmentEnds, _patterns.Abbreviations);
        if (_wordKeys.Length < _words.Count)
        {
            _wordKeys = new string?[Math.Max(_words.Count, _wordKeys.Length * 2)];
        }

        Array.Clear(_wordKeys, 0, _words.Count);
        FindNames();
        FindActors();
        FindActs();
        var speaker = Attribution();
        if (speaker is not null)
        {
            lastSpeaker = speaker.Text;
        }

        var first = facts.Count;
        _neutral.Clear();
        foreach (var act in _acts)
        {
            if (act.Pattern.Family is null && act.Pattern.Vote is null)
            {
                // A neutral act states no stance, but its subject is the paragraph's speaker now ("Scholz spoke. He condemned ...").
                _neutral.Add((act, lastSpeaker));
                // A subject inside a quotation ("“China will maintain ...,” he said") is the quotation's, not the paragraph's speaker.
                if (!_words[act.First].InQuote && FindActor(act, speaker, lastSpeaker, out var subjectFirst, out _) is { IsCountry: true } subject && subjectFirst >= 0)
                {
                    lastSpeaker = subject.Text;
                }

                continue;
            }

            if (TryFact(sentence, act, speaker, lastSpeaker, facts, reasons) is { } actor && !_words[act.First].InQuote)
            {
                lastSpeaker = actor;
            }
        }

        // Neutral acts ("met", "visited", "discussed", "said") give a fact with no stance, once per
        // actor and only where the sentence gave that actor no stance fact; a verb of saying that
        // attributes a quotation is no act of its own.
        var quoted = _words.Exists(w => w.InQuote);
        foreach (var (act, speakerBefore) in _neutral)
        {
            if (quoted && _patterns.SpeechVerbs.Contains(act.Pattern.Lemma))
            {
                continue;
            }

            TryFact(sentence, act, speaker, speakerBefore, facts, reasons, first);
        }

        if (facts.Count == first && reasons.Count == 0 && _actors.Exists(a => a.IsCountry))
        {
            reasons.Add(_acts.Count == 0 ? "no act of the lexicon" : "no act but verbs of saying that attribute a quotation (" + string.Join(", ", _acts.Select(a => a.Pattern.Lemma).Distinct()) + ")");
        }

        Mention();
        _paragraphSubject = SentenceSubject()?.Text ?? _paragraphSubject;
        return lastSpeaker;
    }

    /// <summary>
    /// Writes the fact of one act, or its reason for none; returns the actor's text when it is a
    /// country, fact or not (the paragraph's speaker now: "Spain greeted Peru. It then ..."). For a neutral
    /// act, <paramref name="sentenceFirst"/> is the sentence's first fact: an actor that already has
    /// a fact of this sentence gets no neutral one.
    /// </summary>
    private string? TryFact(SentenceSpan sentence, ActMatch act, ActorSpan? attributed, string? lastSpeaker, List<Fact> facts, List<string> reasons, int sentenceFirst = -1)
    {
        var lemma = act.Pattern.Lemma;
        // "The camp was attacked by Burundian militiamen": the actor after "by" is the passive act's, what comes before it the target.
        var passive = Passive(act);
        var by = passive >= 0 ? PassiveAgent(act) : null;
        int actorFirst = -1, gapStart = act.First;
        string? whyNoActor = null;
        if ((by ?? FindActor(act, attributed, lastSpeaker, out actorFirst, out gapStart, out whyNoActor)) is not { } actor)
        {
            reasons.Add($"{lemma}: {whyNoActor}");
            return null;
        }

        if (by is not null)
        {
            actorFirst = -1;
            gapStart = ClauseStart(act.First);
        }

        var body = !actor.IsCountry && !actor.IsAgent && IsBody(actor);
        if (!actor.IsCountry && !actor.IsAgent && !body)
        {
            reasons.Add(actor.DemonymOnly
                ? $"{lemma}: '{actor.Text}' is a demonym without an office or a name"
                : $"{lemma}: '{actor.Text}' is not a country: {actor.Resolution.Reason}");
            return null;
        }

        // An agent ("Israeli soldiers") is coded with its country and role, but never gives a stance: its fact is
        // written when its act states none, or when resolution itself refuses its words (non-state, people).
        var speaker = actor.IsCountry ? actor.Text : null;
        if (actor.IsAgent && act.Pattern.Family is not null && actor.Resolution.Kind is ResolutionKind.Country or ResolutionKind.JointStatement)
        {
            reasons.Add($"{lemma}: '{actor.Text}' is an agent ({actor.Role}) of {string.Join(", ", actor.Named!)}, not its state, and the act states a stance");
            return null;
        }

        if (sentenceFirst >= 0 && facts.FindIndex(sentenceFirst, f => f.Actor == actor.Text) >= 0)
        {
            return speaker;
        }

        var gap = GapKey(gapStart, act.First);
        if (ContainsWord(gap, _patterns.Discard))
        {
            reasons.Add($"{lemma}: discarded (a condition or a possibility: '{gap.Trim()}')");
            return speaker;
        }

        if (passive >= 0 && by is null)
        {
            reasons.Add($"{lemma}: passive voice (the actor is not its subject)");
            return speaker;
        }

        // A verdict's target is its subject: "removing the sanctions" in "... said that removing the sanctions is out of the question".
        var (targetFirst, targetLast) = by is not null ? (ClauseStart(act.First), passive - 1)
            : _patterns.Verdicts.Contains(lemma) ? (gapStart, act.First - 1)
            : Target(act.Last + 1);
        var ends = act.Last == _words.Count - 1;
        if (targetFirst > targetLast && !(ends && act.Pattern.Family is not null))
        {
            reasons.Add($"{lemma}: no target after the act");
            return speaker;
        }

        // A stance act that ends its sentence ("..., chose to abstain.") has no target: the sentence says what it is about.
        var target = targetFirst > targetLast ? string.Empty : Span(targetFirst, targetLast);
        var issue = (target.Length > 0 ? _issues.Infer(target) : null) ?? _issues.Infer(SentenceWithout(sentence, actor)) ?? FallbackIssue;
        if (issue is null)
        {
            reasons.Add($"{lemma}: no issue of the catalogue in the target '{DisplayText.Truncate(target)}' or the sentence");
            return speaker;
        }

        var negated = ContainsPhrase(gap, _patterns.Negations) || NegatedInside(act);
        var hedged = ContainsPhrase(gap, _patterns.Hedges) || ContainsPhrase(GapKey(act.First, act.Last + 1), _patterns.Hedges);
        var evidenceStart = by is not null ? _words[targetFirst].Start : actorFirst >= 0 ? _words[actorFirst].Start : sentence.Start;
        var evidenceEnd = by is not null ? _words[by.Last].End
            : actorFirst >= 0 && (!_words[act.First].InQuote || _words[actorFirst].InQuote) ? _words[Math.Max(targetLast, act.Last)].End : sentence.End;
        var fact = MakeFact(act, actor.Text, target, issue, negated, hedged, facts.Count + 1, evidenceStart, evidenceEnd, out var whyNoFact);
        if (fact is null)
        {
            reasons.Add($"{lemma}: {whyNoFact}");
            return speaker;
        }

        facts.Add(fact);
        _coded[fact] = body ? new CodedActor([], BodyRole) : new CodedActor(actor.IsCountry ? actor.Resolution.Countries : actor.Named!, actor.Role);
        return speaker;
    }

    private Fact? MakeFact(ActMatch act, string actor, string target, string issue, bool negated, bool hedged, int number, int start, int end, out string? whyNot)
    {
        whyNot = null;
        var evidence = _text[start..end];
        var isVoteAct = act.Pattern.Vote is not null || act.Pattern.Lemma is "vote-for" or "vote-against" or "abstain";
        if (isVoteAct && NamesMotion(target))
        {
            if (negated)
            {
                whyNot = "a negated vote records no choice";
                return null;
            }

            var choice = act.Pattern.Vote ?? (act.Pattern.Lemma == "vote-for" ? VoteChoice.Yes : act.Pattern.Lemma == "vote-against" ? VoteChoice.No : VoteChoice.Abstain);
            return new Vote
            {
                Id = $"f{number}", Actor = actor, Issue = issue, Evidence = evidence, EvidenceOffset = start,
                Body = Body(), Motion = target, Choice = choice, YesMeans = YesMeans(target),
            };
        }

        if (act.Pattern.Vote is not null)
        {
            whyNot = "a vote that names no motion (a resolution or its code)";
            return null;
        }

        return new Statement
        {
            Id = $"f{number}", Actor = actor, Act = act.Pattern.Lemma, Target = target.Length > 0 ? target : null, Issue = issue,
            Negated = negated, Hedged = hedged, Evidence = evidence, EvidenceOffset = start,
        };
    }
}
