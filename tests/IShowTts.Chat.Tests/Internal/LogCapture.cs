// Collects every log line a component writes, to check what is (and is never) logged.
using System.Collections.Concurrent;
using IShowTts.Chat;

namespace IShowTts.Chat.Tests.Internal;

internal sealed class LogCapture
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ChatLog Log => (level, message) => Lines.Enqueue($"{level}: {message}");

    public string All => string.Join(Environment.NewLine, Lines);
}
