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
    // large corpus, most with one article or a few of one confidence: a single level is held in the
    // tally itself, an array only beyond (sized to what is held, grown one at a time while small);
    // the kept articles as entries of one array (KeptArticle: date, level, id and evidence as UTF-8).

    // Confidence levels, descending, and how many articles gave each, when more than one level was
    // given (_levels not null); while one was, it is _level and its count is Articles.
    // ushort: levels are 0 to Scale, at most Scale + 1 of them; at most 1,000 articles kept (CorpusOptions).
    private ushort _level;
    private LevelCount[]? _levels;
    private ushort _used;

    // The strongest articles, in CompareStrength order: _kept entries one after the other (the array
    // may be longer). Changed in place while no answer holds it, when the change fits; once an answer
    // holds it (Snapshot: _shared) it is never changed again, and a change writes a new array. In
    // place, a full tally that keeps a new article and drops its weakest makes no garbage: a corpus by
    // day over years does that millions of times, and the arrays replaced would be old-generation garbage.
    private byte[]? _strongest;
    private ushort _kept;
    private bool _shared;

    // The earliest article, when there is one (HasFirst): an entry of _strongest when it is among
    // them, else in an array of its own.
    private KeptArticle _first;

    /// <summary>The stance this tally counts.</summary>
    public Stance Stance => (Stance)_stance;

    private readonly byte _stance = (byte)stance;

    private bool HasFirst => !_first.IsNone;

    /// <summary>The cell's tally of the next stance (in stance order), or null.</summary>
    public CellTally? Next { get; set; }

    public long Articles { get; private set; }

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

            // A second level: the multiset moves to an array, with room for the one coming (not an array of one, replaced at once).
            (_levels, _used) = ([new LevelCount { Value = _level, Count = Articles }, default], 1);
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
        || _kept < limit || CompareStrength(level, published, id, Weakest()) < 0;

    /// <summary>Keeps the article where it ranks; <paramref name="id"/> is its id (as held by the article), which is in an array of its own, given to the tally.</summary>
    public void Keep(in KeptArticle article, string id, int limit)
    {
        KeepIfFirst(article, id);
        KeepIfStrong(article, id, limit, owned: true);
    }

    private void KeepIfFirst(in KeptArticle article, string id)
    {
        if (!HasFirst || CompareEarliest(article.Level, article.Published, id, _first) < 0)
        {
            _first = article;
        }
    }

    // owned: the article's array is the tally's to keep and change (else it is another tally's, or an answer's).
    private void KeepIfStrong(in KeptArticle article, string id, int limit, bool owned)
    {
        if (_kept == 0)
        {
            // The first article kept: its own array is the tally's (and the earliest's, when it is that too).
            var alone = article.Alone();
            (_strongest, _kept, _shared) = (alone.Data, 1, !owned && ReferenceEquals(alone.Data, article.Data));
            _first = _first.SameAs(article) ? alone : _first;
            return;
        }

        // Where it ranks (the first entry it is stronger than), and where the weakest starts.
        var (level, published) = (article.Level, article.Published);
        var (into, weakest, end) = (-1, 0, 0);
        for (var i = 0; i < _kept; i++)
        {
            weakest = end;
            var entry = KeptArticle.Next(_strongest!, ref end);
            if (into < 0 && CompareStrength(level, published, id, entry) < 0)
            {
                into = weakest;
            }
        }

        if (into < 0)
        {
            if (_kept == limit)
            {
                return;
            }

            into = end;
        }

        // The stronger entries, this one, the weaker ones (all but the weakest when full): in place when
        // no answer holds the array and they fit, else in a new array.
        var kept = _kept == limit ? weakest : end;
        var length = article.Length;
        if (!_shared && kept + length <= _strongest!.Length)
        {
            KeepInPlace(article, into, kept, length, limit);
            return;
        }

        var strongest = new byte[kept + length];
        _strongest.AsSpan(0, into).CopyTo(strongest);
        article.Bytes.CopyTo(strongest.AsSpan(into));
        _strongest.AsSpan(into, kept - into).CopyTo(strongest.AsSpan(into + length));

        // The earliest follows its entry into the new array, or keeps its own when it fell off the end.
        if (_first.SameAs(article))
        {
            _first = KeptArticle.At(strongest, into);
        }
        else if (_first.IsIn(_strongest))
        {
            var at = _first.Offset;
            _first = at < into ? KeptArticle.At(strongest, at) : at < kept ? KeptArticle.At(strongest, at + length) : _first.Alone();
        }

        (_strongest, _kept, _shared) = (strongest, (ushort)Math.Min(_kept + 1, limit), false);
    }

    /// <summary>Puts the article at <paramref name="into"/> of the array, the entries from there to <paramref name="kept"/> moved after it (the rest dropped).</summary>
    private void KeepInPlace(in KeptArticle article, int into, int kept, int length, int limit)
    {
        var strongest = _strongest!;
        // The earliest is the new article, or stays where it was, or moves with the entries after it, or
        // (the weakest, dropped) goes to an array of its own before its bytes are written over.
        var firstAt = _first.SameAs(article) ? into : _first.IsIn(strongest) ? (_first.Offset < into ? _first.Offset : _first.Offset < kept ? _first.Offset + length : -1) : -2;
        if (firstAt == -1)
        {
            _first = _first.Copied();
        }

        strongest.AsSpan(into, kept - into).CopyTo(strongest.AsSpan(into + length));
        article.Bytes.CopyTo(strongest.AsSpan(into));
        if (firstAt >= 0)
        {
            _first = KeptArticle.At(strongest, firstAt);
        }

        _kept = (ushort)Math.Min(_kept + 1, limit);
    }

    /// <summary>The weakest kept article (there is one).</summary>
    private KeptArticle Weakest()
    {
        var at = 0;
        for (var i = 1; i < _kept; i++)
        {
            KeptArticle.Next(_strongest!, ref at);
        }

        return KeptArticle.At(_strongest!, at);
    }

    /// <summary>Adds another tally's articles (the two must not share an article).</summary>
    public void Merge(CellTally other, int limit)
    {
        // This tally may hold the other's arrays from now on (its earliest, or its only entry): never changed again.
        other._shared = true;
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

        for (var (i, at) = (0, 0); i < other._kept; i++)
        {
            var article = KeptArticle.Next(other._strongest!, ref at);
            KeepIfStrong(article, article.Id(), limit, owned: false);
        }

        // An earliest taken from the other tally and not among the strongest here: its own array, not the other's.
        if (HasFirst && !_first.IsIn(_strongest))
        {
            _first = _first.Alone();
        }
    }

    /// <summary>
    /// This tally for merging into a corpus whose evidence file is <paramref name="to"/>: itself when
    /// its kept articles' evidence is not in a file or already there, else a copy whose kept articles'
    /// evidence was copied from <paramref name="from"/> into <paramref name="to"/> (the earliest the
    /// copy of its entry among the strongest when it is one of them).
    /// </summary>
    public CellTally WithEvidenceIn(EvidenceFile? to, EvidenceFile? from)
    {
        if (to is null || from is null || ReferenceEquals(to, from))
        {
            return this;
        }

        var moved = (CellTally)MemberwiseClone();
        moved.Next = null;
        moved._first = _first.IsIn(_strongest) || _first.IsNone ? default : _first.MovedTo(to, from);
        if (_kept > 0)
        {
            // The moved entries, then one array of them, in order; the earliest's offset counted on the way.
            var entries = new KeptArticle[_kept];
            var (firstAt, length) = (-1, 0);
            for (var (i, at) = (0, 0); i < _kept; i++)
            {
                firstAt = _first.IsIn(_strongest) && _first.Offset == at ? length : firstAt;
                entries[i] = KeptArticle.Next(_strongest!, ref at).MovedTo(to, from);
                length += entries[i].Length;
            }

            moved._strongest = new byte[length];
            var written = 0;
            foreach (var entry in entries)
            {
                entry.Bytes.CopyTo(moved._strongest.AsSpan(written));
                written += entry.Length;
            }

            moved._first = firstAt >= 0 ? KeptArticle.At(moved._strongest, firstAt) : moved._first;
        }

        return moved;
    }

    /// <summary>
    /// The strongest and earliest articles as they are now, for an answer that must not change
    /// when more are added: the array of the strongest is shared, and never changed from now on.
    /// </summary>
    public (byte[]? Strongest, int Count, KeptArticle First) Snapshot()
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

    // A level (0 to Scale: 14 bits) and its count (50 bits) in 8 bytes, not 16: a corpus by day over
    // years holds hundreds of thousands of these arrays, most of two levels.
    private struct LevelCount
    {
        private const int LevelBits = 14;
        private const long MaxCount = (1L << (64 - LevelBits)) - 1;

        private ulong _packed;

        public int Value
        {
            readonly get => (int)(_packed & ((1UL << LevelBits) - 1));
            init => _packed = (_packed & ~((1UL << LevelBits) - 1)) | (uint)value;
        }

        public long Count
        {
            readonly get => (long)(_packed >> LevelBits);
            set => _packed = (_packed & ((1UL << LevelBits) - 1)) | ((ulong)(value is >= 0 and <= MaxCount ? value : throw new OverflowException($"More than {MaxCount:N0} articles of one confidence in one window.")) << LevelBits);
        }
    }
}
