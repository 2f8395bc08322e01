using StanceRules.Rules;
using StanceRules.Yaml;
using YamlDotNet.RepresentationModel;

namespace StanceRules.Loading;

/// <summary>
/// Reads the <c>rules:</c> sections of a rule set's files, file by file: at most
/// <see cref="StanceLimits.MaxRules"/> rules in all, each id once across files, each rule handed
/// to the rule language (<see cref="Translate"/>) against the rule set's fact types.
/// </summary>
internal sealed class RulesReader(FactTypes types, StanceLimits limits, List<Diagnostic> diagnostics, Action<SourceLocation> reading)
{
    private readonly Dictionary<string, SourceLocation> _ids = new(StringComparer.Ordinal);
    private readonly List<LoadedRule> _rules = [];
    private int _count;

    /// <summary>The rules read so far, in file order.</summary>
    public IReadOnlyList<LoadedRule> Rules => _rules;

    /// <summary>True once some file had a <c>rules:</c> list (even an empty one).</summary>
    public bool SawRules { get; private set; }

    /// <summary>Reads the file's rules, if it has any.</summary>
    /// <returns>False when the rule set now has more than <see cref="StanceLimits.MaxRules"/> rules: loading stops.</returns>
    public bool Read(YamlText yaml, MappingView file)
    {
        if (file["rules"] is not { } rulesNode || yaml.Sequence(rulesNode, "'rules'") is not { } ruleList)
        {
            return true;
        }

        SawRules = true;
        _count += ruleList.Children.Count;
        if (_count > limits.MaxRules)
        {
            yaml.Error(ruleList, DiagnosticCodes.LimitExceeded, ErrorMessages.LimitExceeded("number of rules", _count, nameof(StanceLimits.MaxRules), limits.MaxRules));
            return false;
        }

        Translate(yaml, ruleList);
        return true;
    }

    /// <summary>The one call into the rule language: each rule of a file's list parsed, bound and lowered, its id claimed.</summary>
    private void Translate(YamlText yaml, YamlSequenceNode ruleList)
    {
        var reader = new RuleReader(yaml, types, diagnostics);
        foreach (var ruleNode in ruleList.Children)
        {
            reading(yaml.At(ruleNode));
            var id = ruleNode is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode("id"), out var idNode) && idNode is YamlScalarNode { Value: { Length: > 0 } text } ? text : null;
            if (reader.Read(ruleNode, id, ClaimId) is { } rule)
            {
                _rules.Add(rule);
            }
        }
    }

    /// <summary>Takes a rule id for the rule at <paramref name="at"/>; false (with a diagnostic) when an earlier rule has it.</summary>
    private bool ClaimId(string id, SourceLocation at)
    {
        if (_ids.TryGetValue(id, out var first))
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.DuplicateRuleId, ErrorMessages.DuplicateRuleId(id, first), at));
            return false;
        }

        _ids[id] = at;
        return true;
    }
}
