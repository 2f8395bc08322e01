namespace StanceRules.Loading;

/// <summary>One file of a rule set: its name (a path, <c>embedded:rules/NAME</c>, or the name a caller gave) and its text.</summary>
internal sealed record RuleFile(string Name, string Text)
{
    /// <summary>Reads the text on first need: the embedded <c>.actors</c> dictionaries, read when the historical layer is first asked (<see cref="Text"/> is empty).</summary>
    public Func<string>? Deferred { get; init; }
}

/// <summary>
/// Where a rule set's files come from: a folder, the default rules embedded in the assembly, files
/// given as text, or a folder layered over the defaults (<see cref="StanceEngineOptions.ExtendDefaultRules"/>).
/// Reading one lists its files in the order they compile; a file that cannot be read is a
/// diagnostic. Which files of a folder or of the assembly belong to a rule set is
/// <see cref="StanceFiles.IsRuleFile"/>; files given as text are taken as given.
/// </summary>
internal abstract class RuleSetSource
{
    /// <summary>The resource names of the embedded default rules start with this (see StanceRules.csproj).</summary>
    private const string EmbeddedPrefix = "rules/";

    /// <summary>What diagnostics name when no one file is at fault ("no rules in ...").</summary>
    public abstract string Where { get; }

    /// <summary>The default rule set embedded in the assembly.</summary>
    public static RuleSetSource Embedded { get; } = new EmbeddedSource();

    /// <summary>Every rule file under <paramref name="directory"/>, recursively, under the link policy of docs/security.md.</summary>
    public static RuleSetSource Folder(string directory) => new FolderSource(directory);

    /// <summary>Files given as (name, YAML) pairs, read now, in the order given.</summary>
    public static RuleSetSource InMemory(IEnumerable<KeyValuePair<string, string>> files, string where) =>
        new InMemorySource([.. files.Select(f => new RuleFile(f.Key, f.Value))], where);

    /// <summary>
    /// A folder on top of the default rules: a default file whose path in its rule set
    /// (<c>stances.yaml</c>, <c>offices/europe.yaml</c>, ...) the folder also has is left out, the
    /// others come first, then the folder's files in their order.
    /// </summary>
    public static RuleSetSource OverDefaults(string directory) => new LayeredSource(Embedded, new FolderSource(directory), directory);

    /// <summary>The files, in compile order; a file that cannot be read is left out with a diagnostic.</summary>
    public abstract IReadOnlyList<RuleFile> Read(StanceLimits limits, List<Diagnostic> diagnostics);

    private sealed class EmbeddedSource : RuleSetSource
    {
        public override string Where => "embedded rules";

        public override IReadOnlyList<RuleFile> Read(StanceLimits limits, List<Diagnostic> diagnostics)
        {
            var assembly = typeof(RuleSetSource).Assembly;
            return assembly.GetManifestResourceNames()
                .Where(n => n.StartsWith(EmbeddedPrefix, StringComparison.Ordinal) && StanceFiles.IsRuleFile(n))
                .Order(StringComparer.Ordinal)
                .Select(n => ActorsReader.IsActorsFile(n)
                    ? new RuleFile($"embedded:{n}", string.Empty) { Deferred = () => ReadResource(assembly, n) }
                    : new RuleFile($"embedded:{n}", ReadResource(assembly, n)))
                .ToArray();
        }
    }

    private static string ReadResource(System.Reflection.Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private sealed class FolderSource(string directory) : RuleSetSource
    {
        public override string Where => directory;

        public string Directory => directory;

        public override IReadOnlyList<RuleFile> Read(StanceLimits limits, List<Diagnostic> diagnostics)
        {
            try
            {
                return ReadFiles(limits, diagnostics);
            }
            catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
            {
                // Last resort: a folder the reader fails on in a way it does not foresee is a diagnostic, never an exception.
                diagnostics.Add(new Diagnostic(DiagnosticCodes.FileNotReadable, ErrorMessages.FileNotReadable($"{e.GetType().Name}: {e.Message}"), new SourceLocation(directory, 1, 1)));
                return [];
            }
        }

        private List<RuleFile> ReadFiles(StanceLimits limits, List<Diagnostic> diagnostics)
        {
            if (!System.IO.Directory.Exists(directory))
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.FileNotReadable, ErrorMessages.FileNotReadable($"no such folder '{directory}'"), new SourceLocation(directory, 1, 1)));
                return [];
            }

            var files = new List<RuleFile>();
            foreach (var (shown, path) in Yaml.SourceFile.EnumerateFolder(directory, StanceFiles.IsRuleFile, limits.FollowLinksOutOfFolder, diagnostics) ?? [])
            {
                // Diagnostics name files relative to the current directory, as a user would type them.
                var name = Path.GetRelativePath(Environment.CurrentDirectory, shown);
                if (Yaml.SourceFile.Read(path, name, limits, diagnostics) is { } text)
                {
                    files.Add(new RuleFile(name, text));
                }
            }

            return files;
        }
    }

    private sealed class InMemorySource(IReadOnlyList<RuleFile> files, string where) : RuleSetSource
    {
        public override string Where => where;

        public override IReadOnlyList<RuleFile> Read(StanceLimits limits, List<Diagnostic> diagnostics) => files;
    }

    private sealed class LayeredSource(RuleSetSource defaults, FolderSource folder, string where) : RuleSetSource
    {
        public override string Where => where;

        public override IReadOnlyList<RuleFile> Read(StanceLimits limits, List<Diagnostic> diagnostics)
        {
            var top = folder.Read(limits, diagnostics);
            var replaced = top.Select(f => StanceFiles.PathInRuleSet(f.Name, folder.Directory)).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return [.. defaults.Read(limits, diagnostics).Where(d => !replaced.Contains(StanceFiles.PathInRuleSet(d.Name, folder.Directory))), .. top];
        }
    }
}
