// Chat end to end through the real server: lines said on an IRC server (Debian's ngircd, or a scripted
// server speaking Twitch's dialect for the tags and moderation commands ngircd cannot send) are read by
// the server's Twitch client, filtered, queued, spoken by espeak, levelled, and come out of
// /api/danmaku/stream as the original's binary frames — in priority order, with what the filters or a
// moderator removed never played, and nothing queued lost when the IRC server is killed and restarted.
using System.Text.Json;
using IShowTts.Audio;
using IShowTts.Chat.Settings;
using IShowTts.TestSupport.Irc;

namespace IShowTts.Server.Tests.Danmaku;

public sealed class ChatEndToEndTests
{
    private static Func<DanmakuSettings, DanmakuSettings> ReadingTwitchAt(string server, int port, string channel, Func<DanmakuSettings, DanmakuSettings>? more = null) =>
        s => (more ?? (x => x))(s with
        {
            Twitch = new TwitchSettings { Enabled = true, Channels = [channel], Transport = TwitchTransport.Tcp, Server = server, Port = port },
        });

    [Fact]
    public async Task LinesSaidOnARealIrcServerArePlayedFilteredAndInPriorityOrder()
    {
        await using var irc = NgircdServer.Create();
        await irc.StartAsync();
        await using var server = await ChatTestServer.StartAsync(ReadingTwitchAt("127.0.0.1", irc.Port, "lobby",
            s => s with { Filter = s.Filter with { BannedKeywords = ["spoiler"] } }));
        await TestServer.WaitUntilAsync(() => Joined(server, "lobby"), "the server's Twitch client to join #lobby", 60);
        await using var player = await WsPlayer.ConnectAsync(server, "?player=e2e");
        using var feed = await ChatFeed.OpenAsync(server);
        await server.Http.PostAsync("api/danmaku/queue/pause", null);

        await using var alice = await PlainIrcClient.ConnectAsync(irc.Port, "alice", "lobby");
        await alice.SayAsync("lobby", "hello everyone, this is the first message");
        await feed.ItemAsync("hello everyone, this is the first message", "Queued");
        foreach (var (line, reason) in new[]
                 {
                     ("!uptime", "CommandIgnored"),
                     ("check out https://spam.example/free now", "LinkNotAllowed"),
                     ("this has a s p o 1 l e r in it", "BannedKeyword"),
                 })
        {
            await alice.SayAsync("lobby", line);
            await feed.NextItemAsync(i => i.GetProperty("state").GetString() == "Filtered" && i.GetProperty("reason").GetString() == reason, $"\"{line}\" filtered as {reason}");
        }
        await alice.SayAsync("lobby", "soooooooo good!!!!!!!!");
        await feed.ItemAsync("sooo good!!!", "Queued");
        await alice.SayAsync("lobby", "@lobby can you read this one first");
        var mention = await feed.ItemAsync("@lobby can you read this one first", "Queued");
        Assert.Equal("Mention", mention.GetProperty("priority").GetString());
        await alice.SayAsync("lobby", "a message the streamer deletes");
        var deleted = (await feed.ItemAsync("a message the streamer deletes", "Queued")).GetProperty("id").GetInt64();
        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await server.Http.DeleteAsync($"api/danmaku/queue/{deleted}?by=streamer")).StatusCode);
        await server.Http.PostAsync("api/danmaku/queue/resume", null);

        var played = new List<string>();
        for (int i = 0; i < 3; i++)
        {
            var frame = await player.NextClipAsync(60);
            var header = frame.Header!.Value;
            Assert.Equal(("Twitch", "lobby", "alice", "audio/wav"),
                (header.GetProperty("platform").GetString(), header.GetProperty("channel").GetString(), header.GetProperty("username").GetString(), header.GetProperty("format").GetString()));
            var clip = Wire.DecodeAudio(frame.Wav!);
            Assert.Equal(header.GetProperty("sample_rate").GetInt32(), clip.SampleRate);
            Assert.True(clip.Seconds > 1, $"\"{frame.DisplayText}\" is {clip.Seconds:0.00} s of audio: too short for \"alice says: …\"");
            Assert.InRange(Loudness.IntegratedLufs(clip.Samples, clip.SampleRate), -24, -22);
            played.Add(frame.DisplayText);
            await player.AckAsync(frame.Id);
        }

        Assert.Equal(["@lobby can you read this one first", "hello everyone, this is the first message", "sooo good!!!"], played);
        await TestServer.WaitUntilAsync(() => Statistics(server).GetProperty("played").GetInt64() == 3, "the three acks to arrive");
        var notSpoken = Statistics(server).GetProperty("not_spoken");
        Assert.Equal((1, 1, 1, 1), (notSpoken.GetProperty("CommandIgnored").GetInt64(), notSpoken.GetProperty("LinkNotAllowed").GetInt64(),
            notSpoken.GetProperty("BannedKeyword").GetInt64(), notSpoken.GetProperty("RemovedByOperator").GetInt64()));
        Assert.True(await player.QuietForAsync(1.5), "something more was played");
    }

    [Fact]
    public async Task WhenTheIrcServerIsKilledAndRestartedNothingQueuedIsLostAndReadingGoesOn()
    {
        await using var irc = NgircdServer.Create();
        await irc.StartAsync();
        await using var server = await ChatTestServer.StartAsync(ReadingTwitchAt("127.0.0.1", irc.Port, "lobby"));
        await TestServer.WaitUntilAsync(() => Joined(server, "lobby"), "the server's Twitch client to join #lobby", 60);
        await using var player = await WsPlayer.ConnectAsync(server);
        using var feed = await ChatFeed.OpenAsync(server);
        await server.Http.PostAsync("api/danmaku/queue/pause", null);

        await using (var alice = await PlainIrcClient.ConnectAsync(irc.Port, "alice", "lobby"))
        {
            await alice.SayAsync("lobby", "said before the crash");
            await feed.ItemAsync("said before the crash", "Queued");
            await alice.SayAsync("lobby", "also said before the crash");
            await feed.ItemAsync("also said before the crash", "Queued");
        }
        await irc.KillAsync();
        await feed.ConnectionAsync("Disconnected");
        await irc.StartAsync();
        await feed.ConnectionAsync("Joined", "lobby");
        await using var bob = await PlainIrcClient.ConnectAsync(irc.Port, "bob", "lobby");
        await bob.SayAsync("lobby", "said after the restart");
        await feed.ItemAsync("said after the restart", "Queued");
        await server.Http.PostAsync("api/danmaku/queue/resume", null);

        var played = new List<string>();
        for (int i = 0; i < 3; i++)
        {
            var frame = await player.NextClipAsync(60);
            played.Add(frame.DisplayText);
            await player.AckAsync(frame.Id);
        }
        Assert.Equal(["said before the crash", "also said before the crash", "said after the restart"], played);
        Assert.Equal(0, Statistics(server).GetProperty("not_spoken_total").GetInt64());
    }

    [Fact]
    public async Task TwitchTagsSetThePriorityAndDeletedOrTimedOutMessagesNeverPlay()
    {
        await using var twitch = new ScriptedIrcServer();
        await using var server = await ChatTestServer.StartAsync(ReadingTwitchAt(twitch.Server, twitch.Port, "streamer"));
        await using var connection = await twitch.AcceptAsync();
        await connection.RegisterAsync();
        await TestServer.WaitUntilAsync(() => Joined(server, "streamer"), "the join of #streamer");
        await using var player = await WsPlayer.ConnectAsync(server);
        using var feed = await ChatFeed.OpenAsync(server);
        await server.Http.PostAsync("api/danmaku/queue/pause", null);

        await connection.SendAsync(
            "@color=#8A2BE2;display-name=Viewer;id=00000000-0000-4000-8000-000000000001;user-id=1 :viewer!viewer@v PRIVMSG #streamer :just chatting here",
            "@bits=100;color=#FF4500;display-name=Cheerer;id=00000000-0000-4000-8000-000000000002;user-id=2 :cheerer!cheerer@c PRIVMSG #streamer :Cheer100 great stream",
            "@badges=moderator/1;display-name=Mod;id=00000000-0000-4000-8000-000000000003;mod=1;user-id=3 :mod!mod@m PRIVMSG #streamer :welcome everyone",
            "@id=00000000-0000-4000-8000-000000000004;user-id=4 :troll!troll@t PRIVMSG #streamer :this one gets deleted",
            "@id=00000000-0000-4000-8000-000000000005;user-id=5 :spammer!spammer@s PRIVMSG #streamer :buy followers cheap",
            @"@display-name=Giver;login=giver;msg-id=subgift;system-msg=Giver\sgifted\sa\sTier\s1\ssub\sto\sLucky!;user-id=6 :tmi.twitch.tv USERNOTICE #streamer");
        foreach (var text in new[] { "just chatting here", "great stream", "welcome everyone", "this one gets deleted", "buy followers cheap", "Giver gifted a Tier 1 sub to Lucky!" })
            await feed.ItemAsync(text, "Queued");

        await connection.SendAsync(
            "@login=troll;target-msg-id=00000000-0000-4000-8000-000000000004;tmi-sent-ts=1 :tmi.twitch.tv CLEARMSG #streamer :this one gets deleted",
            "@ban-duration=600;target-user-id=5;tmi-sent-ts=2 :tmi.twitch.tv CLEARCHAT #streamer :spammer");
        await feed.ItemAsync("this one gets deleted", "Removed");
        await feed.ItemAsync("buy followers cheap", "Removed");
        await server.Http.PostAsync("api/danmaku/queue/resume", null);

        var played = new List<(string Text, string Priority, string? Color)>();
        for (int i = 0; i < 4; i++)
        {
            var frame = await player.NextClipAsync(60);
            var header = frame.Header!.Value;
            played.Add((frame.DisplayText, header.GetProperty("priority").GetString()!, header.GetProperty("color").GetString()));
            await player.AckAsync(frame.Id);
        }
        Assert.Equal([("Giver gifted a Tier 1 sub to Lucky!", "Gift", null), ("great stream", "Paid", "#FF4500"),
            ("welcome everyone", "Moderator", null), ("just chatting here", "Normal", "#8A2BE2")], played);

        // A message deleted while it plays is stopped at the players.
        await connection.SendAsync("@id=00000000-0000-4000-8000-000000000007;user-id=7 :late!late@l PRIVMSG #streamer :deleted while it plays");
        var playing = await player.NextClipAsync(60);
        Assert.Equal("deleted while it plays", playing.DisplayText);
        await connection.SendAsync("@login=late;target-msg-id=00000000-0000-4000-8000-000000000007;tmi-sent-ts=3 :tmi.twitch.tv CLEARMSG #streamer :deleted while it plays");
        var stop = await player.NextAsync(30);
        Assert.Equal(("stop", playing.Id, "RemovedByModeration"),
            (stop.Control!.Value.GetProperty("type").GetString(), stop.Control.Value.GetProperty("id").GetInt64(), stop.Control.Value.GetProperty("reason").GetString()));
        Assert.Equal(3, Statistics(server).GetProperty("not_spoken").GetProperty("RemovedByModeration").GetInt64());
        Assert.True(await player.QuietForAsync(1.5), "a removed message was played");
    }

    private static bool Joined(TestServer server, string channel) =>
        Wire.ReadJsonAsync(server.Http.GetAsync("api/danmaku/status").GetAwaiter().GetResult()).GetAwaiter().GetResult()
            .GetProperty("connections").EnumerateArray()
            .Any(c => c.GetProperty("state").GetString() == "Joined" && c.GetProperty("channel").GetString() == channel);

    private static JsonElement Statistics(TestServer server) =>
        Wire.ReadJsonAsync(server.Http.GetAsync("api/danmaku/status").GetAwaiter().GetResult()).GetAwaiter().GetResult().GetProperty("statistics");
}
