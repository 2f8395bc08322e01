using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using StanceRules.Extraction;

namespace StanceRules.Benchmarks.Suites;

/// <summary>
/// The text extractor (<see cref="StanceEngine.Extract(string, string, DateOnly?, string?, CancellationToken)"/>) on
/// one core: the five seed articles, repeated to about 1 MB of text. Each operation is one sentence
/// (OperationsPerInvoke), so Mean is the time per sentence and Allocated the bytes per sentence;
/// sentences/s = 1 s / Mean and MB/s = sentences/s × <see cref="ExtractionText.BytesPerSentence"/>.
/// Baseline: the sentence split alone (the floor any extraction pays).
/// </summary>
[Config(typeof(ExtractionConfig))]
public class ExtractionBenchmarks
{
    private string _text = null!;
    private StanceEngine _engine = null!;

    [GlobalSetup]
    public void Setup()
    {
        _text = ExtractionText.Text;
        _engine = StanceEngine.CreateDefault();
        _engine.Extract("Warm. France condemned the invasion of Ukraine.", "warm");
    }

    /// <summary>The sentence split alone.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = ExtractionText.Sentences)]
    public int SplitSentences()
    {
        var sentences = new List<SentenceSpan>();
        TextScanner.Sentences(_text, [], sentences, CancellationToken.None);
        return sentences.Count;
    }

    /// <summary>The whole extraction: sentences, names, actors, acts, targets, issues, facts.</summary>
    [Benchmark(OperationsPerInvoke = ExtractionText.Sentences)]
    public int Extract() => _engine.Extract(_text, "bench", new DateOnly(2023, 3, 21)).Facts.Facts.Count;
}

/// <summary>The benchmark's text, and the check <c>--check</c> runs on it (CI): the extraction's output is what the seeds give, repeated.</summary>
public static class ExtractionText
{
    /// <summary>How many times the five seed articles are repeated.</summary>
    public const int Repeats = 60;

    /// <summary>Sentences of the text (checked by <see cref="Check"/>).</summary>
    public const int Sentences = Repeats * 105;

    private static readonly Lazy<string> Built = new(() =>
    {
        var seeds = Directory.GetFiles(Path.Combine(Root(), "seeds"), "*.article.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText);
        var one = string.Join("\n\n", seeds);
        return string.Join("\n\n", Enumerable.Repeat(one, Repeats));
    });

    public static string Text => Built.Value;

    /// <summary>UTF-16 characters per sentence, about bytes of mostly-ASCII text per sentence.</summary>
    public static double BytesPerSentence => (double)Text.Length / Sentences;

    /// <summary>Extracts the text and each seed alone: the sentence count is <see cref="Sentences"/>, the facts are the seeds' times <see cref="Repeats"/>, and every evidence sits at its offset.</summary>
    public static string Check()
    {
        var engine = StanceEngine.CreateDefault();
        var whole = engine.Extract(Text, "bench", new DateOnly(2023, 3, 21));
        var oneRepeat = engine.Extract(string.Join("\n\n", Directory.GetFiles(Path.Combine(Root(), "seeds"), "*.article.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText)), "one", new DateOnly(2023, 3, 21));
        if (whole.SentenceCount != Sentences || oneRepeat.SentenceCount * Repeats != Sentences)
        {
            throw new InvalidOperationException($"extraction: {whole.SentenceCount} sentences, expected {Sentences} ({oneRepeat.SentenceCount} per repeat): update ExtractionText.Sentences.");
        }

        if (oneRepeat.Facts.Facts.Count == 0 || whole.Facts.Facts.Count != oneRepeat.Facts.Facts.Count * Repeats)
        {
            throw new InvalidOperationException($"extraction: {whole.Facts.Facts.Count} facts from the repeated text, expected {Repeats} × {oneRepeat.Facts.Facts.Count}.");
        }

        foreach (var fact in whole.Facts.Facts)
        {
            if (fact.EvidenceOffset is not { } offset || string.CompareOrdinal(Text, offset, fact.Evidence, 0, fact.Evidence!.Length) != 0)
            {
                throw new InvalidOperationException($"extraction: fact {fact.Id}'s evidence is not the text at its offset.");
            }
        }

        return $"{whole.SentenceCount} sentences, {whole.Facts.Facts.Count} facts ({oneRepeat.Facts.Facts.Count} per repeat), {Text.Length:N0} characters, evidence at its offsets";
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RulesEngine.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run from inside the repository (the seeds are read from seeds/).");
    }
}

/// <summary>In process, a short run (3 warm-up, 5 measured iterations), memory diagnoser.</summary>
public sealed class ExtractionConfig : ManualConfig
{
    public ExtractionConfig()
    {
        AddJob(Job.ShortRun.WithIterationCount(5).WithToolchain(BenchmarkDotNet.Toolchains.InProcess.Emit.InProcessEmitToolchain.Instance).WithId("in-process"));
        AddDiagnoser(MemoryDiagnoser.Default);
        WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared));
        HideColumns("Error", "StdDev", "Gen0", "Gen1", "Gen2");
    }
}
