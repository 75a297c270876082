// An IChatEventSink that keeps what a platform client delivered, for tests that drive a client alone.
using System.Collections.Concurrent;
using IShowTts.Chat.Model;

namespace IShowTts.Chat.Tests.Internal;

internal sealed class RecordingSink : IChatEventSink
{
    public ConcurrentQueue<ChatMessage> Messages { get; } = new();

    public ConcurrentQueue<ModerationEvent> Moderation { get; } = new();

    public ConcurrentQueue<ConnectionStatus> Connections { get; } = new();

    public void OnMessage(ChatMessage message) => Messages.Enqueue(message);

    public void OnModeration(ModerationEvent moderation) => Moderation.Enqueue(moderation);

    public void OnConnection(ConnectionStatus status) => Connections.Enqueue(status);
}
