// One connection state change, for logs and the UI. Detail never contains a secret.
namespace IShowTts.Chat.Model;

public sealed record ConnectionStatus(
    ChatPlatform Platform,
    string? Channel,
    ConnectionState State,
    DateTimeOffset At,
    string? Detail = null,
    TimeSpan? RetryIn = null);
