using StanceRules.Extraction;

namespace StanceRules;

/// <summary>The text extractor's entry point: an article's text in, its facts out.</summary>
public sealed partial class StanceEngine
{
    private ExtractionIndex? _extractionIndex;

    /// <summary>
    /// Reads an article's text with the rule set's dictionaries (gazetteer, offices, lexicon,
    /// issue catalogue) and its extraction patterns (the <c>extraction:</c> section,
    /// rules/extraction.yaml), and returns its facts: deterministic, no model. A sentence gives a
    /// fact only when its actor resolves to a country, its act is a stance act of the lexicon,
    /// and its target and issue are clear; every fact's evidence is a verbatim span of the text at
    /// <see cref="Fact.EvidenceOffset"/>. docs/extraction.md describes each step.
    /// </summary>
    /// <param name="text">The article's text.</param>
    /// <param name="id">The article id.</param>
    /// <param name="published">The publication date: officials resolve to the country they served that day.</param>
    /// <param name="title">Optional title.</param>
    /// <param name="cancellationToken">Stops between sentences.</param>
    /// <exception cref="StanceRulesException">The text is longer than <see cref="StanceLimits.MaxFileBytes"/> characters, or the rule set has no extraction patterns.</exception>
    public ArticleExtraction Extract(string text, string id, DateOnly? published = null, string? title = null, CancellationToken cancellationToken = default) =>
        Extract(text, id, published, title, fallbackIssue: null, cancellationToken);

    /// <summary>
    /// <see cref="Extract(string, string, DateOnly?, string?, CancellationToken)"/>, with an issue for the facts whose
    /// target and sentence name none of the catalogue (instead of no fact): for scoring actors and acts on
    /// sentences whose issues no catalogue lists (tools/StanceRules.ExtractionScore, the PLOVER records).
    /// </summary>
    internal ArticleExtraction Extract(string text, string id, DateOnly? published, string? title, string? fallbackIssue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var at = new SourceLocation(id, 1, 1);
        if (text.Length > _options.Limits.MaxFileBytes)
        {
            throw new StanceRulesException([new Diagnostic(DiagnosticCodes.LimitExceeded, ErrorMessages.LimitExceeded("article length in characters", text.Length, nameof(StanceLimits.MaxFileBytes), _options.Limits.MaxFileBytes), at)]);
        }

        if (_rules.Extraction.IsEmpty)
        {
            throw new StanceRulesException([new Diagnostic(DiagnosticCodes.NoLexicon, "the rule set has no extraction patterns (an 'extraction:' section, as in the default rules/extraction.yaml)", at)]);
        }

        var index = LazyInitializer.EnsureInitialized(ref _extractionIndex, () => new ExtractionIndex(_rules.Gazetteer, _rules.Lexicon, _rules.Extraction));
        return new TextExtractor(index, _rules.Gazetteer, _rules.Issues, published) { FallbackIssue = fallbackIssue }.Run(text, id, published, title, cancellationToken);
    }

    /// <summary>The stance family the lexicon gives an act (after negation), null for none: for the score tool's family of a fact's act.</summary>
    internal Stance? ActFamily(string act, bool negated) => _rules.Lexicon.FamilyOf(act, negated);
}
