// One WebSocket player: sends each playout event as the original's binary frame or a control text,
// and reads the player's acknowledgements until it closes. Ends when either side closes or the
// server stops; the session is disposed by the caller, so what was not acknowledged is resent to the
// next player that connects.
using System.Net.WebSockets;
using System.Text;
using IShowTts.Chat.Queue;

namespace IShowTts.Server.Danmaku;

internal sealed class WebSocketPlayer(WebSocket socket, PlayerSession session, ChannelSelector? selector)
{
    private const int MaxIncomingMessage = 16 * 1024;

    public async Task RunAsync(CancellationToken aborted)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        var receiving = ReceiveAsync(stop);
        try
        {
            await foreach (var e in PlayerEvents.ReadAsync(session, selector, stop.Token))
            {
                if (e.Kind == PlayoutEventKind.Play)
                {
                    var frame = PlaybackFrames.Binary(PlaybackHeader.For(e), PlayerEvents.Wav(e).Span);
                    await socket.SendAsync(frame, WebSocketMessageType.Binary, true, stop.Token);
                }
                else
                {
                    await socket.SendAsync(Encoding.UTF8.GetBytes(PlaybackFrames.Control(e)), WebSocketMessageType.Text, true, stop.Token);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // the player went away or the server is stopping
        }
        await stop.CancelAsync();
        await receiving;
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            try
            {
                using var closing = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", closing.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException)
            {
                // already gone
            }
        }
    }

    private async Task ReceiveAsync(CancellationTokenSource stop)
    {
        var buffer = new byte[4096];
        var message = new MemoryStream();
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, stop.Token);
                if (result.MessageType == WebSocketMessageType.Close) break;
                message.Write(buffer, 0, result.Count);
                if (message.Length > MaxIncomingMessage) break;
                if (!result.EndOfMessage) continue;
                if (result.MessageType == WebSocketMessageType.Text
                    && PlaybackFrames.AckId(Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length)) is { } id)
                    session.Acknowledge(id);
                message.SetLength(0);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // closed
        }
        await stop.CancelAsync();
    }
}
