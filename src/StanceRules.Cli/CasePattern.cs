using System.Text.RegularExpressions;

namespace StanceRules.Cli;

/// <summary>
/// <c>stance test --run PATTERN</c>: which cases run. A pattern is matched against a case's whole name,
/// ignoring case: <c>*</c> stands for any run of characters (none included), <c>?</c> for one character,
/// every other character for itself; <c>|</c> separates alternatives (a case runs when one matches).
/// Contract: docs/cli.md#stance-test.
/// </summary>
internal sealed class CasePattern
{
    private readonly Regex _regex;

    private CasePattern(string text, Regex regex)
    {
        Text = text;
        _regex = regex;
    }

    /// <summary>The pattern as given.</summary>
    public string Text { get; }

    /// <summary>Parses a pattern; false (with the reason) when it is empty or has an empty alternative.</summary>
    public static bool TryParse(string text, out CasePattern? pattern, out string? error)
    {
        pattern = null;
        var alternatives = text.Split('|');
        if (alternatives.Any(a => a.Trim().Length == 0))
        {
            error = $"--run takes a pattern of case names (e.g. \"*peace*|india abstains\"), not '{DisplayText.Escape(text)}'";
            return false;
        }

        var body = string.Join("|", alternatives.Select(a => Regex.Escape(a.Trim()).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal)));
        pattern = new CasePattern(text, new Regex($"^(?:{body})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1)));
        error = null;
        return true;
    }

    /// <summary>Whether a case of this name runs.</summary>
    public bool Matches(string caseName) => _regex.IsMatch(caseName);
}
