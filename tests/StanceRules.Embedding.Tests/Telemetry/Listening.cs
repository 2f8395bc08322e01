using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace StanceRules.Embedding.Tests.Telemetry;

/// <summary>
/// The telemetry tests run one at a time, after the others: a listener sees every inference of the
/// process, so another test's inferences would count in its measurements.
/// </summary>
[CollectionDefinition(nameof(Listening), DisableParallelization = true)]
public sealed class Listening
{
}

/// <summary>Every measurement of the <c>StanceRules</c> meter while it is alive.</summary>
internal sealed class Measurements : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(Instrument Instrument, double Value, Dictionary<string, object?> Tags)> _taken = new();

    public Measurements()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "StanceRules")
            {
                Published.Add(instrument);
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Take(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Take(instrument, value, tags));
        _listener.Start();
    }

    public ConcurrentBag<Instrument> Published { get; } = [];

    /// <summary>The measurements of one instrument, in the order taken.</summary>
    public IReadOnlyList<(double Value, Dictionary<string, object?> Tags)> Of(string name) =>
        _taken.Where(m => m.Instrument.Name == name).Select(m => (m.Value, m.Tags)).ToArray();

    public double Sum(string name) => Of(name).Sum(m => m.Value);

    public void Dispose() => _listener.Dispose();

    private void Take(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        _taken.Enqueue((instrument, value, copy));
    }
}

/// <summary>Every activity of the <c>StanceRules</c> source that stopped while it is alive.</summary>
internal sealed class Activities : IDisposable
{
    private readonly ActivityListener _listener;

    public Activities()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "StanceRules",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public ConcurrentQueue<Activity> Stopped { get; } = new();

    public void Dispose() => _listener.Dispose();
}
