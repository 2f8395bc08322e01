namespace StanceRules;

/// <summary>
/// What the articles of one (country, issue, window) said for one stance: how many gave each
/// confidence (a multiset, so merging is exact and order-free), the strongest few articles and
/// the earliest. Its size depends on the distinct confidences (at most 10,001: reports give four
/// decimals) and <see cref="CorpusOptions.ArticlesPerCell"/>, never on the number of articles.
/// The tallies of one cell are a chain (<see cref="Next"/>), by stance.
/// </summary>
internal sealed class CellTally(Stance stance)
{
    /// <summary>Confidences are kept in ten-thousandths, the precision of the report contract.</summary>
    public const int Scale = 10_000;

    // There is one tally per (country, issue, window, stance) that took one, hundreds of thousands in a
    // large corpus, most with one article or a few of one confidence: a single level and a single kept
    // article are held in the tally itself; arrays only beyond (sized to what is held, grown one at a time
    // while small); kept articles as structs (KeptArticle: date, level and one UTF-8 block each).

    // Confidence levels, descending, and how many articles gave each, when more than one level was
    // given (_levels not null); while one was, it is _level and its count is Articles.
    // ushort: levels are 0 to Scale, at most Scale + 1 of them; at most 1,000 articles kept (CorpusOptions).
    private ushort _level;
    private LevelCount[]? _levels;
    private ushort _used;

    // The strongest articles, in CompareStrength order: the first _kept. While the one kept is the
    // earliest too, _strongest is null and it is _first. Shared with answers (Snapshot) until the
    // next change, which copies it first.
    private KeptArticle[]? _strongest;
    private ushort _kept;
    private bool _shared;

    // The earliest article, when there is one (HasFirst).
    private KeptArticle _first;

    /// <summary>The stance this tally counts.</summary>
    public Stance Stance => (Stance)_stance;

    private readonly byte _stance = (byte)stance;

    private bool HasFirst => !_first.IsNone;

    /// <summary>The cell's tally of the next stance (in stance order), or null.</summary>
    public CellTally? Next { get; set; }

    public long Articles { get; private set; }

    /// <summary>The strongest articles, in <see cref="CompareStrength"/> order.</summary>
    public ReadOnlySpan<KeptArticle> Strongest =>
        _strongest is null ? new ReadOnlySpan<KeptArticle>(in _first)[.._kept] : _strongest.AsSpan(0, _kept);

    /// <summary>The tally of <paramref name="stance"/> in the chain from <paramref name="head"/>, linked in stance order when missing.</summary>
    public static CellTally Find(ref CellTally? head, Stance stance)
    {
        if (head is null || head.Stance > stance)
        {
            return head = new CellTally(stance) { Next = head };
        }

        var at = head;
        while (at.Stance != stance)
        {
            if (at.Next is null || at.Next.Stance > stance)
            {
                return at.Next = new CellTally(stance) { Next = at.Next };
            }

            at = at.Next;
        }

        return at;
    }

    /// <summary>A new chain holding what the chain from <paramref name="head"/> holds, which stays unchanged.</summary>
    public static CellTally Copy(CellTally head, int limit)
    {
        CellTally? copy = null;
        for (var tally = head; tally is not null; tally = tally.Next)
        {
            Find(ref copy, tally.Stance).Merge(tally, limit);
        }

        return copy!;
    }

    public static int Level(double confidence) => (int)Math.Round(Math.Clamp(confidence, 0, 1) * Scale, MidpointRounding.AwayFromZero);

    public void Add(int level, long count)
    {
        if (_levels is null)
        {
            if (Articles == 0 || level == _level)
            {
                (_level, Articles) = ((ushort)level, Articles + count);
                return;
            }

            // A second level: the multiset moves to an array.
            (_levels, _used) = ([new LevelCount { Value = _level, Count = Articles }], 1);
        }

        Articles += count;
        // Binary search of the descending levels: a tally of a long window may hold thousands.
        var (i, end) = (0, (int)_used);
        while (i < end)
        {
            var middle = (i + end) >>> 1;
            if (_levels[middle].Value > level)
            {
                i = middle + 1;
            }
            else
            {
                end = middle;
            }
        }

        if (i < _used && _levels[i].Value == level)
        {
            _levels[i].Count += count;
            return;
        }

        if (_used == _levels.Length)
        {
            Array.Resize(ref _levels, Grown(_used));
        }

        Array.Copy(_levels, i, _levels, i + 1, _used - i);
        _levels[i] = new LevelCount { Value = level, Count = count };
        _used++;
    }

    // One more while small (most tallies stay at one or two), doubling beyond.
    private static int Grown(int length) => length < 4 ? length + 1 : length * 2;

