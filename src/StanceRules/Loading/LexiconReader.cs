using StanceRules.Knowledge;
using StanceRules.Yaml;
using YamlDotNet.RepresentationModel;

namespace StanceRules.Loading;

/// <summary>
/// Reads the <c>acts:</c> (lemmas by stance family) and <c>negated:</c> (the family of a negated
/// act) sections into the lexicon: each lemma once across files.
/// </summary>
internal sealed class LexiconReader
{
    private static readonly string[] FamilyKeys = ["supports", "abstains", "condemns", "rejects", "none", "material"];

    private readonly Dictionary<string, Stance?> _families = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Stance?> _negated = new(StringComparer.Ordinal);
    private readonly List<string> _material = [];

    public void Read(YamlText yaml, MappingView file)
    {
        ReadActs(yaml, file);
        ReadNegated(yaml, file);
    }

    /// <summary>The lexicon of every file's acts and negations.</summary>
    public Lexicon Build() => new(_families, _negated, _material);

    private void ReadActs(YamlText yaml, MappingView file)
    {
        if (file["acts"] is not { } acts || yaml.Mapping(acts, "'acts'", FamilyKeys) is not { } families)
        {
            return;
        }

        foreach (var (family, _) in families.KeyNodes)
        {
            Stance? stance = StanceNames.TryParse(family, out var s) ? s : null;
            foreach (var lemmaNode in (families[family] as YamlSequenceNode)?.Children ?? [])
            {
                if (yaml.Scalar(lemmaNode, "an act lemma") is not { } lemma)
                {
                    continue;
                }

                if (_families.TryAdd(Lexicon.Lemma(lemma), stance))
                {
                    if (family == "material")
                    {
                        _material.Add(Lexicon.Lemma(lemma));
                    }
                }
                else
                {
                    yaml.Error(lemmaNode, DiagnosticCodes.DuplicateEntry, ErrorMessages.DuplicateEntry("act lemma", lemma));
                }
            }

            if (families[family] is not YamlSequenceNode)
            {
                yaml.Sequence(families[family]!, $"'acts.{family}'");
            }
        }
    }

    private void ReadNegated(YamlText yaml, MappingView file)
    {
        if (file["negated"] is not { } negated || yaml.Mapping(negated, "'negated'", null) is not { } negations)
        {
            return;
        }

        foreach (var (lemma, keyNode) in negations.KeyNodes)
        {
            var value = yaml.Scalar(negations[lemma]!, $"'negated.{lemma}'");
            if (value is null)
            {
                continue;
            }

            Stance? stance = null;
            if (value != "none")
            {
                if (!StanceNames.TryParse(value, out var parsed))
                {
                    yaml.Error(negations[lemma]!, DiagnosticCodes.UnknownStance, ErrorMessages.UnknownStance(value));
                    continue;
                }

                stance = parsed;
            }

            if (!_negated.TryAdd(Lexicon.Lemma(lemma), stance))
            {
                yaml.Error(keyNode, DiagnosticCodes.DuplicateEntry, ErrorMessages.DuplicateEntry("negation", lemma));
            }
        }
    }
}
