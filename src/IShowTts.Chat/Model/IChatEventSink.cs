// Where a platform client delivers what it reads. ChatReader is the product's sink; the clients
// call it from their own read loop, so an implementation must be quick and thread-safe.
namespace IShowTts.Chat.Model;

public interface IChatEventSink
{
    void OnMessage(ChatMessage message);

    void OnModeration(ModerationEvent moderation);

    void OnConnection(ConnectionStatus status);
}
