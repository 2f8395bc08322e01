namespace StanceRules;

/// <summary>An error found in a rule file or a fact document, with its code and location.</summary>
/// <param name="Code">A stable code such as <c>SR2003</c>; see <see cref="DiagnosticCodes"/>.</param>
/// <param name="Message">What is wrong, in words a rule author can act on.</param>
/// <param name="Location">Where it is wrong.</param>
public sealed record Diagnostic(string Code, string Message, SourceLocation Location)
{
    /// <summary>An error (the input is refused) or a warning (it is accepted; see <see cref="StanceEngine.Warnings"/>). Default: error.</summary>
    public DiagnosticSeverity Severity { get; init; } = DiagnosticSeverity.Error;

    /// <summary>Formats as <c>file:line:column: error CODE: message</c> (or <c>warning</c>), one line: control and bidi characters from the input are escaped.</summary>
    public override string ToString() => DisplayText.Escape($"{Location}: {(Severity == DiagnosticSeverity.Warning ? "warning" : "error")} {Code}: {Message}");
}

/// <summary>How serious a <see cref="Diagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The rule set or document is refused.</summary>
    Error,

    /// <summary>It is accepted, but probably not what its author meant.</summary>
    Warning,
}

/// <summary>Thrown when a rule set or a fact document has errors; carries every one of them.</summary>
public sealed class StanceRulesException : Exception
{
    /// <summary>Creates the exception from the diagnostics that caused it (at least one).</summary>
    public StanceRulesException(IReadOnlyList<Diagnostic> diagnostics)
        : base(FormatMessage(diagnostics))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Every error found, in file order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    private static string FormatMessage(IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        return diagnostics.Count switch
        {
            0 => "Unknown error.",
            1 => diagnostics[0].ToString(),
            _ => $"{diagnostics.Count} errors:{Environment.NewLine}{string.Join(Environment.NewLine, diagnostics)}",
        };
    }
}
