using StanceRules.Yaml;

namespace StanceRules.Tests;

/// <summary>A mapping's view finds each key's value and key node the same way whether it scans a few keys or indexes many.</summary>
public class MappingViewTests
{
    private static MappingView View(string yaml)
    {
        var text = new YamlText("m.yaml", []);
        return text.Mapping(text.Load(yaml)!, "the mapping", null)!;
    }

    [Theory]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(40)]
    public void Every_key_is_found_with_its_value_and_position_at_any_size(int keys)
    {
        var view = View(string.Join('\n', Enumerable.Range(0, keys).Select(i => $"k{i}: v{i}")));

        Assert.Equal(keys, view.KeyNodes.Count);
        for (var i = 0; i < keys; i++)
        {
            Assert.Equal($"v{i}", ((YamlDotNet.RepresentationModel.YamlScalarNode)view[$"k{i}"]!).Value);
            Assert.Equal(i + 1, view.KeyNode($"k{i}")!.Start.Line);
        }

        Assert.Null(view["missing"]);
        Assert.Null(view.KeyNode("missing"));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(12)]
    public void Two_keys_with_the_same_name_find_the_last(int others)
    {
        // Two list keys are different nodes with the same name ("a list"); the later one is found.
        var lines = Enumerable.Range(0, others).Select(i => $"k{i}: v{i}").Prepend("? [a]\n: first").Append("? [b]\n: second");
        var view = View(string.Join('\n', lines));

        Assert.Equal("second", ((YamlDotNet.RepresentationModel.YamlScalarNode)view["a list"]!).Value);
    }
}
