using System.Collections.Concurrent;
using NRules;

namespace StanceRules.Inference;

/// <summary>
/// NRules sessions kept between inferences. Creating a session builds the memory of every node
/// of the network, which costs more than the facts of an article once rule sets grow (about
/// 180 us and 430 KB at 1,000 rules: benchmarks <c>--sessions</c>); an emptied session is ready
/// for the next article at the cost of retracting the last one's facts.
/// </summary>
/// <remarks>
/// A session is returned only after it is proved empty: its input facts retracted (NRules then
/// retracts what rules inserted linked to them: claims, signals, and what was derived from
/// those), its working memory and its agenda empty. Anything else (a rule set whose new session
/// already has an activation, such as a rule over only <c>not</c>, or a session stopped by a
/// limit, an exception or cancellation) is dropped, and the next inference gets a new session,
/// as it did before sessions were pooled. Thread-safe; at most <see cref="Capacity"/> idle sessions are kept.
/// </remarks>
internal sealed class SessionPool
{
    private readonly ISessionFactory _factory;
    private readonly ConcurrentBag<BudgetedSession> _idle = [];
    private int _idleCount;
    private int _reusable = -1; // unknown until the first session is created

    public SessionPool(ISessionFactory factory)
    {
        _factory = factory;
        Capacity = Math.Max(4, 2 * Environment.ProcessorCount);
    }

    /// <summary>The most idle sessions kept (twice the processors, at least 4): enough for every thread of a parallel batch.</summary>
    public int Capacity { get; }

    /// <summary>An idle session, or a new one.</summary>
    public BudgetedSession Rent()
    {
        if (_idle.TryTake(out var idle))
        {
            Interlocked.Decrement(ref _idleCount);
            return idle;
        }

        var created = new BudgetedSession(_factory.CreateSession());
        if (_reusable < 0)
        {
            // A rule set whose empty session already has a match (a rule with only `not`
            // patterns) fires it in every new session: such sessions are never reused.
            _reusable = created.Session.Agenda.IsEmpty ? 1 : 0;
        }

        return created;
    }

    /// <summary>Hands a session back: <paramref name="inputFacts"/> are retracted, and the session kept if it is then empty. Null: drop it.</summary>
    public void Return(BudgetedSession slot, IReadOnlyList<Fact>? inputFacts)
    {
        if (inputFacts is null || _reusable != 1 || Volatile.Read(ref _idleCount) >= Capacity)
        {
            return;
        }

        slot.Budget.Disarm();
        try
        {
            slot.Session.RetractAll(inputFacts);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return; // a session NRules cannot empty is not reused
        }

        if (!slot.Session.Agenda.IsEmpty || !IsEmpty(slot.Session))
        {
            return;
        }

        Interlocked.Increment(ref _idleCount);
        _idle.Add(slot);
    }

    private static bool IsEmpty(ISession session)
    {
        // Enumerated, not Queryable.Any: NRules' Query is an EnumerableQuery, whose operators compile.
        using var facts = ((IEnumerable<object>)session.Query<object>()).GetEnumerator();
        return !facts.MoveNext();
    }
}
