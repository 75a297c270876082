// A local stand-in for the YouTube Data API and Google's token endpoint, replaying the fixtures:
// videos → a live chat id, search → a channel's live video, liveBroadcasts → the signed-in user's chat, liveChat/messages by pageToken
// (page 1, 2, 3, then empty pages), with injectable error answers and revocable access tokens.
using System.Collections.Concurrent;
using IShowTts.Chat.Settings;

namespace IShowTts.Chat.Tests.Internal;

internal sealed class FakeYouTubeApi : IAsyncDisposable
{
    public const string ApiKey = "AIzaSyTest-api-key-0000000000000000";
    public const string ClientSecret = "GOCSPX-test-client-secret";
    public const string RefreshToken = "1//0test-refresh-token";
    public const string LiveChatId = "KicKGFVDeDFfdGVzdGNoYW5uZWxfMDAwMDAwMDASC0FiYzEyM3h5el8w";

    private int _tokensIssued;

    public FakeYouTubeApi() => Server = new LocalHttpServer(Handle);

    public LocalHttpServer Server { get; }

    /// <summary>Answers given to the next liveChat/messages calls before the pages resume.</summary>
    public ConcurrentQueue<CannedResponse> MessageErrors { get; } = new();

    /// <summary>Access tokens the API now refuses with 401 (expired).</summary>
    public ConcurrentDictionary<string, bool> ExpiredTokens { get; } = new();

    public int TokenLifetimeSecs { get; set; } = 3599;

    public string VideoFixture { get; set; } = "videos_live.json";

    public int TokensIssued => Volatile.Read(ref _tokensIssued);

    public IReadOnlyList<RecordedRequest> MessageRequests => Server.RequestsTo("/liveChat/messages");

    public YouTubeSettings KeySettings => new() { Enabled = true, ApiKey = ApiKey, BaseUrl = Server.BaseUrl + "youtube/v3/", TokenUrl = Server.BaseUrl + "token" };

    public YouTubeSettings OAuthSettings => KeySettings with { ApiKey = null, ClientId = "1234-test.apps.googleusercontent.com", ClientSecret = ClientSecret, RefreshToken = RefreshToken };

    private CannedResponse Handle(RecordedRequest request)
    {
        if (request.Path.EndsWith("/token", StringComparison.Ordinal))
        {
            var n = Interlocked.Increment(ref _tokensIssued);
            return new CannedResponse(200, Fixtures.Text("token.json")
                .Replace("ya29.a0AfB_test-access-token", $"ya29.token-{n}").Replace("3599", TokenLifetimeSecs.ToString()));
        }
        var bearer = request.Authorization?.Replace("Bearer ", "", StringComparison.Ordinal);
        if (bearer is not null && ExpiredTokens.ContainsKey(bearer))
            return new CannedResponse(401, Fixtures.Text("error_unauthorized.json"));
        if (request.Path.EndsWith("/videos", StringComparison.Ordinal))
            return new CannedResponse(200, Fixtures.Text(VideoFixture));
        if (request.Path.EndsWith("/search", StringComparison.Ordinal))
            return new CannedResponse(200, Fixtures.Text("search_live.json"));
        if (request.Path.EndsWith("/liveBroadcasts", StringComparison.Ordinal))
            return new CannedResponse(200, Fixtures.Text("broadcasts_active.json"));
        if (request.Path.EndsWith("/liveChat/messages", StringComparison.Ordinal))
        {
            if (MessageErrors.TryDequeue(out var error)) return error;
            return new CannedResponse(200, Fixtures.Text(request.Query["pageToken"] switch
            {
                null => "messages_page1.json",
                "page-2" => "messages_page2.json",
                "page-3" => "messages_page3.json",
                _ => "messages_empty.json",
            }));
        }
        return new CannedResponse(404, """{"error": {"code": 404, "message": "Not Found", "errors": [{"reason": "notFound"}]}}""");
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
