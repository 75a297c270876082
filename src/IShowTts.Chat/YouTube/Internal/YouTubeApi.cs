// The few YouTube Data API v3 calls the reader makes, relative to base_url: finding the live chat of
// a video, a channel or the signed-in user's active broadcast, and listing live chat messages.
// A 401 triggers one token refresh and one retry; other errors become YouTubeApiException.
using System.Text.Json;
using IShowTts.Chat.Settings;

namespace IShowTts.Chat.YouTube.Internal;

internal sealed class YouTubeApi(YouTubeSettings settings, HttpClient http, YouTubeAuth auth)
{
    private readonly Uri _base = new(settings.BaseUrl.EndsWith('/') ? settings.BaseUrl : settings.BaseUrl + "/");

    public bool UsesOAuth => auth.UsesOAuth;

    /// <summary>videos.list: the video's liveStreamingDetails.activeLiveChatId, or null when it is not live.</summary>
    public async Task<string?> LiveChatOfVideoAsync(string videoId, CancellationToken cancellationToken)
    {
        using var page = await GetAsync($"videos?part=liveStreamingDetails&id={Uri.EscapeDataString(videoId)}", "looking up the video", cancellationToken).ConfigureAwait(false);
        foreach (var item in Items(page))
            if (item.TryGetProperty("liveStreamingDetails", out var details) && details.TryGetProperty("activeLiveChatId", out var id))
                return id.GetString();
        return null;
    }

    /// <summary>search.list: the channel's live video id, or null.</summary>
    public async Task<string?> LiveVideoOfChannelAsync(string channelId, CancellationToken cancellationToken)
    {
        using var page = await GetAsync($"search?part=id&channelId={Uri.EscapeDataString(channelId)}&eventType=live&type=video&maxResults=1",
            "looking for the channel's live video", cancellationToken).ConfigureAwait(false);
        foreach (var item in Items(page))
            if (item.TryGetProperty("id", out var id) && id.TryGetProperty("videoId", out var video))
                return video.GetString();
        return null;
    }

    /// <summary>liveBroadcasts.list of the signed-in user's active broadcast: its snippet.liveChatId, or null.</summary>
    public async Task<string?> LiveChatOfMyBroadcastAsync(CancellationToken cancellationToken)
    {
        if (!auth.UsesOAuth)
            throw new InvalidOperationException("reading your own broadcast (\"mine\") needs OAuth: set client_id, client_secret and refresh_token in [danmaku.youtube]");
        using var page = await GetAsync("liveBroadcasts?part=snippet&broadcastStatus=active&broadcastType=all&maxResults=5",
            "looking for your active broadcast", cancellationToken).ConfigureAwait(false);
        foreach (var item in Items(page))
            if (item.TryGetProperty("snippet", out var snippet) && snippet.TryGetProperty("liveChatId", out var id))
                return id.GetString();
        return null;
    }

    /// <summary>liveChatMessages.list: one page (the caller owns the document).</summary>
    public Task<JsonDocument> LiveChatMessagesAsync(string liveChatId, string? pageToken, CancellationToken cancellationToken) =>
        GetAsync($"liveChat/messages?liveChatId={Uri.EscapeDataString(liveChatId)}&part=snippet,authorDetails&maxResults=2000"
            + (pageToken is null ? "" : "&pageToken=" + Uri.EscapeDataString(pageToken)), "reading the live chat", cancellationToken);

    private async Task<JsonDocument> GetAsync(string relative, string what, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_base, relative));
            await auth.AuthorizeAsync(request, forceRefresh: attempt > 0, cancellationToken).ConfigureAwait(false);
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
                return JsonDocument.Parse(body);
            var error = YouTubeApiException.FromResponse(response.StatusCode, what, body);
            if (!(error.IsUnauthorized && auth.UsesOAuth && attempt == 0))
                throw error;
        }
    }

    private static IEnumerable<JsonElement> Items(JsonDocument page) =>
        page.RootElement.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array
            ? items.EnumerateArray() : [];
}
