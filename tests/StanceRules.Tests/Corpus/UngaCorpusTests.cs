using System.Globalization;
using System.Text.Json;

namespace StanceRules.Tests.Corpus;

/// <summary>
/// <c>stance corpus</c> on the real record of three UNGA votes (UN Digital Library, voting records),
/// checked against figures computed here straight from the CSVs, not through the library.
/// Non-voting is no stance: a pair is compared only on the votes both cast.
/// </summary>
public class UngaCorpusTests
{
    private static readonly (string File, string Motion, string Date)[] Votes =
    [
        ("es11-1", "A/RES/ES-11/1", "2022-03-02"),
        ("es11-4", "A/RES/ES-11/4", "2022-10-12"),
        ("es11-6", "A/RES/ES-11/6", "2023-02-23"),
    ];

    private static string Facts(string file) => Repo.Fixture("unga", "facts", file + ".facts.yaml");

    /// <summary>iso3 → vote, from the CSV, without non-voting members.</summary>
    private static Dictionary<string, string> Cast(string file) =>
        UngaVotes.Read(file + ".csv").Where(r => r.Vote != "non_voting").ToDictionary(r => r.Iso3, r => r.Vote);

    private static string StanceOf(string vote) => vote switch { "yes" => "condemns", "no" => "rejects", _ => "abstains" };

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void FactFixture_HoldsEveryRowOfItsCsv_DatedAsAdopted(int vote)
    {
        var (file, motion, date) = Votes[vote];
        var article = ArticleFacts.Load(Facts(file));
        var rows = UngaVotes.Read(file + ".csv");

        Assert.Equal(DateOnly.Parse(date, CultureInfo.InvariantCulture), article.Published);
        Assert.Equal(
            rows.Select(r => (r.Iso3, r.Country, r.Vote)),
            article.Facts.Cast<Vote>().Select(v => (v.Id, v.Actor, v.Choice.ToString() switch { "NonVoting" => "non_voting", var c => c.ToLowerInvariant() })));
        Assert.All(article.Facts.Cast<Vote>(), v => Assert.Equal((motion, "russia-ukraine-war", Stance.Condemns), (v.Motion, v.Issue, v.YesMeans)));
    }

#if STANCE_CLI // runs the stance CLI, which targets net10.0 only
    [Fact]
    public void Corpus_Es11_1AndEs11_6_ListsExactlyTheCountriesWhoseVoteChanged()
    {
        var (before, after) = (Cast("es11-1"), Cast("es11-6"));
        var expected = before.Keys.Where(after.ContainsKey).Where(c => before[c] != after[c])
            .Select(c => $"{c},{StanceOf(before[c])},{StanceOf(after[c])},2022-03,2023-02,unga-es11-6")
            .Order(StringComparer.Ordinal)
            .ToArray();

        var (exit, csv, error) = StanceCli.Run("corpus", Facts("es11-1"), Facts("es11-6"), "--format", "csv", "--show", "changes");

        Assert.Equal((0, ""), (exit, error));
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("country,issue,from,to,from_window,to_window,first_article,first_published,evidence", lines[0]);
        var changes = lines.Skip(1).Select(l => l.Split(',')).Select(f => string.Join(',', f[0], f[2], f[3], f[4], f[5], f[6])).ToArray();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, changes);
    }

    [Fact]
    public void Corpus_ThreeVotes_ChangesAreEachCountrysConsecutiveVotesThatDiffer_SkippingNonVoting()
    {
        var cast = Votes.Select(v => Cast(v.File)).ToArray();
        var expected = new List<string>();
        foreach (var country in cast.SelectMany(c => c.Keys).Distinct().Order(StringComparer.Ordinal))
        {
            var sequence = Enumerable.Range(0, 3).Where(i => cast[i].ContainsKey(country)).Select(i => (Vote: cast[i][country], Article: "unga-" + Votes[i].File)).ToArray();
            for (var i = 1; i < sequence.Length; i++)
            {
                if (sequence[i].Vote != sequence[i - 1].Vote)
                {
                    expected.Add($"{country} {StanceOf(sequence[i - 1].Vote)} {StanceOf(sequence[i].Vote)} {sequence[i].Article}");
                }
            }
        }

        var (exit, json, _) = StanceCli.Run("corpus", Repo.Fixture("unga", "facts"), "--format", "json", "--show", "changes");

        Assert.Equal(0, exit);
        var changes = JsonDocument.Parse(json).RootElement.GetProperty("changes").EnumerateArray()
            .Select(c => $"{c.GetProperty("country").GetString()} {c.GetProperty("from").GetString()} {c.GetProperty("to").GetString()} {c.GetProperty("first_article").GetProperty("article").GetString()}")
            .ToArray();
        Assert.Equal(expected, changes);
    }

    [Theory]
    [InlineData("day")]
    [InlineData("month")]
    [InlineData("quarter")]
    public void Corpus_AgreementOfEveryPair_IsTheShareOfTheVotesBothCastThatAreAlike_AndItsSScore(string by)
    {
        var cast = Votes.Select(v => Cast(v.File)).ToArray();
        var position = new Dictionary<string, double> { ["yes"] = 0, ["abstain"] = 0.5, ["no"] = 1 };
        var countries = cast.SelectMany(c => c.Keys).Distinct().Order(StringComparer.Ordinal).ToArray();
        var expected = new Dictionary<string, (int Issues, int Alike, double Share, double S)>();
        foreach (var a in countries)
        {
            foreach (var b in countries.Where(b => string.CompareOrdinal(a, b) < 0))
            {
                var both = cast.Where(c => c.ContainsKey(a) && c.ContainsKey(b)).ToArray();
                if (both.Length > 0)
                {
                    var alike = both.Count(c => c[a] == c[b]);
                    var distance = both.Sum(c => Math.Abs(position[c[a]] - position[c[b]]));
                    expected[$"{a}-{b}"] = (both.Length, alike, Math.Round((double)alike / both.Length, 4), Math.Round(1 - (2 * distance / both.Length), 4));
                }
            }
        }

        var (exit, csv, _) = StanceCli.Run("corpus", Repo.Fixture("unga", "facts"), "--by", by, "--format", "csv", "--show", "agreement");

        Assert.Equal(0, exit);
        var actual = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1)
            .Select(l => l.Split(','))
            .ToDictionary(f => $"{f[0]}-{f[1]}", f => (int.Parse(f[2], CultureInfo.InvariantCulture), int.Parse(f[3], CultureInfo.InvariantCulture), double.Parse(f[4], CultureInfo.InvariantCulture), double.Parse(f[5], CultureInfo.InvariantCulture)));
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (pair, figures) in expected)
        {
            Assert.True(figures == actual[pair], $"{pair}: expected {figures}, got {actual[pair]}");
        }
    }

    [Fact]
    public void Corpus_ReadsTheJsonlOfStanceInfer_AndAnswersAsFromTheFactDocuments()
    {
        var (inferExit, jsonl, _) = StanceCli.Run("infer", Repo.Fixture("unga", "facts"), "--format", "jsonl");
        Assert.Equal(0, inferExit);
        var path = Path.Combine(Path.GetTempPath(), $"unga-{Guid.NewGuid():N}.jsonl");
        try
        {
            File.WriteAllText(path, jsonl);

            var fromJsonl = StanceCli.Run("corpus", path, "--format", "json", "--by", "day");
            var fromFacts = StanceCli.Run("corpus", Repo.Fixture("unga", "facts"), "--format", "json", "--by", "day");

            Assert.Equal((0, ""), (fromJsonl.Exit, fromJsonl.Err));
            Assert.Contains("\"articles\": 3,", fromJsonl.Out, StringComparison.Ordinal);
            Assert.Equal(fromFacts.Out, fromJsonl.Out);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Corpus_ClosestToIndia_AreTheCountriesThatVotedAsIndiaDidEachTime()
    {
        var cast = Votes.Select(v => Cast(v.File)).ToArray();
        var sameEveryTime = cast[0].Keys
            .Where(c => c != "IND" && cast.All(v => v.TryGetValue(c, out var vote) && vote == v["IND"]))
            .Order(StringComparer.Ordinal)
            .ToArray();

        var (exit, json, _) = StanceCli.Run("corpus", Repo.Fixture("unga", "facts"), "--country", "IND", "--top", sameEveryTime.Length.ToString(CultureInfo.InvariantCulture), "--format", "json", "--show", "closest");

        Assert.Equal(0, exit);
        var closest = JsonDocument.Parse(json).RootElement.GetProperty("closest").GetProperty("IND").EnumerateArray().ToArray();
        Assert.Contains("CHN", sameEveryTime);
        Assert.Equal(sameEveryTime, closest.Select(c => c.GetProperty("other").GetString()).ToArray());
        Assert.All(closest, c => Assert.Equal((3, 1.0), (c.GetProperty("issues").GetInt32(), c.GetProperty("s_score").GetDouble())));
    }

    [Fact]
    public void Readme_CorpusExample_ShowsWhatTheCommandPrints()
    {
        var readme = File.ReadAllText(Path.Combine(Repo.Root, "README.md")).ReplaceLineEndings("\n");
        var example = System.Text.RegularExpressions.Regex.Match(readme, @"```text\n\$ stance (corpus [^\n]+)\n(.*?)\n```", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(example.Success, "no stance corpus example in README.md");
        var args = example.Groups[1].Value.Split(' ').Select(a => a.StartsWith("tests/", StringComparison.Ordinal) ? Path.Combine(Repo.Root, a) : a).ToArray();

        var (exit, output, _) = StanceCli.Run(args);

        Assert.Equal(0, exit);
        Assert.Equal(example.Groups[2].Value.TrimEnd(), output.ReplaceLineEndings("\n").TrimEnd());
    }
#endif
}
