using System.Diagnostics;

namespace StanceRules.Tests.Security;

/// <summary>The weak spots of issue 14 in the formats: tags, anchors in references, unknown keys, empty conditions, tabs, counting facts while parsing.</summary>
public class YamlWeakSpotTests
{
    private static IReadOnlyList<Diagnostic> RuleErrors(string rules) =>
        Assert.Throws<StanceRulesException>(() => StanceEngine.FromYaml([.. Repo.KnowledgeFiles(), new("weak.yaml", rules)])).Diagnostics;

    [Theory]
    [InlineData("!!binary aGVsbG8=", "tag:yaml.org,2002:binary")]
    [InlineData("!!python/object:os.system echo", "tag:yaml.org,2002:python/object:os.system")]
    [InlineData("!custom welcome", "!custom")]
    [InlineData("!!str welcome", "tag:yaml.org,2002:str")]
    [InlineData("!<tag:example.com,2000:x> welcome", "tag:example.com,2000:x")]
    public void ATagInAFactDocument_IsADiagnosticAtTheTag(string value, string tag)
    {
        var text = $"article: {{ id: a }}\nfacts:\n  - type: statement\n    actor: China\n    act: {value}\n";

        Assert.False(ArticleFacts.TryParse(text, "tag.facts.yaml", out _, out var diagnostics));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.YamlTag, 5, 10), (diagnostic.Code, diagnostic.Location.Line, diagnostic.Location.Column));
        Assert.Contains(tag, diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("!!map { statement: {} }")]
    [InlineData("!!seq [ { statement: {} } ]")]
    [InlineData("!include other.yaml")]
    public void ATagInARuleFile_IsADiagnostic(string when)
    {
        var diagnostic = Assert.Single(RuleErrors($"rules:\n  - id: r\n    when: {when}\n    then: {{ stance: supports }}\n"));

        Assert.Equal((DiagnosticCodes.YamlTag, 3), (diagnostic.Code, diagnostic.Location.Line));
    }

    [Theory]
    [InlineData("\"$s.actor\\n\"")]
    [InlineData("\"$s.actor\\r\\n\"")]
    [InlineData("\"$s.actor \"")]
    public void AVariableReferenceWithTrailingOrLeadingWhitespace_IsNotAReference(string reference)
    {
        var diagnostic = Assert.Single(RuleErrors($"rules:\n  - id: r\n    when: [ statement as s: {{}}, vote: {{ actor: {reference} }} ]\n    then: {{ stance: supports }}\n"));

        Assert.Equal((DiagnosticCodes.UndefinedVariable, 3), (diagnostic.Code, diagnostic.Location.Line));
    }

    [Fact]
    public void APatternHeaderWithATrailingNewline_IsNotAPattern()
    {
        var diagnostic = Assert.Single(RuleErrors("rules:\n  - id: r\n    when: [ \"statement as s\\n\": {} ]\n    then: { stance: supports }\n"));

        Assert.Equal(DiagnosticCodes.UnknownPatternType, diagnostic.Code);
    }

    [Theory]
    [InlineData("country: USA")]
    [InlineData("country: $s.country")]
    public void CountryInsideAssert_IsADiagnostic_NotSilentlyIgnored(string field)
    {
        var diagnostic = Assert.Single(RuleErrors($"rules:\n  - id: r\n    when: [ statement as s: {{}} ]\n    then: {{ assert: {{ claim: {{ name: c, {field} }} }} }}\n"));

        Assert.Equal((DiagnosticCodes.UnknownKey, 4), (diagnostic.Code, diagnostic.Location.Line));
        Assert.Contains("'then.country'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("colour: red", DiagnosticCodes.UnknownField)]
    [InlineData("target: [a, b]", DiagnosticCodes.WrongNodeKind)]
    public void OtherBadKeysInsideAssert_AreDiagnostics(string field, string code)
    {
        Assert.Contains(code, RuleErrors($"rules:\n  - id: r\n    when: [ statement as s: {{}} ]\n    then: {{ assert: {{ claim: {{ name: c, {field} }} }} }}\n").Select(d => d.Code));
    }

    [Theory]
    [InlineData("{}", 3, 36)]
    [InlineData("[]", 3, 36)]
    [InlineData("~", 3, 31)]
    [InlineData("null", 3, 31)]
    [InlineData("", 3, 31)]
    public void AnEmptyCondition_IsADiagnostic(string condition, int line, int column)
    {
        var diagnostic = Assert.Single(RuleErrors($"rules:\n  - id: r\n    when: [ statement as s: {{ act: {condition} }} ]\n    then: {{ stance: supports }}\n"));

        Assert.Equal((DiagnosticCodes.EmptyCondition, line, column), (diagnostic.Code, diagnostic.Location.Line, diagnostic.Location.Column));
    }

    [Fact]
    public void AnEmptyPatternBody_StillMeansAnyFactOfTheType()
    {
        var engine = StanceEngine.FromYaml([.. Repo.KnowledgeFiles(), new("any.yaml", "rules:\n  - id: r\n    when: [ statement: {} ]\n    then: { stance: supports }\n")]);

        Assert.Single(engine.Infer(ArticleFacts.Parse("article: { id: a }\nfacts:\n  - { type: statement, actor: China, act: x, issue: a-b }\n")).Stances);
    }

    [Theory]
    [InlineData("article: { id: a }\nfacts:\n  - type: statement\n\t actor: China\n", 4)]
    [InlineData("article:\n  id: a\nfacts:\n\t- { type: statement, actor: China, act: x }\n", 4)]
    [InlineData("article:\n\tid: a\nfacts: []\n", 2)]
    public void ATabUsedAsIndentation_IsReportedAtItsLine(string text, int line)
    {
        Assert.False(ArticleFacts.TryParse(text, "tab.facts.yaml", out _, out var diagnostics));

        Assert.Equal((DiagnosticCodes.YamlSyntax, line), (diagnostics[0].Code, diagnostics[0].Location.Line));
        Assert.Contains("tab", diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  - {}\n")]
    [InlineData("  - \n")]
    [InlineData("  - x\n")]
    public void AMillionEmptyFacts_StopAtTheFactLimit_WhileParsing(string item)
    {
        var text = "article: { id: a }\nfacts:\n" + string.Concat(Enumerable.Repeat(item, 1_000_000));
        var before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();

        Assert.False(ArticleFacts.TryParse(text, "many.facts.yaml", out _, out var diagnostics, limits: new StanceLimits { MaxFileBytes = 16 << 20 }));

        var allocatedMb = (GC.GetAllocatedBytesForCurrentThread() - before) >> 20;
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.LimitExceeded, 100_003), (diagnostic.Code, diagnostic.Location.Line));
        Assert.Contains("StanceLimits.MaxFactsPerDocument (100,000)", diagnostic.Message, StringComparison.Ordinal);
        Assert.InRange(allocatedMb, 0, 200); // the whole tree took 360 MB; stopping at 100,000 items allocates a fraction
        Assert.InRange(clock.Elapsed.TotalSeconds, 0, 30);
    }
}
