// The Twitch client against a scripted local server speaking Twitch's dialect: login (OAuth and
// anonymous), capabilities, joins, PING/PONG, tagged messages, USERNOTICE, CLEARCHAT/CLEARMSG removing
// queued and playing items, RECONNECT, dropped connections, keep-alive, WebSocket transport, refused
// logins; and the token never appears in a log line.
using IShowTts.TestSupport.Irc;
using IShowTts.Chat.Model;
using IShowTts.Chat.Queue;
using IShowTts.Chat.Settings;
using IShowTts.Chat.Tests.Internal;
using IShowTts.Chat.Twitch;

namespace IShowTts.Chat.Tests.Twitch;

public sealed class TwitchScriptedServerTests
{
    private const string Token = "abcdef0123456789secrettoken";

    private static ChatReader Reader(ScriptedIrcServer server, LogCapture log, string? token = null, TimeProvider? time = null,
        TwitchTransport transport = TwitchTransport.Tcp, TwitchClientOptions? options = null, params string[] channels) =>
        new(new DanmakuSettings
        {
            Twitch = new TwitchSettings
            {
                Enabled = true,
                BotUsername = token is null ? null : "MyBot",
                OauthToken = token,
                Channels = channels.Length == 0 ? ["streamer"] : channels,
                Transport = transport,
                Server = server.Server,
                Port = server.Port,
            },
            Queue = new QueueSettings { MaxAgeSecs = 0 },
        }, Messages.InstantSynth(), new ChatReaderOptions
        {
            Log = log.Log,
            Time = time ?? TimeProvider.System,
            Twitch = options ?? new TwitchClientOptions { ReconnectInitialDelay = TimeSpan.FromMilliseconds(20), ReconnectMaxDelay = TimeSpan.FromMilliseconds(200) },
        });

    [Fact]
    public async Task AnOAuthLoginRequestsTagsAndCommandsLogsInAndJoinsEveryChannelWithoutLoggingTheToken()
    {
        await using var server = new ScriptedIrcServer();
        var log = new LogCapture();
        await using var reader = Reader(server, log, "oauth:" + Token, channels: ["streamer", "#Other"]);
        using var connections = reader.SubscribeConnections();
        await reader.StartAsync();
        await using var connection = await server.AcceptAsync();

        Assert.Equal("CAP REQ :twitch.tv/tags twitch.tv/commands", await connection.ReadLineAsync());
        Assert.Equal("PASS oauth:" + Token, await connection.ReadLineAsync());
        Assert.Equal("NICK mybot", await connection.ReadLineAsync());
        await connection.RegisterAsync(expectedChannels: 2);
        Assert.Contains("CAP END", connection.Received);
        Assert.Contains(connection.Received, l => l is "JOIN #other,#streamer" or "JOIN #streamer,#other");
        await connections.NextAsync(s => s.State == ConnectionState.Joined && s.Channel == "other", "the join of #other");

        Assert.Contains("PASS ***", log.All);
        Assert.DoesNotContain(Token, log.All);
        Assert.DoesNotContain(Token, string.Join("\n", reader.Connections.Select(c => c.Detail)));
    }

    [Fact]
    public async Task WithoutATokenItReadsAnonymouslyAsJustinfanWithoutAPass()
    {
        await using var server = new ScriptedIrcServer();
        await using var reader = Reader(server, new LogCapture());
        await reader.StartAsync();
        await using var connection = await server.AcceptAsync();

        var nick = await connection.RegisterAsync();
        Assert.Matches("^justinfan[0-9]{5}$", nick);
        Assert.DoesNotContain(connection.Received, l => l.StartsWith("PASS", StringComparison.Ordinal));
    }

