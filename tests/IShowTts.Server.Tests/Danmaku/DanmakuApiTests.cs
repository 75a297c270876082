// The chat routes over real HTTP: the original's start/stop (202 and its {status, channel}; stop drops
// the channel's unfinished items as the original purged them), enqueue of
// the original's message JSON for any channel with that channel's voice or the default, the filter
// settings read and changed at run time, approval mode (approve/reject), clear, per-viewer voices, and
// problem documents that name what to fix. Twitch is a scripted local server: nothing leaves the machine.
using System.Net;
using System.Text;
using System.Text.Json;
using IShowTts.Chat.Model;
using IShowTts.Chat.Settings;
using IShowTts.TestSupport.Irc;

namespace IShowTts.Server.Tests.Danmaku;

public sealed class DanmakuApiTests
{
    [Fact]
    public async Task StartAndStopAnswerAsTheOriginalAndJoinAndPartTheChannel()
    {
        await using var twitch = new ScriptedIrcServer();
        await using var server = await ChatTestServer.StartAsync(s => s with
        {
            Twitch = new TwitchSettings { Transport = TwitchTransport.Tcp, Server = twitch.Server, Port = twitch.Port },
        });

        var started = await server.Http.PostJsonAsync("api/danmaku/start", new { platform = "twitch", channel = "#SomeStreamer", voice_id = "espeak-zh" });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var body = await Wire.ReadJsonAsync(started);
        Assert.Equal(("started", "Twitch", "somestreamer", "espeak-zh"),
            (body.GetProperty("status").GetString(), body.GetProperty("platform").GetString(), body.GetProperty("channel").GetString(), body.GetProperty("voice_id").GetString()));
        await using var connection = await twitch.AcceptAsync();
        await connection.RegisterAsync();
        Assert.Contains("JOIN #somestreamer", connection.Received);
        var status = await Wire.ReadJsonAsync(await server.Http.GetAsync("api/danmaku/status"));
        var channel = Assert.Single(status.GetProperty("channels").EnumerateArray());
        Assert.Equal(("somestreamer", "espeak-zh"), (channel.GetProperty("channel").GetString(), channel.GetProperty("voice_id").GetString()));

        await server.Http.PostAsync("api/danmaku/queue/pause", null);
        await server.EnqueueAsync(ChatTestServer.Message("viewer", "still to be said when the channel stops", channel: "somestreamer"));

        var stopped = await server.Http.PostJsonAsync("api/danmaku/stop", new { platform = "Twitch", channel = "somestreamer" });
        Assert.Equal(HttpStatusCode.Accepted, stopped.StatusCode);
        body = await Wire.ReadJsonAsync(stopped);
        Assert.Equal(("stopped", "somestreamer", true), (body.GetProperty("status").GetString(), body.GetProperty("channel").GetString(), body.GetProperty("stopped").GetBoolean()));
        var after = new List<string>();
        while (await connection.ReadLineAsync() is { } line) after.Add(line);   // the last channel went: the client hangs up
        Assert.All(after, l => Assert.DoesNotContain("JOIN", l));

        Assert.Empty((await Wire.ReadJsonAsync(await server.Http.GetAsync("api/danmaku/queue"))).EnumerateArray());   // as the original, stop purges the channel
        status = await Wire.ReadJsonAsync(await server.Http.GetAsync("api/danmaku/status"));
        Assert.Equal(1, status.GetProperty("statistics").GetProperty("not_spoken").GetProperty("ChannelStopped").GetInt64());
        Assert.Empty(status.GetProperty("channels").EnumerateArray());

        var idle = await server.Http.PostJsonAsync("api/danmaku/stop", new { platform = "twitch", channel = "somestreamer" });
        Assert.Equal(HttpStatusCode.OK, idle.StatusCode);
        Assert.Equal(("idle", false), ((await Wire.ReadJsonAsync(idle)).GetProperty("status").GetString(), (await Wire.ReadJsonAsync(idle)).GetProperty("stopped").GetBoolean()));
    }

