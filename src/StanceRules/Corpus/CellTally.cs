namespace StanceRules;

/// <summary>
/// What the articles of one (country, issue, day) said for one stance: how many gave each
/// confidence (a multiset, so merging is exact and order-free), the strongest few articles and
/// the earliest. Its size depends on the distinct confidences (at most 10,001: reports give four
/// decimals) and <see cref="CorpusOptions.ArticlesPerCell"/>, never on the number of articles.
/// </summary>
internal sealed class CellTally
{
    /// <summary>Confidences are kept in ten-thousandths, the precision of the report contract.</summary>
    public const int Scale = 10_000;

    // Confidence levels, descending, and how many articles gave each. Usually one to three entries.
    private int[] _levels = new int[2];
    private long[] _counts = new long[2];
    private int _used;

    public long Articles { get; private set; }

    public CorpusArticle? First { get; private set; }

    /// <summary>The strongest articles, in <see cref="CompareStrength"/> order.</summary>
    public List<CorpusArticle> Strongest { get; } = [];

    public static int Level(double confidence) => (int)Math.Round(Math.Clamp(confidence, 0, 1) * Scale, MidpointRounding.AwayFromZero);

    public void Add(int level, long count)
    {
        Articles += count;
        var i = 0;
        while (i < _used && _levels[i] > level)
        {
            i++;
        }

        if (i < _used && _levels[i] == level)
        {
            _counts[i] += count;
            return;
        }

        if (_used == _levels.Length)
        {
            Array.Resize(ref _levels, _used * 2);
            Array.Resize(ref _counts, _used * 2);
        }

        Array.Copy(_levels, i, _levels, i + 1, _used - i);
        Array.Copy(_counts, i, _counts, i + 1, _used - i);
        _levels[i] = level;
        _counts[i] = count;
        _used++;
    }

    /// <summary>Whether an article with this confidence, date and id would be kept (so it is worth building).</summary>
    public bool WouldKeep(int level, DateOnly published, string id, int limit) =>
        First is null || CompareEarliest(level, published, id, First) < 0
        || Strongest.Count < limit || CompareStrength(level, published, id, Strongest[^1]) < 0;

    public void Keep(CorpusArticle article, int limit)
    {
        KeepIfFirst(article);
        KeepIfStrong(article, limit);
    }

    private void KeepIfFirst(CorpusArticle article)
    {
        if (First is null || CompareEarliest(Level(article.Confidence), article.Published, article.Id, First) < 0)
        {
            First = article;
        }
    }

    private void KeepIfStrong(CorpusArticle article, int limit)
    {
        var level = Level(article.Confidence);
        if (Strongest.Count < limit || CompareStrength(level, article.Published, article.Id, Strongest[^1]) < 0)
        {
            var at = Strongest.FindIndex(kept => CompareStrength(level, article.Published, article.Id, kept) < 0);
            Strongest.Insert(at < 0 ? Strongest.Count : at, article);
            if (Strongest.Count > limit)
            {
                Strongest.RemoveAt(limit);
            }
        }
    }

    /// <summary>Adds another tally's articles (the two must not share an article).</summary>
    public void Merge(CellTally other, int limit)
    {
        for (var i = 0; i < other._used; i++)
        {
            Add(other._levels[i], other._counts[i]);
        }

        if (other.First is { } first)
        {
            KeepIfFirst(first);
        }

        foreach (var article in other.Strongest)
        {
            KeepIfStrong(article, limit);
        }
    }

    /// <summary>−ln(1 − score) of the multiset, summed from the highest confidence down (a fixed order).</summary>
    public double Weight() => Inference.ConflictPolicy.Weight(Enumerable.Range(0, _used).Select(i => ((double)_levels[i] / Scale, _counts[i])));

    // Strongest first: higher confidence, then earlier, then id (ordinal). Ids are unique in a corpus, so the order is total.
    private static int CompareStrength(int level, DateOnly published, string id, CorpusArticle kept)
    {
        var byLevel = Level(kept.Confidence).CompareTo(level);
        if (byLevel != 0)
        {
            return byLevel;
        }

        var byDate = published.CompareTo(kept.Published);
        return byDate != 0 ? byDate : string.CompareOrdinal(id, kept.Id);
    }

    // Earliest first: earlier, then higher confidence, then id.
    private static int CompareEarliest(int level, DateOnly published, string id, CorpusArticle kept)
    {
        var byDate = published.CompareTo(kept.Published);
        if (byDate != 0)
        {
            return byDate;
        }

        var byLevel = Level(kept.Confidence).CompareTo(level);
        return byLevel != 0 ? byLevel : string.CompareOrdinal(id, kept.Id);
    }
}
