using System.Text;
using System.Text.Json;

namespace StanceRules.Extensions.AI;

/// <summary>
/// Checks the facts of an answer the strict reader accepted against the article and the engine's knowledge: evidence
/// must be a verbatim span of the article (it becomes the article's own text of that span), the actor must be known to
/// the gazetteer (one country on the date becomes its ISO3 code), a statement's act must be in the lexicon (it becomes the
/// lemma), an issue must be in the catalogue (else it is removed), an agent of a country ("Egyptian police") states no
/// stance (it keeps its words and its role). Each fact dropped or changed gets a warning at the
/// fact's line and column in the answer.
/// </summary>
internal sealed class AnswerChecker(StanceEngine engine, ExtractionPrompt prompt, string article)
{
    /// <summary>English inflections of a verb, each with what brings it back to its plain form ("welcomed" → "welcome").</summary>
    private static readonly (string Suffix, string Replacement)[] Inflections =
        [("ied", "y"), ("ies", "y"), ("ed", ""), ("d", ""), ("es", ""), ("s", ""), ("ing", ""), ("ing", "e")];

    private readonly EvidenceLocator _evidence = new(article);

    public List<ExtractedFact> Check(ArticleFacts answer, string answerText, string sourceName, DateOnly? published, List<Diagnostic> diagnostics)
    {
        var positions = FactPositions(answerText);
        var kept = new List<ExtractedFact>();
        for (var i = 0; i < answer.Facts.Count; i++)
        {
            var at = new SourceLocation(sourceName, i < positions.Count ? positions[i].Line : 1, i < positions.Count ? positions[i].Column : 1);
            if (Check(answer.Facts[i], at, published, diagnostics) is { } fact)
            {
                kept.Add(fact);
            }
        }

        return kept;
    }

    private ExtractedFact? Check(Fact fact, SourceLocation at, DateOnly? published, List<Diagnostic> diagnostics)
    {
        void Warn(string code, string message) =>
            diagnostics.Add(new Diagnostic(code, $"Fact '{fact.Id}' is dropped: {message}", at) { Severity = DiagnosticSeverity.Warning });

        if (fact is not (Statement or Vote))
        {
            Warn(ChatExtractionCodes.UnsupportedFactType, $"only statements and votes are extracted, not a {fact.GetType().Name}.");
            return null;
        }

        if (string.IsNullOrWhiteSpace(fact.Evidence))
        {
            Warn(ChatExtractionCodes.NoEvidence, "it has no evidence.");
            return null;
        }

        if (_evidence.Find(fact.Evidence) is not { } span)
        {
            Warn(ChatExtractionCodes.EvidenceNotInArticle, $"its evidence \"{Shorten(fact.Evidence)}\" is not a span of the article.");
            return null;
        }

        // An actor that matched a name but speaks for no state ("Palestinians": a people) is kept as written, as the text
        // extractor writes it: resolution, and so the rules, give it no stance.
        var resolution = engine.Resolve(fact.Actor, published);
        if (resolution.Kind == ResolutionKind.Unknown && resolution.Matched is null)
        {
            Warn(ChatExtractionCodes.UnknownActor, $"its actor \"{Shorten(fact.Actor)}\" is nothing the gazetteer knows.");
            return null;
        }

        // An agent ("Egyptian police", "Israeli soldiers") is coded with its country but never speaks for its state: kept as
        // written with its role where its act states no stance, dropped where it states one (the text extractor does the same).
        var role = resolution.Kind is ResolutionKind.Country or ResolutionKind.JointStatement ? engine.AgentRole(fact.Actor) : null;
        if (role is not null && (fact is Vote || (fact is Statement said && ActLemma(said.Act) is { } lemma && engine.Acts[lemma] is not null)))
        {
            Warn(ChatExtractionCodes.AgentStance, $"its actor \"{Shorten(fact.Actor)}\" is an agent ({role}) of {string.Join(", ", resolution.Countries)}, not its state, and a stance is the state's.");
            return null;
        }

        var actor = resolution.Kind == ResolutionKind.Country && role is null ? resolution.Country! : fact.Actor;
        var issue = fact.Issue;
        if (issue is not null && !prompt.IssueIds.Contains(issue))
        {
            diagnostics.Add(new Diagnostic(ChatExtractionCodes.UnknownIssue, $"Fact '{fact.Id}': the issue '{issue}' is not in the issue catalogue; it is removed, so the issue is inferred from the target.", at) { Severity = DiagnosticSeverity.Warning });
            issue = null;
        }

        var evidence = _evidence.Text(span);
        if (fact is Statement statement)
        {
            if (ActLemma(statement.Act) is not { } act)
            {
                Warn(ChatExtractionCodes.UnknownAct, $"its act '{Shorten(statement.Act)}' is not in the lexicon.");
                return null;
            }

            var normalized = new Statement
            {
                Id = fact.Id, Actor = actor, Issue = issue, Evidence = evidence, EvidenceOffset = span.Offset,
                Act = act, Target = statement.Target, Negated = statement.Negated, Hedged = statement.Hedged,
            };
            return new ExtractedFact(normalized, span.Offset, span.Length, resolution, statement.Act) { AgentRole = role };
        }

        var vote = (Vote)fact;
        var normalizedVote = new Vote
        {
            Id = fact.Id, Actor = actor, Issue = issue, Evidence = evidence, EvidenceOffset = span.Offset,
            Body = vote.Body, Motion = vote.Motion, Choice = vote.Choice, YesMeans = vote.YesMeans,
        };
        return new ExtractedFact(normalizedVote, span.Offset, span.Length, resolution, null);
    }

    /// <summary>
    /// The lexicon's lemma for an act: as written, or, when the model inflected its first word ("condemned", "welcomes",
    /// "criticizing", "slammed"), that word's plain form; null when neither is in the lexicon.
    /// </summary>
    internal string? ActLemma(string act)
    {
        if (engine.NormalizeAct(act) is { } lemma)
        {
            return lemma;
        }

        var words = act.Trim().ToLowerInvariant().Split([' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return null;
        }

        var rest = words.Length > 1 ? "-" + string.Join('-', words[1..]) : string.Empty;
        foreach (var stem in Stems(words[0]))
        {
            if (engine.NormalizeAct(stem + rest) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static IEnumerable<string> Stems(string word)
    {
        foreach (var (suffix, replacement) in Inflections)
        {
            if (word.Length > suffix.Length + 2 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                var stem = word[..^suffix.Length] + replacement;
                yield return stem;
                if (replacement.Length == 0 && stem.Length > 3 && stem[^1] == stem[^2])
                {
                    yield return stem[..^1];
                }
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";

    /// <summary>The line and column of each element of the answer's <c>facts</c> array, in order.</summary>
    private static List<(int Line, int Column)> FactPositions(string answerText)
    {
        var positions = new List<(int, int)>();
        var bytes = Encoding.UTF8.GetBytes(answerText);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = 256 });
        var inFacts = false;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
                {
                    inFacts = reader.ValueTextEquals("facts"u8);
                }
                else if (inFacts && reader.TokenType == JsonTokenType.StartObject && reader.CurrentDepth == 2)
                {
                    positions.Add(LineAndColumn(bytes, (int)reader.TokenStartIndex));
                }
            }
        }
        catch (JsonException)
        {
            // The strict reader accepted the text, so this does not happen; positions found so far are kept.
        }

        return positions;
    }

    private static (int, int) LineAndColumn(byte[] bytes, int offset)
    {
        var before = bytes.AsSpan(0, offset);
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return (before.Count((byte)'\n') + 1, Encoding.UTF8.GetCharCount(before[lineStart..]) + 1);
    }
}
