// IRC over a WebSocket (Twitch's wss://irc-ws.chat.twitch.tv): each text message the server sends may
// hold several CRLF-separated lines; each line we send is one text message.
using System.Net.WebSockets;
using System.Text;

namespace IShowTts.Chat.Twitch.Internal;

internal sealed class WebSocketIrcConnection(ClientWebSocket socket) : IIrcConnection
{
    private readonly Queue<string> _pending = new();
    private readonly byte[] _buffer = new byte[16 * 1024];

    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (_pending.Count == 0)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(_buffer, cancellationToken).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close) return null;
                message.Write(_buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);
            foreach (var line in Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length).Split('\n'))
            {
                var trimmed = line.TrimEnd('\r');
                if (trimmed.Length > 0) _pending.Enqueue(trimmed);
            }
        }
        return _pending.Dequeue();
    }

    public Task WriteLineAsync(string line, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(line), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            try { await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token).ConfigureAwait(false); }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException) { }
        }
        socket.Dispose();
    }
}
