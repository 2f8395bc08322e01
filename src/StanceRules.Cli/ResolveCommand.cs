using System.Globalization;

namespace StanceRules.Cli;

/// <summary>
/// <c>stance resolve "ACTOR" [--date YYYY-MM-DD] [--rules DIR]</c>: what an actor resolves to on a
/// date, and the alias, office and term that matched, or the reason it is not a country.
/// Exit 0 when it resolves to one or more countries, 1 when it does not, 2 on bad usage.
/// </summary>
internal static class ResolveCommand
{
    public static int Run(Options options, TextWriter stdout, TextWriter stderr)
    {
        if (options.Paths.Count != 1)
        {
            stderr.WriteLine("stance resolve: give one actor in quotes (e.g. stance resolve \"Kenyan President William Ruto\" --date 2023-05-02)");
            return CommandLine.Usage;
        }

        DateOnly? date = null;
        if (options.Get("--date") is { } text)
        {
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                stderr.WriteLine($"stance resolve: '{DisplayText.Escape(text)}' is not a date; expected YYYY-MM-DD");
                return CommandLine.Usage;
            }

            date = parsed;
        }

        var engine = CommandLine.LoadEngine(options.Rules, stderr, options.Has("--extend-defaults"));
        if (engine is null)
        {
            return CommandLine.Invalid;
        }

        var resolution = engine.Resolve(options.Paths[0], date);
        if (options.Format == "json")
        {
            ResolveJson.Write(resolution, stdout);
            return resolution.Countries.Count > 0 ? CommandLine.Ok : CommandLine.Invalid;
        }

        stdout.WriteLine($"actor:    {DisplayText.Escape(resolution.Actor)}");
        stdout.WriteLine($"date:     {(date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "none (officials resolve by their latest office)")}");
        stdout.WriteLine($"resolves: {resolution.Kind switch
        {
            ResolutionKind.Country => resolution.Country,
            ResolutionKind.JointStatement => $"{string.Join(", ", resolution.Countries)} (joint statement: one signal per country)",
            _ => "no country",
        }}");
        if (resolution.Reason is { } reason)
        {
            stdout.WriteLine($"reason:   {DisplayText.Escape(reason)}");
        }

        if (resolution.NotUnMembers.Count > 0)
        {
            stdout.WriteLine($"note:     not a UN member state: {string.Join(", ", resolution.NotUnMembers)}");
        }

        if (resolution.Unconfirmed is { } unconfirmed)
        {
            stdout.WriteLine($"note:     {DisplayText.Escape(unconfirmed)}");
        }

        stdout.WriteLine($"matched:  {DisplayText.Escape(resolution.Matched ?? "nothing")}");
        return resolution.Countries.Count > 0 ? CommandLine.Ok : CommandLine.Invalid;
    }
}
