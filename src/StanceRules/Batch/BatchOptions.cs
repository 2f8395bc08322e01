namespace StanceRules;

/// <summary>How a batch inference uses the machine: workers, and how far it may read ahead.</summary>
public sealed class BatchOptions
{
    private readonly int _maxDegreeOfParallelism = Environment.ProcessorCount;
    private readonly int _maxPending;

    /// <summary>How many articles are read and inferred at once. Default: <see cref="Environment.ProcessorCount"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Less than 1 or more than 4,096.</exception>
    public int MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        init
        {
            _maxDegreeOfParallelism = OptionRange.Check(value, 1, 4096, nameof(BatchOptions), nameof(MaxDegreeOfParallelism));
        }
    }

    /// <summary>
    /// The most articles taken from the input and not yet handed to the consumer (queued, being
    /// inferred, or finished and waiting for an earlier article), which bounds the memory a batch
    /// holds however long its input. Default (0): four per worker; never fewer than
    /// <see cref="MaxDegreeOfParallelism"/>, so every worker can be busy.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative or more than 1,000,000.</exception>
    public int MaxPending
    {
        get => _maxPending > 0 ? Math.Max(_maxPending, MaxDegreeOfParallelism) : 4 * MaxDegreeOfParallelism;
        init
        {
            _maxPending = OptionRange.Check(value, 0, 1_000_000, nameof(BatchOptions), nameof(MaxPending));
        }
    }
}
