using NRules;

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

    /// <summary>Everything in the session's working memory after inference: input facts, derived facts, signals.</summary>
    /// <remarks>
    /// Every resolved input fact first, in order, whether or not it entered the session (the indexed
    /// matcher leaves out facts no Rete rule can use); then what the session derived; then what the
    /// indexed matcher produced outside it. With every fact in the session this is the session's own order.
    /// </remarks>
    public IReadOnlyList<object> WorkingMemory
    {
        get
        {
            var memory = new List<object>(_facts);
            if (_session is not null)
            {
                var input = new HashSet<object>(_facts, ReferenceEqualityComparer.Instance);
                memory.AddRange(_session.Query<object>().AsEnumerable().Where(o => !input.Contains(o)));
            }

            memory.AddRange(_produced);
            return memory;
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

    /// <summary>Called by the inferrer with what the indexed matcher produced that did not enter the session.</summary>
    public void AddProduced(IEnumerable<object> produced) => _produced.AddRange(produced);
}
