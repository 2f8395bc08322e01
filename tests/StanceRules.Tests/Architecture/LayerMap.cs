using System.Text;
using System.Text.RegularExpressions;

namespace StanceRules.Tests.Architecture;

/// <summary>A reference from a file to a type or namespace of a layer it may not use: above its own, or beside it at the same rank.</summary>
internal sealed record UpwardDependency(string File, int Line, string Name, string FromLayer, string ToLayer)
{
    public override string ToString() => $"{File}:{Line}: '{Name}' is in {ToLayer}, which {FromLayer} may not use";
}

/// <summary>A layer: a folder of src/StanceRules (a sub-folder, for Rules/), its rank and its rank inside Rules/.</summary>
internal sealed record Layer(string Folder, int Rank, int Sub, string Name);

/// <summary>
/// The library's layers, bottom up, as docs/architecture.md draws them: each source folder of
/// src/StanceRules belongs to one layer, and a file may use types and namespaces of its own layer
/// and the layers below, never above, and never of another folder of the same rank unless the
/// table allows it. Rules/ is layered inside too: Syntax, Binding, the shared rule types at its
/// root, then Lowering and Matching (of one rank: neither uses the other). Files at the root of
/// the project are the facade.
/// </summary>
/// <remarks>
/// The check reads source text, not IL, so that a type's layer is its file's folder (public
/// types all live in the <c>StanceRules</c> namespace, whatever their folder, so users need one
/// <c>using</c>). It strips comments and string literals, collects the types each file declares,
/// and flags every identifier or <c>using StanceRules.X</c> that names a type or namespace
/// declared only in layers the file may not use. A type declared in several layers (partial classes such as
/// <c>StanceEngine</c>, or same-named private types) is allowed if any of them is, so the check can
/// miss a dependency but never invents one.
/// </remarks>
internal static partial class LayerMap
{
    /// <summary>Folder (first directory under src/StanceRules, "" for the root) to layer rank and name.</summary>
    public static readonly IReadOnlyDictionary<string, (int Rank, string Name)> Layers = new Dictionary<string, (int, string)>(StringComparer.Ordinal)
    {
        ["Model"] = (0, "model"),
        ["Diagnostics"] = (0, "model"),
        ["Facts"] = (0, "model"),
        ["Yaml"] = (1, "text reading"),
        ["Report"] = (1, "report"),
        ["Knowledge"] = (2, "knowledge"),
        ["Rules"] = (3, "language"),
        ["Extraction"] = (3, "extraction"),
        ["Loading"] = (4, "loading"),
        ["Inference"] = (5, "inference"),
        ["Explain"] = (6, "explain"),
        ["Batch"] = (6, "batch"),
        ["Corpus"] = (6, "corpus"),
        ["Events"] = (6, "events"),
        ["Testing"] = (7, "testing"),
        [""] = (8, "facade"),
    };

    /// <summary>The layers inside Rules/, bottom up: sub-folder ("" for the files at its root) to rank inside Rules/ and name.</summary>
    public static readonly IReadOnlyDictionary<string, (int Sub, string Name)> RulesLayers = new Dictionary<string, (int, string)>(StringComparer.Ordinal)
    {
        ["Syntax"] = (0, "rule syntax"),
        ["Binding"] = (1, "rule binding"),
        [""] = (2, "shared rule types"),
        ["Lowering"] = (3, "rule lowering"),
        ["Matching"] = (3, "rule matching"),
    };

    /// <summary>
    /// The uses between folders of one rank that docs/architecture.md allows (user, used): rank 0 is
    /// one layer, the model, in three folders; a corpus is built from batch results.
    /// </summary>
    public static readonly IReadOnlySet<(string From, string To)> SameRankAllowed = new HashSet<(string, string)>
    {
        ("Model", "Diagnostics"),
        ("Model", "Facts"),
        ("Diagnostics", "Model"),
        ("Diagnostics", "Facts"),
        ("Facts", "Model"),
        ("Facts", "Diagnostics"),
        ("Corpus", "Batch"),
    };

