using StanceRules.Inference;
using StanceRules.Knowledge;
using StanceRules.Loading;
using StanceRules.Yaml;

namespace StanceRules;

public sealed partial class StanceEngine
{
    private readonly Lazy<EventMapping> _events;

    /// <summary>
    /// How event records become facts with this engine's rule set: the <c>events:</c> sections of
    /// its files (the default <c>rules/events.yaml</c>, or a layer's), with its gazetteer's countries.
    /// </summary>
    public EventMapping Events => _events.Value;

    /// <summary>
    /// Infers the stances of one event record: the record becomes one fact of the declared type
    /// <c>event</c> (its country the coded source country; <see cref="Events"/> gives its mapped
    /// fields), and the rules decide, as for an article's facts. The report's id and date are the
    /// record's; it has no stance when no rule fired (<see cref="EventMapping.WhyNoStance"/> says
    /// which condition of the shipped rule the record fails). Docs: docs/events.md.
    /// </summary>
    /// <param name="record">The record.</param>
    /// <param name="cancellationToken">Stops the inference between rule firings.</param>
    /// <exception cref="InvalidOperationException">The rule set declares no fact type <c>event</c>.</exception>
    /// <exception cref="InferenceLimitException">The rules fired more than <see cref="StanceEngineOptions.MaxRuleFirings"/> times.</exception>
    public StanceReport InferEvent(EventRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var facts = Events.Facts ?? throw new InvalidOperationException("The rule set declares no fact type 'event' (rules/events.yaml declares it; a rule set without the defaults needs its own): event records cannot become facts.");
        var fact = facts.Create(record);
        return new Inferrer(_rules, _options).RunResolved(record.Id, record.Date, fact, cancellationToken);
    }

    private static EventMapping ReadEvents(IReadOnlyList<RuleFile> files, Gazetteer gazetteer, FactTypes types, StanceLimits limits)
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

        if (diagnostics.Count > 0)
        {
            throw new StanceRulesException(diagnostics);
        }

        // A country's names (not its capitals, demonyms or officials) name it in POLECAT's Actor Country.
        var names = gazetteer.Entries
            .Where(e => e.Value is CountryAlias { Kind: AliasKind.Name })
            .Select(e => KeyValuePair.Create(e.Key, ((CountryAlias)e.Value).Country.Iso3));
        return reader.Build(gazetteer.Countries.Select(c => c.Iso3), names, types);
    }
}
