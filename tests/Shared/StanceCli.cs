using StanceRules.Cli;

namespace StanceRules.TestSupport;

/// <summary>Runs the <c>stance</c> command in-process, capturing its exit code, stdout and stderr.</summary>
internal static class StanceCli
{
    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = CommandLine.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs <c>stance</c> with <paramref name="stdin"/> piped to it (null: nothing piped, as from a terminal).</summary>
    public static (int Exit, string Out, string Err) RunWithInput(string? stdin, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = CommandLine.Run(args, stdin is null ? StandardInput.None : StandardInput.FromText(stdin), stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
