using System.Globalization;
using System.Text;
using StanceRules.Inference;
using StanceRules.Loading;
using StanceRules.Rules;
using StanceRules.Rules.Binding;

namespace StanceRules.Explain;

/// <summary>
/// Builds a <see cref="StanceExplanation"/>: runs the inference with a trace, then lists the
/// signals for the country and issue, the conflict policy's decision step by step, and, for a
/// stance that is absent (or expected and not found), probes every rule that could have produced
/// it against the facts the engine matched.
/// </summary>
internal sealed class Explainer
{
    private const int MaxLines = 8;

    private readonly CompiledRuleSet _rules;
    private readonly StanceEngineOptions _options;

    public Explainer(CompiledRuleSet rules, StanceEngineOptions options)
    {
        _rules = rules;
        _options = options;
    }

    /// <summary>A country as written (ISO code or any name the gazetteer knows) as ISO alpha-3; null when unknown.</summary>
    public string? ResolveCountry(string country) => _rules.Gazetteer.Resolve(country).Country?.Iso3;

    public StanceExplanation Explain(ArticleFacts article, string country, string issue, Stance? expected, CancellationToken cancellationToken)
    {
        var countryText = country;
        country = ResolveCountry(countryText) ?? countryText.ToUpperInvariant();
        var trace = new InferenceTrace();
        var report = new Inferrer(_rules, _options).Run(article, cancellationToken, trace);
        // A country or issue that neither the knowledge nor this article's facts and stances know is a typo, not "no stance".
        if (ResolveCountry(countryText) is null && !report.Stances.Any(s => s.Country == country) && !trace.ResolvedFacts.Any(f => f.Country == country))
        {
            throw new ArgumentException($"unknown country '{countryText}': not an ISO code or a name the gazetteer knows, and no fact of article '{article.Id}' resolves to it", nameof(country));
        }

        if (!_rules.Issues.Issues.ContainsKey(issue) && !report.Stances.Any(s => s.Issue == issue) && !trace.ResolvedFacts.Any(f => f.Issue == issue))
        {
            throw new ArgumentException($"unknown issue '{issue}': not in the issue catalogue, and no fact or stance of article '{article.Id}' names it", nameof(issue));
        }

        var memory = trace.WorkingMemory;
        var result = report.Find(country, issue);
        var types = _rules.FactTypes;
        var text = new StringBuilder();

        text.Append(country).Append(" / ").Append(issue).Append(" in article ").AppendLine(article.Id);
        if (result is null)
        {
            text.Append("No stance: no rule emitted a signal for ").Append(country).Append(" on ").Append(issue).AppendLine(".");
        }
        else
        {
            text.Append("Stance: ").Append(result.Stance.ToName()).Append(' ').Append(Num(result.Confidence))
                .Append(", decided by ").Append(result.DecidedBy.ToName()).AppendLine();
        }

        if (expected is { } e)
        {
            text.Append("Expected: ").Append(e.ToName()).AppendLine(result?.Stance == e ? " (found)" : result is null ? " (not found)" : $" (found {result.Stance.ToName()} instead)");
        }

        text.AppendLine();
        WriteFacts(text, trace, report, country, issue);
        if (result is not null)
        {
            WriteSignals(text, result, article.Published);
            WritePolicy(text, result);
            if (expected is { } lost && result.Stance != lost && result.Overruled.Where(s => s.Stance == lost).ToList() is { Count: > 0 } overruled)
            {
                var score = ConflictPolicy.Score(overruled);
                text.AppendLine().Append("Why not ").Append(lost.ToName()).Append(": its ").Append(overruled.Count == 1 ? "signal was" : $"{overruled.Count} signals were")
                    .Append(" overruled at the ").Append(result.DecidedBy.ToName()).Append(" step (").Append(lost.ToName()).Append(' ').Append(Num(score))
                    .Append(" against ").Append(result.Stance.ToName()).Append(' ').Append(Num(result.Confidence)).AppendLine(").");
            }
        }

        var candidates = new List<RuleCandidate>();
        var wanted = expected;
        var needsProbe = result is null || (expected is { } x && result.Stance != x && result.Overruled.All(s => s.Stance != x));
        if (needsProbe)
        {
            var diagnoser = new RuleDiagnoser(types, memory);
            var stanceText = wanted?.ToName() ?? "a stance";
            text.AppendLine().Append("Rules that could have produced ").Append(stanceText).Append(" for ").Append(country).Append(" on ").Append(issue).AppendLine(":");
            var any = false;
            foreach (var diagnosis in diagnoser.Candidates(_rules.Rules, country, issue, wanted))
            {
                any = true;
                var rule = diagnosis.Rule;
                var produces = ProbeText.Produces(rule.Rule, wanted);
                text.Append("  ").Append(rule.Id).Append(" (").Append(rule.Location).Append("): ").AppendLine(produces);
                ProbeText.Write(text, diagnosis, types, country, "    ", MaxLines, p => DerivedBy(diagnoser, p, country));
                candidates.Add(new RuleCandidate(
                    rule.Id,
                    rule.Location,
                    produces,
                    diagnosis.Matches.Count > 0,
                    diagnosis.NearestMisses.SelectMany(m => m.Failed.Select(f => new FailedCondition(f.Condition, f.Location, FactText.Name(m.Candidate), f.Detail))).ToArray()));
            }

            if (!any)
            {
                text.Append("  none: no rule of this rule set emits ").AppendLine(stanceText);
            }
        }

        return new StanceExplanation(article.Id, country, issue, expected, result, candidates, text.ToString());
    }

