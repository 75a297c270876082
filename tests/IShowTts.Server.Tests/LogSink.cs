// Collects every log line the server writes (message, scope values and exception), so tests can check
// what is logged and, above all, that secrets never are.
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace IShowTts.Server.Tests;

internal sealed class LogSink : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<(LogLevel Level, string Category, string Text)> Lines { get; } = new();

    public string All => string.Join("\n", Lines.Select(l => $"{l.Level} {l.Category}: {l.Text}"));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(LogSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => sink._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var builder = new System.Text.StringBuilder(formatter(state, exception));
            sink._scopes.ForEachScope((scope, b) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                    foreach (var (k, v) in pairs) b.Append($" [{k}={v}]");
                else b.Append($" [{scope}]");
            }, builder);
            if (exception is not null) builder.Append(' ').Append(exception);
            sink.Lines.Enqueue((logLevel, category, builder.ToString()));
        }
    }
}
