using StanceRules.Explain;

namespace StanceRules;

public sealed partial class StanceEngine
{
    /// <summary>
    /// Explains one country's stance on one issue in an article: every signal with its rule, the
    /// facts it matched and their evidence; which signal won and by which step of the conflict
    /// policy; and, when no stance was found or <paramref name="expected"/> was not, which rules
    /// could have produced it and which of their conditions failed on which facts.
    /// </summary>
    /// <param name="article">The facts.</param>
    /// <param name="country">An ISO code or any name the gazetteer knows (<c>UKR</c>, <c>Ukraine</c>, <c>Kyiv</c>).</param>
    /// <param name="issue">The issue id.</param>
    /// <param name="expected">The stance the caller expected, if any.</param>
    /// <param name="cancellationToken">Stops the inference between rule firings.</param>
    /// <exception cref="ArgumentException">The country is not one the gazetteer knows and no fact of the article resolves to it, or the issue is not in the issue catalogue and no fact or stance of the article names it.</exception>
    /// <returns>The explanation; its <see cref="StanceExplanation.ToString"/> is the text <c>stance explain</c> prints.</returns>
    public StanceExplanation Explain(ArticleFacts article, string country, string issue, Stance? expected = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentException.ThrowIfNullOrWhiteSpace(country);
        ArgumentException.ThrowIfNullOrWhiteSpace(issue);
        return new Explainer(_rules, _options).Explain(article, country, issue, expected, cancellationToken);
    }
}