    /// <summary>For a pattern that matched nothing: the rule that derives its fact type, diagnosed for the same country.</summary>
    private RuleDiagnosis? DerivedBy(RuleDiagnoser diagnoser, BoundPattern pattern, string country)
    {
        var producer = _rules.Rules.FirstOrDefault(r => r.Rule.Then is BoundAssert assert && assert.Type.ClrType == pattern.Type.ClrType);
        return producer is null ? null : diagnoser.Diagnose(producer, country, null, null);
    }

    private void WriteFacts(StringBuilder text, InferenceTrace trace, StanceReport report, string country, string issue)
    {
        var facts = trace.ResolvedFacts.Where(f => string.Equals(f.Country, country, StringComparison.Ordinal)).ToList();
        text.Append("Facts about ").Append(country).Append(" (").Append(facts.Count).AppendLine("):");
        foreach (var fact in facts)
        {
            text.Append("  ").Append(FactText.Line(_rules.FactTypes, fact)).AppendLine(string.Equals(fact.Issue, issue, StringComparison.Ordinal) ? "" : "   (another issue)");
        }

        var others = report.Stances.Where(s => s.Country == country && s.Issue != issue).ToList();
        if (others.Count > 0)
        {
            text.Append("Other stances of ").Append(country).Append(": ").AppendLine(string.Join("; ", others.Select(s => $"{s.Issue} {s.Stance.ToName()} {Num(s.Confidence)}")));
        }
    }

    private void WriteSignals(StringBuilder text, CountryStance result, DateOnly? published)
    {
        text.AppendLine().AppendLine("Signals:");
        foreach (var (signal, won) in result.Signals.Select(s => (s, true)).Concat(result.Overruled.Select(s => (s, false))))
        {
            var rule = SignalText.RuleOf(_rules, signal);
            text.Append("  ").Append(SignalText.Verdict(signal, won))
                .Append("  rule ").Append(signal.Rule);
            if (rule is not null)
            {
                text.Append(" (").Append(rule.Location).Append(')');
            }

            if (signal.Rules.Count > 1)
            {
                text.Append(", chain ").Append(string.Join(" → ", signal.Rules));
            }

            text.AppendLine(won ? "" : "  [overruled]");
            if (signal.SourceFacts.Any(f => f.IsHedged) && rule is not null)
            {
                var full = RuleOutput.Confidence(rule.Rule);
                text.Append("      hedged fact: the rule's confidence ").Append(Num(full)).Append(" is halved to ").AppendLine(Num(signal.Confidence));
            }

            foreach (var fact in signal.SourceFacts)
            {
                text.Append("      ").AppendLine(FactText.Line(_rules.FactTypes, fact));
                if (fact.Evidence is { Length: > 0 } evidence)
                {
                    text.Append("        \"").Append(evidence).AppendLine("\"");
                }

                // How the actor resolved on the article's date, and what matched.
                var resolution = _rules.Gazetteer.Resolve(fact.Actor, published);
                text.Append("        actor \"").Append(fact.Actor).Append("\" → ")
                    .Append(resolution.Countries is { } joint ? $"{string.Join(", ", joint.Select(c => c.Iso3))} (joint statement)" : resolution.Country?.Iso3 ?? resolution.Reason);
                if (ActorResolution.Describe(resolution.Match) is { } matched)
                {
                    text.Append(" (").Append(matched).Append(')');
                }

                text.AppendLine();
            }
        }
    }

    private static void WritePolicy(StringBuilder text, CountryStance result)
    {
        var stances = result.Signals.Concat(result.Overruled)
            .GroupBy(s => s.Stance)
            .Select(g => (Stance: g.Key, Score: ConflictPolicy.Score(g), Priority: g.Max(s => s.Priority)))
            .OrderByDescending(c => c.Stance == result.Stance)
            .ThenByDescending(c => c.Score)
            .ToList();
        text.AppendLine().AppendLine("Conflict policy:");
        if (result.DecidedBy == DecisionStep.Unanimous)
        {
            text.Append("  unanimous: every signal says ").Append(result.Stance.ToName()).Append("; combined confidence 1 − Π(1 − c) = ").AppendLine(Num(result.Confidence));
            return;
        }

        var winner = stances[0];
        var runnerUp = stances[1];
        text.Append("  1. score per stance, 1 − Π(1 − c) over its signals: ").AppendLine(string.Join(", ", stances.Select(s => $"{s.Stance.ToName()} {Num(s.Score)}")));
        if (result.DecidedBy == DecisionStep.Confidence)
        {
            text.Append("  2. highest score wins: ").Append(winner.Stance.ToName()).Append(' ').Append(Num(winner.Score)).Append(" > ")
                .Append(runnerUp.Stance.ToName()).Append(' ').Append(Num(runnerUp.Score)).AppendLine("  ← decided here (confidence)");
            return;
        }

        text.Append("  2. scores tie at ").AppendLine(Num(winner.Score));
        if (result.DecidedBy == DecisionStep.Priority)
        {
            text.Append("  3. higher rule priority wins: ").Append(winner.Stance.ToName()).Append(' ').Append(winner.Priority).Append(" > ")
                .Append(runnerUp.Stance.ToName()).Append(' ').Append(runnerUp.Priority).AppendLine("  ← decided here (priority)");
            return;
        }

        text.Append("  3. priorities tie at ").AppendLine(winner.Priority.ToString(CultureInfo.InvariantCulture));
        text.Append("  4. precedence rejects > condemns > abstains > supports: ").Append(winner.Stance.ToName()).Append(" over ")
            .Append(runnerUp.Stance.ToName()).AppendLine("  ← decided here (precedence)");
    }

    private static string Num(double value) => SignalText.Num(value);
}
