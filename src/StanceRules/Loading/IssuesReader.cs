using StanceRules.Knowledge;
using StanceRules.Yaml;

namespace StanceRules.Loading;

/// <summary>Reads the <c>issues:</c> sections into the issue catalogue: each id once across files.</summary>
internal sealed class IssuesReader
{
    private static readonly string[] IssueKeys = ["id", "title", "phrases"];

    private readonly List<IssueEntry> _issues = [];

    public void Read(YamlText yaml, MappingView file)
    {
        if (file["issues"] is not { } issues || yaml.Sequence(issues, "'issues'") is not { } issueList)
        {
            return;
        }

        foreach (var node in issueList.Children)
        {
            if (yaml.Mapping(node, "an issue", IssueKeys) is not { } issue || issue.Required("id") is not { } idNode || yaml.Scalar(idNode, "'id'") is not { } id)
            {
                continue;
            }

            if (_issues.Any(i => i.Id == id))
            {
                yaml.Error(idNode, DiagnosticCodes.DuplicateEntry, ErrorMessages.DuplicateEntry("issue", id));
                continue;
            }

            var phrases = issue["phrases"] is { } p ? yaml.ScalarList(p, "'phrases'") ?? [] : [];
            issue.OptionalScalar("title"); // documentation for people: checked as text, not used
            _issues.Add(new IssueEntry(id, phrases));
        }
    }

    /// <summary>The catalogue of every file's issues.</summary>
    public IssueCatalogue Build() => new(_issues);
}
