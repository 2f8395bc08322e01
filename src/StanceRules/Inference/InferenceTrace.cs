using NRules;
using StanceRules.Rules;

namespace StanceRules.Inference;

/// <summary>
/// What one inference did beyond its report, for rule tests and explanations: the resolved
/// copies of the input facts the session matched, the rules that fired, and the session itself
/// (so its working memory, derived claims and signals included, can be read afterwards).
/// Pass one to <see cref="Inferrer.Run"/>; it is filled as the inference runs.
/// </summary>
internal sealed class InferenceTrace
{
    private readonly List<Fact> _facts = [];
    private readonly HashSet<string> _fired = new(StringComparer.Ordinal);
    private readonly List<object> _produced = [];
    private ISession? _session;

    /// <summary>The input facts as the session matched them: actor resolved, issue inferred, lexicon applied. Unresolved actors are absent.</summary>
    public IReadOnlyList<Fact> ResolvedFacts => _facts;

    /// <summary>The ids of the rules that fired at least once (even if what they produced was later retracted).</summary>
    public IReadOnlySet<string> FiredRules => _fired;

    /// <summary>Where the indexed matcher records the rules it fired.</summary>
    internal ISet<string> Fired => _fired;

    /// <summary>Everything in working memory after inference: input facts, derived facts, signals.</summary>
    /// <remarks>
    /// Every resolved input fact first, in order, whether or not it entered a session (the indexed
    /// matcher leaves out facts no Rete rule can use); then what the rules derived, wherever they ran,
    /// ordered by the input facts behind each item (in document order), then the chain of rules
    /// that made it: an order that does not depend on the order rules fired in.
    /// </remarks>
    public IReadOnlyList<object> WorkingMemory
    {
        get
        {
            var order = new Dictionary<object, int>(ReferenceEqualityComparer.Instance);
            for (var i = 0; i < _facts.Count; i++)
            {
                order[_facts[i]] = i;
            }

            var derived = new List<object>(_produced.Count);
            if (_session is not null)
            {
                derived.AddRange(_session.Query<object>().AsEnumerable().Where(o => !order.ContainsKey(o)));
            }

            derived.AddRange(_produced);
            var memory = new List<object>(_facts.Count + derived.Count);
            memory.AddRange(_facts);
            memory.AddRange(derived.Select(d => (Item: d, Key: Origin(d, order))).OrderBy(d => d.Key, OriginComparer.Instance).Select(d => d.Item));
            return memory;
        }
    }

    /// <summary>The input facts (as positions in the document) and the rules behind a derived item.</summary>
    private static (int[] Facts, IReadOnlyList<string> Rules) Origin(object item, Dictionary<object, int> order)
    {
        static int[] Positions(IEnumerable<Fact> facts, Dictionary<object, int> order) => facts.Select(f => order.GetValueOrDefault(f, int.MaxValue)).ToArray();
        return item switch
        {
            StanceSignal signal => (Positions(signal.SourceFacts, order), signal.Rules),
            UnattributedSignal lost => (Positions(lost.Facts, order), [lost.Rule]),
            Fact fact => (Positions(fact.Sources, order), fact.DerivedBy),
            _ => ([], []),
        };
    }

    private sealed class OriginComparer : IComparer<(int[] Facts, IReadOnlyList<string> Rules)>
    {
        public static readonly OriginComparer Instance = new();

        public int Compare((int[] Facts, IReadOnlyList<string> Rules) x, (int[] Facts, IReadOnlyList<string> Rules) y)
        {
            for (var i = 0; i < x.Facts.Length && i < y.Facts.Length; i++)
            {
                if (x.Facts[i] != y.Facts[i])
                {
                    return x.Facts[i].CompareTo(y.Facts[i]);
                }
            }

            var c = x.Facts.Length.CompareTo(y.Facts.Length);
            return c != 0 ? c : ConflictPolicy.CompareChains(x.Rules, y.Rules);
        }
    }

    /// <summary>Called by the inferrer once the session holds the resolved facts and before it fires.</summary>
    /// <param name="session">The session, or null when no NRules rule could match and none was created.</param>
    /// <param name="resolved">The resolved input facts.</param>
    public void Attach(ISession? session, IEnumerable<Fact> resolved)
    {
        _session = session;
        _facts.AddRange(resolved);
        if (session is not null)
        {
            session.Events.RuleFiredEvent += (_, e) => _fired.Add(e.Rule.Name);
        }
    }

    /// <summary>Forgets what was recorded: the inferrer starts the article again on the reference path.</summary>
    public void Restart()
    {
        _facts.Clear();
        _fired.Clear();
        _produced.Clear();
        _session = null;
    }

    /// <summary>Called by the inferrer with what the indexed matcher produced that did not enter the session.</summary>
    public void AddProduced(IEnumerable<object> produced) => _produced.AddRange(produced);
}
