using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using StanceRules.Benchmarks.Workloads;

namespace StanceRules.Benchmarks.Suites;

/// <summary>
/// Fact documents from bytes, step by step, beside the engine alone in the same run: JSON Lines
/// bytes -> documents (read and parsed), -> reports (inferred), -> corpus cells; the YAML path the
/// same way (one YAML text per document). Each operation is one document of
/// <see cref="FactsPerDocument"/> statements, so Mean is the time per document; the MB/s column is
/// the document's bytes (JSON Lines, or YAML for the YAML methods) over Mean. One thread.
/// </summary>
[Config(typeof(JsonLinesConfig))]
public class JsonLinesBenchmarks
{
    public const int Documents = 2_000;
    public const int FactsPerDocument = 8;
    public const int FactsPerOperation = FactsPerDocument;

    private StanceEngine _engine = null!;
    private byte[] _jsonLines = null!;
    private string[] _yaml = null!;
    private ArticleFacts[] _parsed = null!;

    /// <summary>Bytes of one document as the method reads it: YAML for the YAML methods, else JSON Lines (the engine alone too, as the rate it would need).</summary>
    public static double BytesPerDocument(string method) => method.StartsWith("Yaml", StringComparison.Ordinal)
        ? StreamInputs.Yaml(Documents, FactsPerDocument).Sum(t => (double)System.Text.Encoding.UTF8.GetByteCount(t)) / Documents
        : StreamInputs.JsonLines(Documents, FactsPerDocument).Length / (double)Documents;

    [GlobalSetup]
    public void Setup()
    {
        _engine = StanceEngine.CreateDefault();
        _jsonLines = StreamInputs.JsonLines(Documents, FactsPerDocument);
        _yaml = StreamInputs.Yaml(Documents, FactsPerDocument);
        _parsed = _yaml.Select((t, i) => ArticleFacts.Parse(t, $"doc-{i}.facts.yaml")).ToArray();
    }

    /// <summary>
    /// The quick check of <c>--check</c>: every method of the suite runs once, the two readers give
    /// the facts they were written with, each path to corpus cells gives the engine alone's cells,
    /// and the corpora of the JSON Lines and the YAML documents give the same stances.
    /// </summary>
    public static string Check()
    {
        var suite = new JsonLinesBenchmarks();
        suite.Setup();
        var cells = suite.EngineAlone();
        var facts = (long)Documents * FactsPerDocument;
        var stances = suite._parsed.Sum(article => (long)suite._engine.Infer(article).Stances.Count);
        var got = (JsonFacts: suite.JsonLinesToDocuments(), YamlFacts: suite.YamlToDocuments(), Stances: suite.JsonLinesToReports(), JsonCells: suite.JsonLinesToCorpus(), YamlCells: suite.YamlToCorpus());
        if (got != (facts, facts, stances, cells, cells) || cells == 0 || stances == 0)
        {
            throw new InvalidOperationException($"expected ({facts} facts, {facts} facts, {stances} stances, {cells} cells, {cells} cells), got {got}");
        }

        // Counts alone could agree by chance: the two corpora's stances, written out, must be equal.
        var (fromJsonLines, fromYaml) = (suite.CorpusOfJsonLines(), suite.CorpusOfYaml());
        if (string.Join("\n", fromJsonLines.Stances(CorpusWindow.Day)) != string.Join("\n", fromYaml.Stances(CorpusWindow.Day)))
        {
            throw new InvalidOperationException("JSON Lines and YAML documents gave different corpora");
        }

        return $"{Documents} documents: JSON Lines and YAML give {facts} facts, {stances} stances, {cells} cells and the same corpus each way";
    }

    /// <summary>The engine alone: the documents already parsed, inferred into corpus cells.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Documents)]
    public long EngineAlone()
    {
        var corpus = new StanceCorpus();
        foreach (var article in _parsed)
        {
            corpus.Add(_engine.Infer(article));
        }

        return corpus.Cells;
    }

    /// <summary>JSON Lines bytes -> documents (each line read and parsed).</summary>
    [Benchmark(OperationsPerInvoke = Documents)]
    public long JsonLinesToDocuments() => JsonLines.Read(_jsonLines, _engine.FactTypes, article => article.Facts.Count);