    /// <summary>Whether a file of <paramref name="from"/> may use a type of <paramref name="to"/>.</summary>
    public static bool MayUse(Layer from, Layer to) =>
        to.Folder == from.Folder
        || to.Rank < from.Rank
        || (to.Rank == from.Rank && (to.Sub < from.Sub || (to.Sub == from.Sub && SameRankAllowed.Contains((from.Folder, to.Folder)))));

    /// <summary>Every dependency a file may not have, among the given files (path relative to the project, text).</summary>
    public static IReadOnlyList<UpwardDependency> Check(IReadOnlyList<(string Path, string Text)> files)
    {
        var parsed = files.Select(f => (f.Path, Layer: LayerOf(f.Path), Code: StripCommentsAndStrings(f.Text))).ToArray();

        // Each declared type, with every layer that declares it.
        var declared = new Dictionary<string, List<Layer>>(StringComparer.Ordinal);
        foreach (var (_, layer, code) in parsed)
        {
            foreach (Match m in TypeDeclaration().Matches(code))
            {
                Add(declared, m.Groups["name"].Value, layer);
            }
        }

        var namespaces = new Dictionary<string, List<Layer>>(StringComparer.Ordinal);
        foreach (var (_, layer, code) in parsed)
        {
            if (NamespaceDeclaration().Match(code) is { Success: true } ns && ns.Groups["ns"].Value is var name && name.Length > 0)
            {
                Add(namespaces, name, layer);
            }
        }

        var segments = namespaces.Keys.SelectMany(n => n.Split('.')).Append("StanceRules").ToHashSet(StringComparer.Ordinal);
        var found = new List<UpwardDependency>();
        foreach (var (path, layer, code) in parsed)
        {
            foreach (Match m in UsingDirective().Matches(code))
            {
                var name = m.Groups["ns"].Value;
                if (namespaces.TryGetValue(name, out var targets) && !targets.Exists(t => MayUse(layer, t)))
                {
                    found.Add(new UpwardDependency(path, LineOf(code, m.Index), "StanceRules." + name, layer.Name, targets[0].Name));
                }
            }

            foreach (Match m in Identifier().Matches(code))
            {
                if (IsMemberName(code, m, segments))
                {
                    continue;
                }

                if (declared.TryGetValue(m.Value, out var targets) && !targets.Exists(t => MayUse(layer, t)))
                {
                    found.Add(new UpwardDependency(path, LineOf(code, m.Index), m.Value, layer.Name, targets[0].Name));
                }
            }
        }

        // One line per file and name: the first place it is used.
        return found.DistinctBy(d => (d.File, d.Name)).ToArray();
    }

    /// <summary>The layer of a file by its folder (its sub-folder, under Rules/); throws for a folder the map does not know, so a new folder gets a place.</summary>
    public static Layer LayerOf(string relativePath)
    {
        var parts = relativePath.Replace('\\', '/').Split('/');
        var folder = parts.Length == 1 ? string.Empty : parts[0];
        if (!Layers.TryGetValue(folder, out var layer))
        {
            throw new InvalidOperationException($"src/StanceRules/{folder}/ has no layer: add it to LayerMap.Layers and docs/architecture.md");
        }

        if (folder != "Rules")
        {
            return new Layer(folder, layer.Rank, 0, layer.Name);
        }

        var sub = parts.Length == 2 ? string.Empty : parts[1];
        return RulesLayers.TryGetValue(sub, out var inner)
            ? new Layer(sub.Length == 0 ? "Rules" : "Rules/" + sub, layer.Rank, inner.Sub, inner.Name)
            : throw new InvalidOperationException($"src/StanceRules/Rules/{sub}/ has no layer: add it to LayerMap.RulesLayers and docs/architecture.md");
    }

    private static void Add(Dictionary<string, List<Layer>> map, string name, Layer layer)
    {
        if (!map.TryGetValue(name, out var list))
        {
            map[name] = list = [];
        }

        if (!list.Contains(layer))
        {
            list.Add(layer);
        }
    }

