// GET /api/danmaku/feed as a control panel reads it: waits for the item events (state changes) and
// connection events a test expects, in the order they come, failing with what it saw instead of hanging.
using System.Text.Json;

namespace IShowTts.Server.Tests.Danmaku;

internal sealed class ChatFeed : IDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly SseReader _events;
    private readonly List<string> _seen = [];

    private ChatFeed(HttpResponseMessage response, SseReader events)
    {
        _response = response;
        _events = events;
    }

    /// <summary>Subscribes: every event after this call is read (the server subscribes before it answers).</summary>
    public static async Task<ChatFeed> OpenAsync(TestServer server)
    {
        var response = await server.Http.GetAsync("api/danmaku/feed", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return new ChatFeed(response, new SseReader(await response.Content.ReadAsStreamAsync()));
    }

    /// <summary>The next item event matching <paramref name="match"/>; others are skipped (and kept for the failure message).</summary>
    public Task<JsonElement> NextItemAsync(Func<JsonElement, bool> match, string what, double seconds = 60) => NextAsync("item", match, what, seconds);

    /// <summary>The next connection event (a ConnectionStatus) in <paramref name="state"/>, of <paramref name="channel"/> when given.</summary>
    public Task<JsonElement> ConnectionAsync(string state, string? channel = null) =>
        NextAsync("connection", c => c.GetProperty("state").GetString() == state
            && (channel is null || c.TryGetProperty("channel", out var ch) && ch.GetString() == channel), $"a connection {state} {channel}", 120);

    /// <summary>The next <paramref name="name"/> event matching <paramref name="match"/>; others are skipped.</summary>
    public async Task<JsonElement> NextAsync(string name, Func<JsonElement, bool> match, string what, double seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var left = (deadline - DateTime.UtcNow).TotalSeconds;
            (string Name, JsonElement Data) e;
            try
            {
                if (left <= 0) throw new TimeoutException();
                e = await _events.NextAsync(left);
            }
            catch (TimeoutException)
            {
                Assert.Fail($"the feed never showed {what}; it showed:{Environment.NewLine}{string.Join(Environment.NewLine, _seen.TakeLast(30))}");
                throw;
            }
            if (e.Name == name && match(e.Data)) return e.Data;
            _seen.Add($"{e.Name}: {e.Data}");
        }
    }

    /// <summary>The next item event of the message whose text (after filtering) or raw text is <paramref name="text"/>, in <paramref name="state"/>.</summary>
    public Task<JsonElement> ItemAsync(string text, string state) =>
        NextItemAsync(i => i.GetProperty("state").GetString() == state && i.GetProperty("text").GetString() == text, $"\"{text}\" {state}");

    public void Dispose()
    {
        _events.Dispose();
        _response.Dispose();
    }
}
