using StanceRules.Knowledge;
using StanceRules.Yaml;
using YamlDotNet.RepresentationModel;

namespace StanceRules.Loading;

/// <summary>
/// Reads the <c>offices:</c> sections: per country, who held which office when. The entries are
/// joined to their countries, and their holders' names added to the gazetteer, by
/// <see cref="GazetteerReader.Build"/> once every file is read.
/// </summary>
internal sealed class OfficesReader
{
    private static readonly string[] OfficeEntryKeys = ["country", "covers", "checked", "head_of_state", "note", "holders"];
    private static readonly string[] HolderKeys = ["office", "name", "from", "to", "aliases", "then"];
    private static readonly string[] ThenKeys = ["organization", "from"];

    private readonly List<OfficesEntry> _entries = [];

    /// <summary>Every file's entries, in file order.</summary>
    public IReadOnlyList<OfficesEntry> Entries => _entries;

    public void Read(YamlText yaml, MappingView file)
    {
        if (file["offices"] is { } offices && yaml.Sequence(offices, "'offices'") is { } officeList)
        {
            foreach (var node in officeList.Children)
            {
                ReadEntry(yaml, node);
            }
        }
    }

    private void ReadEntry(YamlText yaml, YamlNode node)
    {
        if (yaml.Mapping(node, "an offices entry", OfficeEntryKeys) is not { } map
            || map.Required("country") is not { } countryNode || yaml.Scalar(countryNode, "'country'") is not { } iso3)
        {
            return;
        }

        var covers = map["covers"] is { } c && !YamlText.IsNull(c) ? YamlDates.Read(yaml, c, "'covers'") : null;
        var checkedOn = map["checked"] is { } k && !YamlText.IsNull(k) ? YamlDates.Read(yaml, k, "'checked'") : null;
        var headOfState = map["head_of_state"] is { } h && yaml.Scalar(h, "'head_of_state'") is { } hos ? (hos, yaml.At(h)) : ((string, SourceLocation)?)null;
        var holders = new List<OfficeHolder>();
        if (map.Required("holders") is { } holdersNode && yaml.Sequence(holdersNode, "'holders'") is { } holderList)
        {
            foreach (var holderNode in holderList.Children)
            {
                if (ReadHolder(yaml, holderNode) is { } holder)
                {
                    holders.Add(holder);
                }
            }
        }

        _entries.Add(new OfficesEntry(iso3, yaml.At(countryNode), covers, checkedOn, headOfState, holders));
    }

    private static OfficeHolder? ReadHolder(YamlText yaml, YamlNode node)
    {
        if (yaml.Mapping(node, "an office holder", HolderKeys) is not { } map)
        {
            return null;
        }

        var offices = OfficeKinds.None;
        if (map.Required("office") is { } officeNode)
        {
            var list = officeNode is YamlSequenceNode ? yaml.ScalarList(officeNode, "'office'") : yaml.Scalar(officeNode, "'office'") is { } one ? [one] : null;
            foreach (var officeName in list ?? [])
            {
                if (OfficeNames.TryParse(officeName, out var kind))
                {
                    offices |= kind;
                }
                else
                {
                    yaml.Error(officeNode, DiagnosticCodes.InvalidValue, ErrorMessages.InvalidValue(officeName, "'office'", string.Join(", ", OfficeNames.Keys)));
                }
            }
        }

        var nameNode = map.Required("name");
        var name = nameNode is null ? null : yaml.Scalar(nameNode, "'name'");
        // A month (YYYY-MM) is some day of it: `from` is read as its first day, `to` as its last,
        // and the term marks the month uncertain (OfficeTerm.FromMonth, ToMonth).
        var from = map.Required("from") is { } fromNode ? YamlDates.ReadDayOrMonth(yaml, fromNode, "'from'") : null;
        var toRead = map["to"] is { } toNode && !YamlText.IsNull(toNode) ? YamlDates.ReadDayOrMonth(yaml, toNode, "'to'") : null;
        DateOnly? to = toRead is var (toDay, toMonth) ? (toMonth ? toDay.AddMonths(1).AddDays(-1) : toDay) : null;
        if (from is var (start, _) && to is { } end && end < start)
        {
            yaml.Error(map["to"]!, DiagnosticCodes.InvalidValue, ErrorMessages.InvalidValue(((YamlScalarNode)map["to"]!).Value ?? "", "'to'", $"a date on or after 'from' ({((YamlScalarNode)map["from"]!).Value})"));
            return null;
        }

        var aliases = new List<(string, SourceLocation)>();
        if (map["aliases"] is { } aliasNode && !YamlText.IsNull(aliasNode))
        {
            var items = aliasNode as YamlSequenceNode;
            foreach (var alias in yaml.ScalarList(aliasNode, "'aliases'") ?? [])
            {
                var at = items?.Children.FirstOrDefault(x => x is YamlScalarNode s && s.Value == alias) ?? aliasNode;
                aliases.Add((alias, yaml.At(at)));
            }
        }

        MoveToOrganization? then = null;
        if (map["then"] is { } thenNode && yaml.Mapping(thenNode, "'then'", ThenKeys) is { } thenMap
            && thenMap.Required("organization") is { } orgNode && yaml.Scalar(orgNode, "'then.organization'") is { } organization
            && thenMap.Required("from") is { } thenFrom && YamlDates.Read(yaml, thenFrom, "'then.from'") is { } movedOn)
        {
            then = new MoveToOrganization(organization, movedOn, yaml.At(thenNode));
        }

        if (offices == OfficeKinds.None || name is null || from is null)
        {
            return null;
        }

        return new OfficeHolder(offices, name, yaml.At(nameNode!), from.Value.Date, to, aliases, then, yaml.At(node))
        {
            FromMonth = from.Value.MonthOnly,
            ToMonth = toRead?.MonthOnly ?? false,
        };
    }
}

/// <summary>One country's entry of an <c>offices:</c> section, as read (its country not yet looked up).</summary>
internal sealed record OfficesEntry(string Iso3, SourceLocation At, DateOnly? Covers, DateOnly? Checked, (string Iso3, SourceLocation At)? HeadOfState, List<OfficeHolder> Holders);

/// <summary>One holder of an offices entry, as read: <see cref="From"/> the first possible day, <see cref="To"/> the last.</summary>
internal sealed record OfficeHolder(OfficeKinds Offices, string Name, SourceLocation NameAt, DateOnly From, DateOnly? To, List<(string Alias, SourceLocation At)> Aliases, MoveToOrganization? Then, SourceLocation At)
{
    /// <summary>The data gives the month of <see cref="From"/> only (YYYY-MM).</summary>
    public bool FromMonth { get; init; }

    /// <summary>The data gives the month of <see cref="To"/> only.</summary>
    public bool ToMonth { get; init; }
}