    [Fact]
    public async Task APingIsAnsweredWithItsParameter()
    {
        await using var server = new ScriptedIrcServer();
        await using var reader = Reader(server, new LogCapture());
        await reader.StartAsync();
        await using var connection = await server.AcceptAsync();
        await connection.RegisterAsync();

        await connection.SendAsync("PING :tmi.twitch.tv");
        Assert.Equal("PONG tmi.twitch.tv", await connection.ExpectAsync(l => l.StartsWith("PONG", StringComparison.Ordinal), "PONG"));
    }

    [Fact]
    public async Task TaggedMessagesAndNoticesReachTheQueueWithTheirFacts()
    {
        await using var server = new ScriptedIrcServer();
        await using var reader = Reader(server, new LogCapture());
        using var queue = reader.SubscribeQueue();
        await reader.StartAsync();
        await using var connection = await server.AcceptAsync();
        await connection.RegisterAsync();

        await connection.SendAsync(
            @"@badges=subscriber/3;bits=50;color=#FF0000;custom-reward-id=5f1e;display-name=Fan;emotes=;first-msg=1;id=11111111-2222-4333-8444-555555555555;tmi-sent-ts=1714566896789;user-id=77 :fan!fan@fan.tmi.twitch.tv PRIVMSG #streamer :Cheer50 you rock",
            @"@display-name=Giver;login=giver;msg-id=subgift;msg-param-recipient-display-name=Lucky;system-msg=Giver\sgifted\sa\sTier\s1\ssub\sto\sLucky!;user-id=88 :tmi.twitch.tv USERNOTICE #streamer");

        var cheer = await queue.NextAsync(c => c.State == QueueItemState.Queued && c.Item.Message.Username == "fan", "the cheer to be queued");
        Assert.Equal("you rock", cheer.Item.Text);
        Assert.Equal("Fan says: you rock", cheer.Item.SpokenText);
        var message = cheer.Item.Message;
        Assert.Equal((50, "5f1e", true, "#FF0000", ChatPriority.Paid, ChatRoles.Subscriber), (message.Bits, message.RewardId, message.FirstMessage, message.Color, message.Priority, message.Roles));
        Assert.Equal(Guid.Parse("11111111-2222-4333-8444-555555555555"), message.Id);

        var gift = await queue.NextAsync(c => c.State == QueueItemState.Queued && c.Item.Message.Username == "giver", "the gift notice to be queued");
        Assert.Equal(("Giver gifted a Tier 1 sub to Lucky!", ChatPriority.Gift, ChatContentKind.System), (gift.Item.SpokenText, gift.Item.Priority, gift.Item.Message.Content.Kind));
    }

    [Fact]
    public async Task ClearmsgAndClearchatRemoveQueuedItemsAndStopThePlayingOne()
    {
        await using var server = new ScriptedIrcServer();
        await using var reader = Reader(server, new LogCapture());
        using var queue = reader.SubscribeQueue();
        await reader.StartAsync();
        await using var connection = await server.AcceptAsync();
        await connection.RegisterAsync();

        await connection.SendAsync(
            "@id=aaaaaaaa-0000-4000-8000-000000000001;user-id=1 :alice!alice@a PRIVMSG #streamer :first from alice",
            "@id=aaaaaaaa-0000-4000-8000-000000000002;user-id=2 :bob!bob@b PRIVMSG #streamer :bob says hello",
            "@id=aaaaaaaa-0000-4000-8000-000000000003;user-id=1 :alice!alice@a PRIVMSG #streamer :second from alice",
            "@id=aaaaaaaa-0000-4000-8000-000000000004;user-id=3 :carol!carol@c PRIVMSG #streamer :carol here");
        await Eventually.TrueAsync(() => reader.Queue.Snapshot().Count == 4, "four queued items");

        await connection.SendAsync("@login=bob;target-msg-id=aaaaaaaa-0000-4000-8000-000000000002;tmi-sent-ts=1 :tmi.twitch.tv CLEARMSG #streamer :bob says hello");
        var deleted = await queue.NextAsync(c => c.State == QueueItemState.Removed, "bob's deleted message to be removed");
        Assert.Equal(("bob", DropReason.RemovedByModeration), (deleted.Item.Message.Username, deleted.Reason));

        await connection.SendAsync("@ban-duration=600;target-user-id=1;tmi-sent-ts=2 :tmi.twitch.tv CLEARCHAT #streamer :alice");
        await Eventually.TrueAsync(() => reader.Queue.Snapshot().All(c => c.Item.Message.Username == "carol"), "alice's items to be removed");

        using var player = reader.OpenPlayer();
        await queue.NextAsync(c => c.State == QueueItemState.Playing && c.Item.Message.Username == "carol", "carol's item to play");
        await connection.SendAsync("@tmi-sent-ts=3 :tmi.twitch.tv CLEARCHAT #streamer");
        await queue.NextAsync(c => c.State == QueueItemState.Removed && c.Item.Message.Username == "carol", "the playing item to be removed");
        await Eventually.TrueAsync(() => player.Reader.TryRead(out var e) && e.Kind == PlayoutEventKind.Stop, "the player to be told to stop");
        Assert.Equal(4, reader.Queue.Statistics().NotSpoken[DropReason.RemovedByModeration]);
    }

