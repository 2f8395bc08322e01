using StanceRules.Cli;

namespace StanceRules.Tests.Corpus;

/// <summary><c>stance corpus</c>: usage errors, bad report lines, help.</summary>
public class CorpusCliTests
{
    [Theory]
    [InlineData("--by", "fortnight", "unknown --by 'fortnight'")]
    [InlineData("--by", "2", "unknown --by '2'")]
    [InlineData("--since", "2022-13-01", "--since takes a date as YYYY-MM-DD")]
    [InlineData("--show", "votes", "unknown --show 'votes'")]
    [InlineData("--top", "0", "--top takes a whole number of at least 1")]
    [InlineData("--articles-per-cell", "0", "--articles-per-cell takes a whole number from 1 to 1,000, not '0'")]
    [InlineData("--articles-per-cell", "1001", "--articles-per-cell takes a whole number from 1 to 1,000, not '1001'")]
    [InlineData("--articles-per-cell", "two", "--articles-per-cell takes a whole number from 1 to 1,000, not 'two'")]
    public void Corpus_BadOption_ExitsWithUsage(string option, string value, string message)
    {
        var (exit, output, error) = StanceCli.Run("corpus", Repo.Fixture("unga", "facts"), option, value);

        Assert.Equal((2, ""), (exit, output));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CorpusWindow.Year, null, null, CorpusWindow.Year)]
    [InlineData(CorpusWindow.Year, "2016-04-01", "2016-12-31", CorpusWindow.Quarter)]
    [InlineData(CorpusWindow.Year, "2016-03-01", null, CorpusWindow.Month)]
    [InlineData(CorpusWindow.Year, "2016-03-15", null, CorpusWindow.Day)]
    [InlineData(CorpusWindow.Quarter, "2016-02-01", null, CorpusWindow.Month)]
    [InlineData(CorpusWindow.Month, null, "2016-02-29", CorpusWindow.Month)]
    [InlineData(CorpusWindow.Week, null, null, CorpusWindow.Week)]
    [InlineData(CorpusWindow.Week, "2016-01-05", null, CorpusWindow.Day)]
    [InlineData(CorpusWindow.Day, null, null, CorpusWindow.Day)]
    public void Corpus_TalliesAtTheCoarsestResolutionThatAnswersItsByAndDates(CorpusWindow by, string? since, string? until, CorpusWindow expected)
    {
        var filter = new CorpusFilter { Since = since is null ? null : DateOnly.Parse(since, null), Until = until is null ? null : DateOnly.Parse(until, null) };

        Assert.Equal(expected, CorpusCommand.ResolutionFor(by, filter));
    }

    [Theory]
    [InlineData(null, new[] { "a3", "a2", "a1", "a0" })]
    [InlineData("2", new[] { "a3", "a2" })]
    [InlineData("1", new[] { "a3" })]
    public void Corpus_ArticlesPerCell_KeepsAndShowsThatManyOfTheStrongest_TheRestOfTheAnswerUnchanged(string? perCell, string[] expected)
    {
        // Four articles of one (country, issue, month), a0 the weakest and earliest, a3 the strongest.
        using var folder = new Security.TempFolder();
        var lines = Enumerable.Range(0, 4).Select(i => CorpusPropertyTests.Report($"a{i}", new DateOnly(2023, 3, 1 + i), [(0, 0, 2, 2 + i)]).ToJson(indented: false));
        var path = folder.File("reports.jsonl", string.Join("\n", lines));
        string[] limit = perCell is null ? [] : ["--articles-per-cell", perCell];

        var (exit, output, error) = StanceCli.Run(["corpus", path, "--by", "month", "--format", "json", "--show", "stances", .. limit]);

        Assert.True(exit == 0, error);
        using var document = System.Text.Json.JsonDocument.Parse(output);
        var stance = Assert.Single(document.RootElement.GetProperty("stances").EnumerateArray());
        Assert.Equal(expected, stance.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("article").GetString()));
        Assert.Equal("a0", stance.GetProperty("first_article").GetProperty("article").GetString());
        Assert.Equal(4, stance.GetProperty("tallies")[0].GetProperty("articles").GetInt32());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("ddd,aaa")]
    public void Corpus_StancesWrittenCountryByCountry_AreTheLibrarysStances_InItsOrder_WithTheirArticles(string? countries)
    {
        // Four countries, two issues, ten days, several stances per cell: the CLI asks the corpus
        // again per country to write the stances; the answer must be the library's, window by window.
        using var folder = new Security.TempFolder();
        var (reports, path) = RandomReports(folder, seed: 5, count: 300, days: 10, countries: 4);
        string[] only = countries is null ? [] : ["--country", countries];
        var filter = new CorpusFilter { Countries = countries?.Split(',').Select(c => c.ToUpperInvariant()).ToArray() };
        var expected = StanceCorpus.FromReports(reports).Stances(CorpusWindow.Day, filter)
            .Select(s => $"{s.Country} {s.Issue} {s.Period} {s.Stance.ToName()} {string.Join(",", s.Articles.Select(a => a.Id))} {s.FirstArticle.Id}");

        var (exit, output, error) = StanceCli.Run(["corpus", path, "--by", "day", "--format", "json", "--show", "stances", .. only]);

        Assert.True(exit == 0, error);
        using var document = System.Text.Json.JsonDocument.Parse(output);
        var written = document.RootElement.GetProperty("stances").EnumerateArray().Select(s =>
            $"{s.GetProperty("country").GetString()} {s.GetProperty("issue").GetString()} {s.GetProperty("window").GetString()} {s.GetProperty("stance").GetString()} "
            + $"{string.Join(",", s.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("article").GetString()))} {s.GetProperty("first_article").GetProperty("article").GetString()}");
        Assert.Equal(expected, written);
        Assert.True(written.Count() >= 40, $"{written.Count()} windows");
    }

    [Theory]
    [InlineData("table", null, 1)]
    [InlineData("table", "stances", 0)]
    [InlineData("table", "stances,agreement,closest", 0)]
    [InlineData("table", "changes", 1)]
    [InlineData("csv", null, 0)]
    [InlineData("csv", "changes", 1)]
    [InlineData("csv", "agreement", 0)]
    [InlineData("json", "stances", 2)]
    [InlineData("json", null, 2)]
    [InlineData("html", null, 2)]
    public void Corpus_KeepsOnlyTheEvidenceItsOutputShows_AndWritesWhatACorpusWithEveryEvidenceWrites(string format, string? show, int evidence)
    {
        // Three countries, two issues, twelve days, several stances per cell, two evidence texts per article.
        using var folder = new Security.TempFolder();
        var (reports, path) = RandomReports(folder, seed: 11, count: 400, days: 12, countries: 3);
        string[] sections = show is null ? [] : ["--show", show];
        var shown = show?.Split(',') ?? format switch { "csv" => ["stances"], "table" => ["stances", "changes", "closest"], _ => CorpusCommand.Sections };
        var query = new CorpusQuery { By = CorpusWindow.Day, Options = new CorpusOptions { Resolution = CorpusWindow.Day }, Show = shown };
        var expected = new StringWriter();
        CorpusCommand.Write(CorpusAnswers.Ask(StanceCorpus.FromReports(reports, query.Options), query, 0), format, expected);

        var (exit, output, error) = StanceCli.Run(["corpus", path, "--by", "day", "--format", format, .. sections]);

        Assert.True(exit == 0, error);
        Assert.Equal(evidence, CorpusCommand.EvidenceShown(format, shown));
        Assert.Equal(expected.ToString(), output);
        // The first evidence text of an article names it ("... in a12"), the second is "second evidence of a12".
        Assert.Equal((evidence > 0, evidence > 1), (output.Contains(" in a", StringComparison.Ordinal), output.Contains("second evidence of", StringComparison.Ordinal)));
    }

    [Fact]
    public void Corpus_NoPath_ExitsWithUsage()
    {
        Assert.Equal(2, StanceCli.Run("corpus").Exit);
    }

    [Fact]
    public void Corpus_Help_PrintsTheCommandsUsage()
    {
        var (exit, output, _) = StanceCli.Run("corpus", "--help");

        Assert.Equal(0, exit);
        Assert.StartsWith("Usage:\n  stance corpus PATH...", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("stance validate", output, StringComparison.Ordinal);
        Assert.Contains("Definitions: docs/corpus.md.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Corpus_AFifoNamedLikeAJsonlOfReports_IsAnError_NotAHang()
    {
        using var folder = new Security.TempFolder();
        var fifo = folder.Fifo("reports.jsonl");

        var (exit, _, error) = StanceCli.Run("corpus", fifo);

        Assert.Equal(1, exit);
        Assert.Contains($"{fifo}: error: cannot read: it is a FIFO (named pipe), not a regular file", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Corpus_AJsonlLineLongerThanTheFileLimit_IsSkippedWithItsNumber_AndTheOtherLinesCount()
    {
        using var folder = new Security.TempFolder();
        var first = CorpusPropertyTests.Report("a1", new DateOnly(2023, 3, 1), [(0, 0, 2, 6)]).ToJson(indented: false);
        var last = CorpusPropertyTests.Report("a3", new DateOnly(2023, 3, 2), [(0, 0, 2, 6)]).ToJson(indented: false);
        var path = folder.File("reports.jsonl", first + "\n" + new string('x', StanceLimits.Default.MaxFileBytes + 10) + "\n" + last);

        var (exit, output, error) = StanceCli.Run("corpus", path, "--format", "json");

        Assert.Equal(1, exit);
        Assert.Contains($"{path}:2: error: line longer than 4,194,304 characters (StanceLimits.MaxFileBytes); skipped", error, StringComparison.Ordinal);
        Assert.Contains("\"articles\": 2,", output, StringComparison.Ordinal);
        Assert.Contains("\"failed\": 1,", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Corpus_JsonAnswerLargerThanOneWrite_IsWrittenInChunks_AsOneWholeDocument()
    {
        // 1,000 days of stances give some 400 KB of JSON: written out in pieces, never held whole.
        using var folder = new Security.TempFolder();
        var start = new DateOnly(2020, 1, 1);
        var lines = Enumerable.Range(0, 1000).Select(i => CorpusPropertyTests.Report($"a{i}", start.AddDays(i), [(0, 0, 2, 6)]).ToJson(indented: false));
        var path = folder.File("reports.jsonl", string.Join("\n", lines));

        var (exit, output, _) = StanceCli.Run("corpus", path, "--by", "day", "--show", "stances", "--format", "json");

        Assert.Equal(0, exit);
        Assert.True(output.Length > 4 * 65_536, $"{output.Length} characters");
        using var document = System.Text.Json.JsonDocument.Parse(output);
        var stances = document.RootElement.GetProperty("stances").EnumerateArray().ToArray();
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => $"a{i}"), stances.Select(s => s.GetProperty("first_article").GetProperty("article").GetString()));
        Assert.EndsWith("}" + Environment.NewLine, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Corpus_JsonlWithABadLine_ReportsFileAndLine_CountsTheRest_AndExits1()
    {
        var good = CorpusPropertyTests.Report("a1", new DateOnly(2023, 3, 1), [(0, 0, 2, 6)]).ToJson(indented: false);
        var undated = CorpusPropertyTests.Report("a2", null, [(0, 0, 2, 6)]).ToJson(indented: false);
        var path = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.jsonl");
        File.WriteAllLines(path, [good, "{\"article\": \"x\", \"published\": \"March\"}", undated, good, "not json"]);
        try
        {
            var (exit, output, error) = StanceCli.Run("corpus", path, "--format", "json");

            Assert.Equal(1, exit);
            Assert.Contains($"{path}:2: error: ", error, StringComparison.Ordinal);
            Assert.Contains($"{path}:5: error: not a stance report", error, StringComparison.Ordinal);
            Assert.Contains("\"articles\": 1,", output, StringComparison.Ordinal);
            Assert.Contains("\"undated\": 1,", output, StringComparison.Ordinal);
            Assert.Contains("\"repeated\": 1,", output, StringComparison.Ordinal);
            Assert.Contains("\"failed\": 2,", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("day")]
    [InlineData("week")]
    [InlineData("month")]
    [InlineData("quarter")]
    [InlineData("year")]
    public void Corpus_ArticlesDatedOnTheFirstAndLastRepresentableDays_DoNotCrash_InAnyWindow(string by)
    {
        using var folder = new Security.TempFolder();
        folder.File("last.facts.yaml", "article: { id: last, published: 9999-12-31 }\nfacts:\n  - { type: statement, actor: India, act: condemn, issue: war }\n");
        folder.File("first.facts.yaml", "article: { id: first, published: 0001-01-01 }\nfacts:\n  - { type: statement, actor: India, act: welcome, issue: war }\n");

        var (exit, output, error) = StanceCli.Run("corpus", folder.Path, "--by", by, "--format", "json");

        Assert.True(exit == 0, error);
        Assert.Contains("\"articles\": 2,", output, StringComparison.Ordinal);
        Assert.Contains("\"9999-12-31\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Corpus_ARepeatedArticleIdWithOtherContent_IsAWarningNamingTheLine_TheFirstCounts()
    {
        using var folder = new Security.TempFolder();
        var first = CorpusPropertyTests.Report("a1", new DateOnly(2023, 3, 1), [(0, 0, 2, 6)]).ToJson(indented: false);
        var other = CorpusPropertyTests.Report("a1", new DateOnly(2023, 3, 1), [(0, 0, 0, 6)]).ToJson(indented: false);
        var path = folder.File("reports.jsonl", first + "\n" + first + "\n" + other + "\n");

        var (exit, output, error) = StanceCli.Run("corpus", path, "--format", "json");

        Assert.Equal(0, exit);
        Assert.Contains($"{path}:3: warning: article id 'a1' was already added with other content (date or stances); the first counts", error, StringComparison.Ordinal);
        Assert.DoesNotContain($"{path}:2: warning", error, StringComparison.Ordinal);
        Assert.Contains("\"repeated\": 2,", output, StringComparison.Ordinal);
    }

    /// <summary>Reports from March 2023 with three stances each (two issues, any stance and confidence), written as JSON Lines.</summary>
    private static (StanceReport[] Reports, string Path) RandomReports(Security.TempFolder folder, int seed, int count, int days, int countries)
    {
        var random = new Random(seed);
        var reports = Enumerable.Range(0, count).Select(i => CorpusPropertyTests.Report($"a{i}", new DateOnly(2023, 3, 1 + random.Next(days)),
            Enumerable.Range(0, 3).Select(_ => (random.Next(countries), random.Next(2), random.Next(4), random.Next(8))).ToArray())).ToArray();
        return (reports, folder.File("reports.jsonl", string.Join("\n", reports.Select(r => r.ToJson(indented: false)))));
    }
}
