using StanceRules.Knowledge;
using StanceRules.Yaml;
using YamlDotNet.RepresentationModel;

namespace StanceRules.Loading;

/// <summary>Reads the <c>extraction:</c> sections (the text extractor's patterns) of every file into one <see cref="ExtractionPatterns"/>.</summary>
internal sealed class ExtractionReader
{
    private static readonly string[] Keys =
    [
        "abbreviations", "titles", "speech_verbs", "according_to", "negations", "hedges", "pronouns", "between", "modifiers",
        "clause_ends", "discard", "irregular", "votes", "motions", "bodies", "light_verbs", "nominal_acts", "nominal_links",
        "agents", "including", "intents", "concessions", "name_particles", "group_heads", "companions",
        "futures", "future_acts", "purpose_verbs", "amounts", "verdicts", "person_concessions",
    ];

    private static readonly string[] VoteKeys = ["yes", "no", "abstain"];

    private readonly ExtractionPatterns _patterns = new();
    private readonly List<(YamlText Yaml, YamlNode Node, string Lemma)> _nominalLemmas = [];
    private readonly List<(YamlText Yaml, YamlNode Node, string Key, string Lemma)> _listedLemmas = [];
    private bool _any;

    public void Read(YamlText yaml, MappingView file)
    {
        if (file["extraction"] is not { } node || yaml.Mapping(node, "'extraction'", Keys) is not { } section)
        {
            return;
        }

        _any = true;
        if (section["abbreviations"] is { } abbreviations)
        {
            foreach (var a in yaml.ScalarList(abbreviations, "'extraction.abbreviations'") ?? [])
            {
                _patterns.Abbreviations.Add(a.Trim());
            }
        }

        AddKeys(yaml, section, "titles", _patterns.Titles);
        AddKeys(yaml, section, "speech_verbs", _patterns.SpeechVerbs);
        AddKeys(yaml, section, "according_to", _patterns.AccordingTo);
        AddKeys(yaml, section, "negations", _patterns.Negations);
        AddKeys(yaml, section, "hedges", _patterns.Hedges);
        AddKeys(yaml, section, "pronouns", _patterns.Pronouns);
        AddKeys(yaml, section, "between", _patterns.Between);
        AddKeys(yaml, section, "modifiers", _patterns.Modifiers);
        AddKeys(yaml, section, "clause_ends", _patterns.ClauseEnds);
        AddKeys(yaml, section, "discard", _patterns.Discard);
        AddKeys(yaml, section, "motions", _patterns.Motions);
        AddKeys(yaml, section, "light_verbs", _patterns.LightVerbs);
        AddKeys(yaml, section, "nominal_links", _patterns.NominalLinks);
        AddKeys(yaml, section, "including", _patterns.Including);
        AddKeys(yaml, section, "name_particles", _patterns.NameParticles);
        AddKeys(yaml, section, "group_heads", _patterns.GroupHeads);
        AddKeys(yaml, section, "companions", _patterns.Companions);
        ReadAgents(yaml, section);
        ReadNominalActs(yaml, section);
        ReadLemmas(yaml, section, "intents", _patterns.Intents);
        ReadLemmas(yaml, section, "concessions", _patterns.Concessions);
        AddKeys(yaml, section, "futures", _patterns.Futures);
        AddKeys(yaml, section, "amounts", _patterns.Amounts);
        ReadLemmas(yaml, section, "future_acts", _patterns.FutureActs);
        ReadLemmas(yaml, section, "purpose_verbs", _patterns.PurposeVerbs);
        ReadLemmas(yaml, section, "verdicts", _patterns.Verdicts);
        ReadLemmas(yaml, section, "person_concessions", _patterns.PersonConcessions);
        ReadIrregular(yaml, section);
        ReadVotes(yaml, section);
        ReadBodies(yaml, section);
    }

    /// <summary>The patterns of every file; <see cref="ExtractionPatterns.Empty"/> when no file has an <c>extraction:</c> section.</summary>
    public ExtractionPatterns Build() => _any ? _patterns : ExtractionPatterns.Empty;

    private static void AddKeys(YamlText yaml, MappingView section, string key, HashSet<string> into)
    {
        if (section[key] is not { } node)
        {
            return;
        }

        foreach (var phrase in yaml.ScalarList(node, $"'extraction.{key}'") ?? [])
        {
            var normalized = ExtractionPatterns.Key(phrase);
            if (normalized.Length == 0)
            {
                yaml.Error(node, DiagnosticCodes.InvalidValue, ErrorMessages.InvalidValue(phrase, $"'extraction.{key}'", "a phrase of letters or digits"));
                continue;
            }

            into.Add(normalized);
        }
    }

    private void ReadIrregular(YamlText yaml, MappingView section)
    {
        if (section["irregular"] is not { } node || yaml.Mapping(node, "'extraction.irregular'", null) is not { } verbs)
        {
            return;
        }

        foreach (var (verb, keyNode) in verbs.KeyNodes)
        {
            var forms = yaml.ScalarList(verbs[verb]!, $"'extraction.irregular.{verb}'") ?? [];
            if (!_patterns.Irregular.TryAdd(ExtractionPatterns.Key(verb), forms.Select(ExtractionPatterns.Key).Where(f => f.Length > 0).ToList()))
            {
                yaml.Error(keyNode, DiagnosticCodes.DuplicateEntry, ErrorMessages.DuplicateEntry("irregular verb", verb));
            }
        }
    }

