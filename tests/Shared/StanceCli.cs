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
}
