using StanceRules.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace StanceRules.Tests.Loading;

/// <summary>
/// The fast reader of plain YAML must give exactly the events (kind, value, style, key flag and
/// both marks) YamlDotNet's parser gives for every text it accepts, and accept none that
/// YamlDotNet rejects: then the nodes, diagnostics and positions of a rule set are the same
/// whichever reads it.
/// </summary>
public sealed class PlainYamlTests
{
    [Fact]
    public void KnowledgeFiles_ReadPlain_GiveYamlDotNetsEvents()
    {
        foreach (var file in Directory.GetFiles(Repo.Rules, "*.yaml", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            var plain = PlainYaml.Events(text);
            var name = Path.GetRelativePath(Repo.Rules, file).Replace('\\', '/');
            if (name == "gazetteer.yaml" || name.StartsWith("offices/", StringComparison.Ordinal))
            {
                // Most of what loading the default knowledge costs: these must stay in the plain
                // subset (one-line flow lists and mappings, one-line scalars; see PlainYaml).
                Assert.True(plain is not null, $"rules/{name} is no longer plain YAML that PlainYaml reads (a multi-line or block scalar, a tab, an anchor, a ':' or '#' in an unquoted value?): quote the value or write it on one line, or loading slows down");
            }

            if (plain is not null)
            {
                AssertSameEvents(YamlDotNetEvents(text)!, plain, name);
            }
        }
    }

    [Theory]
    [InlineData("# c\noffices:\n  - country: ALB\n    covers: 2015-01-01\n    note: \"He said \\\"x\\\" \\\\ \"\n    holders:\n      - { office: head-of-state, name: Bujar Nishani, from: 2012-07-24, aliases: [Nishani] }\n      - { office: [a, b], name: 'O''Neil' }\n    holders2: []\ntop:\n- a\n- b  # c\nlast: x\n")]
    [InlineData("a:\n- x: 1\n  y: 2\n- z: 3\nb: [p]   # c\n# trailing\n\n")]
    [InlineData("a: 1\nb: x")]
    [InlineData("a: 1\r\nb:\r\n  - x\r\n")]
    [InlineData("a:\nb: 2\nc: ~\n")]
    [InlineData("- a\n-  b\n- {x: y}\n")]
    [InlineData("- a:\n  - x\n  - y\n- b:\n    c: d\n    e: []\n  f: {}\n")]
    [InlineData("  a: 1\n  b: Côte d'Ivoire, Türkiye \"Łódź\"\n  c: [United Nations Children's Fund, x\"y]\n")]
    [InlineData("a: [x, 'y z', \"w\"]   \n# end")]
    [InlineData("a:\n  b:\n    c:\n      - { d: [e, [f, g]], h: {i: j} }\n  k: l\n")]
    public void PlainSamples_AreRead_AsYamlDotNetReadsThem(string text)
    {
        var plain = PlainYaml.Events(text);
        Assert.NotNull(plain);
        AssertSameEvents(YamlDotNetEvents(text)!, plain, text);
    }

    [Theory]
    [InlineData("a: |\n  text\n")]
    [InlineData("a: &x 1\nb: *x\n")]
    [InlineData("a: !tag 1\n")]
    [InlineData("a:\tb\n")]
    [InlineData("a: one\n  two\n")]
    [InlineData("a: \"one\n  two\"\n")]
    [InlineData("a: [x,\n  y]\n")]
    [InlineData("a: http://example.org\n")]
    [InlineData("\"a\": 1\n")]
    [InlineData("---\na: 1\n")]
    [InlineData("# only a comment\n")]
    [InlineData("a: [x, ]\n")]
    [InlineData("a: 1\n b: 2\n")]
    [InlineData("a: \"\\u0041\"\n")]
    public void OtherYaml_IsLeftToYamlDotNet(string text) => Assert.Null(PlainYaml.Events(text));

    /// <summary>
    /// Knowledge lines with one character inserted, removed or replaced (fixed seed): whatever
    /// the reader accepts, YamlDotNet parses to the same events; nothing YamlDotNet rejects is
    /// accepted. Shown to fail by letting Plain() accept ':' inside a value.
    /// </summary>
    [Fact]
    public void MutatedKnowledge_IsReadAsYamlDotNetReadsIt_OrLeftToIt()
    {
        var lines = File.ReadAllLines(Path.Combine(Repo.Rules, "offices", "europe.yaml")).Skip(16).Take(400)
            .Concat(File.ReadAllLines(Path.Combine(Repo.Rules, "gazetteer.yaml")).Skip(63).Take(200)).ToArray();
        const string Pieces = ":#-[]{},'\" \n\tx&*|>!?%@`\\";
        var random = new Random(22);
        var accepted = 0;
        for (var round = 0; round < 3000; round++)
        {
            var from = random.Next(lines.Length - 8);
            var chars = string.Join('\n', lines.Skip(from).Take(random.Next(2, 8))).ToCharArray().ToList();
            // The window starts at an indented line: make it a document of its own.
            var indent = chars.TakeWhile(c => c == ' ').Count();
            var text = string.Join('\n', new string([.. chars]).Split('\n').Select(l => l.Length >= indent && l[..indent].Trim().Length == 0 ? l[indent..] : l));
            chars = [.. text];
            var at = random.Next(chars.Count);
            switch (random.Next(3))
            {
                case 0: chars.Insert(at, Pieces[random.Next(Pieces.Length)]); break;
                case 1: chars.RemoveAt(at); break;
                default: chars[at] = Pieces[random.Next(Pieces.Length)]; break;
            }

            text = new string([.. chars]);
            if (PlainYaml.Events(text) is not { } plain)
            {
                continue;
            }

            accepted++;
            var expected = YamlDotNetEvents(text);
            Assert.True(expected is not null, $"accepted what YamlDotNet rejects:\n{text}");
            AssertSameEvents(expected, plain, text);
        }

        Assert.True(accepted > 300, $"only {accepted} mutated windows were plain");
    }

    private static List<ParsingEvent>? YamlDotNetEvents(string text)
    {
        var parser = new Parser(new StringReader(text));
        var events = new List<ParsingEvent>();
        try
        {
            while (parser.MoveNext())
            {
                events.Add(parser.Current!);
            }

            // Duplicate keys are found when nodes are built, after parsing: the same for both readers.
            return events;
        }
        catch (YamlException)
        {
            return null;
        }
    }

    private static void AssertSameEvents(List<ParsingEvent> expected, IReadOnlyList<ParsingEvent> actual, string where)
    {
        for (var i = 0; i < Math.Min(expected.Count, actual.Count); i++)
        {
            Assert.True(Describe(expected[i]) == Describe(actual[i]), $"{where}: event {i}: expected {Describe(expected[i])}, got {Describe(actual[i])}");
        }

        Assert.True(expected.Count == actual.Count, $"{where}: {expected.Count} events expected, {actual.Count} read");
    }

    private static string Describe(ParsingEvent e) => $"{e.GetType().Name} " + e switch
    {
        Scalar s => $"'{s.Value}' {s.Style} plain={s.IsPlainImplicit} quoted={s.IsQuotedImplicit} key={s.IsKey} anchor={s.Anchor} tag={s.Tag}",
        MappingStart m => $"{m.Style} implicit={m.IsImplicit} anchor={m.Anchor} tag={m.Tag}",
        SequenceStart q => $"{q.Style} implicit={q.IsImplicit} anchor={q.Anchor} tag={q.Tag}",
        DocumentStart d => $"implicit={d.IsImplicit}",
        DocumentEnd d => $"implicit={d.IsImplicit}",
        _ => string.Empty,
    } + $" {e.Start.Index}/{e.Start.Line}/{e.Start.Column}-{e.End.Index}/{e.End.Line}/{e.End.Column}";
}
