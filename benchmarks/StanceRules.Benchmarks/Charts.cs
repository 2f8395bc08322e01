using System.Globalization;
using BenchmarkDotNet.Reports;
using ScottPlot;
using StanceRules.Benchmarks.Suites;

namespace StanceRules.Benchmarks;

/// <summary>Draws throughput (facts per second) against facts and against rule count, one line per engine, from a run's summaries.</summary>
internal static class Charts
{
    private static readonly string[] Engines = ["NRulesFluent", "StanceRules", "RulesEngine", "PlainCSharp"];

    public static IReadOnlyList<string> Write(IEnumerable<Summary> summaries, string directory)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        var reports = summaries.SelectMany(s => s.Reports).Where(r => r.ResultStatistics is not null).ToArray();
        var facts = reports.Where(r => r.BenchmarkCase.Descriptor.Type == typeof(CorpusBenchmarks)).ToArray();
        if (facts.Length > 0)
        {
            written.Add(Draw(facts, "Facts", "facts per run (synthetic corpus, default rules)", Path.Combine(directory, "throughput-vs-facts.png"), _ => CorpusFacts(_)));
        }

        var rules = reports.Where(r => r.BenchmarkCase.Descriptor.Type == typeof(RuleCountBenchmarks)).ToArray();
        if (rules.Length > 0)
        {
            written.Add(Draw(rules, "Rules", $"rules (generated, over {Workloads.Workload.RuleScalingFacts:N0} facts)", Path.Combine(directory, "throughput-vs-rules.png"), _ => Workloads.Workload.RuleScalingFacts));
        }

        return written;
    }

    private static int CorpusFacts(BenchmarkReport report) => (int)report.BenchmarkCase.Parameters["Facts"];

    private static string Draw(BenchmarkReport[] reports, string parameter, string xLabel, string path, Func<BenchmarkReport, int> factsPerOperation)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var index = 0;
        foreach (var engine in Engines)
        {
            var points = reports
                .Where(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == engine)
                .Select(r => (X: Convert.ToDouble(r.BenchmarkCase.Parameters[parameter], CultureInfo.InvariantCulture), Y: factsPerOperation(r) / (r.ResultStatistics!.Mean / 1e9)))
                .OrderBy(p => p.X)
                .ToArray();
            if (points.Length == 0)
            {
                continue;
            }

            var line = plot.Add.Scatter(points.Select(p => Math.Log10(p.X)).ToArray(), points.Select(p => Math.Log10(p.Y)).ToArray());
            line.LegendText = Label(engine);
            line.Color = palette.GetColor(index++);
            line.LineWidth = 2;
            line.MarkerSize = 8;
        }

        static string Power(double position) => Math.Pow(10, position).ToString("N0", CultureInfo.InvariantCulture);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true, LabelFormatter = Power, MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator() };
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true, LabelFormatter = Power, MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator() };
        plot.Title($"Throughput against {parameter.ToLowerInvariant()} (log-log; higher is better)");
        plot.XLabel(xLabel);
        plot.YLabel("facts per second");
        plot.ShowLegend(Alignment.LowerLeft);
        plot.SavePng(path, 900, 560);
        return path;
    }

    private static string Label(string method) => method switch
    {
        "NRulesFluent" => "NRules fluent (baseline)",
        "StanceRules" => "StanceRules (YAML)",
        "RulesEngine" => "Microsoft RulesEngine",
        "PlainCSharp" => "plain C#",
        _ => method,
    };
}
