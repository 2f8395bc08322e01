namespace StanceRules.Cli;

/// <summary>
/// The standard input a command may read (<c>-</c> as a path), and whether input was piped to it.
/// Contract (docs/cli.md#standard-input): <c>-</c> reads standard input; with no path, <c>infer</c>
/// and <c>corpus</c> read standard input when it is a pipe or a file (<c>cat doc.facts.yaml | stance infer</c>),
/// and <c>infer</c> infers the seed article only when it is a terminal or <c>/dev/null</c>.
/// </summary>
internal sealed class StandardInput
{
    private readonly Func<Stream>? _open;

    private StandardInput(Func<Stream>? open, bool isPiped)
    {
        _open = open;
        IsPiped = isPiped;
    }

    /// <summary>The process's standard input.</summary>
    public static StandardInput Console { get; } = new(System.Console.OpenStandardInput, IsConsoleInputPiped());

    /// <summary>No input: what a terminal (or /dev/null) gives a command that reads nothing; <c>-</c> reads an empty stream.</summary>
    public static StandardInput None { get; } = new(() => Stream.Null, isPiped: false);

    /// <summary>Whether input was given: a pipe or a regular file, not a terminal or /dev/null.</summary>
    public bool IsPiped { get; }

    /// <summary>Text piped to the command (tests: <c>echo TEXT | stance ...</c>).</summary>
    public static StandardInput FromText(string text) => new(() => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), isPiped: true);

    /// <summary>Input already opened (and partly read ahead) by a command, passed on to the code that reads it.</summary>
    public static StandardInput FromStream(Stream stream) => new(() => stream, isPiped: true);

    /// <summary>The bytes of standard input; not to be closed by the caller twice.</summary>
    public Stream Open() => _open?.Invoke() ?? Stream.Null;

    private static bool IsConsoleInputPiped()
    {
        if (!System.Console.IsInputRedirected)
        {
            return false;
        }

        try
        {
            // On Linux the descriptor's link names the device: /dev/null, or a terminal, is no input.
            var target = OperatingSystem.IsLinux() ? new FileInfo("/proc/self/fd/0").LinkTarget : null;
            return target != "/dev/null";
        }
        catch (IOException)
        {
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return true;
        }
    }
}
