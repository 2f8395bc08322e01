using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace StanceRules.Extensions.DependencyInjection;

/// <summary>
/// Holds the current engine; watches the rules folder and, once it has been quiet for
/// <see cref="StanceRulesOptions.ReloadDelay"/>, compiles it again and swaps the result in with
/// one reference write. Engines are immutable, so an inference that read the old reference
/// finishes on the old rule set; nothing is locked on the read path.
/// </summary>
internal sealed partial class StanceEngineMonitor : IStanceEngineProvider, IDisposable
{
    private readonly object _gate = new();
    private readonly StanceRulesOptions _options;
    private readonly string? _directory;
    private readonly ILogger _logger;
    private readonly string _description;
    private readonly TimeProvider _time;
    private StanceEngine? _current;
    private byte[]? _fingerprint; // of the folder as last compiled (whether it compiled or not)
    private DateTimeOffset? _loadedAt;
    private DateTimeOffset? _lastReloadAt;
    private IReadOnlyList<Diagnostic> _loadErrors = [];
    private IReadOnlyList<Diagnostic> _lastReloadErrors = [];
    private FileSystemWatcher? _watcher;
    private Timer? _debounce;
    private Timer? _guard;
    private DateTime? _watchedFolderBirth; // identifies the folder watched: a folder deleted and made again is another folder
    private bool _folderLost;
    private bool _disposed;

    /// <summary>How often the monitor checks that the folder it watches is still the same folder (a deleted folder ends a watcher's events for good).</summary>
    internal static TimeSpan GuardInterval { get; set; } = TimeSpan.FromSeconds(1);

    public StanceEngineMonitor(IOptions<StanceRulesOptions> options, ILoggerFactory loggerFactory, IHostEnvironment? environment = null, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _options = options.Value;
        _logger = loggerFactory.CreateLogger("StanceRules");
        _directory = _options.RulesDirectory is { Length: > 0 } directory
            ? Path.GetFullPath(directory, environment?.ContentRootPath ?? Environment.CurrentDirectory)
            : null;
        _description = _directory ?? "the embedded rules";
    }

    public event EventHandler<StanceRulesReloadedEventArgs>? Reloaded;

    public StanceEngine Current => Volatile.Read(ref _current) ?? LoadFirst();