    /// <summary>
    /// Reports every lemma of <c>nominal_acts</c>, <c>intents</c>, <c>concessions</c>, <c>future_acts</c>, <c>purpose_verbs</c> and <c>verdicts</c> the rule set's lexicon does not
    /// list, and every concession (also of <c>person_concessions</c>) that is no material act (once the lexicon of every file is read).
    /// </summary>
    public void CheckNominalActs(Lexicon lexicon)
    {
        foreach (var (yaml, node, lemma) in _nominalLemmas)
        {
            if (!lexicon.IsKnown(lemma))
            {
                yaml.Error(node, DiagnosticCodes.InvalidValue, ErrorMessages.InvalidValue(lemma, "'extraction.nominal_acts'", "an act of the lexicon (lexicon.yaml 'acts')"));
            }
        }

        foreach (var (yaml, node, key, lemma) in _listedLemmas)
        {
            if (!lexicon.IsKnown(lemma))
            {
                yaml.Error(node, DiagnosticCodes.InvalidValue, ErrorMessages.InvalidValue(lemma, $"'extraction.{key}'", "an act of the lexicon (lexicon.yaml 'acts')"));
            }
            else if (key is "concessions" or "person_concessions" && !lexicon.Material.Contains(lemma))
            {
                yaml.Error(node, DiagnosticCodes.InvalidValue, ErrorMessages.InvalidValue(lemma, $"'extraction.{key}'", "a material act of the lexicon (lexicon.yaml 'acts.material')"));
            }
        }
    }

    /// <summary>A list of act lemmas (kebab-case), checked against the lexicon by <see cref="CheckNominalActs"/>.</summary>
    private void ReadLemmas(YamlText yaml, MappingView section, string key, HashSet<string> into)
    {
        if (section[key] is not { } list || yaml.Sequence(list, $"'extraction.{key}'") is not { } node)
        {
            return;
        }

        foreach (var item in node.Children)
        {
            if (yaml.Scalar(item, $"an act lemma of 'extraction.{key}'") is { } lemma)
            {
                var normalized = Lexicon.Lemma(lemma.Trim());
                into.Add(normalized);
                _listedLemmas.Add((yaml, item, key, normalized));
            }
        }
    }

    private void ReadNominalActs(YamlText yaml, MappingView section)
    {
        if (section["nominal_acts"] is not { } node || yaml.Mapping(node, "'extraction.nominal_acts'", null) is not { } nouns)
        {
            return;
        }

        foreach (var (noun, _) in nouns.KeyNodes)
        {
            var valueNode = nouns[noun]!;
            if (yaml.Scalar(valueNode, $"'extraction.nominal_acts.{noun}'") is { } lemma)
            {
                _patterns.NominalActs[ExtractionPatterns.Key(noun)] = lemma.Trim();
                _nominalLemmas.Add((yaml, valueNode, lemma.Trim()));
            }
        }
    }

    private void ReadVotes(YamlText yaml, MappingView section)
    {
        if (section["votes"] is not { } node || yaml.Mapping(node, "'extraction.votes'", VoteKeys) is not { } votes)
        {
            return;
        }

        foreach (var (name, choice) in new[] { ("yes", VoteChoice.Yes), ("no", VoteChoice.No), ("abstain", VoteChoice.Abstain) })
        {
            foreach (var phrase in votes[name] is { } list ? yaml.ScalarList(list, $"'extraction.votes.{name}'") ?? [] : [])
            {
                _patterns.Votes[ExtractionPatterns.Key(phrase)] = choice;
            }
        }
    }

    private void ReadAgents(YamlText yaml, MappingView section)
    {
        if (section["agents"] is not { } node || yaml.Mapping(node, "'extraction.agents'", null) is not { } roles)
        {
            return;
        }

        foreach (var (role, keyNode) in roles.KeyNodes)
        {
            if (role.Length != 3 || !role.All(char.IsAsciiLetterUpper))
            {
                yaml.Error(keyNode, DiagnosticCodes.InvalidValue, ErrorMessages.InvalidValue(role, "'extraction.agents'", "a role code of three capital letters (MIL, COP, REB)"));
                continue;
            }

            foreach (var noun in yaml.ScalarList(roles[role]!, $"'extraction.agents.{role}'") ?? [])
            {
                var key = ExtractionPatterns.Key(noun);
                if (key.Length == 0 || key.Contains(' ', StringComparison.Ordinal))
                {
                    yaml.Error(roles[role]!, DiagnosticCodes.InvalidValue, ErrorMessages.InvalidValue(noun, $"'extraction.agents.{role}'", "one word"));
                    continue;
                }

                _patterns.Agents[key] = role;
            }
        }
    }

    private void ReadBodies(YamlText yaml, MappingView section)
    {
        if (section["bodies"] is not { } node || yaml.Mapping(node, "'extraction.bodies'", null) is not { } bodies)
        {
            return;
        }

        foreach (var (phrase, _) in bodies.KeyNodes)
        {
            if (yaml.Scalar(bodies[phrase]!, $"'extraction.bodies.{phrase}'") is { } body)
            {
                _patterns.Bodies[ExtractionPatterns.Key(phrase)] = body;
            }
        }
    }
}
