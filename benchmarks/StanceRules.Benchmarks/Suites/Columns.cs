using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace StanceRules.Benchmarks.Suites;

/// <summary>The facts one benchmark operation processes: the "Facts" parameter, or the class's static <c>FactsPerOperation</c> (constant or property).</summary>
internal static class FactsPerOperation
{
    public static int? Of(BenchmarkCase benchmark)
    {
        if (benchmark.Parameters.Items.FirstOrDefault(p => p.Name == "Facts")?.Value is int facts)
        {
            return facts;
        }

        var type = benchmark.Descriptor.Type;
        return type.GetField("FactsPerOperation")?.GetRawConstantValue() as int?
            ?? type.GetProperty("FactsPerOperation", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)?.GetValue(null) as int?;
    }
}

/// <summary>Facts per second: facts per operation over the mean time of an operation.</summary>
public sealed class FactsPerSecondColumn : IColumn
{
    public string Id => nameof(FactsPerSecondColumn);
    public string ColumnName => "Facts/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Facts processed per second (facts per operation / mean)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        return FactsPerOperation.Of(benchmarkCase) is { } facts && mean is > 0 ? (facts / (mean.Value / 1e9)).ToString("N0", CultureInfo.InvariantCulture) : "-";
    }

    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}

/// <summary>Bytes allocated per fact: allocated bytes per operation over facts per operation.</summary>
public sealed class AllocatedPerFactColumn : IColumn
{
    public string Id => nameof(AllocatedPerFactColumn);
    public string ColumnName => "Alloc/fact";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 1;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Size;
    public string Legend => "Bytes allocated per fact (allocated per operation / facts per operation)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        var bytes = report?.GcStats.GetBytesAllocatedPerOperation(benchmarkCase);
        return FactsPerOperation.Of(benchmarkCase) is { } facts && bytes is { } b ? string.Create(CultureInfo.InvariantCulture, $"{(double)b / facts:N0} B") : "-";
    }

    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
