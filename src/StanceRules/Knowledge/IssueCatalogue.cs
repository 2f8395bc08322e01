using System.Collections.Frozen;

namespace StanceRules.Knowledge;

/// <summary>An issue of the catalogue and the phrases that name it in free text.</summary>
internal sealed record IssueEntry(string Id, IReadOnlyList<string> Phrases);

/// <summary>
/// Infers an issue id from a fact's free text (its target) when the fact names none: the issue
/// with the longest phrase found in the text, on word boundaries, ignoring case and diacritics.
/// </summary>
internal sealed class IssueCatalogue
{
    private readonly (string Key, string Issue)[] _phrases;
    private readonly BoundedCache<string, string?> _inferred = new(Gazetteer.ResolutionCacheSize, StringComparer.Ordinal);

    public IssueCatalogue(IEnumerable<IssueEntry> issues)
    {
        Issues = issues.ToFrozenDictionary(i => i.Id, StringComparer.Ordinal);
        _phrases = Issues.Values
            .SelectMany(i => i.Phrases.Select(p => (Key: $" {TextKey.Of(p)} ", Issue: i.Id)))
            .Where(p => p.Key.Length > 2)
            .OrderByDescending(p => p.Key.Length)
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .ToArray();
    }

    public FrozenDictionary<string, IssueEntry> Issues { get; }

    /// <summary>The issue the text names, memoized by the text (targets and motions repeat across articles).</summary>
    public string? Infer(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (text.Length > BoundedCache<string, string?>.MaxTextLength)
        {
            return InferUncached(text);
        }

        if (!_inferred.TryGet(text, out var issue))
        {
            issue = InferUncached(text);
            _inferred.Add(text, issue);
        }

        return issue;
    }

    private string? InferUncached(string text)
    {
        var key = $" {TextKey.Of(text)} ";
        foreach (var (phrase, issue) in _phrases)
        {
            if (key.Contains(phrase, StringComparison.Ordinal))
            {
                return issue;
            }
        }

        return null;
    }
}
