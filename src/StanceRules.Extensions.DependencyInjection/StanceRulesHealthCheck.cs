using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace StanceRules.Extensions.DependencyInjection;

/// <summary>
/// The health of the rules registered with <c>AddStanceRules</c>; add it with
/// <c>services.AddHealthChecks().AddCheck&lt;StanceRulesHealthCheck&gt;("stancerules")</c>. Healthy
/// when an engine is loaded and the last reload compiled; degraded when the last edit of the rules
/// did not compile (the last good rules still answer); the registration's failure status
/// (unhealthy by default) when no engine is loaded. Its data: the rules' source (<c>rules</c>),
/// their count (<c>ruleCount</c>), when they were compiled (<c>loadedAt</c>), their age in seconds
/// (<c>ageSeconds</c>), and how the last reload went (<c>lastReloadSucceeded</c>, <c>lastReloadAt</c>,
/// <c>lastReloadErrors</c>). It never compiles the rules itself.
/// </summary>
/// <param name="engines">The engine provider <c>AddStanceRules</c> registered.</param>
/// <param name="time">The clock the rules' age is measured with; the system clock when null.</param>
public sealed class StanceRulesHealthCheck(IStanceEngineProvider engines, TimeProvider? time = null) : IHealthCheck
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <inheritdoc/>
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(engines);
        return Task.FromResult(engines is StanceEngineMonitor monitor ? Check(monitor.Status, context.Registration.FailureStatus) : CheckOther(context.Registration.FailureStatus));
    }

    private HealthCheckResult Check(StanceRulesStatus status, HealthStatus failureStatus)
    {
        if (status.Engine is null)
        {
            var why = status.LoadErrors.Count == 0
                ? $"No rules are loaded yet from {status.Rules}: the host has not started."
                : $"The rules in {status.Rules} do not compile ({status.LoadErrors.Count} errors; the first: {status.LoadErrors[0]}).";
            return new HealthCheckResult(failureStatus, why, data: new Dictionary<string, object> { ["rules"] = status.Rules, ["errors"] = status.LoadErrors.Count });
        }

        var age = _time.GetUtcNow() - status.LoadedAt!.Value;
        var data = new Dictionary<string, object>
        {
            ["rules"] = status.Rules,
            ["ruleCount"] = status.Engine.RuleIds.Count,
            ["loadedAt"] = status.LoadedAt.Value.ToString("O", CultureInfo.InvariantCulture),
            ["ageSeconds"] = Math.Round(age.TotalSeconds, 3),
            ["lastReloadSucceeded"] = status.LastReloadErrors.Count == 0,
        };
        if (status.LastReloadAt is { } reloaded)
        {
            data["lastReloadAt"] = reloaded.ToString("O", CultureInfo.InvariantCulture);
        }

        if (status.LastReloadErrors.Count > 0)
        {
            data["lastReloadErrors"] = status.LastReloadErrors.Count;
            return HealthCheckResult.Degraded(
                $"The last edit of the rules in {status.Rules} does not compile ({status.LastReloadErrors.Count} errors; the first: {status.LastReloadErrors[0]}); the rules compiled {Age(age)} ago stay in force.",
                data: data);
        }

        return HealthCheckResult.Healthy($"{status.Engine.RuleIds.Count} rules from {status.Rules}, compiled {Age(age)} ago.", data);
    }

    /// <summary>A provider other than the package's own: healthy when it gives an engine.</summary>
    private HealthCheckResult CheckOther(HealthStatus failureStatus)
    {
        try
        {
            return HealthCheckResult.Healthy($"{engines.Current.RuleIds.Count} rules loaded.");
        }
        catch (StanceRulesException e)
        {
            return new HealthCheckResult(failureStatus, $"The rules do not compile ({e.Diagnostics.Count} errors).", e);
        }
    }

    private static string Age(TimeSpan age) =>
        age < TimeSpan.FromMinutes(1) ? $"{Math.Max(0, (int)age.TotalSeconds)} s"
        : age < TimeSpan.FromHours(1) ? $"{(int)age.TotalMinutes} min"
        : age < TimeSpan.FromDays(1) ? $"{age.TotalHours:0.#} h"
        : $"{age.TotalDays:0.#} days";
}
