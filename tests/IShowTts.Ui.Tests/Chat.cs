// Feeds chat to the server the way a bot would: POST /api/danmaku/enqueue with the original's message
// JSON, plus small readers of the chat routes the tests check against.
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IShowTts.Ui.Tests;

internal static class Chat
{
    /// <summary>Enqueues a message; returns the item id (202) or null when it was filtered (204).</summary>
    public static async Task<long?> EnqueueAsync(UiServer server, string username, string text, string channel = "uitest", string? color = null)
    {
        var message = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["platform"] = "Twitch",
            ["channel"] = channel,
            ["user_id"] = null,
            ["username"] = username,
            ["priority"] = "Normal",
            ["content"] = new JsonObject { ["Text"] = text },
            ["metadata"] = null,
            ["color"] = color,
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        };
        using var response = await server.Http.PostAsJsonAsync("api/danmaku/enqueue", message);
        if (response.StatusCode == HttpStatusCode.NoContent) return null;
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"enqueue answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("id").GetInt64();
    }

    public static async Task<JsonElement> GetAsync(UiServer server, string path)
    {
        using var response = await server.Http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task PostAsync(UiServer server, string path)
    {
        using var response = await server.Http.PostAsync(path, JsonContent.Create(new { }));
        Assert.True(response.IsSuccessStatusCode, $"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Polls until <paramref name="condition"/> holds; fails with <paramref name="what"/> after the timeout.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, double seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"timed out after {seconds} s waiting until {what}");
            await Task.Delay(100);
        }
    }
}
