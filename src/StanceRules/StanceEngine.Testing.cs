using StanceRules.Testing;

namespace StanceRules;

public sealed partial class StanceEngine
{
    /// <summary>
    /// Runs the rule tests (<c>*.tests.yaml</c>, searched recursively) of a folder with this engine's
    /// rules: each case's facts (inline, or a fact document named relative to the test file) are
    /// inferred and the stances it expects, and those it says must be absent, are checked.
    /// </summary>
    /// <param name="directory">The folder holding the test files (usually the rule set folder itself).</param>
    /// <param name="cancellationToken">Stops between cases and between rule firings.</param>
    /// <returns>Every case's outcome, the errors in the test files, and which rules fired in some case.</returns>
    public RuleTestReport RunTests(string directory, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        return new RuleTestRunner(_rules, _options).Run(directory, cancellationToken);
    }
}
