using System.Diagnostics;

namespace StanceRules.Tests.Security;

/// <summary>
/// Classes 3 and 4 of issue 14: only regular files are read, the bytes read count against the
/// size limit, and folders are walked under the link policy (no link out of the folder unless
/// <see cref="StanceLimits.FollowLinksOutOfFolder"/>; loops end; each file once).
/// </summary>
public class FileReadingTests
{
    private const string OneRule = "rules:\n  - id: r\n    when: [ statement: {} ]\n    then: { stance: supports }\n";
    private const string Facts = "article: { id: a }\nfacts:\n  - { id: f1, type: statement, actor: China, act: welcome, issue: x-y }\n";

    private static Diagnostic LoadError(string path, StanceLimits? limits = null)
    {
        var clock = Stopwatch.StartNew();
        Assert.False(ArticleFacts.TryLoad(path, out _, out var diagnostics, limits: limits));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), "reading took " + clock.Elapsed);
        return Assert.Single(diagnostics);
    }

    [Theory]
    [InlineData("/dev/zero", "a character device")]
    [InlineData("/dev/null", "a character device")]
    [InlineData("/dev/urandom", "a character device")]
    [InlineData("/tmp", "a folder")]
    public void ADeviceOrFolder_AsAFactDocument_IsADiagnostic_NotARead(string path, string kind)
    {
        var diagnostic = LoadError(path);

        Assert.Equal((DiagnosticCodes.FileNotReadable, $"cannot read: it is {kind}, not a regular file"), (diagnostic.Code, diagnostic.Message));
        Assert.Equal((path, 1, 1), (diagnostic.Location.File, diagnostic.Location.Line, diagnostic.Location.Column));
    }

    [Fact]
    public void AFifo_AsAFactDocument_IsADiagnostic_NotAHang()
    {
        using var folder = new TempFolder();
        var fifo = folder.Fifo("pipe.facts.yaml");

        var diagnostic = LoadError(fifo);

        Assert.Equal("cannot read: it is a FIFO (named pipe), not a regular file", diagnostic.Message);
    }

    [Fact]
    public void OpenRegularFile_RefusesAFifoAndAFolder_WithTheReason_AndOpensAFile()
    {
        using var folder = new TempFolder();
        var fifo = folder.Fifo("reports.jsonl");
        var file = folder.File("reports-2.jsonl", "{}\n");

        Assert.Null(StanceFiles.OpenRegularFile(fifo, out var fifoError));
        Assert.Null(StanceFiles.OpenRegularFile(folder.Path, out var folderError));
        Assert.Null(StanceFiles.OpenRegularFile(Path.Combine(folder.Path, "missing.jsonl"), out var missingError));
        using var stream = StanceFiles.OpenRegularFile(file, out var none);

        Assert.Equal("cannot read: it is a FIFO (named pipe), not a regular file", fifoError);
        Assert.Equal("cannot read: it is a folder, not a regular file", folderError);
        Assert.StartsWith("cannot read: ", missingError, StringComparison.Ordinal);
        Assert.Null(none);
        Assert.Equal("{}\n", new StreamReader(stream!).ReadToEnd());
    }

    [Fact]
    public void AFifoAndALinkToDevZero_InARulesFolder_AreDiagnostics_AndTheOtherFilesStillLoad()
    {
        using var folder = new TempFolder();
        folder.File("rules.yaml", OneRule);
        folder.Fifo("pipe.yaml");
        folder.Link("zero.yaml", "/dev/zero");

        Assert.False(StanceEngine.TryLoad(folder.Path, out _, out var diagnostics));

        Assert.Equal(2, diagnostics.Count);
        Assert.Contains(diagnostics, d => d.Location.File.EndsWith("pipe.yaml", StringComparison.Ordinal) && d.Message.Contains("FIFO", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Location.File.EndsWith("zero.yaml", StringComparison.Ordinal) && d.Code == DiagnosticCodes.LinkNotFollowed);
    }

#if STANCE_CLI // runs the stance CLI, which targets net10.0 only
    [Fact]
    public void InferDevZero_OnTheCommandLine_ExitsWithADiagnostic()
    {
        var (exit, stdout, stderr) = StanceCli.Run("infer", "/dev/zero");

        Assert.Equal(1, exit);
        Assert.Empty(stdout);
        Assert.Contains("/dev/zero:1:1: error SR0006: cannot read: it is a character device, not a regular file", stderr, StringComparison.Ordinal);
    }
#endif

    [Fact]
    public void TheBytesRead_CountAgainstTheLimit_WhateverTheFileReports()
    {
        using var folder = new TempFolder();
        var path = folder.File("big.facts.yaml", Facts + "# " + new string('x', 5_000) + "\n");

        var diagnostic = LoadError(path, new StanceLimits { MaxFileBytes = 1_000 });

        Assert.Equal(DiagnosticCodes.LimitExceeded, diagnostic.Code);
        Assert.Contains("StanceLimits.MaxFileBytes (1,000)", diagnostic.Message, StringComparison.Ordinal);
        Assert.True(ArticleFacts.TryLoad(folder.File("ok.facts.yaml", Facts), out _, out _, limits: new StanceLimits { MaxFileBytes = 1_000 }));
    }

    [Fact]
    public void AFileOfExactlyTheLimit_IsRead_AndOneByteMoreIsNot()
    {
        using var folder = new TempFolder();
        var exact = Facts + new string('#', 200 - Facts.Length - 1) + "\n";
        Assert.Equal(200, exact.Length);

        Assert.True(ArticleFacts.TryLoad(folder.File("exact.facts.yaml", exact), out _, out _, limits: new StanceLimits { MaxFileBytes = 200 }));
        Assert.Equal(DiagnosticCodes.LimitExceeded, LoadError(folder.File("over.facts.yaml", exact + "#"), new StanceLimits { MaxFileBytes = 200 }).Code);
    }

    [Fact]
    public void ALinkToAFileOutsideTheRulesFolder_IsNotFollowed_AndNothingOfTheTargetIsQuoted()
    {
        using var folder = new TempFolder();
        folder.File("rules.yaml", OneRule);
        folder.Link("passwd.yaml", "/etc/passwd");

        Assert.False(StanceEngine.TryLoad(folder.Path, out _, out var diagnostics));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.LinkNotFollowed, diagnostic.Code);
        Assert.EndsWith("passwd.yaml", diagnostic.Location.File, StringComparison.Ordinal);
        Assert.DoesNotContain("root", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALinkToAFolderOutside_IsNotFollowed_UnlessTheOptionAllowsIt()
    {
        using var outside = new TempFolder();
        outside.File("more.yaml", OneRule.Replace("id: r", "id: outside-rule", StringComparison.Ordinal));
        using var folder = new TempFolder();
        folder.File("rules.yaml", OneRule);
        folder.Link("shared", outside.Path);

        Assert.False(StanceEngine.TryLoad(folder.Path, out _, out var diagnostics));
        Assert.Equal(DiagnosticCodes.LinkNotFollowed, Assert.Single(diagnostics).Code);

        var engine = StanceEngine.Load(folder.Path, new StanceEngineOptions { Limits = new StanceLimits { FollowLinksOutOfFolder = true } });
        Assert.Equal(["r", "outside-rule"], engine.RuleIds);
    }

    [Fact]
    public void ALinkLoop_InARulesFolder_LoadsEachFileOnce()
    {
        using var folder = new TempFolder();
        folder.File("sub/rules.yaml", OneRule);
        folder.Link("sub/loop", folder.Path);
        folder.Link("again", Path.Combine(folder.Path, "sub"));
        folder.Link("same.yaml", Path.Combine(folder.Path, "sub", "rules.yaml"));

        var engine = StanceEngine.Load(folder.Path);

        Assert.Equal(["r"], engine.RuleIds);
    }

    [Fact]
    public void ASelfLinkAndABrokenLink_AreDiagnostics()
    {
        using var folder = new TempFolder();
        folder.File("rules.yaml", OneRule);
        folder.Link("self.yaml", Path.Combine(folder.Path, "self.yaml"));
        folder.Link("gone.yaml", Path.Combine(folder.Path, "nowhere.yaml"));

        Assert.False(StanceEngine.TryLoad(folder.Path, out _, out var diagnostics));

        Assert.Equal(["gone.yaml", "self.yaml"], diagnostics.Select(d => Path.GetFileName(d.Location.File)).Order(StringComparer.Ordinal));
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticCodes.LinkNotFollowed, d.Code));
    }

