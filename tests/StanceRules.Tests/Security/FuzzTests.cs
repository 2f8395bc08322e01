using System.Text;
using CsCheck;
using Xunit.Abstractions;

namespace StanceRules.Tests.Security;

/// <summary>
/// Fuzzing and properties of the loaders and of inference: mutated and random documents give a
/// result or diagnostics, never another exception or a hang; inference on a valid document is
/// deterministic and every stance names a rule and facts that exist.
/// </summary>
/// <remarks>
/// CI runs a few hundred cases per harness. For a long run:
/// <c>STANCE_FUZZ_ITERATIONS=50000 dotnet test tests/StanceRules.Tests --filter FullyQualifiedName~FuzzTests</c>.
/// A failure prints the CsCheck seed that reproduces it.
/// </remarks>
public class FuzzTests(ITestOutputHelper output)
{
    private static readonly long Iterations = long.TryParse(Environment.GetEnvironmentVariable("STANCE_FUZZ_ITERATIONS"), out var n) ? n : 400;
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(10);
    private static readonly string SeedFacts = File.ReadAllText(Repo.SeedFacts);
    private static readonly string SeedFactsJson = ToFlowJson(ArticleFacts.Load(Repo.SeedFacts));
    private static readonly string StanceRulesYaml = File.ReadAllText(Path.Combine(Repo.Rules, "stances.yaml"));
    private static readonly StanceEngine Engine = StanceEngine.CreateDefault();

    // Characters that mean something to YAML or JSON, and a few that upset decoders and lexers.
    private const string Alphabet = "{}[],:&*!|>'\"#%@`-? \t\n\r\\~$.0123456789abcxyzéİ\uFEFF\u0000\u2028\u00A0";

    /// <summary>One edit of a text: 0 delete a span, 1 insert characters, 2 duplicate a line, 3 swap two lines, 4 truncate, 5 replace a character.</summary>
    private sealed record Mutation(int Kind, double Where, double Other, int Length, string Text);

    private static readonly Gen<Mutation> MutationGen =
        Gen.Select(Gen.Int[0, 5], Gen.Double[0, 1], Gen.Double[0, 1], Gen.Int[1, 40], Gen.String[Gen.Char[Alphabet], 1, 8])
            .Select((kind, where, other, length, text) => new Mutation(kind, where, other, length, text));

    private static readonly Gen<Mutation[]> MutationsGen = MutationGen.Array[1, 6];

    private static string Mutate(string text, Mutation[] mutations)
    {
        foreach (var m in mutations)
        {
            if (text.Length == 0)
            {
                break;
            }

            var at = (int)(m.Where * (text.Length - 1));
            var lines = text.Split('\n');
            switch (m.Kind)
            {
                case 0:
                    text = text.Remove(at, Math.Min(m.Length, text.Length - at));
                    break;
                case 1:
                    text = text.Insert(at, m.Text);
                    break;
                case 2:
                    var line = (int)(m.Where * (lines.Length - 1));
                    text = string.Join('\n', lines.Take(line + 1).Append(lines[line]).Concat(lines.Skip(line + 1)));
                    break;
                case 3:
                    var (a, b) = ((int)(m.Where * (lines.Length - 1)), (int)(m.Other * (lines.Length - 1)));
                    (lines[a], lines[b]) = (lines[b], lines[a]);
                    text = string.Join('\n', lines);
                    break;
                case 4:
                    text = text[..at];
                    break;
                default:
                    text = string.Concat(text.AsSpan(0, at), m.Text.AsSpan(0, 1), text.AsSpan(at + 1));
                    break;
            }
        }

        return text;
    }

    private static void WithinTimeout(Action action)
    {
        var task = Task.Run(action);
        Assert.True(task.Wait(CaseTimeout), "a case took longer than " + CaseTimeout);
        task.GetAwaiter().GetResult();
    }

