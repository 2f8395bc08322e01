using System.Globalization;

namespace StanceRules.Cli;

/// <summary>
/// <c>stance resolve --format json</c>: the resolution as one object on stdout: the kind, the country or
/// countries, the reason it is no country, and what matched. Schema: schemas/resolve-output.schema.json.
/// </summary>
internal static class ResolveJson
{
    public static void Write(ActorResolution resolution, TextWriter stdout)
    {
        CliJson.Write(stdout, json =>
        {
            json.WriteStartObject();
            json.WriteString("actor", resolution.Actor);
            CliJson.WriteStringOrNull(json, "date", resolution.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteString("kind", Name(resolution.Kind));
            CliJson.WriteStringOrNull(json, "country", resolution.Country);
            CliJson.WriteStrings(json, "countries", resolution.Countries);
            CliJson.WriteStringOrNull(json, "reason", resolution.Reason);
            CliJson.WriteStringOrNull(json, "matched", resolution.Matched);
            CliJson.WriteStrings(json, "not_un_members", resolution.NotUnMembers);
            CliJson.WriteStringOrNull(json, "unconfirmed", resolution.Unconfirmed);
            json.WriteEndObject();
        });
    }

    /// <summary>The kind in snake_case: <c>country</c>, <c>joint_statement</c>, <c>former_official</c>, ...</summary>
    internal static string Name(ResolutionKind kind) => kind switch
    {
        ResolutionKind.Country => "country",
        ResolutionKind.JointStatement => "joint_statement",
        ResolutionKind.FormerOfficial => "former_official",
        ResolutionKind.Organization => "organization",
        ResolutionKind.Group => "group",
        ResolutionKind.NonState => "non_state",
        ResolutionKind.Ambiguous => "ambiguous",
        ResolutionKind.Unknown => "unknown",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
