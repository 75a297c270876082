// The YouTube client against a local HTTP server replaying recorded-shape API responses, on a manual
// clock: paging by nextPageToken, the polling interval honoured to the millisecond, the backlog
// skipped, quota errors backed off (doubling) and resumed on the same page, expired access tokens
// refreshed, ended chats and missing broadcasts waited out; secrets never logged.
using IShowTts.Chat.Model;
using IShowTts.Chat.Queue;
using IShowTts.Chat.Settings;
using IShowTts.Chat.Tests.Internal;
using IShowTts.Chat.YouTube;

namespace IShowTts.Chat.Tests.YouTube;

public sealed class YouTubeClientTests
{
    private readonly ManualTimeProvider _time = new();
    private readonly RecordingSink _sink = new();
    private readonly LogCapture _log = new();

    private YouTubeClient Client(YouTubeSettings settings, string target = "Abc123xyz_0") =>
        new(settings, target, _sink, new YouTubeClientOptions { Time = _time, Log = _log.Log, ErrorInitialDelay = TimeSpan.FromSeconds(1) });

    private async Task AdvanceAfterTimerAsync(TimeSpan delay)
    {
        await _time.WaitForTimerAsync(d => d == delay, what: $"of {delay.TotalMilliseconds} ms");
        _time.Advance(delay);
    }

    [Fact]
    public async Task ItFollowsThePageTokensWaitingExactlyThePollingIntervalAndSkipsTheBacklog()
    {
        await using var api = new FakeYouTubeApi();
        await using var client = Client(api.KeySettings);
        client.Start();
        await Eventually.TrueAsync(() => api.MessageRequests.Count == 1, "the first page request");

        await _time.WaitForTimerAsync(d => d == TimeSpan.FromMilliseconds(5000), what: "of pollingIntervalMillis 5000");
        _time.Advance(TimeSpan.FromMilliseconds(4999));
        Assert.Single(api.MessageRequests);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await Eventually.TrueAsync(() => _sink.Messages.Count == 7, "the seven messages of page 2");
        await AdvanceAfterTimerAsync(TimeSpan.FromMilliseconds(3000));
        await Eventually.TrueAsync(() => _sink.Moderation.Count == 2, "the two moderation events of page 3");
        await _time.WaitForTimerAsync(d => d == TimeSpan.FromMilliseconds(4000), what: "of pollingIntervalMillis 4000");

        var requests = api.MessageRequests;
        Assert.Equal([null, "page-2", "page-3"], requests.Select(r => r.Query["pageToken"]));
        Assert.All(requests, r => Assert.Equal((FakeYouTubeApi.LiveChatId, "snippet,authorDetails", FakeYouTubeApi.ApiKey, (string?)null),
            (r.Query["liveChatId"], r.Query["part"], r.Query["key"], r.Authorization)));
        Assert.DoesNotContain(_sink.Messages, m => m.PlatformMessageId!.StartsWith("LCC.backlog", StringComparison.Ordinal));
        Assert.Equal("Abc123xyz_0", _sink.Messages.First().Channel);
        Assert.DoesNotContain(FakeYouTubeApi.ApiKey, _log.All);
    }

    [Fact]
    public async Task TheBacklogIsReadWhenSkippingIsOff()
    {
        await using var api = new FakeYouTubeApi();
        await using var client = Client(api.KeySettings with { SkipBacklog = false });
        client.Start();
        await Eventually.TrueAsync(() => _sink.Messages.Count == 2, "the backlog's two messages");
        Assert.Equal(["first!", "hi everyone"], _sink.Messages.Select(m => m.Text));
    }

