// GET /api/danmaku/feed: server-sent events of everything a control panel shows — `message` (each chat
// message as received, before filtering), `item` (each queue item's state change: filtered with the
// reason, queued, playing, played, skipped, removed…), `connection` and `moderation` — with a
// keep-alive comment every 15 s. Subscribed before the response starts, so nothing after it is missed.
using System.Threading.Channels;
using IShowTts.Chat;
using IShowTts.Server.Contracts;
using Microsoft.AspNetCore.Http;

namespace IShowTts.Server.Danmaku;

internal sealed class ChatFeedResult(ChatReader reader) : IResult
{
    public async Task ExecuteAsync(HttpContext http)
    {
        var cancel = http.RequestAborted;
        var merged = Channel.CreateUnbounded<(string Name, object Data)>(new UnboundedChannelOptions { SingleReader = true });
        using var messages = reader.SubscribeMessages();
        using var items = reader.SubscribeQueue();
        using var connections = reader.SubscribeConnections();
        using var moderation = reader.SubscribeModeration();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var pumps = Task.WhenAll(
            Pump(messages.Reader, m => ("message", (object)m), merged.Writer, stop.Token),
            Pump(items.Reader, c => ("item", (object)DanmakuItemView.Of(c)), merged.Writer, stop.Token),
            Pump(connections.Reader, c => ("connection", (object)DanmakuConnectionView.Of(c)), merged.Writer, stop.Token),
            Pump(moderation.Reader, m => ("moderation", (object)m), merged.Writer, stop.Token));
        _ = pumps.ContinueWith(_ => merged.Writer.TryComplete(), TaskScheduler.Default);
        var response = http.Response;
        try
        {
            await SseWriter.StartAsync(response, cancel);
            await SseWriter.KeepAliveAsync(response, cancel);
            await foreach (var (name, data) in SseWriter.WithKeepAlive(merged.Reader, response, SsePlayerResult.KeepAlive, cancel))
                await SseWriter.EventAsync(response, name, data, cancel);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // the client went away
        }
        await stop.CancelAsync();
    }

    private static async Task Pump<T>(ChannelReader<T> source, Func<T, (string, object)> map, ChannelWriter<(string, object)> target, CancellationToken cancel)
    {
        try
        {
            await foreach (var item in source.ReadAllAsync(cancel)) target.TryWrite(map(item));
        }
        catch (OperationCanceledException)
        {
            // the feed closed
        }
    }
}
