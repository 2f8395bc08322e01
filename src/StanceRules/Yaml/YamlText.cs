using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace StanceRules.Yaml;

/// <summary>
/// Reads YAML (and JSON, which YAML 1.2 contains) into node trees that keep line and column,
/// and turns structural problems into diagnostics instead of exceptions.
/// </summary>
internal sealed class YamlText
{
    private readonly List<Diagnostic> _diagnostics;
    private readonly StanceLimits _limits;

    public YamlText(string file, List<Diagnostic> diagnostics, StanceLimits? limits = null)
    {
        File = file;
        _diagnostics = diagnostics;
        _limits = limits ?? StanceLimits.Default;
    }

    public string File { get; }

    /// <summary>True when the text is a JSON document (already checked as strict JSON): errors then speak of objects, arrays and null, not of YAML.</summary>
    public bool Json { get; init; }

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    /// <summary>
    /// Read the text with <see cref="PlainYaml"/> when it is in the plain subset the knowledge
    /// files are written in (the same nodes, marks and diagnostics, several times faster), with
    /// YamlDotNet's parser otherwise. Set for rule set files, not for fact documents.
    /// </summary>
    public bool PlainFirst { get; init; }

    /// <summary>Parses one document; returns null (with a diagnostic) when the text is not YAML.</summary>
    /// <param name="text">The document.</param>
    /// <param name="listLimit">When given, the most items any one list may hold, counted while parsing (a fact document's facts), and the limit's name.</param>
    public YamlNode? Load(string text, (int Max, string Name, string What)? listLimit = null)
    {
        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..]; // a byte order mark read as text
        }

        var bytes = System.Text.Encoding.UTF8.GetByteCount(text);
        if (bytes > _limits.MaxFileBytes)
        {
            Error(Mark.Empty, DiagnosticCodes.LimitExceeded, ErrorMessages.LimitExceeded("size in bytes", bytes, nameof(StanceLimits.MaxFileBytes), _limits.MaxFileBytes));
            return null;
        }

        var stream = new YamlStream();
        try
        {
            var parser = (PlainFirst ? PlainYaml.TryRead(text, _limits.MaxNestingDepth) : null) ?? new Parser(new StringReader(text));
            stream.Load(new LimitingParser(parser, _limits, listLimit));
        }
        catch (RejectedInputException e)
        {
            Error(e.Start, e.Code, e.Message);
            return null;
        }
        catch (YamlException e)
        {
            var message = e.InnerException is { } inner && e.Message.StartsWith("(Line", StringComparison.Ordinal) ? inner.Message : e.Message;
            if (!Json && FirstTabIndentedLine(text) is { } tabLine)
            {
                // The parser reports a tab used as indentation where the structure it broke began
                // (often line 1); the tab's own line is what the author has to fix.
                Error(new Mark(0, tabLine, 1), DiagnosticCodes.YamlSyntax, ErrorMessages.YamlSyntax(ErrorMessages.TabIndentation));
                return null;
            }

            Error(e.Start, DiagnosticCodes.YamlSyntax, Syntax(message));
            return null;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            // Untrusted text must give a diagnostic, never an exception of the parser's own.
            Error(Mark.Empty, DiagnosticCodes.YamlSyntax, Syntax(e.Message));
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            Error(stream.Documents[1].RootNode.Start, DiagnosticCodes.YamlSyntax, ErrorMessages.MultipleDocuments);
        }

        return stream.Documents[0].RootNode;
    }

    /// <summary>The 1-based line of the first line indented with a tab (spaces then a tab before its first character), or null.</summary>
    private static int? FirstTabIndentedLine(string text)
    {
        var line = 1;
        var start = true;
        var sawTab = false;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                (line, start, sawTab) = (line + 1, true, false);
            }
            else if (start && c == '\t')
            {
                sawTab = true;
            }
            else if (start && c != ' ' && c != '\r')
            {
                if (sawTab)
                {
                    return line;
                }

                start = false;
            }
        }

        return null;
    }

    public SourceLocation At(YamlNode node) => At(node.Start);

    public SourceLocation At(Mark mark) => new(File, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    public void Error(YamlNode node, string code, string message) => Error(node.Start, code, message);

    public void Error(Mark mark, string code, string message) => _diagnostics.Add(new Diagnostic(code, message, At(mark)));

    /// <summary>Reads a mapping, reporting unknown keys; returns null (with a diagnostic) when the node is not a mapping.</summary>
    public MappingView? Mapping(YamlNode node, string what, IReadOnlyCollection<string>? knownKeys)
    {
        if (node is not YamlMappingNode mapping)
        {
            Error(node, DiagnosticCodes.WrongNodeKind, ErrorMessages.WrongNodeKind(what, Json ? "an object" : "a mapping", Kind(node)));
            return null;
        }

        var view = new MappingView(this, mapping, what);
        if (knownKeys is not null)
        {
            foreach (var (key, keyNode) in view.KeyNodes)
            {
                if (!knownKeys.Contains(key))
                {
                    Error(keyNode, DiagnosticCodes.UnknownKey, ErrorMessages.UnknownKey(key, what, knownKeys));
                }
            }
        }

        return view;
    }

    public YamlSequenceNode? Sequence(YamlNode node, string what)
    {
        if (node is YamlSequenceNode sequence)
        {
            return sequence;
        }

        Error(node, DiagnosticCodes.WrongNodeKind, ErrorMessages.WrongNodeKind(what, Json ? "an array" : "a list", Kind(node)));
        return null;
    }

    /// <summary>Reads a scalar as text; null (with a diagnostic) for lists and mappings.</summary>
    public string? Scalar(YamlNode node, string what)
    {
        if (node is YamlScalarNode scalar)
        {
            return scalar.Value ?? string.Empty;
        }

        Error(node, DiagnosticCodes.WrongNodeKind, ErrorMessages.WrongNodeKind(what, Json ? "a string, number or boolean" : "a single value", Kind(node)));
        return null;
    }

    /// <summary>A scalar or a list of scalars, as a list.</summary>
    public List<string>? ScalarList(YamlNode node, string what)
    {
        if (node is YamlScalarNode single)
        {
            return [single.Value ?? string.Empty];
        }

        var sequence = Sequence(node, what);
        if (sequence is null)
        {
            return null;
        }

        var values = new List<string>(sequence.Children.Count);
        foreach (var item in sequence.Children)
        {
            if (Scalar(item, what) is { } value)
            {
                values.Add(value);
            }
        }

        return values;
    }

    public bool? Boolean(YamlNode node, string what)
    {
        var text = Scalar(node, what);
        if (text is null)
        {
            return null;
        }

        if (TryBoolean(text, out var value))
        {
            return value;
        }

        Error(node, DiagnosticCodes.InvalidValue, ErrorMessages.InvalidValue(text, what, "true or false"));
        return null;
    }

    public double? Number(YamlNode node, string what)
    {
        var text = Scalar(node, what);
        if (text is null)
        {
            return null;
        }

        if (IsPlain(node) && TryNumber(text, out var value))
        {
            return value;
        }

        Error(node, DiagnosticCodes.InvalidValue, ErrorMessages.InvalidValue(text, what, "a number"));
        return null;
    }

    public static bool TryBoolean(string text, out bool value)
    {
        switch (text)
        {
            case "true" or "True" or "TRUE": value = true; return true;
            case "false" or "False" or "FALSE": value = false; return true;
            default: value = false; return false;
        }
    }

    public static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>A plain (unquoted) scalar: only those may be numbers, booleans or null.</summary>
    public static bool IsPlain(YamlNode node) => node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any };

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Value: null or "" or "~" or "null" or "Null" or "NULL" } && IsPlain(node);

    private string Syntax(string detail) => Json ? ErrorMessages.JsonSyntax(detail) : ErrorMessages.YamlSyntax(detail);

    /// <summary>What a node is, in the document's own terms (<see cref="Describe"/> for YAML).</summary>
    private string Kind(YamlNode node) => !Json ? Describe(node) : node switch
    {
        YamlMappingNode => "an object",
        YamlSequenceNode => "an array",
        YamlScalarNode s when IsNull(s) => "null",
        _ => Describe(node),
    };

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s when IsNull(s) => "an empty value",
        YamlScalarNode s => $"'{DisplayText.Truncate(s.Value ?? string.Empty)}'",
        _ => "an alias",
    };

}

