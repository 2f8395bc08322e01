namespace StanceRules.Cli;

/// <summary>
/// <c>stance explain FILE --country X --issue Y [--expect STANCE] [--rules DIR]</c>: why a country
/// has (or has not) a stance on an issue in one fact document. Exit 0 on success, 1 when
/// <c>--expect</c> was given and is not the stance found, for an unknown country or issue, or on invalid input, 2 on bad usage.
/// </summary>
internal static class ExplainCommand
{
    public static int Run(Options options, TextWriter stdout, TextWriter stderr)
    {
        var country = options.Get("--country");
        var issue = options.Get("--issue");
        if (options.Paths.Count != 1 || country is null || issue is null)
        {
            stderr.WriteLine("stance explain: give one fact document, --country and --issue (e.g. stance explain seeds/xi-moscow-2023-03-21.facts.yaml --country UKR --issue china-peace-plan)");
            return CommandLine.Usage;
        }

        Stance? expected = null;
        if (options.Get("--expect") is { } expectText)
        {
            if (!StanceNames.TryParse(expectText, out var parsed))
            {
                stderr.WriteLine($"stance explain: unknown stance '{expectText}'; expected supports, abstains, condemns or rejects");
                return CommandLine.Usage;
            }

            expected = parsed;
        }

        if (!DocumentInputs.TryGetFormat(options, "explain", stderr, out var stdinFormat))
        {
            return CommandLine.Usage;
        }

        var path = options.Paths[0];
        if (path != "-" && !File.Exists(path))
        {
            return CommandLine.NoSuchPath("explain", path, stderr);
        }

        var engine = CommandLine.LoadEngine(options.Rules, stderr, options.Has("--extend-defaults"));
        if (engine is null)
        {
            return CommandLine.Invalid;
        }

        ArticleFacts? article;
        IReadOnlyList<Diagnostic> diagnostics = [];
        if (ArticleInput.IsArticle(path))
        {
            // An article's text: its extracted facts, each with the sentence it rests on as evidence.
            article = ArticleInput.ReadAndExtract(engine, path, options.Stdin, stderr, "explain")?.Facts;
        }
        else if (!ExplainInput.TryRead(path, options.Stdin, stdinFormat, engine.FactTypes, out article, out diagnostics))
        {
            article = null;
        }

        if (article is null)
        {
            foreach (var diagnostic in diagnostics)
            {
                stderr.WriteLine(diagnostic);
            }

            return CommandLine.Invalid;
        }

        StanceExplanation explanation;
        try
        {
            explanation = engine.Explain(article, country, issue, expected);
        }
        catch (ArgumentException e) when (e.ParamName is "country" or "issue")
        {
            // A typo in --country or --issue is an error in the input, not "no stance".
            stderr.WriteLine($"stance explain: {e.Message.Replace($" (Parameter '{e.ParamName}')", string.Empty, StringComparison.Ordinal)}");
            return CommandLine.Invalid;
        }

        if (options.Format == "json")
        {
            ExplainJson.Write(explanation, stdout);
        }
        else
        {
            stdout.Write(explanation);
        }

        return expected is null || explanation.IsAsExpected ? CommandLine.Ok : CommandLine.Invalid;
    }
}