    [Fact]
    public async Task QuotaErrorsBackOffDoublingAndResumeOnTheSamePage()
    {
        await using var api = new FakeYouTubeApi();
        await using var client = Client(api.KeySettings with { QuotaBackoffSecs = 60 });
        client.Start();
        await Eventually.TrueAsync(() => api.MessageRequests.Count == 1, "the first page request");
        api.MessageErrors.Enqueue(new CannedResponse(403, Fixtures.Text("error_quota.json")));
        api.MessageErrors.Enqueue(new CannedResponse(403, Fixtures.Text("error_quota.json")));

        await AdvanceAfterTimerAsync(TimeSpan.FromSeconds(5));
        await AdvanceAfterTimerAsync(TimeSpan.FromSeconds(60));
        await AdvanceAfterTimerAsync(TimeSpan.FromSeconds(120));
        await Eventually.TrueAsync(() => _sink.Messages.Count == 7, "page 2 after the back-off");

        Assert.Equal([null, "page-2", "page-2", "page-2"], api.MessageRequests.Select(r => r.Query["pageToken"]));
        var backoffs = _sink.Connections.Where(s => s.State == ConnectionState.BackingOff).ToList();
        Assert.Equal([TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120)], backoffs.Select(s => s.RetryIn!.Value));
        Assert.All(backoffs, s => Assert.Equal("quotaExceeded", s.Detail));
    }

    [Fact]
    public async Task AnExpiredAccessTokenIsRefreshedAndTheCallRetried()
    {
        await using var api = new FakeYouTubeApi();
        await using var client = Client(api.OAuthSettings, target: "mine");
        client.Start();
        await Eventually.TrueAsync(() => api.MessageRequests.Count == 1, "the first page request");
        Assert.Equal("Bearer ya29.token-1", api.Server.RequestsTo("/liveBroadcasts").Single().Authorization);
        Assert.Equal("KicKGFVDeDFfdGVzdGNoYW5uZWxfMDAwMDAwMDASC01pbmU0NTZhYmNf", api.MessageRequests[0].Query["liveChatId"]);

        api.ExpiredTokens["ya29.token-1"] = true;
        await AdvanceAfterTimerAsync(TimeSpan.FromSeconds(5));
        await Eventually.TrueAsync(() => _sink.Messages.Count == 7, "page 2 read with the new token");

        Assert.Equal(2, api.TokensIssued);
        var refresh = api.Server.RequestsTo("/token").Last();
        Assert.Equal("POST", refresh.Method);
        Assert.Contains("grant_type=refresh_token", refresh.Body);
        Assert.Contains("refresh_token=" + Uri.EscapeDataString(FakeYouTubeApi.RefreshToken), refresh.Body);
        Assert.Equal(["Bearer ya29.token-1", "Bearer ya29.token-1", "Bearer ya29.token-2"], api.MessageRequests.Select(r => r.Authorization));
        Assert.DoesNotContain(FakeYouTubeApi.ClientSecret, _log.All);
        Assert.DoesNotContain(FakeYouTubeApi.RefreshToken, _log.All);
    }

    [Fact]
    public async Task ATokenPastItsLifetimeIsRenewedBeforeTheNextCall()
    {
        await using var api = new FakeYouTubeApi { TokenLifetimeSecs = 70 };
        await using var client = Client(api.OAuthSettings, target: "Abc123xyz_0");
        client.Start();
        await Eventually.TrueAsync(() => api.MessageRequests.Count == 1, "the first page request");
        Assert.Equal(1, api.TokensIssued);

        await AdvanceAfterTimerAsync(TimeSpan.FromSeconds(5));
        await AdvanceAfterTimerAsync(TimeSpan.FromSeconds(3));
        await AdvanceAfterTimerAsync(TimeSpan.FromSeconds(4));
        await Eventually.TrueAsync(() => api.MessageRequests.Count == 4, "the fourth page request");
        Assert.Equal(2, api.TokensIssued);
        Assert.Equal("Bearer ya29.token-2", api.MessageRequests[3].Authorization);
    }

    [Fact]
    public async Task AnEndedChatSendsItBackToLookingForABroadcast()
    {
        await using var api = new FakeYouTubeApi();
        await using var client = Client(api.KeySettings with { BroadcastRetrySecs = 30 });
        client.Start();
        await Eventually.TrueAsync(() => api.MessageRequests.Count == 1, "the first page request");
        api.MessageErrors.Enqueue(new CannedResponse(403, Fixtures.Text("error_chat_ended.json")));

        await AdvanceAfterTimerAsync(TimeSpan.FromSeconds(5));
        await Eventually.TrueAsync(() => _sink.Connections.Any(s => s.State == ConnectionState.Waiting), "the client to wait");
        Assert.Equal("liveChatEnded", _sink.Connections.Last(s => s.State == ConnectionState.Waiting).Detail);
        Assert.Single(api.Server.RequestsTo("/videos"));
        await AdvanceAfterTimerAsync(TimeSpan.FromSeconds(30));
        await Eventually.TrueAsync(() => api.Server.RequestsTo("/videos").Count == 2, "a new look for the broadcast");
    }

    [Fact]
    public async Task AChannelIdFindsTheChannelsLiveVideoAndThenItsChat()
    {
        await using var api = new FakeYouTubeApi();
        await using var client = Client(api.KeySettings, target: "UCx1_testchannel_0000000");
        client.Start();
        await Eventually.TrueAsync(() => api.MessageRequests.Count == 1, "the first page request");

        var search = api.Server.RequestsTo("/search").Single();
        Assert.Equal(("UCx1_testchannel_0000000", "live", "video", FakeYouTubeApi.ApiKey),
            (search.Query["channelId"], search.Query["eventType"], search.Query["type"], search.Query["key"]));
        Assert.Equal("Abc123xyz_0", api.Server.RequestsTo("/videos").Single().Query["id"]);
        Assert.Equal(FakeYouTubeApi.LiveChatId, api.MessageRequests[0].Query["liveChatId"]);
    }

    [Fact]
    public async Task AStreamThatWentOfflineSendsItBackToLookingForABroadcast()
    {
        await using var api = new FakeYouTubeApi();
        await using var client = Client(api.KeySettings with { BroadcastRetrySecs = 45 });
        client.Start();
        await Eventually.TrueAsync(() => api.MessageRequests.Count == 1, "the first page request");
        api.MessageErrors.Enqueue(new CannedResponse(200, Fixtures.Text("messages_offline.json")));

        await AdvanceAfterTimerAsync(TimeSpan.FromSeconds(5));
        await _time.WaitForTimerAsync(d => d == TimeSpan.FromSeconds(45), what: "of broadcast_retry_secs after offlineAt");
        Assert.Contains(_sink.Connections, s => s.State == ConnectionState.Waiting && s.Detail == "the live chat ended");
        _time.Advance(TimeSpan.FromSeconds(45));
        await Eventually.TrueAsync(() => api.Server.RequestsTo("/videos").Count == 2, "a new look for the broadcast");
        await Eventually.TrueAsync(() => api.MessageRequests.Count == 3, "reading the new chat from its first page");
        Assert.Null(api.MessageRequests[2].Query["pageToken"]);
    }

    [Fact]
    public async Task AVideoThatIsNotLiveIsWaitedFor()
    {
        await using var api = new FakeYouTubeApi { VideoFixture = "videos_not_live.json" };
        await using var client = Client(api.KeySettings);
        client.Start();
        await _time.WaitForTimerAsync(d => d == TimeSpan.FromSeconds(30), what: "of broadcast_retry_secs");
        Assert.Empty(api.MessageRequests);
        api.VideoFixture = "videos_live.json";
        _time.Advance(TimeSpan.FromSeconds(30));

        await Eventually.TrueAsync(() => api.MessageRequests.Count == 1, "reading once the video is live");
        Assert.Contains(_sink.Connections, s => s.State == ConnectionState.Waiting && s.Detail == "no live broadcast found");
    }

    [Fact]
    public async Task ThroughTheReaderSuperChatsQueueAsPaidAndDeletionsAndBansRemoveItems()
    {
        await using var api = new FakeYouTubeApi();
        await using var reader = new ChatReader(new DanmakuSettings { YouTube = api.KeySettings, Queue = new QueueSettings { MaxAgeSecs = 0 } },
            Messages.InstantSynth(), new ChatReaderOptions { Time = _time });
        await reader.StartChannelAsync(ChatPlatform.YouTube, "https://youtu.be/Abc123xyz_0", voiceId: "yt-voice");
        await AdvanceAfterTimerAsync(TimeSpan.FromSeconds(5));
        await Eventually.TrueAsync(() => reader.Queue.Snapshot().Count == 7, "page 2 in the queue");

        var superChat = reader.Queue.Snapshot().Single(c => c.Item.Message.EventKind == "superChatEvent").Item;
        Assert.Equal((ChatPriority.Paid, "Big Fan says: keep it up!", "yt-voice"), (superChat.Priority, superChat.SpokenText, superChat.VoiceId));

        await AdvanceAfterTimerAsync(TimeSpan.FromSeconds(3));
        await Eventually.TrueAsync(() => reader.Queue.Snapshot().Count == 5, "the deleted and the banned user's items to go");
        var left = reader.Queue.Snapshot().Select(c => c.Item.Message.PlatformMessageId).ToList();
        Assert.DoesNotContain("LCC.text-viewer-0003", left);
        Assert.DoesNotContain("LCC.supersticker-0006", left);
        Assert.Equal(2, reader.Queue.Statistics().NotSpoken[DropReason.RemovedByModeration]);
    }
}
