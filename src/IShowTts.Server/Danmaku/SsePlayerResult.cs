// One SSE player (GET /api/danmaku/playback): registers a player, sends `hello {player_id}`, then each
// playout event — `play` with the header JSON and audio_url, `stop`, `paused`, `resumed` — and a
// keep-alive comment every 15 s, until the client goes or the server stops. Acks come through POST
// /api/danmaku/ack with the player id.
using IShowTts.Chat.Queue;
using Microsoft.AspNetCore.Http;

namespace IShowTts.Server.Danmaku;

internal sealed class SsePlayerResult(ChatService chat, string? label, ChannelSelector? selector) : IResult
{
    public static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public async Task ExecuteAsync(HttpContext http)
    {
        var cancel = http.RequestAborted;
        using var lease = chat.Players.Open(chat.Reader, label, "sse");
        var response = http.Response;
        try
        {
            await SseWriter.StartAsync(response, cancel);
            await SseWriter.EventAsync(response, "hello", new { player_id = lease.Id }, cancel);
            await foreach (var e in SseWriter.WithKeepAlive(lease.Session.Reader, response, KeepAlive, cancel))
            {
                if (!PlayerEvents.Pass(e, lease.Session, selector)) continue;
                switch (e.Kind)
                {
                    case PlayoutEventKind.Play:
                        chat.Clips.Add(e.Item!.Id, PlayerEvents.Wav(e).ToArray());
                        await SseWriter.EventAsync(response, "play", PlaybackHeader.For(e, $"/api/danmaku/clips/{e.Item.Id}"), cancel);
                        break;
                    case PlayoutEventKind.Stop:
                        await SseWriter.EventAsync(response, "stop", new { id = e.ItemId, reason = e.Reason }, cancel);
                        break;
                    default:
                        await SseWriter.EventAsync(response, e.Kind == PlayoutEventKind.Paused ? "paused" : "resumed", new { }, cancel);
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // the player went away
        }
    }
}