    /// <summary>JSON Lines bytes -> documents -> reports.</summary>
    [Benchmark(OperationsPerInvoke = Documents)]
    public long JsonLinesToReports() => JsonLines.Read(_jsonLines, _engine.FactTypes, article => _engine.Infer(article).Stances.Count);

    /// <summary>JSON Lines bytes -> documents -> reports -> corpus cells.</summary>
    [Benchmark(OperationsPerInvoke = Documents)]
    public long JsonLinesToCorpus() => CorpusOfJsonLines().Cells;

    /// <summary>YAML texts -> documents.</summary>
    [Benchmark(OperationsPerInvoke = Documents)]
    public long YamlToDocuments()
    {
        var facts = 0L;
        foreach (var text in _yaml)
        {
            facts += ArticleFacts.Parse(text, "doc.facts.yaml", _engine.FactTypes).Facts.Count;
        }

        return facts;
    }

    /// <summary>YAML texts -> documents -> reports -> corpus cells.</summary>
    [Benchmark(OperationsPerInvoke = Documents)]
    public long YamlToCorpus() => CorpusOfYaml().Cells;

    private StanceCorpus CorpusOfJsonLines()
    {
        var corpus = new StanceCorpus();
        JsonLines.Read(_jsonLines, _engine.FactTypes, article => corpus.Add(_engine.Infer(article)));
        return corpus;
    }

    private StanceCorpus CorpusOfYaml()
    {
        var corpus = new StanceCorpus();
        foreach (var text in _yaml)
        {
            corpus.Add(_engine.Infer(ArticleFacts.Parse(text, "doc.facts.yaml", _engine.FactTypes)));
        }

        return corpus;
    }
}

/// <summary>
/// The short job (3 warm-up, 5 measured iterations) in process, with MB/s and facts/s: in process
/// because on the shared machine under load the generated project's build ran past BenchmarkDotNet's
/// two-minute timeout, and no benchmark ran.
/// </summary>
public sealed class JsonLinesConfig : ManualConfig
{
    public JsonLinesConfig()
    {
        AddJob(Job.ShortRun.WithIterationCount(5).WithToolchain(BenchmarkDotNet.Toolchains.InProcess.Emit.InProcessEmitToolchain.Instance).WithId("short-in-process"));
        AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default);
        AddColumn(new MegabytesPerSecondColumn(), new FactsPerSecondColumn());
        WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared));
        HideColumns("Error", "StdDev", "Gen0", "Gen1", "Gen2");
    }
}

/// <summary>JSON Lines bytes through <see cref="FactDocument.ReadAllAsync"/>, each document parsed and handed on; a bad line throws.</summary>
public static class JsonLines
{
    public static long Read(byte[] bytes, FactTypes factTypes, Action<ArticleFacts> each) => Read(bytes, factTypes, a => { each(a); return 1; });

    public static long Read(byte[] bytes, FactTypes factTypes, Func<ArticleFacts, long> each)
    {
        var total = 0L;
        using var stream = new MemoryStream(bytes, writable: false);
        var documents = FactDocument.ReadAllAsync(stream, "docs.jsonl").GetAsyncEnumerator();
        try
        {
            while (documents.MoveNextAsync().AsTask().GetAwaiter().GetResult())
            {
                total += documents.Current.TryRead(out var article, out var diagnostics, factTypes)
                    ? each(article)
                    : throw new InvalidOperationException(diagnostics[0].ToString());
            }
        }
        finally
        {
            documents.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        return total;
    }
}

/// <summary>Megabytes (10^6 bytes) of input per second: the document's bytes over the mean time of an operation.</summary>
public sealed class MegabytesPerSecondColumn : IColumn
{
    private readonly Dictionary<string, double> _bytes = [];

    public string Id => nameof(MegabytesPerSecondColumn);
    public string ColumnName => "MB/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Input megabytes per second (bytes of a document / mean; JSON Lines, or YAML for the YAML methods)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var method = benchmarkCase.Descriptor.WorkloadMethod.Name;
        if (!_bytes.TryGetValue(method, out var bytes))
        {
            _bytes[method] = bytes = JsonLinesBenchmarks.BytesPerDocument(method);
        }

        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        return mean is > 0 ? (bytes / (mean.Value / 1e9) / 1e6).ToString("N1", CultureInfo.InvariantCulture) : "-";
    }

    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
