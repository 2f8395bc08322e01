using StanceRules.Inference;
using StanceRules.Rules;

namespace StanceRules;

/// <summary>
/// A compiled rule set and the knowledge it uses (gazetteer, lexicon, issue catalogue), ready to
/// infer stances. Immutable and thread-safe: share one instance; each call to
/// <see cref="Infer(ArticleFacts, CancellationToken)"/> runs in its own NRules session.
/// </summary>
public sealed partial class StanceEngine
{
    private static readonly Lazy<StanceEngine> DefaultEngine = new(() => Compile(RuleSetLoader.ReadEmbedded(), new StanceEngineOptions(), "embedded rules"));

    private readonly CompiledRuleSet _rules;
    private readonly StanceEngineOptions _options;

    private StanceEngine(CompiledRuleSet rules, StanceEngineOptions options, IReadOnlyList<RuleSource> sources, string where)
    {
        _rules = rules;
        _options = options;
        SourceFiles = sources.Select(s => s.Name).ToArray();
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
        return Compile(RuleSetLoader.ReadEmbedded(), options, "embedded rules");
    }

    /// <summary>
    /// Loads and compiles every <c>*.yaml</c> file of a folder (rules, gazetteer, lexicon, issues): the whole rule
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
        IReadOnlyList<RuleSource> folder;
        try
        {
            folder = RuleSetLoader.ReadFolder(directory, options.Limits, list);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            // Last resort: a folder the reader fails on in a way it does not foresee is a diagnostic, never an exception.
            list.Add(new Diagnostic(DiagnosticCodes.FileNotReadable, ErrorMessages.FileNotReadable($"{e.GetType().Name}: {e.Message}"), new SourceLocation(directory, 1, 1)));
            folder = [];
        }

        var sources = options.ExtendDefaultRules ? RuleSetLoader.Layer(RuleSetLoader.ReadEmbedded(), folder, directory) : folder;
        var compiled = list.Count == 0 ? RuleSetLoader.Compile(sources, options, list, directory) : null;
        engine = compiled is null ? null : new StanceEngine(compiled, options, sources, directory);
        diagnostics = list;
        return engine is not null;
    }

    /// <summary>Compiles rule files given as text (file name, YAML), as <see cref="Load"/> does for a folder.</summary>
    /// <exception cref="StanceRulesException">The rule set has errors.</exception>
    public static StanceEngine FromYaml(IEnumerable<KeyValuePair<string, string>> files, StanceEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        return Compile(files.Select(f => new RuleSource(f.Key, f.Value)).ToArray(), options ?? new StanceEngineOptions(), "the given files");
    }

    /// <summary>Infers every country's stance on every issue from one article's facts.</summary>
    /// <param name="article">The facts.</param>
    /// <param name="cancellationToken">Stops the inference between rule firings.</param>
    /// <exception cref="InferenceLimitException">The rules fired more than <see cref="StanceEngineOptions.MaxRuleFirings"/> times.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public StanceReport Infer(ArticleFacts article, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new Inferrer(_rules, _options).Run(article, cancellationToken);
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

    private static StanceEngine Compile(IReadOnlyList<RuleSource> sources, StanceEngineOptions options, string where)
    {
        var diagnostics = new List<Diagnostic>();
        var compiled = RuleSetLoader.Compile(sources, options, diagnostics, where);
        return compiled is null ? throw new StanceRulesException(diagnostics) : new StanceEngine(compiled, options, sources, where);
    }
}

/// <summary>Options for compiling a rule set and running inferences (a record: <c>options with { ExtendDefaultRules = true }</c>).</summary>
public sealed record StanceEngineOptions
{
    private readonly int _maxRuleFirings = 100_000;

    /// <summary>
    /// What a rules folder given to <see cref="StanceEngine.Load"/> or <see cref="StanceEngine.TryLoad"/> is.
    /// False, the default: the whole rule set (it needs its own gazetteer, lexicon and issue catalogue).
    /// True: a layer on top of the embedded default rule set: the default files are read first, a folder
    /// file with the name of a default file (<c>stances.yaml</c>, <c>gazetteer.yaml</c>, <c>lexicon.yaml</c>,
    /// <c>issues.yaml</c>) replaces it, and every other folder file adds to them.
    /// </summary>
    public bool ExtendDefaultRules { get; init; }

    /// <summary>The fact types rules may match and documents may hold. Default: <see cref="FactTypes.Default"/>.</summary>
    public FactTypes FactTypes { get; init; } = FactTypes.Default;

    /// <summary>
    /// The most rule firings one inference may take before it is stopped with
    /// <see cref="InferenceLimitException"/> (a guard against rules that keep asserting facts). Default 100,000.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Less than 1.</exception>
    public int MaxRuleFirings
    {
        get => _maxRuleFirings;
        init
        {
            _maxRuleFirings = OptionRange.Check(value, 1, int.MaxValue, nameof(StanceEngineOptions), nameof(MaxRuleFirings));
        }
    }

    /// <summary>
    /// Turns the rules' expression trees into delegates; null for the framework's
    /// <see cref="System.Linq.Expressions.LambdaExpression.Compile()"/>. Plug in a faster one (for example
    /// FastExpressionCompiler: <c>e =&gt; e.CompileFast()</c>) to cut load and hot-reload time. The
    /// delegate it returns must have the lambda's own type; the expressions it receives are the
    /// closed set the rule language builds.
    /// </summary>
    public Func<System.Linq.Expressions.LambdaExpression, Delegate>? ExpressionCompiler { get; init; }

    /// <summary>Bounds on the rule files this engine loads, the documents its batches read, and each inference's matches. Default: <see cref="StanceLimits.Default"/>.</summary>
    public StanceLimits Limits { get; init; } = StanceLimits.Default;
}

/// <summary>
/// Thrown when an inference exceeds <see cref="StanceEngineOptions.MaxRuleFirings"/> or
/// <see cref="StanceLimits.MaxRuleMatches"/>: rules that keep asserting facts, or whose derived
/// facts join each other without end.
/// </summary>
public sealed class InferenceLimitException : Exception
{
    internal InferenceLimitException(string article, string limit, long max, IReadOnlyList<string> rules)
        : base(limit == nameof(StanceEngineOptions.MaxRuleFirings)
            ? $"Inference of article '{article}' stopped after {max} rule firings (StanceEngineOptions.MaxRuleFirings); the rules still firing were: {string.Join(", ", rules)}. A rule that keeps asserting new facts never lets inference end."
            : limit == nameof(StanceLimits.MaxRuleMatches)
            ? $"Inference of article '{article}' stopped at {max} rule matches (StanceLimits.{limit}, plus {StanceLimits.RuleMatchesPerFact} per input fact); the rules matching most were: {string.Join(", ", rules)}. Rules whose asserted facts match each other grow without end."
            : $"Inference of article '{article}' stopped after allocating {max} bytes (StanceLimits.{limit}, plus {StanceLimits.InferenceBytesPerFact} per input fact); the rules matching most were: {string.Join(", ", rules)}. Rules whose asserted facts join each other grow without end.")
    {
        Limit = limit;
        Rules = rules;
    }

    /// <summary>The ids of the rules that were still firing (or matching most) when inference stopped.</summary>
    public IReadOnlyList<string> Rules { get; }

    /// <summary>The limit that stopped it: <c>MaxRuleFirings</c>, <c>MaxRuleMatches</c> or <c>MaxInferenceBytes</c>.</summary>
    public string Limit { get; }
}
