using StanceRules.Knowledge;

namespace StanceRules;

// What a fact producer outside the library (a model-backed extractor, an annotation tool) needs
// to write facts this engine understands: the lexicon's acts and the issue catalogue's ids.
public sealed partial class StanceEngine
{
    /// <summary>The lexicon's act lemmas (kebab-case), each with the stance family it expresses when not negated (null: none).</summary>
    public IReadOnlyDictionary<string, Stance?> Acts => _rules.Lexicon.Families;

    /// <summary>The issue catalogue's issue ids, in ordinal order.</summary>
    public IReadOnlyList<string> IssueIds => _rules.Issues.Issues.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>
    /// The lexicon's lemma for an act as written ("Call for", "call_for", "CALL-FOR" are <c>call-for</c>), as inference
    /// normalizes a statement's act; null when the lexicon does not know the act.
    /// </summary>
    /// <param name="act">The act as written.</param>
    public string? NormalizeAct(string act)
    {
        ArgumentNullException.ThrowIfNull(act);
        var lemma = Lexicon.Lemma(act);
        return _rules.Lexicon.IsKnown(lemma) ? lemma : null;
    }

    /// <summary>
    /// The agent role the extraction patterns (<c>extraction.agents</c>) give an actor as written: its last agent word's
    /// role when only titles follow that word ("Egyptian police": <c>COP</c>; "Afghan rebel leaders": <c>REB</c>);
    /// null when the actor may speak for a state. An agent is coded with the country its words name but never gives a
    /// stance: a producer of facts should write no stance act for one (the text extractor writes none).
    /// </summary>
    /// <param name="actor">The actor as written.</param>
    public string? AgentRole(string actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var words = TextKey.Of(actor).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var w = words.Length - 1; w >= 0; w--)
        {
            if (_rules.Extraction.Agents.TryGetValue(words[w], out var role))
            {
                return role;
            }

            if (!_rules.Extraction.Titles.Contains(words[w]))
            {
                break;
            }
        }

        return null;
    }
}
