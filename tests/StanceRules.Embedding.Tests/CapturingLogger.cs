using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace StanceRules.Embedding.Tests;

/// <summary>An <see cref="ILoggerProvider"/> that keeps every message, for assertions on what a component logged.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, LogLevel Level, EventId Event, string Message)> _entries = new();

    public IReadOnlyList<(string Category, LogLevel Level, EventId Event, string Message)> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<(string, LogLevel, EventId, string)> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue((category, logLevel, eventId, formatter(state, exception)));
    }
}
