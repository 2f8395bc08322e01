using System.Diagnostics;
using StanceRules.Benchmarks.Workloads;

namespace StanceRules.Benchmarks;

internal static class Cli
{
    public static int Run(string[] args)
    {
        if (args.Contains("--check"))
        {
            return CheckAll();
        }

        return 0;
    }

    private static int CheckAll()
    {
        var clock = Stopwatch.StartNew();
        try
        {
            foreach (var w in Workload.All)
            {
                var started = clock.Elapsed;
                var signals = Check.Verify(w.Corpus(), w.Kind, w.Generated);
                Console.WriteLine($"check {w.Name}: {signals} signals, engines agree ({(clock.Elapsed - started).TotalSeconds:0.0} s)");
            }
        }
        catch (DisagreementException e)
        {
            Console.Error.WriteLine($"check FAILED: {e.Message}");
            return 1;
        }

        Console.WriteLine($"check passed: every workload, every engine ({clock.Elapsed.TotalSeconds:0.0} s)");
        return 0;
    }
}
