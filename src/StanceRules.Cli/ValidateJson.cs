using System.Text.Json;

namespace StanceRules.Cli;

/// <summary>
/// <c>stance validate --format json</c>: the rule set's verdict as one object on stdout, diagnostics
/// included (rather than on stderr): <c>valid</c>, the counts, the layers loaded and every diagnostic with
/// its location. Schema: schemas/validate-output.schema.json.
/// </summary>
internal static class ValidateJson
{
    public static int Run(string? directory, bool extendDefaults, TextWriter stdout)
    {
        StanceEngine? engine;
        IReadOnlyList<Diagnostic> errors;
        if (directory is null)
        {
            engine = StanceEngine.CreateDefault();
            errors = [];
        }
        else
        {
            StanceEngine.TryLoad(directory, out engine, out errors, new StanceEngineOptions { ExtendDefaultRules = extendDefaults });
        }

        var warnings = engine?.Warnings ?? [];
        CliJson.Write(stdout, json =>
        {
            json.WriteStartObject();
            json.WriteBoolean("valid", engine is not null);
            CliJson.WriteStringOrNull(json, "rule_set", directory);
            json.WriteBoolean("extend_defaults", directory is not null && extendDefaults);
            json.WriteNumber("rules", engine?.RuleIds.Count ?? 0);
            json.WriteNumber("errors", errors.Count);
            json.WriteNumber("warnings", warnings.Count);
            WriteLayers(json, engine?.SourceFiles ?? [], directory);
            CliJson.WriteDiagnostics(json, "diagnostics", errors.Concat(warnings));
            json.WriteEndObject();
        });
        return engine is null ? CommandLine.Invalid : CommandLine.Ok;
    }

    /// <summary>The layers a rule set was compiled from, in order: the embedded defaults, then the folder.</summary>
    private static void WriteLayers(Utf8JsonWriter json, IReadOnlyList<string> files, string? directory)
    {
        json.WriteStartArray("layers");
        var embedded = files.Where(f => f.StartsWith("embedded:", StringComparison.Ordinal)).ToArray();
        if (embedded.Length > 0)
        {
            WriteLayer(json, "embedded", embedded, directory);
        }

        if (directory is not null)
        {
            WriteLayer(json, directory, files.Where(f => !f.StartsWith("embedded:", StringComparison.Ordinal)), directory);
        }

        json.WriteEndArray();
    }

    private static void WriteLayer(Utf8JsonWriter json, string source, IEnumerable<string> files, string? directory)
    {
        json.WriteStartObject();
        json.WriteString("source", source);
        CliJson.WriteStrings(json, "files", files.Select(f => StanceFiles.PathInRuleSet(f, directory)));
        json.WriteEndObject();
    }
}