    [Fact]
    public async Task StartRefusesWhatCannotWorkAndSaysWhy()
    {
        await using var server = await ChatTestServer.StartAsync();

        await Wire.AssertProblemAsync(await server.Http.PostJsonAsync("api/danmaku/start", new { platform = "twitch", channel = "x", voice_id = "nobody" }),
            400, "urn:ishowtts:problem:unknown-voice");
        await Wire.AssertProblemAsync(await server.Http.PostJsonAsync("api/danmaku/start", new { platform = "twitch", channel = "x", engine = "warp" }),
            400, "urn:ishowtts:problem:unknown-engine");
        await Wire.AssertProblemAsync(await server.Http.PostJsonAsync("api/danmaku/start", new { platform = "kick", channel = "x" }),
            400, "urn:ishowtts:problem:invalid-request");
        await Wire.AssertProblemAsync(await server.Http.PostJsonAsync("api/danmaku/start", new { platform = "twitch", channel = " # " }),
            400, "urn:ishowtts:problem:invalid-request");
        await Wire.AssertProblemAsync(await server.Http.PostJsonAsync("api/danmaku/start", new { platform = "youtube", channel = "UCabc" }),
            409, "urn:ishowtts:problem:chat-not-configured");
        Assert.Empty((await Wire.ReadJsonAsync(await server.Http.GetAsync("api/danmaku/status"))).GetProperty("channels").EnumerateArray());
    }