    [Fact]
    public async Task ReconnectMakesItReconnectAtOnceAndRejoinWithNothingQueuedLost()
    {
        await using var server = new ScriptedIrcServer();
        await using var reader = Reader(server, new LogCapture());
        using var queue = reader.SubscribeQueue();
        await reader.StartAsync();
        var first = await server.AcceptAsync();
        await first.RegisterAsync();
        await first.SendAsync(":fan!fan@f PRIVMSG #streamer :before the reconnect");
        await queue.NextAsync(c => c.State == QueueItemState.Queued, "the first message");

        await first.SendAsync(":tmi.twitch.tv RECONNECT");
        await using var second = await server.AcceptAsync();
        await second.RegisterAsync();
        await second.SendAsync(":fan!fan@f PRIVMSG #streamer :after the reconnect");
        await queue.NextAsync(c => c.State == QueueItemState.Queued && c.Item.Text == "after the reconnect", "the message after the reconnect");

        Assert.Equal(["before the reconnect", "after the reconnect"], reader.Queue.Snapshot().Select(c => c.Item.Text));
        Assert.Null(await first.ReadLineAsync());
        await first.DisposeAsync();
    }

    [Fact]
    public async Task ALostConnectionIsRetriedWithBackoffAndTheChannelsAreJoinedAgain()
    {
        await using var server = new ScriptedIrcServer();
        await using var reader = Reader(server, new LogCapture(), channels: ["one", "two"]);
        using var connections = reader.SubscribeConnections();
        await reader.StartAsync();
        var first = await server.AcceptAsync();
        await first.RegisterAsync(expectedChannels: 2);
        await first.DisposeAsync();

        var lost = await connections.NextAsync(s => s.State == ConnectionState.Disconnected, "the disconnection");
        Assert.NotNull(lost.RetryIn);
        await using var second = await server.AcceptAsync();
        await second.RegisterAsync(expectedChannels: 2);
        await connections.NextAsync(s => s.State == ConnectionState.Joined && s.Channel == "two", "the rejoin of #two");
    }

