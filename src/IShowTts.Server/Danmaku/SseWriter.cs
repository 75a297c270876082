// Writes server-sent events (event name, one JSON data line) and keep-alive comments, flushing each so
// proxies and browsers see it at once.
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace IShowTts.Server.Danmaku;

internal static class SseWriter
{
    public static async Task StartAsync(HttpResponse response, CancellationToken cancel)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        await response.StartAsync(cancel);
    }

    public static async Task EventAsync<T>(HttpResponse response, string name, T data, CancellationToken cancel)
    {
        var json = JsonSerializer.Serialize(data, PlaybackFrames.Json);
        await response.WriteAsync($"event: {name}\ndata: {json}\n\n", cancel);
        await response.Body.FlushAsync(cancel);
    }

    public static async Task KeepAliveAsync(HttpResponse response, CancellationToken cancel)
    {
        await response.WriteAsync(": keep-alive\n\n", cancel);
        await response.Body.FlushAsync(cancel);
    }

    /// <summary>
    /// Reads <paramref name="source"/> until it completes or <paramref name="cancel"/> fires, writing a
    /// keep-alive comment whenever nothing came for <paramref name="idle"/>.
    /// </summary>
    public static async IAsyncEnumerable<T> WithKeepAlive<T>(System.Threading.Channels.ChannelReader<T> source, HttpResponse response, TimeSpan idle,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancel)
    {
        while (true)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            wait.CancelAfter(idle);
            bool more;
            try
            {
                more = await source.WaitToReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                await KeepAliveAsync(response, cancel);
                continue;
            }
            if (!more) yield break;
            while (source.TryRead(out var item)) yield return item;
        }
    }
}
