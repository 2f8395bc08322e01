namespace StanceRules.Extensions.DependencyInjection;

/// <summary>Where the rules come from and how they reload; set with <c>services.AddStanceRules(options => ...)</c>.</summary>
public sealed class StanceRulesOptions
{
    // A quiet time longer than this is a mistake, not a debounce (and a timer cannot wait past about 49 days).
    internal static readonly TimeSpan MaxReloadDelay = TimeSpan.FromHours(1);

    /// <summary>
    /// The rule set folder (every <c>*.yaml</c> in it and its subfolders). Null, the default: the
    /// rule set embedded in the StanceRules package. A relative path is resolved against the host's
    /// content root when there is a host, else against the current directory.
    /// </summary>
    public string? RulesDirectory { get; set; }

    /// <summary>
    /// Whether <see cref="RulesDirectory"/> is a layer on top of the rule set embedded in the package (its
    /// files replace the default files of the same name and add the others) rather than the whole rule set.
    /// Default false. Same as <see cref="StanceEngineOptions.ExtendDefaultRules"/>, settable from configuration.
    /// </summary>
    public bool ExtendDefaultRules { get; set; }

    /// <summary>
    /// Watch <see cref="RulesDirectory"/> and swap in a newly compiled engine after each change
    /// (an edit that does not compile keeps the last good engine). Default true; ignored for the
    /// embedded rules.
    /// </summary>
    public bool ReloadOnChange { get; set; } = true;

    /// <summary>
    /// How long the folder must stay quiet after a change before it is recompiled: editors and
    /// deployments write several files, or one file in several steps. Default 300 ms; from 0 to
    /// 1 hour, checked with the other options when the host starts (an <c>OptionsValidationException</c>
    /// naming it otherwise).
    /// </summary>
    public TimeSpan ReloadDelay { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Fact types, limits and inference bounds for every engine compiled; null for the defaults.</summary>
    public StanceEngineOptions? EngineOptions { get; set; }
}