#if STANCE_CLI // runs the stance CLI, which targets net10.0 only
    [Fact]
    public void ALinkLoop_InABatchInputFolder_InfersEachDocumentOnce()
    {
        using var folder = new TempFolder();
        folder.File("in/a.facts.yaml", Facts);
        folder.Link("in/loop", Path.Combine(folder.Path, "in"));
        folder.Link("in/again.facts.yaml", Path.Combine(folder.Path, "in", "a.facts.yaml"));

        var (exit, stdout, stderr) = StanceCli.Run("infer", Path.Combine(folder.Path, "in"), "--format", "jsonl");

        Assert.Equal(0, exit);
        Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(stderr);
    }

    [Fact]
    public void ALinkOutOfABatchInputFolder_IsReported_AndTheOthersAreInferred()
    {
        using var outside = new TempFolder();
        var secret = outside.File("secret.facts.yaml", Facts);
        using var folder = new TempFolder();
        folder.File("a.facts.yaml", Facts);
        folder.Link("b.facts.yaml", secret);

        var (exit, stdout, stderr) = StanceCli.Run("infer", folder.Path, "--format", "jsonl");

        Assert.Equal(1, exit);
        Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("b.facts.yaml:1:1: error SR0008: link not followed", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyInputFolder_SaysSo_AndJsonIsAnEmptyArray()
    {
        using var folder = new TempFolder();

        var (exit, stdout, stderr) = StanceCli.Run("infer", folder.Path, "--format", "json");
        var (tableExit, tableOut, tableErr) = StanceCli.Run("infer", folder.Path);

        Assert.Equal((0, "[]"), (exit, stdout.Trim()));
        Assert.Contains("no fact documents (*.facts.yaml, *.facts.yml, *.facts.json) or articles (*.article.txt) in", stderr, StringComparison.Ordinal);
        Assert.Equal((0, ""), (tableExit, tableOut));
        Assert.Contains("no fact documents", tableErr, StringComparison.Ordinal);
    }
#endif
}
