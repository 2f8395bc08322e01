using System.Globalization;
using BenchmarkDotNet.Reports;
using ScottPlot;
using StanceRules.Benchmarks.Peers;
using StanceRules.Benchmarks.Suites;
using Series = System.Collections.Generic.Dictionary<string, (double X, double Y)[]>;

namespace StanceRules.Benchmarks;

/// <summary>Draws throughput (facts per second) against facts and against rule count, one line per engine (log-log).</summary>
internal static class Charts
{
    /// <summary>Charts from a BenchmarkDotNet run's summaries (the corpus and rule-count suites).</summary>
    public static IReadOnlyList<string> Write(IEnumerable<Summary> summaries, string directory)
    {
        var written = new List<string>();
        var reports = summaries.SelectMany(s => s.Reports).Where(r => r.ResultStatistics is not null).ToArray();
        Series Points(Type suite, string parameter, Func<BenchmarkReport, int> factsPerOperation) => reports
            .Where(r => r.BenchmarkCase.Descriptor.Type == suite)
            .GroupBy(r => Engine(r.BenchmarkCase.Descriptor.WorkloadMethod.Name))
            .ToDictionary(g => g.Key, g => g.Select(r => (X: Convert.ToDouble(r.BenchmarkCase.Parameters[parameter], CultureInfo.InvariantCulture), Y: factsPerOperation(r) / (r.ResultStatistics!.Mean / 1e9))).ToArray());

        var facts = Points(typeof(CorpusBenchmarks), "Facts", r => (int)r.BenchmarkCase.Parameters["Facts"]);
        if (facts.Count > 0)
        {
            written.Add(Draw(facts, "facts", "facts per run (synthetic corpus, default rules)", Path.Combine(directory, "bdn-throughput-vs-facts.png")));
        }

        var rules = Points(typeof(RuleCountBenchmarks), "Rules", _ => Workloads.Workload.RuleScalingFacts);
        if (rules.Count > 0)
        {
            written.Add(Draw(rules, "rules", $"generated rules (over {Workloads.Workload.RuleScalingFacts:N0} facts)", Path.Combine(directory, "bdn-throughput-vs-rules.png")));
        }

        return written;
    }

    public static string Draw(Series series, string what, string xLabel, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var index = 0;
        foreach (var engine in Peer.Names)
        {
            if (!series.TryGetValue(engine, out var points) || points.Length == 0)
            {
                continue;
            }

            var ordered = points.OrderBy(p => p.X).ToArray();
            var line = plot.Add.Scatter(ordered.Select(p => Math.Log10(p.X)).ToArray(), ordered.Select(p => Math.Log10(p.Y)).ToArray());
            line.LegendText = Label(engine);
            line.Color = palette.GetColor(index++);
            line.LineWidth = 2;
            line.MarkerSize = 8;
        }

        var xs = series.Values.SelectMany(p => p).Select(p => p.X).ToArray();
        var ys = series.Values.SelectMany(p => p).Select(p => p.Y).ToArray();
        SetLogTicks(plot.Axes.Bottom, xs.Min(), xs.Max());
        SetLogTicks(plot.Axes.Left, ys.Min(), ys.Max());
        plot.Title($"Throughput against {what} (log-log; higher is better)");
        plot.XLabel(xLabel);
        plot.YLabel("facts per second");
        plot.ShowLegend(Edge.Right);
        plot.SavePng(path, 1000, 560);
        return path;
    }

    /// <summary>Ticks at 1, 2 and 5 times the powers of ten that the data spans (every digit when it spans less than a decade), labelled in plain numbers.</summary>
    private static void SetLogTicks(IAxis axis, double min, double max)
    {
        var positions = new List<double>();
        var labels = new List<string>();
        double[] steps = max / min < 10 ? [1, 2, 3, 4, 5, 6, 7, 8, 9] : [1, 2, 5];
        for (var power = Math.Floor(Math.Log10(min)); power <= Math.Ceiling(Math.Log10(max)); power++)
        {
            foreach (var step in steps)
            {
                var value = step * Math.Pow(10, power);
                if (value >= min / 1.5 && value <= max * 1.5)
                {
                    positions.Add(Math.Log10(value));
                    labels.Add(value.ToString("N0", CultureInfo.InvariantCulture));
                }
            }
        }

        axis.SetTicks([.. positions], [.. labels]);
    }

    private static string Engine(string method) => method switch
    {
        "NRulesFluent" => Peer.FluentName,
        "StanceRules" => Peer.StanceRulesName,
        "RulesEngine" => Peer.RulesEngineName,
        "PlainCSharp" => Peer.PlainName,
        "NRulesFluentReused" => Peer.FluentReusedName,
        "StanceRulesReference" => Peer.StanceRulesReferenceName,
        "PlainCSharpFloor" => Peer.PlainFloorName,
        _ => method,
    };

    private static string Label(string engine) => engine switch
    {
        Peer.FluentName => "NRules fluent (baseline)",
        Peer.StanceRulesName => "StanceRules (YAML)",
        Peer.RulesEngineName => "Microsoft RulesEngine",
        Peer.PlainName => "plain C#",
        Peer.FluentReusedName => "NRules fluent, session reused (tuned)",
        Peer.StanceRulesReferenceName => "StanceRules, reference mode (all rules in NRules)",
        Peer.PlainFloorName => "plain C# on StanceRules' pipeline (floor)",
        _ => engine,
    };
}
