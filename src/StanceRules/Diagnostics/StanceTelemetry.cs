using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace StanceRules;

/// <summary>
/// The library's metrics and traces, as .NET libraries publish theirs (HttpClient's
/// <c>System.Net.Http</c>, Polly's <c>Polly</c>): one static <see cref="Meter"/> and one
/// <see cref="ActivitySource"/>, both named <see cref="Name"/>, instruments named and measured
/// after OpenTelemetry's semantic conventions (dotted lower-case names, seconds for durations,
/// <c>{unit}</c> annotations for counts, <c>error.type</c> on failures). docs/telemetry.md lists them.
/// </summary>
/// <remarks>
/// Nothing is measured, timed or allocated when nobody listens: every call site asks
/// <see cref="IsInferenceObserved"/> (or an instrument's <c>Enabled</c>) first, and
/// <see cref="ActivitySource.StartActivity(string, ActivityKind)"/> returns null without a listener.
/// </remarks>
internal static class StanceTelemetry
{
    /// <summary>The name of the meter and of the activity source: what a listener subscribes to.</summary>
    public const string Name = "StanceRules";

    /// <summary>The activity of one inference (<see cref="StanceEngine.Infer"/>, alone or in a batch).</summary>
    public const string InferActivity = "StanceRules.Infer";

    /// <summary>The activity of one batch, from its first read to its last result.</summary>
    public const string BatchActivity = "StanceRules.Batch";

    private static readonly string? Version = typeof(StanceTelemetry).Assembly.GetName().Version?.ToString();

    public static readonly ActivitySource Source = new(Name, Version);

    public static readonly Meter Meter = new(Name, Version);

    public static readonly Histogram<double> InferenceDuration = Meter.CreateHistogram<double>(
        "stancerules.inference.duration",
        "s",
#if NET9_0_OR_GREATER
        "The duration of inferences, one article each; its count is the number of inferences.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });
#else
        "The duration of inferences, one article each; its count is the number of inferences.");
#endif

    public static readonly Counter<long> Facts = Meter.CreateCounter<long>(
        "stancerules.inference.facts", "{fact}", "The facts of the articles inferred (as given, before actor resolution).");

    public static readonly Counter<long> Signals = Meter.CreateCounter<long>(
        "stancerules.inference.signals", "{signal}", "The stance signals the rules emitted.");

    public static readonly Counter<long> Firings = Meter.CreateCounter<long>(
        "stancerules.rule.firings", "{firing}", "The rule firings of the inferences that completed.");

    public static readonly Counter<long> Limits = Meter.CreateCounter<long>(
        "stancerules.inference.limits", "{inference}", "The inferences stopped at a limit; stancerules.limit names it.");

    public static readonly Counter<long> BatchDocuments = Meter.CreateCounter<long>(
        "stancerules.batch.documents", "{document}", "The documents a batch has finished, in any outcome; error.type is set on the failed ones.");

    public static readonly UpDownCounter<long> BatchActive = Meter.CreateUpDownCounter<long>(
        "stancerules.batch.active", "{document}", "The documents of batches started and not yet finished.");

    /// <summary>True when a listener takes any of an inference's measurements or its activity.</summary>
    public static bool IsInferenceObserved =>
        InferenceDuration.Enabled || Facts.Enabled || Signals.Enabled || Firings.Enabled || Limits.Enabled || Source.HasListeners();

    /// <summary>Starts timing an inference; call only when <see cref="IsInferenceObserved"/>.</summary>
    public static InferenceScope StartInference(string article, int facts)
    {
        var activity = Source.StartActivity(InferActivity, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.DisplayName = "infer";
            activity.SetTag("stancerules.article.id", article);
            activity.SetTag("stancerules.facts", facts);
        }

        return new InferenceScope(activity, Stopwatch.GetTimestamp(), facts);
    }

    /// <summary>Counts a batch document finished: failed (with its error type) or not.</summary>
    public static void BatchDocumentDone(string? errorType)
    {
        if (BatchDocuments.Enabled)
        {
            if (errorType is null)
            {
                BatchDocuments.Add(1);
            }
            else
            {
                BatchDocuments.Add(1, new KeyValuePair<string, object?>("error.type", errorType));
            }
        }
    }

    /// <summary>One inference being measured: ends with <see cref="Complete"/> or <see cref="Fail"/>.</summary>
    internal readonly struct InferenceScope(Activity? activity, long started, int facts)
    {
        public void Complete(int firings, int signals, int stances)
        {
            InferenceDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
            Facts.Add(facts);
            Signals.Add(signals);
            Firings.Add(firings);
            if (activity is not null)
            {
                if (activity.IsAllDataRequested)
                {
                    activity.SetTag("stancerules.rule.firings", firings);
                    activity.SetTag("stancerules.signals", signals);
                    activity.SetTag("stancerules.stances", stances);
                }

                activity.Dispose();
            }
        }

        /// <param name="error">What stopped the inference.</param>
        /// <param name="limit">The limit that stopped it (<see cref="StanceLimits"/>' or <see cref="StanceEngineOptions"/>' property name), if one did.</param>
        public void Fail(Exception error, string? limit)
        {
            var errorType = error.GetType().FullName ?? error.GetType().Name;
            InferenceDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("error.type", errorType));
            Facts.Add(facts);
            if (limit is not null)
            {
                Limits.Add(1, new KeyValuePair<string, object?>("stancerules.limit", limit));
            }

            if (activity is not null)
            {
                activity.SetStatus(ActivityStatusCode.Error, error.Message);
                if (activity.IsAllDataRequested)
                {
                    activity.SetTag("error.type", errorType);
                    if (limit is not null)
                    {
                        activity.SetTag("stancerules.limit", limit);
                    }
                }

                activity.Dispose();
            }
        }
    }
}