/// <summary>Thrown by <see cref="LimitingParser"/> when the input exceeds a <see cref="StanceLimits"/> bound or uses what the formats refuse.</summary>
internal sealed class RejectedInputException(Mark at, string code, string message) : YamlException(at, at, message)
{
    public string Code { get; } = code;
}

/// <summary>
/// Wraps the YAML parser and stops at the first event that exceeds a limit (nesting depth,
/// aliases, value length, items in a list) or carries a tag, before the document is built, so
/// a hostile file costs no more than its size and a million empty facts stop at the limit.
/// </summary>
internal sealed class LimitingParser(IParser inner, StanceLimits limits, (int Max, string Name, string What)? listLimit = null) : IParser
{
    private readonly Stack<int> _listItems = new(); // items so far of each open collection; -1 for a mapping
    private int _depth;
    private int _aliases;

    public YamlDotNet.Core.Events.ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            return false;
        }

        var current = inner.Current!;
        if (current is YamlDotNet.Core.Events.NodeEvent node)
        {
            if (!node.Tag.IsEmpty && !(node is YamlDotNet.Core.Events.Scalar && node.Tag.Value == "!"))
            {
                // '!' alone is YAML's "non-specific" tag on a quoted scalar, not a type.
                throw new RejectedInputException(node.Start, DiagnosticCodes.YamlTag, ErrorMessages.YamlTag(node.Tag.Value));
            }

            if (listLimit is { } list && _listItems.TryPeek(out var items) && items >= 0)
            {
                _listItems.Pop();
                _listItems.Push(++items);
                if (items > list.Max)
                {
                    throw new RejectedInputException(node.Start, DiagnosticCodes.LimitExceeded, ErrorMessages.LimitExceeded(list.What, items, list.Name, list.Max));
                }
            }
        }

        switch (current)
        {
            case YamlDotNet.Core.Events.MappingStart or YamlDotNet.Core.Events.SequenceStart when ++_depth > limits.MaxNestingDepth:
                throw new RejectedInputException(current.Start, DiagnosticCodes.LimitExceeded, ErrorMessages.LimitExceeded("nesting depth", _depth, nameof(StanceLimits.MaxNestingDepth), limits.MaxNestingDepth));
            case YamlDotNet.Core.Events.SequenceStart:
                _listItems.Push(0);
                break;
            case YamlDotNet.Core.Events.MappingStart:
                _listItems.Push(-1);
                break;
            case YamlDotNet.Core.Events.MappingEnd or YamlDotNet.Core.Events.SequenceEnd:
                _depth--;
                _listItems.TryPop(out _);
                break;
            case YamlDotNet.Core.Events.AnchorAlias when ++_aliases > limits.MaxAliases:
                throw new RejectedInputException(current.Start, DiagnosticCodes.LimitExceeded, ErrorMessages.LimitExceeded("YAML aliases", _aliases, nameof(StanceLimits.MaxAliases), limits.MaxAliases));
            case YamlDotNet.Core.Events.Scalar scalar when scalar.Value.Length > limits.MaxStringLength:
                throw new RejectedInputException(scalar.Start, DiagnosticCodes.LimitExceeded, ErrorMessages.LimitExceeded("value length in characters", scalar.Value.Length, nameof(StanceLimits.MaxStringLength), limits.MaxStringLength));
        }

        return true;
    }
}
