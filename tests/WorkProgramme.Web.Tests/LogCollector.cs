using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace WorkProgramme.Web.Tests;

/// <summary>Keeps every log entry the app writes, with its structured values, for tests of what is logged.</summary>
public sealed class LogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<Entry> entries = new();

    public sealed record Entry(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, object?> Values);

    public IReadOnlyList<Entry> Entries => [.. entries];

    /// <summary>The entries of <paramref name="category"/> named <paramref name="eventName"/> whose value <paramref name="key"/> is <paramref name="value"/>.</summary>
    public IReadOnlyList<Entry> Events(string category, string eventName, string key, string value) => Entries
        .Where(e => e.Category == category && e.EventId.Name == eventName && Equals(e.Values.GetValueOrDefault(key)?.ToString(), value))
        .ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<Entry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value)
                : new Dictionary<string, object?>();
            entries.Enqueue(new Entry(category, logLevel, eventId, formatter(state, exception), values));
        }
    }
}