    /// <summary>Whether an article with this confidence, date and id would be kept (so it is worth building).</summary>
    public bool WouldKeep(int level, DateOnly published, string id, int limit) =>
        !HasFirst || CompareEarliest(level, published, id, _first) < 0
        || _kept < limit || CompareStrength(level, published, id, Strongest[_kept - 1]) < 0;

    /// <summary>Keeps the article where it ranks; <paramref name="id"/> is its id (as held by the article).</summary>
    public void Keep(in KeptArticle article, string id, int limit)
    {
        KeepIfFirst(article, id);
        KeepIfStrong(article, id, limit);
    }

    private void KeepIfFirst(in KeptArticle article, string id)
    {
        if (!HasFirst || CompareEarliest(article.Level, article.Published, id, _first) < 0)
        {
            if (_strongest is null && _kept == 1)
            {
                // The strongest was the earliest, which is about to change: it moves to an array.
                (_strongest, _shared) = ([_first], false);
            }

            _first = article;
        }
    }

    private void KeepIfStrong(in KeptArticle article, string id, int limit)
    {
        if (_kept == 0 && article.SameAs(_first))
        {
            // The first article kept: the earliest too, held once.
            _kept = 1;
            return;
        }

        var level = article.Level;
        if (_kept == limit && CompareStrength(level, article.Published, id, Strongest[_kept - 1]) >= 0)
        {
            return;
        }

        var at = 0;
        while (at < _kept && CompareStrength(level, article.Published, id, Strongest[at]) >= 0)
        {
            at++;
        }

        if (_strongest is null)
        {
            // A new array, of the one held in the tally (if any) and the new one.
            _strongest = new KeptArticle[Math.Min(Grown(_kept), limit)];
            if (_kept == 1)
            {
                _strongest[0] = _first;
            }

            _shared = false;
        }
        else if (_kept < limit && _kept == _strongest.Length)
        {
            // A new array: an answer that shares the old one keeps it unchanged.
            Array.Resize(ref _strongest, Math.Min(Grown(_kept), limit));
            _shared = false;
        }
        else if (_shared)
        {
            _strongest = (KeptArticle[])_strongest.Clone();
            _shared = false;
        }

        _kept = (ushort)Math.Min(_kept + 1, limit);

        // The weakest falls off the end when the tally was full.
        Array.Copy(_strongest, at, _strongest, at + 1, _kept - 1 - at);
        _strongest[at] = article;
    }

    /// <summary>Adds another tally's articles (the two must not share an article).</summary>
    public void Merge(CellTally other, int limit)
    {
        if (other._levels is null)
        {
            Add(other._level, other.Articles);
        }
        else
        {
            for (var i = 0; i < other._used; i++)
            {
                Add(other._levels[i].Value, other._levels[i].Count);
            }
        }

        if (other.HasFirst)
        {
            KeepIfFirst(other._first, other._first.Id());
        }

        foreach (ref readonly var article in other.Strongest)
        {
            KeepIfStrong(article, article.Id(), limit);
        }
    }

    /// <summary>
    /// The strongest and earliest articles as they are now, for an answer that must not change
    /// when more are added: the array is shared until this tally next changes it, which copies it
    /// first. A null array with a count of one: the strongest is the earliest.
    /// </summary>
    public (KeptArticle[]? Strongest, int Count, KeptArticle First) Snapshot()
    {
        _shared = true;
        return (_strongest, _kept, _first);
    }

    /// <summary>−ln(1 − score) of the multiset, summed from the highest confidence down (a fixed order).</summary>
    public double Weight() => _levels is null
        ? Inference.ConflictPolicy.Weight([((double)_level / Scale, Articles)])
        : Inference.ConflictPolicy.Weight(_levels.Take(_used).Select(l => ((double)l.Value / Scale, l.Count)));

    // Strongest first: higher confidence, then earlier, then id (ordinal). Ids are unique in a corpus, so the order is total.
    private static int CompareStrength(int level, DateOnly published, string id, in KeptArticle kept)
    {
        var byLevel = kept.Level.CompareTo(level);
        if (byLevel != 0)
        {
            return byLevel;
        }

        var byDate = published.CompareTo(kept.Published);
        return byDate != 0 ? byDate : kept.CompareIdTo(id);
    }

    // Earliest first: earlier, then higher confidence, then id.
    private static int CompareEarliest(int level, DateOnly published, string id, in KeptArticle kept)
    {
        var byDate = published.CompareTo(kept.Published);
        if (byDate != 0)
        {
            return byDate;
        }

        var byLevel = kept.Level.CompareTo(level);
        return byLevel != 0 ? byLevel : kept.CompareIdTo(id);
    }

    private struct LevelCount
    {
        public int Value;
        public long Count;
    }
}
