using System.Reflection;
using PublicApiGenerator;
using StanceRules.Extensions.AI;
using StanceRules.Extensions.DependencyInjection;

namespace StanceRules.Embedding.Tests;

/// <summary>
/// The public API of each package, approved in a file: a change to it fails here until someone
/// approves it on purpose, so no public member is added, changed or removed by accident.
/// </summary>
public class ApiApprovalTests
{
    /// <summary>Set to 1 to write the current API over the approved file instead of comparing.</summary>
    private const string ApproveVariable = "STANCERULES_APPROVE_API";

    [Fact]
    public void StanceRules_PublicApi_IsApproved() => Approve(typeof(StanceEngine).Assembly);

    [Fact]
    public void StanceRulesExtensionsDependencyInjection_PublicApi_IsApproved() => Approve(typeof(IStanceEngineProvider).Assembly);

    [Fact]
    public void StanceRulesExtensionsAI_PublicApi_IsApproved() => Approve(typeof(ChatFactExtractor).Assembly);

    private static void Approve(Assembly assembly)
    {
        var name = assembly.GetName().Name!;
        var api = assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            // AddStanceRules and AddStanceRulesChatExtraction live in Microsoft.Extensions.DependencyInjection, a namespace the generator skips by default.
            AllowNamespacePrefixes = ["Microsoft.Extensions.DependencyInjection"],
            ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute", "System.Runtime.CompilerServices.InternalsVisibleToAttribute"],
        }).ReplaceLineEndings("\n");
        var approved = Path.Combine(Repo.Root, "tests", "StanceRules.Embedding.Tests", "Api", $"{name}.approved.txt");
        var received = Path.ChangeExtension(approved, null).Replace(".approved", ".received.txt", StringComparison.Ordinal);

        if (Environment.GetEnvironmentVariable(ApproveVariable) == "1")
        {
            File.WriteAllText(approved, api);
            File.Delete(received);
            return;
        }

        var expected = File.Exists(approved) ? File.ReadAllText(approved).ReplaceLineEndings("\n") : string.Empty;
        if (expected == api)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, api);
        var diff = Diff(expected, api);
        Assert.Fail($"""
            The public API of {name} changed:
            {diff}

            If the change is intended, approve it (and commit the approved file):
              {ApproveVariable}=1 dotnet test tests/StanceRules.Embedding.Tests --filter FullyQualifiedName~ApiApprovalTests
            or copy the received file over the approved one:
              cp {Path.GetRelativePath(Repo.Root, received)} {Path.GetRelativePath(Repo.Root, approved)}
            """);
    }

    /// <summary>The lines only in the approved file (-) and only in the current API (+).</summary>
    private static string Diff(string approved, string current)
    {
        var before = approved.Split('\n');
        var after = current.Split('\n');
        var removed = before.Except(after).Select(l => "- " + l.Trim());
        var added = after.Except(before).Select(l => "+ " + l.Trim());
        return string.Join('\n', removed.Concat(added).Take(40));
    }
}
