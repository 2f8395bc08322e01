using BenchmarkDotNet.Attributes;
using StanceRules.Benchmarks.Workloads;

namespace StanceRules.Benchmarks.Suites;

/// <summary>
/// From bytes to corpus cells, each beside the engine alone in the same run, so the parse cost is
/// visible: each operation is one document (or one event), so Mean is the time per document and
/// documents/s = 1 s / Mean; MB/s = bytes per document / Mean. One thread.
/// Baseline: the engine alone on the documents already parsed.
/// </summary>
[Config(typeof(ThroughputConfig))]
public class StreamBenchmarks
{
    public const int Documents = 2_000;
    public const int FactsPerDocument = 8;

    private StanceEngine _engine = null!;
    private byte[] _jsonLines = null!;
    private string[] _yaml = null!;
    private ArticleFacts[] _parsed = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine = StanceEngine.CreateDefault();
        _jsonLines = StreamInputs.JsonLines(Documents, FactsPerDocument);
        _yaml = StreamInputs.Yaml(Documents, FactsPerDocument);
        _parsed = _yaml.Select((t, i) => ArticleFacts.Parse(t, $"doc-{i}.facts.yaml")).ToArray();
    }

    /// <summary>The engine alone: infer the documents already parsed.</summary>
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

    /// <summary>JSON Lines bytes -> documents -> reports -> corpus cells.</summary>
    [Benchmark(OperationsPerInvoke = Documents)]
    public long JsonLinesToCorpus() => Streams.JsonLinesToCorpus(_engine, _jsonLines).Cells;

    /// <summary>YAML texts -> documents -> reports -> corpus cells.</summary>
    [Benchmark(OperationsPerInvoke = Documents)]
    public long YamlToCorpus()
    {
        var corpus = new StanceCorpus();
        for (var i = 0; i < _yaml.Length; i++)
        {
            corpus.Add(_engine.Infer(ArticleFacts.Parse(_yaml[i], "doc.facts.yaml")));
        }

        return corpus.Cells;
    }
}

/// <summary>The stream paths the suite times and the check verifies.</summary>
public static class Streams
{
    public static StanceCorpus JsonLinesToCorpus(StanceEngine engine, byte[] bytes)
    {
        var corpus = new StanceCorpus();
        JsonLines.Read(bytes, engine.FactTypes, article => corpus.Add(engine.Infer(article)));
        return corpus;
    }
}