    [Fact]
    public async Task EnqueueTakesTheOriginalsJsonForAnyChannelWithThatChannelsVoiceOrTheDefault()
    {
        await using var server = await ChatTestServer.StartAsync(s => s with
        {
            Tts = s.Tts with { ChannelVoices = [new ChannelVoice(ChatPlatform.Twitch, "chinese_channel", "espeak-zh", "espeak")] },
        });
        await using var player = await WsPlayer.ConnectAsync(server);
        await server.Http.PostAsync("api/danmaku/queue/pause", null);

        // Byte for byte what the original's clients sent: colour in metadata, no fields of ours.
        var original = """
            {"id": "6f1c1c5e-8d4b-4a53-9d0e-3f5d2b7a9c10", "platform": "Twitch", "channel": "chinese_channel", "user_id": null,
             "username": "viewer_zh", "priority": "Normal", "content": {"Text": "ni hao"}, "metadata": {"color": "#00FF7F"},
             "timestamp": "2024-05-01T12:34:56.789Z"}
            """;
        var zh = await server.Http.PostAsync("api/danmaku/enqueue", new StringContent(original, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, zh.StatusCode);
        Assert.Equal("Queued", (await Wire.ReadJsonAsync(zh)).GetProperty("state").GetString());
        var other = await server.EnqueueAsync(ChatTestServer.Message("viewer_en", "hello from a channel nobody started", channel: "anywhere"));

        var queue = (await Wire.ReadJsonAsync(await server.Http.GetAsync("api/danmaku/queue"))).EnumerateArray().ToArray();
        Assert.Equal(("espeak-zh", "#00FF7F"), (Item(queue, "viewer_zh").GetProperty("voice_id").GetString(), Item(queue, "viewer_zh").GetProperty("color").GetString()));
        Assert.Equal("espeak-en", queue.Single(i => i.GetProperty("id").GetInt64() == other).GetProperty("voice_id").GetString());
        Assert.Equal("6f1c1c5e-8d4b-4a53-9d0e-3f5d2b7a9c10", Item(queue, "viewer_zh").GetProperty("message_id").GetString());

        await server.Http.PostAsync("api/danmaku/queue/resume", null);
        var first = await player.NextClipAsync(60);
        Assert.Equal(("ni hao", "#00FF7F"), (first.DisplayText, first.Header!.Value.GetProperty("color").GetString()));
        await player.AckAsync(first.Id);
        var second = await player.NextClipAsync(60);
        Assert.Equal(other, second.Id);
        Assert.Equal(JsonValueKind.Null, second.Header!.Value.GetProperty("color").ValueKind);
    }

    [Fact]
    public async Task EnqueueAnswers204WithTheReasonForAFilteredMessageAndProblemsForABadBody()
    {
        await using var server = await ChatTestServer.StartAsync();

        var command = await server.Http.PostJsonAsync("api/danmaku/enqueue", ChatTestServer.Message("viewer", "!uptime"));
        Assert.Equal(HttpStatusCode.NoContent, command.StatusCode);
        Assert.Equal("CommandIgnored", command.Headers.GetValues("X-Danmaku-Drop-Reason").Single());

        await Wire.AssertProblemAsync(await server.Http.PostJsonAsync("api/danmaku/enqueue", new { platform = "Twitch", username = "u", content = new { Text = "hi" } }),
            400, "urn:ishowtts:problem:invalid-request");
        await Wire.AssertProblemAsync(await server.Http.PostJsonAsync("api/danmaku/enqueue", new { platform = "Discord", channel = "c", username = "u", content = new { Text = "hi" } }),
            400, "urn:ishowtts:problem:invalid-request");
        await Wire.AssertProblemAsync(await server.Http.PostAsync("api/danmaku/enqueue", new StringContent("hi", Encoding.UTF8, "text/plain")),
            415, "urn:ishowtts:problem:unsupported-media-type");
    }

    [Fact]
    public async Task FilterSettingsAreReadAndChangedAtRunTimeAndApplyToTheNextMessage()
    {
        await using var server = await ChatTestServer.StartAsync();
        var filter = await Wire.ReadJsonAsync(await server.Http.GetAsync("api/danmaku/filter"));
        Assert.Equal((77, 280, false, "Everyone"), (filter.GetProperty("max_words").GetInt32(), filter.GetProperty("max_chars").GetInt32(),
            filter.GetProperty("allow_links").GetBoolean(), filter.GetProperty("mode").GetString()));
        Assert.Equal(HttpStatusCode.Accepted, (await server.Http.PostJsonAsync("api/danmaku/enqueue", ChatTestServer.Message("viewer", "I like pineapple on pizza"))).StatusCode);

        var changed = await server.Http.PutAsync("api/danmaku/filter", Wire.Json(new { banned_keywords = new[] { "pineapple" }, max_words = 3 }));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var now = await Wire.ReadJsonAsync(changed);
        Assert.Equal((3, 280), (now.GetProperty("max_words").GetInt32(), now.GetProperty("max_chars").GetInt32()));

        var banned = await server.Http.PostJsonAsync("api/danmaku/enqueue", ChatTestServer.Message("viewer2", "P 1 N E A P P L E is great"));
        Assert.Equal("BannedKeyword", banned.Headers.GetValues("X-Danmaku-Drop-Reason").Single());
        var cut = await server.EnqueueAsync(ChatTestServer.Message("viewer3", "one two three four five"));
        var queue = (await Wire.ReadJsonAsync(await server.Http.GetAsync("api/danmaku/queue"))).EnumerateArray();
        Assert.Equal("one two three", queue.Single(i => i.GetProperty("id").GetInt64() == cut).GetProperty("text").GetString());

        var unknown = await Wire.ReadProblemAsync(await server.Http.PutAsync("api/danmaku/filter", Wire.Json(new { max_wordz = 3 })));
        Assert.Contains("max_wordz", unknown.GetProperty("detail").GetString());
        var invalid = await Wire.ReadProblemAsync(await server.Http.PutAsync("api/danmaku/filter", Wire.Json(new { max_words = 0 })));
        Assert.Contains("max_words", invalid.GetProperty("detail").GetString());
        var wrongType = await Wire.ReadProblemAsync(await server.Http.PutAsync("api/danmaku/filter", Wire.Json(new { mode = "vips" })));
        Assert.Contains("mode", wrongType.GetProperty("detail").GetString());
        Assert.Equal(3, (await Wire.ReadJsonAsync(await server.Http.GetAsync("api/danmaku/filter"))).GetProperty("max_words").GetInt32());
    }

    [Fact]
    public async Task InApprovalModeAMessageWaitsForAModeratorWhoApprovesOrRejectsIt()
    {
        await using var server = await ChatTestServer.StartAsync();
        await server.Http.PutAsync("api/danmaku/filter", Wire.Json(new { mode = "approval" }));
        await using var player = await WsPlayer.ConnectAsync(server);

        var held = await server.Http.PostJsonAsync("api/danmaku/enqueue", ChatTestServer.Message("new_viewer", "please read me"));
        Assert.Equal(HttpStatusCode.Accepted, held.StatusCode);
        var heldId = (await Wire.ReadJsonAsync(held)).GetProperty("id").GetInt64();
        Assert.Equal("AwaitingApproval", (await Wire.ReadJsonAsync(held)).GetProperty("state").GetString());
        var rejectedId = await server.EnqueueAsync(ChatTestServer.Message("troll", "something rude"));
        var modId = await server.EnqueueAsync(new
        {
            platform = "Twitch", channel = "somechannel", username = "the_mod", priority = "Moderator",
            content = new { Text = "moderators are not held" }, metadata = new { badges = new[] { "moderator/1" } },
        });
        var approvals = (await Wire.ReadJsonAsync(await server.Http.GetAsync("api/danmaku/approvals"))).EnumerateArray().Select(i => i.GetProperty("id").GetInt64());
        Assert.Equal([heldId, rejectedId], approvals.Order());
        Assert.Equal(modId, (await player.NextClipAsync(60)).Id);
        await player.AckAsync(modId);

        var approved = await server.Http.PostJsonAsync($"api/danmaku/approvals/{heldId}/approve", new { by = "mod_anna" });
        Assert.Equal(("Queued", "mod_anna"), ((await Wire.ReadJsonAsync(approved)).GetProperty("state").GetString(), (await Wire.ReadJsonAsync(approved)).GetProperty("by").GetString()));
        Assert.Equal(HttpStatusCode.NoContent, (await server.Http.PostJsonAsync($"api/danmaku/approvals/{rejectedId}/reject", new { by = "mod_anna" })).StatusCode);
        var frame = await player.NextClipAsync(60);
        Assert.Equal((heldId, "please read me"), (frame.Id, frame.DisplayText));
        await player.AckAsync(heldId);

        await Wire.AssertProblemAsync(await server.Http.PostAsync($"api/danmaku/approvals/{rejectedId}/approve", null), 404, "urn:ishowtts:problem:unknown-chat-item");
        Assert.Empty((await Wire.ReadJsonAsync(await server.Http.GetAsync("api/danmaku/approvals"))).EnumerateArray());
        var statistics = (await Wire.ReadJsonAsync(await server.Http.GetAsync("api/danmaku/status"))).GetProperty("statistics");
        Assert.Equal(1, statistics.GetProperty("not_spoken").GetProperty("RejectedByModerator").GetInt64());
        Assert.True(await player.QuietForAsync(1.5), "the rejected message was played");
    }

    [Fact]
    public async Task ClearEmptiesTheQueueAndViewersCanHaveTheirOwnVoice()
    {
        await using var server = await ChatTestServer.StartAsync();
        await server.Http.PostAsync("api/danmaku/queue/pause", null);
        foreach (var i in Enumerable.Range(1, 3)) await server.EnqueueAsync(ChatTestServer.Message($"user{i}", $"message number {i}"));

        var cleared = await Wire.ReadJsonAsync(await server.Http.PostJsonAsync("api/danmaku/queue/clear", new { by = "streamer" }));
        Assert.Equal(3, cleared.GetProperty("removed").GetInt32());
        Assert.Empty((await Wire.ReadJsonAsync(await server.Http.GetAsync("api/danmaku/queue"))).EnumerateArray());

        var set = await server.Http.PutAsync("api/danmaku/voices/users", Wire.Json(new { user = "@VIP_Viewer", voice_id = "espeak-zh" }));
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var vip = await server.EnqueueAsync(ChatTestServer.Message("vip_viewer", "my own voice please"));
        var item = (await Wire.ReadJsonAsync(await server.Http.GetAsync("api/danmaku/queue"))).EnumerateArray().Single(i => i.GetProperty("id").GetInt64() == vip);
        Assert.Equal("espeak-zh", item.GetProperty("voice_id").GetString());
        var voices = await Wire.ReadJsonAsync(await server.Http.GetAsync("api/danmaku/voices"));
        Assert.Equal("espeak-en", voices.GetProperty("default").GetProperty("voice_id").GetString());
        Assert.Equal("VIP_Viewer", Assert.Single(voices.GetProperty("users").EnumerateArray()).GetProperty("user").GetString());

        await Wire.AssertProblemAsync(await server.Http.PutAsync("api/danmaku/voices/users", Wire.Json(new { user = "x", voice_id = "nobody" })), 400, "urn:ishowtts:problem:unknown-voice");
        Assert.Equal(HttpStatusCode.NoContent, (await server.Http.DeleteAsync("api/danmaku/voices/users/vip_viewer")).StatusCode);
        await Wire.AssertProblemAsync(await server.Http.DeleteAsync("api/danmaku/voices/users/vip_viewer"), 404, "urn:ishowtts:problem:not-found");
    }

    private static JsonElement Item(JsonElement[] queue, string username) => queue.Single(i => i.GetProperty("username").GetString() == username);
}