    [Fact]
    public async Task ASilentServerIsPingedAndDroppedWhenItDoesNotAnswer()
    {
        var time = new ManualTimeProvider();
        await using var server = new ScriptedIrcServer();
        var options = new TwitchClientOptions
        {
            KeepAliveInterval = TimeSpan.FromSeconds(60), PongTimeout = TimeSpan.FromSeconds(10),
            ReconnectInitialDelay = TimeSpan.FromSeconds(1), ReconnectMaxDelay = TimeSpan.FromSeconds(1),
        };
        await using var reader = Reader(server, new LogCapture(), time: time, options: options);
        using var connections = reader.SubscribeConnections();
        await reader.StartAsync();
        await using var first = await server.AcceptAsync();
        await first.RegisterAsync();
        await connections.NextAsync(s => s.State == ConnectionState.Joined, "the join (the last line the server sends)");

        for (var waited = 0; waited < 60; waited += 5)
        {
            await time.WaitForTimerAsync(d => d == TimeSpan.FromSeconds(5), what: "for the keep-alive check");
            time.Advance(TimeSpan.FromSeconds(5));
        }
        await first.ExpectAsync(l => l == "PING :tmi.twitch.tv", "a keep-alive PING");
        for (var waited = 0; waited < 10; waited += 5)
        {
            await time.WaitForTimerAsync(d => d == TimeSpan.FromSeconds(5), what: "for the PONG check");
            time.Advance(TimeSpan.FromSeconds(5));
        }

        var lost = await connections.NextAsync(s => s.State == ConnectionState.Disconnected, "the disconnection");
        Assert.Contains("PING", lost.Detail);
        await time.WaitForTimerAsync(d => d > TimeSpan.Zero && d <= TimeSpan.FromSeconds(1), what: "for the reconnect back-off");
        time.Advance(TimeSpan.FromSeconds(1));
        await using var second = await server.AcceptAsync();
        await second.RegisterAsync();
    }

    [Fact]
    public async Task OverAWebSocketSeveralLinesInOneFrameAreAllRead()
    {
        await using var server = new ScriptedIrcServer(webSocket: true);
        await using var reader = Reader(server, new LogCapture(), transport: TwitchTransport.WebSocket);
        using var queue = reader.SubscribeQueue();
        await reader.StartAsync();
        await using var connection = await server.AcceptAsync();
        await connection.RegisterAsync();

        await connection.SendAsync("PING :tmi.twitch.tv", ":a!a@a PRIVMSG #streamer :one", ":b!b@b PRIVMSG #streamer :two");

        await connection.ExpectAsync(l => l == "PONG tmi.twitch.tv", "PONG");
        await queue.NextAsync(c => c.State == QueueItemState.Queued && c.Item.Text == "one", "the first line");
        await queue.NextAsync(c => c.State == QueueItemState.Queued && c.Item.Text == "two", "the second line");
    }

    [Fact]
    public async Task ARefusedLoginBacksOffAndSaysWhichSettingToCheck()
    {
        await using var server = new ScriptedIrcServer();
        var log = new LogCapture();
        await using var reader = Reader(server, log, Token);
        using var connections = reader.SubscribeConnections();
        await reader.StartAsync();
        await using var connection = await server.AcceptAsync();
        await connection.ExpectAsync(l => l.StartsWith("NICK", StringComparison.Ordinal), "NICK");

        await connection.SendAsync(":tmi.twitch.tv NOTICE * :Login authentication failed");

        var refused = await connections.NextAsync(s => s.State == ConnectionState.BackingOff, "the refusal");
        Assert.Contains("Login authentication failed", refused.Detail);
        Assert.Contains("danmaku.twitch.oauth_token", log.All);
        Assert.DoesNotContain(Token, log.All);
    }

    [Fact]
    public async Task ChannelsCanBeJoinedAndPartedWhileConnected()
    {
        await using var server = new ScriptedIrcServer();
        await using var reader = Reader(server, new LogCapture());
        await reader.StartAsync();
        await using var connection = await server.AcceptAsync();
        await connection.RegisterAsync();

        await reader.StartChannelAsync(ChatPlatform.Twitch, "#NewChannel", voiceId: "voice-b");
        await connection.ExpectAsync(l => l == "JOIN #newchannel", "JOIN #newchannel");
        Assert.True(await reader.StopChannelAsync(ChatPlatform.Twitch, "streamer"));
        await connection.ExpectAsync(l => l == "PART #streamer", "PART #streamer");
        Assert.Equal([(ChatPlatform.Twitch, "newchannel")], reader.Channels);
        Assert.Equal("voice-b", reader.Queue.Voices.Resolve(Messages.Chat("x", channel: "newchannel")).VoiceId);
    }
}
