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
        return new RuleTestRunner(_rules, _options).Run(directory, static _ => true, cancellationToken);
    }

    /// <summary>
    /// Runs the rule tests of a folder as <see cref="RunTests(string, CancellationToken)"/> does, but only the
    /// cases whose name <paramref name="includeCase"/> accepts (<c>stance test --run PATTERN</c>). The test files
    /// are still all read and checked; the report's results and coverage count the selected cases only.
    /// </summary>
    /// <param name="directory">The folder holding the test files (usually the rule set folder itself).</param>
    /// <param name="includeCase">Given a case's name, whether to run it.</param>
    /// <param name="cancellationToken">Stops between cases and between rule firings.</param>
    /// <returns>The selected cases' outcomes, the errors in the test files, and which rules fired in some selected case.</returns>
    public RuleTestReport RunTests(string directory, Func<string, bool> includeCase, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(includeCase);
        return new RuleTestRunner(_rules, _options).Run(directory, includeCase, cancellationToken);
    }
}
