using System.Collections.Frozen;

namespace StanceRules.Knowledge;

/// <summary>
/// Act lemmas and the stance family each expresses, plainly and when negated.
/// </summary>
/// <remarks>
/// Negation policy: an act's negated family is its <c>negated</c> entry when the lexicon gives
/// one; otherwise a negated condemnation ("refrained from condemning") abstains, and any other
/// negated act expresses no stance.
/// </remarks>
internal sealed class Lexicon
{
    private readonly FrozenDictionary<string, Stance?> _families;
    private readonly FrozenDictionary<string, Stance?> _negated;

    public Lexicon(IReadOnlyDictionary<string, Stance?> families, IReadOnlyDictionary<string, Stance?> negated, IEnumerable<string>? material = null)
    {
        Material = (material ?? []).ToFrozenSet(StringComparer.Ordinal);
        _families = families.ToFrozenDictionary(StringComparer.Ordinal);
        _negated = negated.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public int Count => _families.Count;

    /// <summary>Every lemma and the family it expresses plainly (null: none); the text extractor matches them in text.</summary>
    public IReadOnlyDictionary<string, Stance?> Families => _families;

    /// <summary>The lemmas of the <c>material</c> section: physical acts ("shell", "arrest"), which express no stance.</summary>
    public FrozenSet<string> Material { get; }

    public bool IsKnown(string act) => _families.ContainsKey(Lemma(act));

    public Stance? FamilyOf(string act, bool negated)
    {
        var lemma = Lemma(act);
        if (!_families.TryGetValue(lemma, out var family))
        {
            return null;
        }

        if (!negated)
        {
            return family;
        }

        if (_negated.TryGetValue(lemma, out var explicitNegation))
        {
            return explicitNegation;
        }

        return family == Stance.Condemns ? Stance.Abstains : null;
    }

    /// <summary>Lemmas are kebab-case and lower-case: "Call for" and "call_for" are "call-for".</summary>
    public static string Lemma(string act) => IsLemma(act) ? act : string.Join('-', TextKey.Of(act).Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// Whether the act is already its own lemma (as documents almost always write it), so the
    /// lookup needs no normalizing copy: lower-case ASCII letters and digits in words joined by
    /// single hyphens, and not starting with the word "the" (which the text key drops).
    /// </summary>
    private static bool IsLemma(string act)
    {
        if (act.Length == 0 || act[0] == '-' || act[^1] == '-' || act.StartsWith("the-", StringComparison.Ordinal))
        {
            return false;
        }

        for (var i = 0; i < act.Length; i++)
        {
            var c = act[i];
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || (c == '-' && act[i - 1] != '-')))
            {
                return false;
            }
        }

        return true;
    }
}
