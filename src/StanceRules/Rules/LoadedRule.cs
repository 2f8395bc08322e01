using NRules.RuleModel;
using StanceRules.Rules.Binding;
using StanceRules.Rules.Lowering;
using StanceRules.Rules.Syntax;
using StanceRules.Yaml;
using YamlDotNet.RepresentationModel;

namespace StanceRules.Rules;

/// <summary>
/// A rule of a loaded rule set: what it says (<see cref="Rule"/>, the bound model explanations
/// and rule tests read) and what NRules runs (<see cref="Definition"/>), with the predicate the
/// lowering made for each condition.
/// </summary>
internal sealed class LoadedRule
{
    private readonly IReadOnlyDictionary<object, ConditionPredicate> _predicates;

    public LoadedRule(BoundRule rule, IRuleDefinition definition, IReadOnlyDictionary<object, ConditionPredicate> predicates)
    {
        Rule = rule;
        Definition = definition;
        _predicates = predicates;
    }

    public BoundRule Rule { get; }

    public IRuleDefinition Definition { get; }

    public string Id => Rule.Id;

    public SourceLocation Location => Rule.Location;

    /// <summary>The predicate of a field test of this rule (the condition NRules evaluates).</summary>
    public ConditionPredicate Predicate(BoundFieldTest test) => _predicates[test];

    /// <summary>The predicate of one comparison of this rule.</summary>
    public ConditionPredicate Predicate(BoundCondition condition) => _predicates[condition];
}

/// <summary>
/// Reads the rules of one file: parses each (<see cref="RuleParser"/>), binds it against the fact
/// types (<see cref="RuleBinder"/>) and lowers it to NRules (<see cref="RuleLowering"/>).
/// </summary>
internal sealed class RuleReader
{
    private readonly YamlText _yaml;
    private readonly RuleParser _parser;
    private readonly RuleBinder _binder;

    public RuleReader(YamlText yaml, FactTypes types)
    {
        _yaml = yaml;
        _parser = new RuleParser(yaml);
        _binder = new RuleBinder(yaml, types);
    }

    /// <summary>Reads a rule; null when it has errors (all of them are reported).</summary>
    /// <param name="node">The rule's YAML node.</param>
    /// <param name="id">The rule's id when it has a readable one.</param>
    /// <param name="claimId">Claims the id for the rule set; false (reported) when another rule has it.</param>
    public LoadedRule? Read(YamlNode node, string? id, Func<string, SourceLocation, bool> claimId)
    {
        var errors = _yaml.Diagnostics.Count;
        if (_parser.Parse(node, id) is not { } syntax || _binder.Bind(syntax, errors, claimId) is not { } bound)
        {
            return null;
        }

        try
        {
            return RuleLowering.Lower(bound);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            _yaml.Error(node, DiagnosticCodes.EngineRejectedRule, ErrorMessages.EngineRejectedRule(bound.Id, e.Message));
            return null;
        }
    }
}
