using StanceRules.Knowledge;
using StanceRules.Loading;
using StanceRules.Yaml;

namespace StanceRules;

public sealed partial class StanceEngine
{
    private readonly Lazy<EventMapping> _events;

    /// <summary>
    /// How event records become stances with this engine's rule set: the <c>events:</c> sections of
    /// its files (the default <c>rules/events.yaml</c>, or a layer's), with its gazetteer's countries.
    /// </summary>
    public EventMapping Events => _events.Value;

    private static EventMapping ReadEvents(IReadOnlyList<RuleFile> files, Gazetteer gazetteer, StanceLimits limits)
    {
        // The sections compiled without error (RuleSetCompiler checks them), so this read finds none.
        var reader = new EventsReader();
        var diagnostics = new List<Diagnostic>();
        foreach (var file in files)
        {
            var yaml = new YamlText(file.Name, diagnostics, limits);
            if (yaml.Load(file.Text) is { } root && yaml.Mapping(root, "a rule set file", null) is { } mapping)
            {
                reader.Read(yaml, mapping);
            }
        }

        return diagnostics.Count == 0 ? reader.Build(gazetteer.Countries.Select(c => c.Iso3), gazetteer.Countries.Where(c => !c.UnMember).Select(c => c.Iso3)) : throw new StanceRulesException(diagnostics);
    }
}
