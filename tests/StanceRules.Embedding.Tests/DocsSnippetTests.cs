#if NET10_0_OR_GREATER // the service examples need ASP.NET Core, which this project has on net10.0 only
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace StanceRules.Embedding.Tests;

/// <summary>
/// Docs that compile: every C# block (<c>```csharp</c>, <c>```cs</c>, <c>```c#</c>) of README.md, docs/*.md and the
/// packages' READMEs is compiled with Roslyn against StanceRules, its DI package and ASP.NET Core, as the
/// program of a new web project. The convention (README.md, "Docs that compile"): a block is a program's top-level
/// statements (and types after them), with the usings of a new web project plus <c>using StanceRules;</c> implied,
/// and may use a few givens without declaring them (<see cref="Givens"/>): each is declared for it unless it
/// declares that name itself. A block not meant to compile follows a line <c>&lt;!-- not compiled: REASON --&gt;</c>:
/// kept rare (<see cref="MaxNotCompiled"/>).
/// </summary>
public sealed partial class DocsSnippetTests
{
    /// <summary>The givens a block may use undeclared, by name: what it would have at hand in a real program.</summary>
    public static readonly IReadOnlyDictionary<string, string> Givens = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["engine"] = "StanceRules.StanceEngine engine = StanceRules.StanceEngine.CreateDefault();",
        ["article"] = "StanceRules.ArticleFacts article = null!;",
        ["report"] = "StanceRules.StanceReport report = null!;",
        ["text"] = "string text = \"\";",
        ["stream"] = "System.IO.Stream stream = System.IO.Stream.Null;",
        ["cancellationToken"] = "System.Threading.CancellationToken cancellationToken = default;",
        ["services"] = "Microsoft.Extensions.DependencyInjection.IServiceCollection services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();",
        ["builder"] = "Microsoft.AspNetCore.Builder.WebApplicationBuilder builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder();",
        ["app"] = "Microsoft.AspNetCore.Builder.WebApplication app = null!;",
    };

    /// <summary>At most this many blocks may be marked not compiled.</summary>
    private const int MaxNotCompiled = 2;

    private const string NotCompiledMarker = "<!-- not compiled:";

    /// <summary>The usings of a new web project (its implicit usings), and the library's namespace.</summary>
    private const string ImpliedUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Net.Http.Json;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Microsoft.AspNetCore.Builder;
        global using Microsoft.AspNetCore.Hosting;
        global using Microsoft.AspNetCore.Http;
        global using Microsoft.AspNetCore.Routing;
        global using Microsoft.Extensions.Configuration;
        global using Microsoft.Extensions.DependencyInjection;
        global using Microsoft.Extensions.Hosting;
        global using Microsoft.Extensions.Logging;
        global using StanceRules;
        """;

    private static readonly Lazy<MetadataReference[]> References = new(LoadReferences);

    public static TheoryData<string, int> Snippets()
    {
        var data = new TheoryData<string, int>();
        foreach (var (file, line, _, notCompiled) in AllSnippets())
        {
            if (!notCompiled)
            {
                data.Add(file, line);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Snippets))]
    public void Snippet_Compiles(string file, int line)
    {
        var code = AllSnippets().Single(s => s.File == file && s.Line == line).Code;

        var errors = Compile(code, file, line);

        Assert.True(errors.Count == 0, $"{file}:{line}: the C# block does not compile:\n{string.Join("\n", errors)}");
    }

    [Fact]
    public void Snippets_AreFoundInTheReadmeAndTheDocs_AndFewAreMarkedNotCompiled()
    {
        var snippets = AllSnippets().ToArray();

        Assert.Contains(snippets, s => s.File == "README.md");
        Assert.Contains(snippets, s => s.File.StartsWith("docs/", StringComparison.Ordinal));
        Assert.True(snippets.Length >= 8, $"only {snippets.Length} C# blocks found");
        Assert.True(snippets.Count(s => s.NotCompiled) <= MaxNotCompiled, "more C# blocks marked '<!-- not compiled: ... -->' than allowed");
    }

    [Theory]
    [InlineData("var engine = StanceEngine.FromYaml([(\"rules.yaml\", \"rules: []\")]);", "CS0029")]
    [InlineData("var article = await ArticleFacts.LoadAsync(stream);", "CS1501")]
    [InlineData("var n = report.Stances.Count + undeclared;", "CS0103")]
    public void Compile_FindsTheMistakesTheDocsOnceHad(string code, string expectedCode)
    {
        var errors = Compile(code, "mistake.md", 1);

        Assert.Contains(errors, e => e.Contains(expectedCode, StringComparison.Ordinal));
    }

    /// <summary>The errors of a block compiled as a program (none when it compiles), each with its file and line in the docs.</summary>
    private static List<string> Compile(string code, string file, int line)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var lines = code.ReplaceLineEndings("\n").Split('\n');
        // The block's own using directives stay first; the givens it does not declare come after them.
        var usings = lines.TakeWhile(l => l.Trim().Length == 0 || l.TrimStart().StartsWith("using ", StringComparison.Ordinal) || l.TrimStart().StartsWith("//", StringComparison.Ordinal)).Count();
        var declared = Declared(CSharpSyntaxTree.ParseText(code, parse));
        var givens = Givens.Where(g => !declared.Contains(g.Key) && Regex.IsMatch(code, $@"\b{g.Key}\b")).Select(g => g.Value);
        var source = $"""
            #line {line + 1} "{file}"
            {string.Join('\n', lines.Take(usings))}
            #line hidden
            {string.Join('\n', givens)}
            #line {line + 1 + usings} "{file}"
            {string.Join('\n', lines.Skip(usings))}
            """;
        var compilation = CSharpCompilation.Create(
            "Snippet",
            [CSharpSyntaxTree.ParseText(ImpliedUsings, parse), CSharpSyntaxTree.ParseText(source, parse, path: file)],
            References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        return compilation.GetDiagnostics()
            .Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
            .Select(d => $"{d.Location.GetMappedLineSpan().Path}:{d.Location.GetMappedLineSpan().StartLinePosition.Line + 1}: {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .ToList();
    }

    /// <summary>The names a block declares (locals, foreach and pattern variables, out vars).</summary>
    private static HashSet<string> Declared(SyntaxTree tree)
    {
        var root = tree.GetRoot();
        return root.DescendantNodes().OfType<VariableDeclaratorSyntax>().Select(v => v.Identifier.Text)
            .Concat(root.DescendantNodes().OfType<ForEachStatementSyntax>().Select(f => f.Identifier.Text))
            .Concat(root.DescendantNodes().OfType<SingleVariableDesignationSyntax>().Select(d => d.Identifier.Text))
            .Concat(root.DescendantNodes().OfType<ParameterSyntax>().Select(p => p.Identifier.Text))
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Every C# block: its file (repository-relative), the line of its opening fence, its code, and whether it is marked not compiled.</summary>
    private static IEnumerable<(string File, int Line, string Code, bool NotCompiled)> AllSnippets()
    {
        var files = new[] { Path.Combine(Repo.Root, "README.md") }
            .Concat(Directory.GetFiles(Path.Combine(Repo.Root, "docs"), "*.md").Order(StringComparer.Ordinal))
            .Concat(Directory.GetFiles(Path.Combine(Repo.Root, "src"), "README.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
        foreach (var path in files)
        {
            var text = File.ReadAllText(path).ReplaceLineEndings("\n");
            var name = Path.GetRelativePath(Repo.Root, path).Replace('\\', '/');
            foreach (Match block in CSharpBlock().Matches(text))
            {
                var line = text.AsSpan(0, block.Index).Count('\n') + 1;
                var before = text[..block.Index].TrimEnd('\n');
                var previousLine = before[(before.LastIndexOf('\n') + 1)..];
                yield return (name, line, block.Groups["code"].Value, previousLine.StartsWith(NotCompiledMarker, StringComparison.Ordinal));
            }
        }
    }

    /// <summary>What a program of this test host compiles against: the runtime's and ASP.NET Core's assemblies, StanceRules and its DI package.</summary>
    private static MetadataReference[] LoadReferences()
    {
        var excluded = new[] { "StanceRules.Service", "stance", "StanceRules.Embedding.Tests" };
        return ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && !excluded.Contains(Path.GetFileNameWithoutExtension(p), StringComparer.OrdinalIgnoreCase))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToArray();
    }

    [GeneratedRegex(@"^```(?:csharp|cs|c#)[ \t]*\n(?<code>.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex CSharpBlock();
}
#endif
