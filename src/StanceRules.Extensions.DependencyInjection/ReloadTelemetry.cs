using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace StanceRules.Extensions.DependencyInjection;

/// <summary>
/// The reload measurements, on a meter and an activity source of the same name as the library's
/// (<c>StanceRules</c>), so one subscription takes both (docs/telemetry.md).
/// </summary>
internal static class ReloadTelemetry
{
    public const string Name = "StanceRules";

    /// <summary>The activity of one reload: the compile of the edited folder.</summary>
    public const string ReloadActivity = "StanceRules.Reload";

    private static readonly string? Version = typeof(ReloadTelemetry).Assembly.GetName().Version?.ToString();

    public static readonly ActivitySource Source = new(Name, Version);

    public static readonly Meter Meter = new(Name, Version);

    public static readonly Counter<long> Reloads = Meter.CreateCounter<long>(
        "stancerules.ruleset.reloads", "{reload}", "The reloads of an edited rules folder; error.type is set on those that did not compile (the last good rules stay).");

    public static void Record(string? errorType, Activity? activity)
    {
        if (Reloads.Enabled)
        {
            if (errorType is null)
            {
                Reloads.Add(1);
            }
            else
            {
                Reloads.Add(1, new KeyValuePair<string, object?>("error.type", errorType));
            }
        }

        if (activity is not null && errorType is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error);
            activity.SetTag("error.type", errorType);
        }
    }
}
