namespace StanceRules;

/// <summary>
/// Where something is in a source file: the file name as given, and 1-based line and column.
/// </summary>
/// <param name="File">The file path or name the text was read from (for example <c>rules/stances.yaml</c>).</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <summary>Formats as <c>file:line:column</c>, the form compilers and editors understand.</summary>
    public override string ToString() => $"{DisplayText.Escape(File)}:{Line}:{Column}";
}
