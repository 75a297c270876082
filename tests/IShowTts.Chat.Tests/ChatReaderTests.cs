// The reader as the server will use it: /enqueue-style submission through filters into the queue
// (accepted, filtered with a reason, held for approval), run-time filter edits, the message stream,
// and settings: the original's defaults, every problem reported at once, secrets masked.
using IShowTts.Chat.Model;
using IShowTts.Chat.Queue;
using IShowTts.Chat.Settings;
using IShowTts.Chat.Tests.Internal;

namespace IShowTts.Chat.Tests;

public sealed class ChatReaderTests
{
    [Fact]
    public void TheDefaultsAreTheOriginals()
    {
        var settings = new DanmakuSettings();
        Assert.Equal((512, 10), (settings.Queue.Capacity, settings.Queue.RateLimitPerSec));
        Assert.Equal((77, 280, false), (settings.Filter.MaxWords, settings.Filter.MaxChars, settings.Filter.AllowLinks));
        Assert.Empty(settings.Filter.BannedKeywords);
        Assert.Equal((15, (string?)null), (settings.Tts.TimeoutSecs, settings.Tts.VoiceId));
        Assert.Equal((false, (string?)null, (string?)null), (settings.Twitch.Enabled, settings.Twitch.BotUsername, settings.Twitch.OauthToken));
        Assert.Equal(("irc.chat.twitch.tv", 6697), (settings.Twitch.EffectiveServer, settings.Twitch.EffectivePort));
        Assert.Equal(("irc-ws.chat.twitch.tv", 443), ((settings.Twitch with { Transport = TwitchTransport.WebSocket }).EffectiveServer,
            (settings.Twitch with { Transport = TwitchTransport.WebSocket }).EffectivePort));
        Assert.Empty(settings.Validate());
    }

    [Fact]
    public void InvalidSettingsAreRefusedWithEveryProblemNamedByItsKey()
    {
        var settings = new DanmakuSettings
        {
            Queue = new QueueSettings { Capacity = 0 },
            Filter = new FilterSettings { MaxChars = -1 },
            Tts = new TtsSettings { TimeoutSecs = 0 },
            YouTube = new YouTubeSettings { Enabled = true },
        };
        var error = Assert.Throws<ArgumentException>(() => new ChatReader(settings, Messages.InstantSynth()));
        foreach (var key in new[] { "danmaku.queue.capacity", "danmaku.filter.max_chars", "danmaku.tts.timeout_secs", "danmaku.youtube needs api_key" })
            Assert.Contains(key, error.Message);
    }

    [Fact]
    public void SettingsPrintWithoutTheirSecrets()
    {
        var text = new TwitchSettings { BotUsername = "bot", OauthToken = "oauth:supersecret" }.ToString()
            + new YouTubeSettings { ApiKey = "AIzaKEY", ClientSecret = "GOCSPX-x", RefreshToken = "1//refresh" };
        foreach (var secret in new[] { "supersecret", "AIzaKEY", "GOCSPX-x", "1//refresh" })
            Assert.DoesNotContain(secret, text);
        Assert.Contains("BotUsername = bot", text);
    }

    [Fact]
    public async Task AnEnqueuedOriginalBodyIsFilteredQueuedAndSpokenWithTheChannelsVoice()
    {
        await using var reader = new ChatReader(new DanmakuSettings(), Messages.InstantSynth());
        await reader.StartAsync();
        reader.Queue.Voices.SetChannel(new ChannelVoice(ChatPlatform.Twitch, "somestreamer", "streamer-voice", "f5"));
        using var messages = reader.SubscribeMessages();

        var result = reader.Submit(ChatJson.ParseMessage("""
            {"platform": "Twitch", "channel": "#SomeStreamer", "user_id": null, "username": "bot", "priority": "Normal",
             "content": {"Text": "hello    world!!!!!!"}, "metadata": null}
            """));

        Assert.True(result.Accepted);
        Assert.Equal(("hello world!!!", "bot says: hello world!!!", "streamer-voice", "f5", "somestreamer"),
            (result.Item.Text, result.Item.SpokenText, result.Item.VoiceId, result.Item.Engine, result.Item.Message.Channel));
        Assert.NotEqual(default, result.Item.Message.Timestamp);
        await messages.NextAsync(m => m.Username == "bot", "the message on the message stream");
    }

    [Fact]
    public async Task AFilteredMessageIsAnsweredCountedAndPublishedWithItsReason()
    {
        await using var reader = new ChatReader(new DanmakuSettings { Filter = new FilterSettings { BannedKeywords = ["spoiler"] } }, Messages.InstantSynth());
        using var changes = reader.SubscribeQueue();

        var result = reader.Submit(Messages.Chat("huge SP0ILER ahead"));

        Assert.False(result.Accepted);
        Assert.Equal((QueueItemState.Filtered, DropReason.BannedKeyword), (result.State, result.Reason));
        var change = await changes.NextAsync(c => c.State == QueueItemState.Filtered, "the filtered event");
        Assert.Equal(DropReason.BannedKeyword, change.Reason);
        Assert.Equal(1, reader.Queue.Statistics().NotSpoken[DropReason.BannedKeyword]);
    }

