using System.Text;
using System.Text.RegularExpressions;

namespace StanceRules.Tests.Architecture;

/// <summary>A reference from a file to a type or namespace of a layer above the file's own.</summary>
internal sealed record UpwardDependency(string File, int Line, string Name, string FromLayer, string ToLayer)
{
    public override string ToString() => $"{File}:{Line}: '{Name}' is in {ToLayer}, above {FromLayer}";
}

/// <summary>
/// The library's layers, bottom up, as docs/architecture.md draws them: each source folder of
/// src/StanceRules belongs to one layer, and a file may use types and namespaces of its own layer
/// and the layers below, never above. Files at the root of the project are the facade.
/// </summary>
/// <remarks>
/// The check reads source text, not IL, so that a type's layer is its file's folder (public
/// types all live in the <c>StanceRules</c> namespace, whatever their folder, so users need one
/// <c>using</c>). It strips comments and string literals, collects the types each file declares,
/// and flags every identifier or <c>using StanceRules.X</c> that names a type or namespace
/// declared only in a higher layer. A type declared in several layers (partial classes such as
/// <c>StanceEngine</c>, or same-named private types) takes its lowest layer, so the check can
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
        ["Loading"] = (4, "loading"),
        ["Inference"] = (5, "inference"),
        ["Explain"] = (6, "explain"),
        ["Batch"] = (6, "batch"),
        ["Corpus"] = (6, "corpus"),
        ["Events"] = (6, "events"),
        ["Testing"] = (7, "testing"),
        [""] = (8, "facade"),
    };

    /// <summary>Every upward dependency among the given files (path relative to the project, text).</summary>
    public static IReadOnlyList<UpwardDependency> Check(IReadOnlyList<(string Path, string Text)> files)
    {
        var parsed = files.Select(f => (f.Path, Layer: LayerOf(f.Path), Code: StripCommentsAndStrings(f.Text))).ToArray();

        // Each declared type or namespace segment, at the lowest layer that declares it.
        var lowest = new Dictionary<string, (int Rank, string Name)>(StringComparer.Ordinal);
        foreach (var (_, layer, code) in parsed)
        {
            foreach (Match m in TypeDeclaration().Matches(code))
            {
                var name = m.Groups["name"].Value;
                if (!lowest.TryGetValue(name, out var known) || layer.Rank < known.Rank)
                {
                    lowest[name] = layer;
                }
            }
        }

        var namespaces = new Dictionary<string, (int Rank, string Name)>(StringComparer.Ordinal);
        foreach (var (_, layer, code) in parsed)
        {
            if (NamespaceDeclaration().Match(code) is { Success: true } ns && ns.Groups["ns"].Value is var name && name.Length > 0
                && (!namespaces.TryGetValue(name, out var known) || layer.Rank < known.Rank))
            {
                namespaces[name] = layer;
            }
        }

        var segments = namespaces.Keys.SelectMany(n => n.Split('.')).Append("StanceRules").ToHashSet(StringComparer.Ordinal);
        var found = new List<UpwardDependency>();
        foreach (var (path, layer, code) in parsed)
        {
            foreach (Match m in UsingDirective().Matches(code))
            {
                var name = m.Groups["ns"].Value;
                if (namespaces.TryGetValue(name, out var target) && target.Rank > layer.Rank)
                {
                    found.Add(new UpwardDependency(path, LineOf(code, m.Index), "StanceRules." + name, layer.Name, target.Name));
                }
            }

            foreach (Match m in Identifier().Matches(code))
            {
                if (IsMemberName(code, m, segments))
                {
                    continue;
                }

                if (lowest.TryGetValue(m.Value, out var target) && target.Rank > layer.Rank)
                {
                    found.Add(new UpwardDependency(path, LineOf(code, m.Index), m.Value, layer.Name, target.Name));
                }
            }
        }

        // One line per file and name: the first place it is used.
        return found.DistinctBy(d => (d.File, d.Name)).ToArray();
    }

    /// <summary>The layer of a file by its folder; throws for a folder the map does not know, so a new folder gets a place.</summary>
    public static (int Rank, string Name) LayerOf(string relativePath)
    {
        var parts = relativePath.Replace('\\', '/').Split('/');
        var folder = parts.Length == 1 ? string.Empty : parts[0];
        return Layers.TryGetValue(folder, out var layer)
            ? layer
            : throw new InvalidOperationException($"src/StanceRules/{folder}/ has no layer: add it to LayerMap.Layers and docs/architecture.md");
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
