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
    private ISession? _session;

    /// <summary>The input facts as the session matched them: actor resolved, issue inferred, lexicon applied. Unresolved actors are absent.</summary>
    public IReadOnlyList<Fact> ResolvedFacts => _facts;

    /// <summary>The ids of the rules that fired at least once (even if what they produced was later retracted).</summary>
    public IReadOnlySet<string> FiredRules => _fired;

    /// <summary>Everything in the session's working memory after inference: input facts, derived facts, signals.</summary>
    public IReadOnlyList<object> WorkingMemory => _session?.Query<object>().ToList() ?? (IReadOnlyList<object>)_facts;

    /// <summary>Called by the inferrer once the session holds the resolved facts and before it fires.</summary>
    public void Attach(ISession session, IEnumerable<Fact> resolved)
    {
        _session = session;
        _facts.AddRange(resolved);
        session.Events.RuleFiredEvent += (_, e) => _fired.Add(e.Rule.Name);
    }
}