    [Fact]
    public async Task FilterEditsApplyToTheNextMessage()
    {
        await using var reader = new ChatReader(new DanmakuSettings(), Messages.InstantSynth());
        Assert.True(reader.Submit(Messages.Chat("visit example.com", "a")).Accepted is false);

        reader.Filters.Update(s => s with { AllowLinks = true, Mode = ChatMode.Approval });

        var held = reader.Submit(Messages.Chat("visit example.com", "b"));
        Assert.Equal(QueueItemState.AwaitingApproval, held.State);
        Assert.Equal([held.Item.Id], reader.Queue.PendingApprovals().Select(i => i.Id));
    }

    [Fact]
    public async Task ApprovedMessagesPlayAndTheHistorySaysWhoSentThem()
    {
        await using var reader = new ChatReader(new DanmakuSettings { Filter = new FilterSettings { Mode = ChatMode.Approval } }, Messages.InstantSynth());
        await reader.StartAsync();
        using var player = reader.OpenPlayer("overlay");
        var held = reader.Submit(Messages.Chat("read me please", "viewer42"));

        reader.Queue.Approve(held.Item.Id, "mod");
        using var limit = new CancellationTokenSource(Eventually.DefaultTimeout);
        await foreach (var playout in player.ReadAllAsync(limit.Token))
            if (playout.Kind == PlayoutEventKind.Play)
            {
                Assert.Equal("viewer42 says: read me please", playout.Item!.SpokenText);
                player.Acknowledge(playout.Item.Id);
                break;
            }

        await Eventually.TrueAsync(() => reader.Queue.History().Count == 1, "the history entry");
        var entry = reader.Queue.History()[0];
        Assert.Equal(("viewer42", QueueItemState.Played, "overlay", true), (entry.Item.Message.Username, entry.Outcome, entry.By, entry.Acknowledged));
    }

    [Fact]
    public async Task AModeratorActionThroughTheReaderIsPublishedAndObeyed()
    {
        await using var reader = new ChatReader(new DanmakuSettings(), Messages.InstantSynth());
        using var moderation = reader.SubscribeModeration();
        reader.Submit(Messages.Chat("bad take", "troll"));

        var removed = reader.ApplyModeration(new ModerationEvent(ChatPlatform.Twitch, "streamer", ModerationKind.UserBanned, DateTimeOffset.UnixEpoch, TargetUsername: "troll"));

        Assert.Equal(1, removed);
        await moderation.NextAsync(m => m.TargetUsername == "troll", "the moderation event");
        Assert.Empty(reader.Queue.Snapshot());
    }

    [Fact]
    public async Task StoppingAChannelDropsWhatItStillHadToSayAndStopsItsPlayingItem()
    {
        await using var reader = new ChatReader(new DanmakuSettings { Queue = new QueueSettings { MaxAgeSecs = 0, RateLimitPerSec = 0 } },
            Messages.InstantSynth());
        await reader.StartAsync();
        using var changes = reader.SubscribeQueue();
        using var player = reader.OpenPlayer();
        var playing = reader.Submit(Messages.Chat("already playing", channel: "gone"));
        await changes.NextAsync(c => c.Item.Id == playing.Item.Id && c.State == QueueItemState.Playing, "the first item to play");
        var waiting = reader.Submit(Messages.Chat("still waiting", user: "other", channel: "gone"));
        var elsewhere = reader.Submit(Messages.Chat("another channel", user: "third", channel: "kept"));

        Assert.False(await reader.StopChannelAsync(ChatPlatform.Twitch, "#Gone", by: "streamer"));   // never read, only enqueued

        var removed = new List<QueueItemChange>();
        while (removed.Count < 2)
            removed.Add(await changes.NextAsync(c => c.State == QueueItemState.Removed, "the channel's two items to be removed"));
        Assert.Equal([playing.Item.Id, waiting.Item.Id], removed.Select(c => c.Item.Id).Order());
        Assert.All(removed, c => Assert.Equal((DropReason.ChannelStopped, "streamer"), (c.Reason!.Value, c.By)));
        await Eventually.TrueAsync(() => player.Reader.TryRead(out var e) && e.Kind == PlayoutEventKind.Stop && e.ItemId == playing.Item.Id,
            "the player to be told to stop");
        Assert.Equal([elsewhere.Item.Id], reader.Queue.Snapshot().Select(c => c.Item.Id));
        Assert.Equal(2, reader.Queue.Statistics().NotSpoken[DropReason.ChannelStopped]);
    }
}
