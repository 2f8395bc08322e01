using System.Globalization;
using System.Text;

namespace StanceRules.Testing.Corpus;

/// <summary>
/// Deterministic synthetic fact documents for batch tests and the batch throughput measurement:
/// statements and votes by countries, capitals, officials and groups, with a given share of
/// malformed documents (bad YAML, unknown keys, bad values, missing actors, duplicate ids).
/// </summary>
internal static class SyntheticCorpus
{
    private static readonly string[] Actors =
    [
        "China", "Kremlin", "India", "South Africa", "Brazil", "Ukrainian President Volodymyr Zelenskyy", "White House",
        "France", "Germany", "TÜRKİYE", "Japan", "Wang Wenbin", "Beijing", "Kyiv", "Pretoria", "EU", "141 countries",
        "Mexico", "Nigeria", "Indonesia", "Saudi Arabia", "Chinese Foreign Ministry", "Canada", "Australia",
    ];

    private static readonly string[] Acts =
    [
        "welcome", "endorse", "condemn", "deplore", "reject", "dismiss", "refrain-from-criticizing", "abstain",
        "criticize", "praise", "oppose", "call-for", "express-concern", "recognize",
    ];

    private static readonly string[] Issues =
    [
        "russia-ukraine-war", "china-peace-plan", "icc-putin-warrant", "icc-jurisdiction", "russia-china-partnership",
    ];

    private static readonly string[] Targets = ["China's peace plan", "the war in Ukraine", "the ICC warrant", "Russia", "the partnership"];

    private static readonly string[] Choices = ["yes", "no", "abstain", "non_voting"];

    /// <summary>One document: its name, its text, and whether it is malformed on purpose.</summary>
    public sealed record Document(string Name, string Text, bool Malformed);

    /// <summary><paramref name="count"/> documents; every <paramref name="malformedEvery"/>-th (index 7, 7+n, ...) is malformed; 0 for none.</summary>
    public static IReadOnlyList<Document> Generate(int count, int malformedEvery = 100, int seed = 20230321)
    {
        var random = new Random(seed);
        var documents = new List<Document>(count);
        for (var i = 0; i < count; i++)
        {
            var malformed = malformedEvery > 0 && i % malformedEvery == 7 % malformedEvery;
            var name = $"synthetic-{i:D5}.facts.yaml";
            documents.Add(new Document(name, malformed ? Malformed(i, random) : WellFormed(i, random), malformed));
        }

        return documents;
    }

    private static string WellFormed(int index, Random random)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"article:\n  id: synthetic-{index:D5}\n  published: 2023-03-{1 + (index % 28):D2}\nfacts:\n");
        var facts = random.Next(3, 9);
        for (var f = 0; f < facts; f++)
        {
            var actor = Actors[random.Next(Actors.Length)];
            var issue = Issues[random.Next(Issues.Length)];
            if (random.Next(4) == 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"  - {{ type: vote, actor: \"{actor}\", body: UNGA, choice: {Choices[random.Next(Choices.Length)]}, issue: {issue}, yes_means: condemns }}\n");
            }
            else
            {
                var act = Acts[random.Next(Acts.Length)];
                var negated = random.Next(8) == 0 ? "true" : "false";
                var hedged = random.Next(6) == 0 ? "true" : "false";
                var issueField = random.Next(3) == 0 ? string.Empty : $", issue: {issue}";
                text.Append(CultureInfo.InvariantCulture, $"  - {{ type: statement, actor: \"{actor}\", act: {act}, target: \"{Targets[random.Next(Targets.Length)]}\"{issueField}, negated: {negated}, hedged: {hedged}, evidence: \"sentence {f + 1}\" }}\n");
            }
        }

        return text.ToString();
    }

    private static string Malformed(int index, Random random) => (index / 100 % 5) switch
    {
        0 => $"article:\n  id: broken-{index}\nfacts:\n  - {{ type: statement, actor: China, act: welcome\n",
        1 => $"article:\n  id: broken-{index}\nfacts:\n  - {{ type: statement, actor: China, act: welcome, colour: red }}\n",
        2 => $"article:\n  id: broken-{index}\nfacts:\n  - {{ type: vote, actor: India, choice: maybe }}\n",
        3 => $"article:\n  id: broken-{index}\nfacts:\n  - {{ type: statement, act: condemn }}\n",
        _ => $"article:\n  id: broken-{index}\nfacts:\n  - {{ id: a, type: statement, actor: Kyiv, act: reject }}\n  - {{ id: a, type: statement, actor: Kyiv, act: reject, hedged: {(random.Next(2) == 0 ? "true" : "false")} }}\n",
    };
}