    /// <summary>TryParse gives a document or positioned diagnostics; a document infers cleanly and deterministically.</summary>
    private static void CheckFacts(string text)
    {
        var parsed = ArticleFacts.TryParse(text, "fuzz.facts.yaml", out var article, out var diagnostics);
        if (!parsed)
        {
            Assert.NotEmpty(diagnostics);
            Assert.All(diagnostics, d => Assert.True(d.Location.Line >= 1 && d.Location.Column >= 1 && d.Code.StartsWith("SR", StringComparison.Ordinal), d.ToString()));
            return;
        }

        var report = Engine.Infer(article!);
        Assert.Equal(report.ToJson(), Engine.Infer(article!).ToJson());
        var ids = article!.Facts.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var rules = Engine.RuleIds.ToHashSet(StringComparer.Ordinal);
        foreach (var stance in report.Stances)
        {
            Assert.NotEmpty(stance.Rules);
            Assert.Subset(rules, stance.Rules.ToHashSet(StringComparer.Ordinal));
            Assert.NotEmpty(stance.Facts);
            Assert.Subset(ids, stance.Facts.ToHashSet(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void MutatedFactDocuments_GiveAReportOrDiagnostics_NeverAnotherException()
    {
        long cases = 0;
        Gen.Select(Gen.Bool, MutationsGen).Sample(
            (json, mutations) =>
            {
                Interlocked.Increment(ref cases);
                WithinTimeout(() => CheckFacts(Mutate(json ? SeedFactsJson : SeedFacts, mutations)));
            },
            iter: Iterations);
        output.WriteLine($"fact document mutations: {cases} cases");
    }

    /// <summary>Random fact documents built from the format's own vocabulary, mostly almost valid.</summary>
    private static readonly Gen<string> RandomFactDocument =
        Gen.Select(
            Gen.OneOf("statement", "vote", "claim", "signal", "speech", ""),
            Gen.OneOf("Kremlin", "CHINA", "TÜRKİYE", "141 countries", "EU", "", "Vučić", "US", "Côte d'Ivoire"),
            Gen.OneOf("welcome", "condemn", "reject", "abstain", "frobnicate", "refrain-from-criticizing", "recognize"),
            Gen.OneOf("yes", "no", "abstain", "non_voting", "maybe", "1", "true"),
            Gen.OneOf("true", "false", "\"true\"", "1", "~", "[x]"),
            Gen.OneOf("china-peace-plan", "", "russia-ukraine-war", "x y", "{a: b}"),
            Gen.OneOf("actor", "act", "colour", "type", "id", "choice", "yes_means", "negated", "target"))
        .Select((type, actor, act, choice, flag, issue, extraKey) =>
            $"{{ type: {type}, actor: \"{actor}\", act: {act}, choice: {choice}, negated: {flag}, issue: {(issue.Length == 0 ? "~" : issue)}, yes_means: condemns, {extraKey}: v }}")
        .Array[0, 30]
        .Select(facts => "article: { id: random }\nfacts:\n" + string.Concat(facts.Select((f, i) => $"  - {f}\n")));

    [Fact]
    public void RandomFactDocuments_GiveAReportOrDiagnostics_NeverAnotherException()
    {
        long cases = 0;
        RandomFactDocument.Sample(
            text =>
            {
                Interlocked.Increment(ref cases);
                WithinTimeout(() => CheckFacts(text));
            },
            iter: Iterations);
        output.WriteLine($"random fact documents: {cases} cases");
    }

    [Fact]
    public void MutatedRuleFiles_CompileOrGiveDiagnostics_NeverAnotherException()
    {
        var knowledge = Repo.KnowledgeFiles().ToArray();
        long cases = 0;
        MutationsGen.Sample(
            mutations =>
            {
                Interlocked.Increment(ref cases);
                var rules = Mutate(StanceRulesYaml, mutations);
                WithinTimeout(() =>
                {
                    StanceEngine engine;
                    try
                    {
                        engine = StanceEngine.FromYaml([.. knowledge, new("fuzz.rules.yaml", rules)]);
                    }
                    catch (StanceRulesException e)
                    {
                        Assert.NotEmpty(e.Diagnostics);
                        Assert.All(e.Diagnostics, d => Assert.True(d.Location.Line >= 1 && d.Location.Column >= 1, d.ToString()));
                        return;
                    }

                    // A mutated rule set that compiles must still infer without throwing.
                    engine.Infer(ArticleFacts.Load(Repo.SeedFacts));
                });
            },
            iter: Math.Max(50, Iterations / 4));
        output.WriteLine($"rule file mutations: {cases} cases");
    }

    [Fact]
    public void MutatedLexiconAndIssueFiles_CompileOrGiveDiagnostics_NeverAnotherException()
    {
        var knowledge = Repo.KnowledgeFiles().ToDictionary(f => Path.GetFileName(f.Key), f => f.Value);
        long cases = 0;
        Gen.Select(Gen.Bool, MutationsGen).Sample(
            (lexicon, mutations) =>
            {
                Interlocked.Increment(ref cases);
                var files = new Dictionary<string, string>(knowledge) { ["stances.yaml"] = StanceRulesYaml };
                var target = lexicon ? "lexicon.yaml" : "issues.yaml";
                files[target] = Mutate(files[target], mutations);
                WithinTimeout(() =>
                {
                    try
                    {
                        StanceEngine.FromYaml(files).Infer(ArticleFacts.Load(Repo.SeedFacts));
                    }
                    catch (StanceRulesException e)
                    {
                        Assert.NotEmpty(e.Diagnostics);
                    }
                });
            },
            iter: Math.Max(50, Iterations / 4));
        output.WriteLine($"lexicon and issue file mutations: {cases} cases");
    }

    [Fact]
    public void ValidFactsBuiltAtRandom_InferDeterministically_WithStancesNamingRealRulesAndFacts()
    {
        var facts = Gen.Select(
                Gen.OneOf("China", "Beijing", "Russia", "Kremlin", "India", "Brazil", "Kenya", "USA", "EU", "141 countries"),
                Gen.OneOf("welcome", "condemn", "reject", "abstain", "refrain-from-criticizing", "recognize", "meet", "unknown-act"),
                Gen.OneOf<string?>("china-peace-plan", "russia-ukraine-war", null),
                Gen.Bool,
                Gen.Bool,
                Gen.Int[0, 3])
            .Select((actor, act, issue, negated, hedged, vote) => vote == 0
                ? (Fact)new Vote { Actor = actor, Issue = issue ?? "russia-ukraine-war", Choice = (VoteChoice)(act.Length % 4), YesMeans = Stance.Condemns }
                : new Statement { Actor = actor, Act = act, Issue = issue, Target = "China's peace plan", Negated = negated, Hedged = hedged })
            .Array[0, 60];
        long cases = 0;
        facts.Sample(
            list =>
            {
                Interlocked.Increment(ref cases);
                var article = new ArticleFacts("random", list);
                WithinTimeout(() => CheckFacts(ToFlowJson(article)));
            },
            iter: Iterations);
        output.WriteLine($"random valid facts: {cases} cases");
    }

    /// <summary>An article as a one-line-per-fact JSON document (the format's JSON form).</summary>
    private static string ToFlowJson(ArticleFacts article)
    {
        static string Q(string? s) => s is null ? "null" : System.Text.Json.JsonSerializer.Serialize(s);
        var builder = new StringBuilder();
        builder.Append("{\"article\": {\"id\": ").Append(Q(article.Id)).Append("},\n \"facts\": [\n");
        builder.AppendJoin(",\n", article.Facts.Select(f => f switch
        {
            Vote v => $"  {{\"id\": {Q(v.Id)}, \"type\": \"vote\", \"actor\": {Q(v.Actor)}, \"choice\": {Q(FactTypeName(v.Choice))}, \"issue\": {Q(v.Issue)}, \"yes_means\": {Q(v.YesMeans?.ToName())}, \"evidence\": {Q(v.Evidence)}}}",
            Statement s => $"  {{\"id\": {Q(s.Id)}, \"type\": \"statement\", \"actor\": {Q(s.Actor)}, \"act\": {Q(s.Act)}, \"target\": {Q(s.Target)}, \"issue\": {Q(s.Issue)}, \"negated\": {(s.Negated ? "true" : "false")}, \"hedged\": {(s.Hedged ? "true" : "false")}, \"evidence\": {Q(s.Evidence)}}}",
            _ => throw new InvalidOperationException(),
        }));
        builder.Append("\n]}\n");
        return builder.ToString();
    }

    private static string FactTypeName(VoteChoice choice) => choice == VoteChoice.NonVoting ? "non_voting" : choice.ToString().ToLowerInvariant();
}
