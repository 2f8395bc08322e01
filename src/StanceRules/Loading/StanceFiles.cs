namespace StanceRules;

/// <summary>
/// The files StanceRules reads from a folder, for code that lists, packages or watches the same
/// folders: which files make up a rule set, a file's name inside its rule set, and the folder walk
/// under the link policy of docs/security.md ("Files, folders and links").
/// </summary>
public static class StanceFiles
{
    /// <summary>The prefix of an embedded default rule file's name in <see cref="StanceEngine.SourceFiles"/>: <c>embedded:rules/stances.yaml</c>.</summary>
    private const string EmbeddedName = "embedded:rules/";

    /// <summary>
    /// True for a file of a rule set: <c>*.yaml</c> or <c>*.yml</c> (any case), except rule tests
    /// (<c>*.tests.yaml</c>) and fact documents (<c>*.facts.yaml</c>). The one definition: what
    /// <see cref="StanceEngine.Load"/> reads from a folder and from the embedded defaults, what the
    /// hot-reload monitor watches, what <c>stance test</c> counts as rules.
    /// </summary>
    /// <param name="path">A file name or path; only its end is looked at.</param>
    public static bool IsRuleFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ((path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            && !path.EndsWith(".tests.yaml", StringComparison.OrdinalIgnoreCase) && !path.EndsWith(".facts.yaml", StringComparison.OrdinalIgnoreCase))
            || Loading.ActorsReader.IsActorsFile(path);
    }

    /// <summary>
    /// A file of <see cref="StanceEngine.SourceFiles"/> as its path inside its rule set, with '/':
    /// <c>offices/europe.yaml</c> for <c>embedded:rules/offices/europe.yaml</c> and for
    /// <c>DIR/offices/europe.yaml</c> alike. With <see cref="StanceEngineOptions.ExtendDefaultRules"/>,
    /// a folder file replaces the default file with the same path in its rule set.
    /// </summary>
    /// <param name="sourceFile">An entry of <see cref="StanceEngine.SourceFiles"/>.</param>
    /// <param name="directory">The rule set folder the engine was loaded from; null for the current directory.</param>
    public static string PathInRuleSet(string sourceFile, string? directory)
    {
        ArgumentNullException.ThrowIfNull(sourceFile);
        return (IsEmbedded(sourceFile)
            ? sourceFile[EmbeddedName.Length..]
            : Path.GetRelativePath(Path.GetFullPath(directory ?? "."), Path.GetFullPath(sourceFile))).Replace('\\', '/');
    }

    private static bool IsEmbedded(string sourceFile) => sourceFile.StartsWith(EmbeddedName, StringComparison.Ordinal);

    /// <summary>
    /// The files under a folder (recursively) whose file name <paramref name="includeFileName"/>
    /// accepts, in ordinal order, each once, walked as StanceRules walks rule set and batch input
    /// folders: a link into the folder is not followed (its target is listed where it is), a link
    /// out of it is a diagnostic <c>SR0008</c> unless <see cref="StanceLimits.FollowLinksOutOfFolder"/>,
    /// a broken or looping link is a diagnostic, an unreadable folder is a diagnostic <c>SR0006</c>.
    /// Use it instead of <see cref="Directory.EnumerateFiles(string, string, SearchOption)"/> to give a
    /// folder of fact documents the same protection a rule set folder has.
    /// </summary>
    /// <param name="folder">The folder.</param>
    /// <param name="includeFileName">Which files to list, by file name (for example <c>n =&gt; n.EndsWith(".facts.yaml")</c>).</param>
    /// <param name="limits">The link policy (<see cref="StanceLimits.FollowLinksOutOfFolder"/>); <see cref="StanceLimits.Default"/> when null.</param>
    /// <param name="files">The files, as paths that start with <paramref name="folder"/>; empty when it is not a folder.</param>
    /// <param name="diagnostics">Links not followed and folders not readable, in the order met.</param>
    /// <returns>False when <paramref name="folder"/> is not a folder (then nothing is listed and there is no diagnostic).</returns>
    public static bool TryEnumerateFolder(string folder, Func<string, bool> includeFileName, StanceLimits? limits, out IReadOnlyList<string> files, out IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(includeFileName);
        var found = new List<Diagnostic>();
        var listed = Yaml.SourceFile.EnumerateFolder(folder, includeFileName, (limits ?? StanceLimits.Default).FollowLinksOutOfFolder, found);
        files = listed?.Select(f => f.Name).ToArray() ?? [];
        diagnostics = found;
        return listed is not null;
    }

    /// <summary>
    /// Opens a file to read when it is a regular file, as StanceRules opens rule files and fact
    /// documents: a FIFO, a device, a socket or a folder is refused, never waited on or read (on
    /// Linux the type is checked on the opened descriptor, opened without blocking). Use it for
    /// files a caller names that StanceRules does not read itself, such as the jsonl of reports
    /// <c>stance corpus</c> reads.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="error">Why it cannot be read (<c>cannot read: it is a FIFO (named pipe), not a regular file</c>, a missing file, no permission); null when it is open.</param>
    /// <returns>The file, open for reading from its start; null when it cannot be read.</returns>
    public static Stream? OpenRegularFile(string path, out string? error)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            var stream = Yaml.SourceFile.OpenRegularFile(path, out var kind);
            error = stream is null ? ErrorMessages.NotARegularFile(kind) : null;
            return stream;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            error = ErrorMessages.FileNotReadable(e.Message);
            return null;
        }
    }
}
