using Microsoft.Extensions.Options;

namespace StanceRules.Extensions.DependencyInjection;

/// <summary>
/// Checks <see cref="StanceRulesOptions"/> when they are first read (and, with <c>ValidateOnStart</c>,
/// when the host starts): a bad value is an <see cref="OptionsValidationException"/> naming the option,
/// whether it was set in code or bound from configuration.
/// </summary>
internal sealed class StanceRulesOptionsValidator : IValidateOptions<StanceRulesOptions>
{
    public ValidateOptionsResult Validate(string? name, StanceRulesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.ReloadDelay < TimeSpan.Zero || options.ReloadDelay > StanceRulesOptions.MaxReloadDelay)
        {
            failures.Add($"StanceRulesOptions.ReloadDelay must be from 0 to 1 hour; it is {options.ReloadDelay}.");
        }

        if (options.RulesDirectory is { } directory && string.IsNullOrWhiteSpace(directory))
        {
            failures.Add("StanceRulesOptions.RulesDirectory is blank; leave it null for the embedded rules, or name a folder.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
