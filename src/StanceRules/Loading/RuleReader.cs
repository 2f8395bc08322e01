using StanceRules.Rules;
using StanceRules.Rules.Binding;
using StanceRules.Rules.Lowering;
using StanceRules.Rules.Syntax;
using StanceRules.Yaml;
using YamlDotNet.RepresentationModel;

namespace StanceRules.Loading;

/// <summary>
/// Reads the rules of one file: parses each (<see cref="RuleParser"/>), binds it against the fact
/// types (<see cref="RuleBinder"/>) and lowers it to NRules (<see cref="RuleLowering"/>). A rule's
/// errors are reported in the order they are written, whichever stage found them.
/// </summary>
internal sealed class RuleReader
{
    private readonly YamlText _yaml;
    private readonly FactTypes _types;
    private readonly List<Diagnostic> _diagnostics;

    /// <param name="yaml">The file the rules are in.</param>
    /// <param name="types">The fact types rules may match.</param>
    /// <param name="diagnostics">Where errors go (the rule set's list).</param>
    public RuleReader(YamlText yaml, FactTypes types, List<Diagnostic> diagnostics)
    {
        _yaml = yaml;
        _types = types;
        _diagnostics = diagnostics;
    }

    /// <summary>Reads a rule; null when it has errors (all of them are reported).</summary>
    /// <param name="node">The rule's YAML node.</param>
    /// <param name="id">The rule's id when it has a readable one.</param>
    /// <param name="claimId">Claims the id for the rule set; false (reported) when another rule has it.</param>
    public LoadedRule? Read(YamlNode node, string? id, Func<string, SourceLocation, bool> claimId)
    {
        var found = new List<Diagnostic>();
        var yaml = new YamlText(_yaml.File, found);
        LoadedRule? rule = null;
        if (new RuleParser(yaml).Parse(node, id) is { } syntax && new RuleBinder(yaml, _types).Bind(syntax, 0, claimId) is { } bound)
        {
            try
            {
                rule = RuleLowering.Lower(bound);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                yaml.Error(node, DiagnosticCodes.EngineRejectedRule, ErrorMessages.EngineRejectedRule(bound.Id, e.Message));
            }
        }

        // The parser finds shape errors before the binder finds any other: sorted (stably) by position,
        // they read in the order they are written, as one pass over the rule would find them.
        _diagnostics.AddRange(found.OrderBy(d => d.Location.Line).ThenBy(d => d.Location.Column));
        return found.Count == 0 ? rule : null;
    }
}
