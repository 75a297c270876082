// A line-oriented IRC connection, whatever carries it (TCP, TLS, WebSocket).
namespace IShowTts.Chat.Twitch.Internal;

internal interface IIrcConnection : IAsyncDisposable
{
    /// <summary>The next line without its CRLF, or null when the server closed the connection.</summary>
    Task<string?> ReadLineAsync(CancellationToken cancellationToken);

    Task WriteLineAsync(string line, CancellationToken cancellationToken);
}