    /// <summary>The code with comments and the contents of string and character literals blanked (newlines kept for line numbers).</summary>
    public static string StripCommentsAndStrings(string text)
    {
        var code = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (c == '/' && next == '/')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '/' && next == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? text.Length : end + 2;
                Blank(text, i, end, code);
                i = end;
            }
            else if (c == '"' && i + 2 < text.Length && text[i + 1] == '"' && text[i + 2] == '"')
            {
                var end = text.IndexOf("\"\"\"", i + 3, StringComparison.Ordinal);
                end = end < 0 ? text.Length : end + 3;
                Blank(text, i, end, code);
                i = end;
            }
            else if (c == '"' || c == '\'')
            {
                var verbatim = i > 0 && (text[i - 1] == '@' || (text[i - 1] == '$' && i > 1 && text[i - 2] == '@'));
                var end = i + 1;
                while (end < text.Length)
                {
                    if (!verbatim && text[end] == '\\')
                    {
                        end += 2;
                        continue;
                    }

                    if (text[end] == c)
                    {
                        if (verbatim && end + 1 < text.Length && text[end + 1] == c)
                        {
                            end += 2;
                            continue;
                        }

                        break;
                    }

                    if (text[end] == '\n' && !verbatim)
                    {
                        break;
                    }

                    end++;
                }

                end = Math.Min(end + 1, text.Length);
                Blank(text, i, end, code);
                i = end;
            }
            else
            {
                code.Append(c);
                i++;
            }
        }

        return code.ToString();
    }

    private static void Blank(string text, int start, int end, StringBuilder code)
    {
        for (var k = start; k < end; k++)
        {
            code.Append(text[k] == '\n' ? '\n' : ' ');
        }
    }

    /// <summary>
    /// A member accessed (<c>x.Country</c>) or declared (<c>string Country { get; }</c>) under a
    /// type's name: not a use of the type.
    /// </summary>
    private static bool IsMemberName(string code, Match m, HashSet<string> namespaces)
    {
        var before = m.Index - 1;
        while (before >= 0 && code[before] is ' ' or '\t')
        {
            before--;
        }

        if (before >= 0 && code[before] == '.')
        {
            // Knowledge.Lexicon names a type through its namespace; x.Lexicon is a member.
            var end = before - 1;
            var begin = end;
            while (begin >= 0 && (char.IsLetterOrDigit(code[begin]) || code[begin] == '_'))
            {
                begin--;
            }

            return !namespaces.Contains(code[(begin + 1)..(end + 1)]);
        }

        var after = m.Index + m.Length;
        while (after < code.Length && code[after] is ' ' or '\t' or '\r' or '\n')
        {
            after++;
        }

        if (after + 1 < code.Length && code[after] == '=' && code[after + 1] != '=')
        {
            // The target of an assignment or initializer (Country = country): a member.
            return true;
        }

        var declaresName = after < code.Length && code[after] is '{' or ';' or '=' or ',' or ')';
        var typeBefore = before >= 0 && (char.IsLetterOrDigit(code[before]) || code[before] is '_' or '>' or '?' or ']');
        if (!declaresName || !typeBefore)
        {
            return false;
        }

        var start = before;
        while (start >= 0 && (char.IsLetterOrDigit(code[start]) || code[start] == '_'))
        {
            start--;
        }

        var word = code[(start + 1)..(before + 1)];
        return word is not ("new" or "is" or "as" or "typeof" or "return" or "case" or "in" or "out" or "ref" or "throw" or "await" or "nameof" or "default" or "sizeof");
    }

    private static int LineOf(string code, int index) => code.AsSpan(0, index).Count('\n') + 1;

    [GeneratedRegex(@"\b(?:class|struct|interface|enum|record(?:\s+(?:class|struct))?|delegate\s+[\w<>?,\[\] ]+?)\s+(?<name>[A-Z]\w*)")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"^\s*namespace\s+StanceRules\.(?<ns>[\w.]+)\s*[;{]", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"^\s*(?:global\s+)?using\s+(?:static\s+)?StanceRules\.(?<ns>[\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex UsingDirective();

    [GeneratedRegex(@"(?<![\w])[A-Z]\w*")]
    private static partial Regex Identifier();
}
