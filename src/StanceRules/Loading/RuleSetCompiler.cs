using NRules;
using StanceRules.Knowledge;
using StanceRules.Rules;
using StanceRules.Rules.Matching;
using StanceRules.Yaml;

namespace StanceRules.Loading;

/// <summary>
/// Turns a rule set's files into a <see cref="CompiledRuleSet"/>. Each file is a YAML mapping whose
/// top-level keys say what it holds; every file's <c>types</c> are declared first, then each file's
/// sections are read in order (<c>rules</c>, <c>countries</c>, <c>non_country_actors</c>,
/// <c>offices</c>, <c>acts</c>, <c>negated</c>, <c>issues</c>, <c>extraction</c>), one reader per section. All errors of
/// all files are collected; only a rule set without any is compiled by NRules.
/// </summary>
internal static class RuleSetCompiler
{
    private static readonly string[] FileKeys = ["rules", "countries", "non_country_actors", "acts", "negated", "issues", "offices", "types", "extraction", "events"];

    /// <summary>
    /// Compiles the files. Whatever a rule file holds, the outcome is a rule set or
    /// diagnostics: an exception nothing above foresaw becomes a diagnostic naming the file it
    /// was thrown on (a last resort; each known failure has its own positioned diagnostic).
    /// </summary>
    /// <param name="files">The files, in compile order.</param>
    /// <param name="options">Fact types, limits and the expression compiler.</param>
    /// <param name="diagnostics">Every error found is added here.</param>
    /// <param name="where">What a diagnostic names when no file is at fault (<see cref="RuleSetSource.Where"/>).</param>
    public static CompiledRuleSet? Compile(IReadOnlyList<RuleFile> files, StanceEngineOptions options, List<Diagnostic> diagnostics, string where)
    {
        var current = new SourceLocation(where, 1, 1);
        try
        {
            return CompileUnguarded(files, options, diagnostics, where, at => current = at);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.EngineRejectedRule, ErrorMessages.LoadFailed(e.GetType().Name, e.Message), current));
            return null;
        }
    }

    private static CompiledRuleSet? CompileUnguarded(IReadOnlyList<RuleFile> files, StanceEngineOptions options, List<Diagnostic> diagnostics, string where, Action<SourceLocation> reading)
    {
        var parsed = new List<(YamlText Yaml, MappingView File)>();
        var actors = new List<RuleFile>();
        foreach (var file in files)
        {
            if (ActorsReader.IsActorsFile(file.Name))
            {
                actors.Add(file);
                continue;
            }

            reading(new SourceLocation(file.Name, 1, 1));
            var yaml = new YamlText(file.Name, diagnostics, options.Limits) { PlainFirst = true };
            if (yaml.Load(file.Text) is { } root && yaml.Mapping(root, "a rule set file", FileKeys) is { } mapping)
            {
                parsed.Add((yaml, mapping));
            }
        }

        // Fact types declared in YAML first: any file's rules may match any file's types.
        var types = options.FactTypes;
        foreach (var (yaml, file) in parsed)
        {
            types = FactTypesReader.Read(yaml, file, types);
        }

        var rules = new RulesReader(types, options.Limits, diagnostics, reading);
        var gazetteer = new GazetteerReader();
        var offices = new OfficesReader();
        var lexicon = new LexiconReader();
        var issues = new IssuesReader();
        var extraction = new ExtractionReader();
        var events = new EventsReader(); // checked here (stance validate); StanceEngine.Events reads it again when asked
        foreach (var (yaml, file) in parsed)
        {
            if (!rules.Read(yaml, file))
            {
                return null;
            }

            gazetteer.Read(yaml, file);
            offices.Read(yaml, file);
            lexicon.Read(yaml, file);
            issues.Read(yaml, file);
            extraction.Read(yaml, file);
            events.Read(yaml, file);
        }

        var builtLexicon = lexicon.Build();
        extraction.CheckNominalActs(builtLexicon);
        var builtGazetteer = gazetteer.Build(offices.Entries, diagnostics, HistoricalRecords(actors, diagnostics, reading));
        if (!rules.SawRules && diagnostics.Count == 0)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.NoRules, ErrorMessages.NoRules(where), new SourceLocation(where, 1, 1)));
        }

        if (diagnostics.Count > 0)
        {
            return null;
        }

        reading(new SourceLocation(where, 1, 1));
        // The match plan gives the indexed matcher the rules that need no Rete network; NRules compiles the rest.
        var plan = options.Matching == RuleMatching.Indexed ? MatchPlan.Build(rules.Rules, options.ExpressionCompiler, options.ConditionClosures ?? MatchCompiler.ClosuresByDefault) : MatchPlan.AllInRete(rules.Rules);
        if (CompileRules(plan.Rete, options, diagnostics, where) is not { } sessions)
        {
            return null;
        }

        // The reference path (every rule in NRules) is needed only for an article past the indexed matcher's
        // budgets, whose limit it then reports as reference mode would: compiled then, not at load.
        var all = rules.Rules;
        var allRules = plan.AllRete
            ? new Lazy<ISessionFactory>(sessions)
            : new Lazy<ISessionFactory>(() => CompileRules(all, options, diagnostics: [], where) ?? throw new InvalidOperationException($"NRules rejected a rule of '{where}' that the indexed matcher runs."));
        return new CompiledRuleSet(rules.Rules, builtGazetteer, builtLexicon, issues.Build(), types, new IndexedMatcher(plan), sessions, allRules) { Extraction = extraction.Build() };
    }

    /// <summary>
    /// The records of the <c>.actors</c> dictionaries for the historical layer: a file of a folder
    /// or given in memory is read now, so its errors are load errors; an embedded one (the default
    /// Phoenix dictionary, checked by the tests) when the layer is first needed. Null without any.
    /// </summary>
    private static Func<(IEnumerable<ActorsRecord>, IReadOnlyList<Diagnostic>)>? HistoricalRecords(List<RuleFile> files, List<Diagnostic> diagnostics, Action<SourceLocation> reading)
    {
        if (files.Count == 0)
        {
            return null;
        }

        var now = new List<ActorsRecord>();
        foreach (var file in files.Where(f => f.Deferred is null))
        {
            reading(new SourceLocation(file.Name, 1, 1));
            now.AddRange(ActorsReader.Read(file.Name, file.Text, diagnostics));
        }

        var later = files.Where(f => f.Deferred is not null).ToArray();
        return () =>
        {
            var problems = new List<Diagnostic>();
            var records = later.SelectMany(f => ActorsReader.Read(f.Name, f.Deferred!(), problems)).Concat(now).ToArray();
            return (records, problems);
        };
    }

    /// <summary>The NRules compile of the translated rules, with the caller's expression compiler if any; null (with a diagnostic on the rule) when NRules rejects one.</summary>
    private static ISessionFactory? CompileRules(IReadOnlyList<LoadedRule> rules, StanceEngineOptions options, List<Diagnostic> diagnostics, string where)
    {
        var compiler = new RuleCompiler(new RuleCompilerOptions { UnsupportedExpressionHandling = RuleCompilerUnsupportedExpressionsHandling.TreatAsNotEqual });
        if (options.ExpressionCompiler is { } expressionCompiler)
        {
            compiler.ExpressionCompiler = new DelegatingExpressionCompiler(expressionCompiler);
        }

        try
        {
            return compiler.Compile(rules.Select(r => r.Definition));
        }
        catch (RuleCompilationException e)
        {
            var rule = rules.FirstOrDefault(r => r.Id == e.RuleName);
            diagnostics.Add(new Diagnostic(DiagnosticCodes.EngineRejectedRule, ErrorMessages.EngineRejectedRule(e.RuleName, e.InnerException?.Message ?? e.Message), rule?.Location ?? new SourceLocation(where, 1, 1)));
            return null;
        }
    }
}
