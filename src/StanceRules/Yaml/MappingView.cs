using YamlDotNet.RepresentationModel;

namespace StanceRules.Yaml;

/// <summary>A mapping's entries by key, with the nodes kept for locations.</summary>
/// <remarks>
/// A fact is a mapping of a few keys, read once per document: those are found by a scan of the
/// entries (no dictionary to build); a larger mapping gets a dictionary, so lookups stay constant
/// time whatever the input. Where two entries give the same name, the last one is found.
/// </remarks>
internal sealed class MappingView
{
    private const int ScanLimit = 8;
    private readonly YamlText _text;
    private readonly YamlNode[] _values;
    private readonly Dictionary<string, int>? _index;

    public MappingView(YamlText text, YamlMappingNode node, string what)
    {
        _text = text;
        Node = node;
        What = what;
        var count = node.Children.Count;
        KeyNodes = new List<(string Name, YamlNode Node)>(count);
        _values = new YamlNode[count];
        _index = count > ScanLimit ? new Dictionary<string, int>(count, StringComparer.Ordinal) : null;
        foreach (var (key, value) in node.Children)
        {
            var name = key is YamlScalarNode scalar ? scalar.Value ?? string.Empty : YamlText.Describe(key);
            if (_index is not null)
            {
                _index[name] = KeyNodes.Count;
            }

            _values[KeyNodes.Count] = value;
            KeyNodes.Add((name, key));
        }
    }

    public YamlMappingNode Node { get; }

    public string What { get; }

    public List<(string Name, YamlNode Node)> KeyNodes { get; }

    public YamlNode? this[string key] => Find(key) is var i and >= 0 ? _values[i] : null;

    public YamlNode? KeyNode(string key) => Find(key) is var i and >= 0 ? KeyNodes[i].Node : null;

    /// <summary>The index of the last entry named <paramref name="key"/>, or -1.</summary>
    private int Find(string key)
    {
        if (_index is not null)
        {
            return _index.TryGetValue(key, out var at) ? at : -1;
        }

        for (var i = KeyNodes.Count - 1; i >= 0; i--)
        {
            if (string.Equals(KeyNodes[i].Name, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The value of a required key; reports the missing key at the mapping.</summary>
    public YamlNode? Required(string key)
    {
        var value = this[key];
        if (value is null || YamlText.IsNull(value))
        {
            _text.Error(value ?? Node, DiagnosticCodes.MissingKey, ErrorMessages.MissingKey(key, What));
            return null;
        }

        return value;
    }

    public string? OptionalScalar(string key) =>
        this[key] is { } node && !YamlText.IsNull(node) ? _text.Scalar(node, $"'{key}'") : null;
}