    /// <summary>What the health check reports: the engine in force, when it was compiled, and how the first load and the last reload went.</summary>
    internal StanceRulesStatus Status
    {
        get
        {
            lock (_gate)
            {
                return new StanceRulesStatus(_description, _current, _loadedAt, _loadErrors, _lastReloadAt, _lastReloadErrors);
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            StopWatching();
        }
    }

    private StanceEngine LoadFirst()
    {
        lock (_gate)
        {
            if (_current is not null)
            {
                return _current;
            }

            ObjectDisposedException.ThrowIf(_disposed, this);

            // Watch first, so an edit made while the first compilation reads the folder is not missed.
            if (_directory is not null && _options.ReloadOnChange)
            {
                StartWatching(_directory);
            }

            var fingerprint = Fingerprint();
            if (!TryCompile(out var engine, out var diagnostics))
            {
                _loadErrors = diagnostics;
                StopWatching();
                LogDiagnostics(diagnostics);
                LogLoadFailed(_logger, _description, diagnostics.Count);
                throw new StanceRulesException(diagnostics);
            }

            if (_logger.IsEnabled(LogLevel.Information))
            {
                LogLoaded(_logger, _description, engine.RuleIds.Count);
            }

            _fingerprint = fingerprint;
            _loadedAt = _time.GetUtcNow();
            _loadErrors = [];
            Volatile.Write(ref _current, engine);
            return engine;
        }
    }

    private bool TryCompile([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out StanceEngine? engine, out IReadOnlyList<Diagnostic> diagnostics)
    {
        if (_directory is not null)
        {
            var engineOptions = _options.ExtendDefaultRules ? (_options.EngineOptions ?? new StanceEngineOptions()) with { ExtendDefaultRules = true } : _options.EngineOptions;
            return StanceEngine.TryLoad(_directory, out engine, out diagnostics, engineOptions);
        }

        try
        {
            engine = _options.EngineOptions is null ? StanceEngine.CreateDefault() : StanceEngine.CreateDefault(_options.EngineOptions);
            diagnostics = [];
            return true;
        }
        catch (StanceRulesException e)
        {
            engine = null;
            diagnostics = e.Diagnostics;
            return false;
        }
    }

    private void StartWatching(string directory)
    {
        _debounce = new Timer(_ => Reload(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _guard = new Timer(_ => GuardFolder(), null, GuardInterval, GuardInterval);
        try
        {
            StartWatcher(directory);
        }
        catch (ArgumentException) when (FolderBirth(directory) is null)
        {
            // No folder to watch (FileSystemWatcher's ArgumentException): the compile that follows reports it
            // as SR0006; should a folder come in time for the compile, the guard watches it once it sees it.
            _watcher = null;
            _folderLost = true;
            return;
        }

        LogWatching(_logger, directory);
    }

    /// <summary>The fingerprint of the rules folder; null for the embedded rules (which never change).</summary>
    private byte[]? Fingerprint() => _directory is null ? null : RuleSetFingerprint.Of(_directory, _options.EngineOptions?.Limits);

    private void StartWatcher(string directory)
    {
        _watchedFolderBirth = FolderBirth(directory);
        if (_watchedFolderBirth is null)
        {
            // FileSystemWatcher refuses a missing folder with an ArgumentException that names no diagnostic.
            throw new ArgumentException($"The rules folder '{directory}' does not exist.", nameof(directory));
        }

        var watcher = new FileSystemWatcher(directory)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        watcher.Changed += OnChanged;
        watcher.Created += OnChanged;
        watcher.Deleted += OnChanged;
        watcher.Renamed += (_, e) =>
        {
            if (StanceFiles.IsRuleFile(e.OldFullPath) || StanceFiles.IsRuleFile(e.FullPath))
            {
                ScheduleReload();
            }
        };
        watcher.Error += (_, e) =>
        {
            // Events were lost (the buffer overflowed): reload anyway, it costs one compilation.
            LogWatcherError(_logger, e.GetException(), directory);
            ScheduleReload();
        };
        watcher.EnableRaisingEvents = true;
        _watcher = watcher;
    }

    private static DateTime? FolderBirth(string directory)
    {
        try
        {
            var info = new DirectoryInfo(directory);
            return info.Exists ? info.CreationTimeUtc : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Runs on a timer: when the watched folder is deleted, its watcher is dead; drop it, keep the
    /// last good engine, and once a folder is there again, watch it and reload. A folder whose
    /// birth time changed may be another folder renamed into its place: watch it afresh and reload.
    /// Must never throw.
    /// </summary>
    private void GuardFolder()
    {
        try
        {
            lock (_gate)
            {
                if (_disposed || _directory is null || _debounce is null)
                {
                    return;
                }

                var birth = FolderBirth(_directory);
                if (!_folderLost && birth is null)
                {
                    _watcher?.Dispose();
                    _watcher = null;
                    _folderLost = true;
                    _fingerprint = null; // whatever comes back is reloaded and reported, even the same files
                    LogFolderLost(_logger, _directory);
                }
                else if (!_folderLost && birth != _watchedFolderBirth)
                {
                    // Another folder in its place (a deployment's swap), or, where the file system keeps no
                    // birth time (Linux falls back to the change time), the same folder with an entry added.
                    // Either way: watch what is there now, and reload (which coalesces with the edit's own).
                    _watcher?.Dispose();
                    StartWatcher(_directory);
                    LogFolderWatchedAgain(_logger, _directory);
                    _debounce.Change(_options.ReloadDelay, Timeout.InfiniteTimeSpan);
                }

                if (_folderLost && birth is not null)
                {
                    StartWatcher(_directory);
                    _folderLost = false;
                    LogFolderBack(_logger, _directory);
                    _debounce.Change(_options.ReloadDelay, Timeout.InfiniteTimeSpan);
                }
            }
        }
#pragma warning disable CA1031 // A timer callback that throws ends the process; the next tick tries again.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogReloadCrashed(_logger, e, _description);
        }
    }

    private void StopWatching()
    {
        _guard?.Dispose();
        _watcher?.Dispose();
        _debounce?.Dispose();
        (_guard, _watcher, _debounce) = (null, null, null);
    }

    private void OnChanged(object sender, FileSystemEventArgs e)
    {
        // A deleted folder may have held rule files; a created or changed one may hold some now.
        if (StanceFiles.IsRuleFile(e.FullPath) || e.ChangeType == WatcherChangeTypes.Deleted || Directory.Exists(e.FullPath))
        {
            ScheduleReload();
        }
    }

    /// <summary>(Re)starts the quiet period: the reload runs once the folder has not changed for the delay.</summary>
    private void ScheduleReload()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _debounce?.Change(_options.ReloadDelay, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>
    /// Runs on a timer thread (and in tests, called directly): must never throw, or the process ends.
    /// A trigger that finds the rule files as they were last compiled does nothing: one edit may
    /// trigger more than one reload (a file written in two steps further apart than the delay, or
    /// the folder guard's check after the edit's own reload, which a file system that keeps no
    /// birth time for folders sets off whenever a file is added or renamed), and each edit raises
    /// one <see cref="Reloaded"/>.
    /// </summary>
    internal void Reload()
    {
        StanceRulesReloadedEventArgs outcome;
        System.Diagnostics.Activity? activity = null;
        try
        {
            lock (_gate)
            {
                if (_disposed || _current is null)
                {
                    return;
                }

                var fingerprint = Fingerprint();
                if (RuleSetFingerprint.Same(fingerprint, _fingerprint))
                {
                    LogUnchanged(_logger, _description);
                    return;
                }

                activity = ReloadTelemetry.Source.StartActivity(ReloadTelemetry.ReloadActivity);
                _fingerprint = fingerprint;
                _lastReloadAt = _time.GetUtcNow();
                if (TryCompile(out var engine, out var diagnostics))
                {
                    _loadedAt = _lastReloadAt;
                    _lastReloadErrors = [];
                    ReloadTelemetry.Record(null, activity);
                    Volatile.Write(ref _current, engine);
                    if (_logger.IsEnabled(LogLevel.Information))
                    {
                        LogReloaded(_logger, _description, engine.RuleIds.Count);
                    }

                    outcome = new StanceRulesReloadedEventArgs(engine, []);
                }
                else
                {
                    _lastReloadErrors = diagnostics;
                    ReloadTelemetry.Record(typeof(StanceRulesException).FullName, activity);
                    LogDiagnostics(diagnostics);
                    LogReloadFailed(_logger, _description, diagnostics.Count);
                    outcome = new StanceRulesReloadedEventArgs(_current, diagnostics);
                }
            }
        }
#pragma warning disable CA1031 // A timer callback that throws ends the process; the last good engine stays.
        catch (Exception e)
#pragma warning restore CA1031
        {
            ReloadTelemetry.Record(e.GetType().FullName, activity);
            LogReloadCrashed(_logger, e, _description);
            return;
        }
        finally
        {
            activity?.Dispose();
        }

        try
        {
            Reloaded?.Invoke(this, outcome);
        }
#pragma warning disable CA1031 // A subscriber's exception must not end the process.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogSubscriberFailed(_logger, e);
        }
    }

    private void LogDiagnostics(IReadOnlyList<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            // The loader names files relative to the current directory; a service's log reads better with full paths.
            var file = _directory is not null && !Path.IsPathRooted(diagnostic.Location.File) ? Path.GetFullPath(diagnostic.Location.File) : diagnostic.Location.File;
            LogDiagnostic(_logger, file, diagnostic.Location.Line, diagnostic.Location.Column, diagnostic.Code, diagnostic.Message);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Compiled {Rules}: {RuleCount} rules")]
    private static partial void LogLoaded(ILogger logger, string rules, int ruleCount);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "{File}:{Line}:{Column}: error {Code}: {Description}")]
    private static partial void LogDiagnostic(ILogger logger, string file, int line, int column, string code, string description);

    [LoggerMessage(EventId = 3, Level = LogLevel.Critical, Message = "The rules in {Rules} do not compile ({ErrorCount} errors, logged above); there is no engine to run")]
    private static partial void LogLoadFailed(ILogger logger, string rules, int errorCount);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Watching {Directory} for rule changes")]
    private static partial void LogWatching(ILogger logger, string directory);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Reloaded {Rules}: {RuleCount} rules now in force")]
    private static partial void LogReloaded(ILogger logger, string rules, int ruleCount);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "The edited rules in {Rules} do not compile ({ErrorCount} errors, logged above); the last good rule set stays in force")]
    private static partial void LogReloadFailed(ILogger logger, string rules, int errorCount);

    [LoggerMessage(EventId = 7, Level = LogLevel.Error, Message = "Reloading {Rules} failed; the last good rule set stays in force")]
    private static partial void LogReloadCrashed(ILogger logger, Exception exception, string rules);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "Watching {Directory} lost events; reloading it")]
    private static partial void LogWatcherError(ILogger logger, Exception exception, string directory);

    [LoggerMessage(EventId = 9, Level = LogLevel.Error, Message = "A Reloaded event handler threw")]
    private static partial void LogSubscriberFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "The rules folder {Directory} was deleted or replaced; the last good rule set stays in force until it is back")]
    private static partial void LogFolderLost(ILogger logger, string directory);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "The rules folder {Directory} is back; watching it again and reloading")]
    private static partial void LogFolderBack(ILogger logger, string directory);

    [LoggerMessage(EventId = 13, Level = LogLevel.Debug, Message = "The rule files in {Rules} are as they were last compiled; nothing to reload")]
    private static partial void LogUnchanged(ILogger logger, string rules);

    [LoggerMessage(EventId = 12, Level = LogLevel.Debug, Message = "The rules folder {Directory} may have been replaced; watching it again and reloading")]
    private static partial void LogFolderWatchedAgain(ILogger logger, string directory);
}
