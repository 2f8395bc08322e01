using StanceRules.Inference;
using StanceRules.Loading;
using StanceRules.Rules;

namespace StanceRules;

/// <summary>
/// A compiled rule set and the knowledge it uses (gazetteer, lexicon, issue catalogue), ready to
/// infer stances. Immutable and thread-safe: share one instance; each call to
/// <see cref="Infer(ArticleFacts, CancellationToken)"/> runs in its own NRules session.
/// </summary>
public sealed partial class StanceEngine
{
    private static readonly Lazy<StanceEngine> DefaultEngine = new(() => Compile(RuleSetSource.Embedded, new StanceEngineOptions()));

    private readonly CompiledRuleSet _rules;
    private readonly StanceEngineOptions _options;

    private StanceEngine(CompiledRuleSet rules, StanceEngineOptions options, IReadOnlyList<RuleFile> files, string where)
    {
        _rules = rules;
        _options = options;
        _events = new Lazy<EventMapping>(() => ReadEvents(files, rules.Gazetteer, rules.FactTypes, options.Limits));
        SourceFiles = files.Select(f => f.Name).ToArray();
        var at = new SourceLocation(where, 1, 1);
        var warnings = new List<Diagnostic>();
        if (rules.Gazetteer.CountryCount == 0)
        {
            warnings.Add(new Diagnostic(DiagnosticCodes.NoGazetteer, ErrorMessages.NoGazetteer, at) { Severity = DiagnosticSeverity.Warning });
        }

        if (rules.Lexicon.Count == 0)
        {
            warnings.Add(new Diagnostic(DiagnosticCodes.NoLexicon, ErrorMessages.NoLexicon, at) { Severity = DiagnosticSeverity.Warning });
        }

        Warnings = warnings;
    }

    /// <summary>
    /// The files compiled, in order: <c>embedded:rules/NAME</c> for the default rule set's, paths for a folder's.
    /// With <see cref="StanceEngineOptions.ExtendDefaultRules"/>, the default files a folder did not replace come first.
    /// </summary>
    public IReadOnlyList<string> SourceFiles { get; }

    /// <summary>
    /// What compiles but will not infer much: a rule set with no gazetteer (no actor resolves to a country, so
    /// no stance is found) or no lexicon (no act has a stance family). Empty for the default rule set.
    /// </summary>
    public IReadOnlyList<Diagnostic> Warnings { get; }

    /// <summary>The ids of the rules, in the order they were loaded.</summary>
    public IReadOnlyList<string> RuleIds => _rules.Rules.Select(r => r.Id).ToArray();

    /// <summary>The fact types this engine's rules were compiled against.</summary>
    public FactTypes FactTypes => _rules.FactTypes;

    internal CompiledRuleSet RuleSet => _rules;

    /// <summary>The engine with the default rule set embedded in the package (compiled once, then shared).</summary>
    public static StanceEngine CreateDefault() => DefaultEngine.Value;

    /// <summary>The embedded default rule set compiled with custom options (for example extra fact types).</summary>
    /// <exception cref="StanceRulesException">The rules do not compile with these options.</exception>
    public static StanceEngine CreateDefault(StanceEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Compile(RuleSetSource.Embedded, options);
    }

    /// <summary>
    /// Loads and compiles every rule file of a folder and its subfolders (<c>*.yaml</c>, <c>*.yml</c>; not rule tests or
    /// fact documents: <see cref="StanceFiles.IsRuleFile"/>) holding rules, gazetteer, offices, lexicon, issues: the whole rule
    /// set, or with <see cref="StanceEngineOptions.ExtendDefaultRules"/> a layer on top of the embedded defaults.
    /// </summary>
    /// <param name="directory">The rule set folder.</param>
    /// <param name="options">Options; defaults when null.</param>
    /// <exception cref="StanceRulesException">The rule set has errors; every one is in <see cref="StanceRulesException.Diagnostics"/>.</exception>
    public static StanceEngine Load(string directory, StanceEngineOptions? options = null) =>
        TryLoad(directory, out var engine, out var diagnostics, options) ? engine : throw new StanceRulesException(diagnostics);

    /// <summary>Loads a rule set folder, returning every error instead of throwing.</summary>
    public static bool TryLoad(string directory, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out StanceEngine? engine, out IReadOnlyList<Diagnostic> diagnostics, StanceEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        options ??= new StanceEngineOptions();
        var list = new List<Diagnostic>();
        engine = TryCompile(options.ExtendDefaultRules ? RuleSetSource.OverDefaults(directory) : RuleSetSource.Folder(directory), options, list);
        diagnostics = list;
        return engine is not null;
    }

    /// <summary>Compiles rule files given as text (file name, YAML), as <see cref="Load"/> does for a folder.</summary>
    /// <exception cref="StanceRulesException">The rule set has errors.</exception>
    public static StanceEngine FromYaml(IEnumerable<KeyValuePair<string, string>> files, StanceEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        return Compile(RuleSetSource.InMemory(files, "the given files"), options ?? new StanceEngineOptions());
    }

    /// <summary>Infers every country's stance on every issue from one article's facts.</summary>
    /// <param name="article">The facts.</param>
    /// <param name="cancellationToken">Stops the inference between rule firings.</param>
    /// <exception cref="InferenceLimitException">The rules fired more than <see cref="StanceEngineOptions.MaxRuleFirings"/> times.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public StanceReport Infer(ArticleFacts article, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        var inferrer = new Inferrer(_rules, _options);
        if (!StanceTelemetry.IsInferenceObserved)
        {
            return inferrer.Run(article, cancellationToken);
        }

        var scope = StanceTelemetry.StartInference(article.Id, article.Facts.Count);
        try
        {
            var report = inferrer.Run(article, cancellationToken);
            scope.Complete(inferrer.Firings, inferrer.Signals, report.Stances.Count);
            return report;
        }
        catch (Exception e)
        {
            scope.Fail(e, (e as InferenceLimitException)?.Limit);
            throw;
        }
    }

    /// <summary>
    /// Resolves an actor as a fact would write it ("Kremlin", "Kenyan President William Ruto",
    /// "France, Germany and Britain", "former US President Barack Obama") on a date, with the
    /// rule set's gazetteer and offices: the country or countries it speaks for, or why none.
    /// </summary>
    /// <param name="actor">The actor as written.</param>
    /// <param name="date">The article's publication date; null resolves officials by their latest office.</param>
    public ActorResolution Resolve(string actor, DateOnly? date = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return new ActorResolution(actor, date, _rules.Gazetteer.Resolve(actor, date));
    }

    private static StanceEngine Compile(RuleSetSource source, StanceEngineOptions options)
    {
        var diagnostics = new List<Diagnostic>();
        return TryCompile(source, options, diagnostics) ?? throw new StanceRulesException(diagnostics);
    }

    /// <summary>Reads the source's files and, when every one was read, compiles them; null with the diagnostics otherwise.</summary>
    private static StanceEngine? TryCompile(RuleSetSource source, StanceEngineOptions options, List<Diagnostic> diagnostics)
    {
        var files = source.Read(options.Limits, diagnostics);
        var compiled = diagnostics.Count == 0 ? RuleSetCompiler.Compile(files, options, diagnostics, source.Where) : null;
        return compiled is null ? null : new StanceEngine(compiled, options, files, source.Where);
    }
}
