// Chat playback over the real server: the original's WebSocket frames (byte layout, header fields,
// WAV), acknowledgements and resend to a reconnecting player, priority order, a removed message never
// played, skip, loudness within 1 LU of the target, the SSE player with audio by URL, and the feed.
using System.Buffers.Binary;
using System.Net;
using System.Text;
using System.Text.Json;
using IShowTts.Audio;

namespace IShowTts.Server.Tests.Danmaku;

public sealed class DanmakuPlaybackTests
{
    [Fact]
    public async Task AnEnqueuedMessageArrivesAsTheOriginalsBinaryFrameAndAnAckRecordsItPlayed()
    {
        await using var server = await ChatTestServer.StartAsync();
        await using var player = await WsPlayer.ConnectAsync(server, "?player=obs");

        var id = await server.EnqueueAsync(ChatTestServer.Message("viewer_one", "hello there chat 你好", color: "#FF4500"));
        var frame = await player.NextClipAsync();

        // u32 LE length of the UTF-8 header in bytes (not characters), the header, then the WAV to the end.
        int headerLength = (int)BinaryPrimitives.ReadUInt32LittleEndian(frame.Raw);
        Assert.Equal((byte)'{', frame.Raw[4]);
        Assert.Equal((byte)'}', frame.Raw[4 + headerLength - 1]);
        Assert.Equal(headerLength, Encoding.UTF8.GetByteCount(Encoding.UTF8.GetString(frame.Raw, 4, headerLength)));
        Assert.Equal("RIFF", Encoding.ASCII.GetString(frame.Raw, 4 + headerLength, 4));
        Assert.Equal(frame.Raw.Length - 4 - headerLength - 8, (int)BinaryPrimitives.ReadUInt32LittleEndian(frame.Raw.AsSpan(4 + headerLength + 4)));
        var h = frame.Header!.Value;
        Assert.Equal(["platform", "channel", "username", "display_text", "format", "color"],
            h.EnumerateObject().Select(p => p.Name).Take(6).ToArray());
        Assert.Equal("Twitch", h.GetProperty("platform").GetString());
        Assert.Equal("somechannel", h.GetProperty("channel").GetString());
        Assert.Equal("viewer_one", h.GetProperty("username").GetString());
        Assert.Equal("hello there chat 你好", frame.DisplayText);
        Assert.Equal("audio/wav", h.GetProperty("format").GetString());   // the original's value: its page used it as the MIME type
        Assert.Equal("#FF4500", h.GetProperty("color").GetString());
        Assert.Equal(id, frame.Id);
        Assert.False(h.GetProperty("resent").GetBoolean());
        var clip = Wire.DecodeAudio(frame.Wav!);
        Assert.Equal(h.GetProperty("sample_rate").GetInt32(), clip.SampleRate);
        Assert.InRange(clip.Seconds * 1000 - h.GetProperty("duration_ms").GetInt64(), -2, 2);

        await player.AckAsync(id);
        await TestServer.WaitUntilAsync(() => History(server).Any(e => e.GetProperty("item").GetProperty("id").GetInt64() == id), "the item is in the history");
        var entry = History(server).Single(e => e.GetProperty("item").GetProperty("id").GetInt64() == id);
        Assert.Equal("Played", entry.GetProperty("outcome").GetString());
        Assert.True(entry.GetProperty("acknowledged").GetBoolean());
    }

    [Fact]
    public async Task AnUnacknowledgedItemIsResentToAReconnectingPlayerAndAnAcknowledgedOneIsNot()
    {
        await using var server = await ChatTestServer.StartAsync();
        long first;
        await using (var player = await WsPlayer.ConnectAsync(server))
        {
            first = await server.EnqueueAsync(ChatTestServer.Message("a_viewer", "first message"));
            var frame = await player.NextClipAsync();
            Assert.Equal(first, frame.Id);
            Assert.Equal(JsonValueKind.Null, frame.Header!.Value.GetProperty("color").ValueKind);   // always there, as the original's
        }

        await using (var again = await WsPlayer.ConnectAsync(server))
        {
            var resent = await again.NextClipAsync();
            Assert.Equal(first, resent.Id);
            Assert.True(resent.Header!.Value.GetProperty("resent").GetBoolean());
            await again.AckAsync(first);
            await TestServer.WaitUntilAsync(() => History(server).Any(e => e.GetProperty("item").GetProperty("id").GetInt64() == first), "the ack arrived");
        }

        await using var third = await WsPlayer.ConnectAsync(server);
        var second = await server.EnqueueAsync(ChatTestServer.Message("a_viewer", "second message"));
        Assert.Equal(second, (await third.NextClipAsync()).Id);
    }

    [Fact]
    public async Task HeldItemsPlayInPriorityOrderAndARemovedOneNeverPlays()
    {
        await using var server = await ChatTestServer.StartAsync();
        await using var player = await WsPlayer.ConnectAsync(server);
        await server.Http.PostAsync("api/danmaku/queue/pause", null);

        var normal = await server.EnqueueAsync(ChatTestServer.Message("normal_user", "just a normal message"));
        var deleted = await server.EnqueueAsync(ChatTestServer.Message("rude_user", "a message a moderator deletes", "Mention"));
        var paid = await server.EnqueueAsync(ChatTestServer.Message("cheerer", "thanks for the stream", "Paid"));
        var gift = await server.EnqueueAsync(ChatTestServer.Message("gifter", "gifted five subs", "Gift"));
        Assert.Equal(HttpStatusCode.NoContent, (await server.Http.DeleteAsync($"api/danmaku/queue/{deleted}?by=mod_anna")).StatusCode);
        await server.Http.PostAsync("api/danmaku/queue/resume", null);

        var order = new List<long>();
        while (order.Count < 3)
        {
            var frame = await player.NextClipAsync();
            order.Add(frame.Id);
            await player.AckAsync(frame.Id);
        }
        Assert.Equal([gift, paid, normal], order);
        Assert.True(await player.QuietForAsync(1.5));
        Assert.DoesNotContain(History(server), e => e.GetProperty("item").GetProperty("id").GetInt64() == deleted);
        var status = await Wire.ReadJsonAsync(await server.Http.GetAsync("api/danmaku/status"));
        Assert.Equal(1, status.GetProperty("statistics").GetProperty("not_spoken").GetProperty("RemovedByOperator").GetInt64());
    }

    [Fact]
    public async Task EveryConnectedPlayerGetsEveryClipInTheSameOrder()
    {
        await using var server = await ChatTestServer.StartAsync();
        await using var obs = await WsPlayer.ConnectAsync(server, "?player=obs");
        await using var browser = await WsPlayer.ConnectAsync(server, "?player=browser");
        await server.Http.PostAsync("api/danmaku/queue/pause", null);
        long[] ids = [
            await server.EnqueueAsync(ChatTestServer.Message("one", "the first of three")),
            await server.EnqueueAsync(ChatTestServer.Message("two", "the second of three")),
            await server.EnqueueAsync(ChatTestServer.Message("three", "the third of three")),
        ];
        await server.Http.PostAsync("api/danmaku/queue/resume", null);

        var seen = new Dictionary<string, List<(long Id, long Sequence)>> { ["obs"] = [], ["browser"] = [] };
        for (int i = 0; i < ids.Length; i++)
            foreach (var (name, player) in new[] { ("obs", obs), ("browser", browser) })
            {
                var frame = await player.NextClipAsync(60);
                seen[name].Add((frame.Id, frame.Header!.Value.GetProperty("sequence").GetInt64()));
                await player.AckAsync(frame.Id);
            }

        Assert.Equal(ids, seen["obs"].Select(f => f.Id));
        Assert.Equal(seen["obs"], seen["browser"]);
        Assert.Equal(seen["obs"].Select(f => f.Sequence).Order(), seen["obs"].Select(f => f.Sequence));
    }

    [Fact]
    public async Task SkipStopsThePlayingItemAndTheHistorySaysWhoSkippedIt()
    {
        await using var server = await ChatTestServer.StartAsync();
        await using var player = await WsPlayer.ConnectAsync(server);
        var id = await server.EnqueueAsync(ChatTestServer.Message("long_talker", "a long message that the streamer skips"));
        Assert.Equal(id, (await player.NextClipAsync()).Id);

        var skip = await Wire.ReadJsonAsync(await server.Http.PostJsonAsync("api/danmaku/queue/skip", new { by = "streamer" }));
        Assert.True(skip.GetProperty("skipped").GetBoolean());

        var stop = await player.NextAsync();
        Assert.Equal("stop", stop.Control!.Value.GetProperty("type").GetString());
        Assert.Equal(id, stop.Control.Value.GetProperty("id").GetInt64());
        var entry = History(server).Single();
        Assert.Equal(("Skipped", "streamer"), (entry.GetProperty("outcome").GetString(), entry.GetProperty("by").GetString()));
    }

    [Theory]
    [InlineData(-23.0)]   // EBU R128's target, the default
    [InlineData(-16.0)]   // a louder setting: the level follows [danmaku.tts] loudness_lufs, not espeak's own
    public async Task ClipsAreBroughtWithinOneLuOfTheLoudnessTarget(double target)
    {
        await using var server = await ChatTestServer.StartAsync(loudnessLufs: target);
        await using var player = await WsPlayer.ConnectAsync(server);
        string[] texts = ["hello everybody, welcome to the stream tonight", "OK", "thank you so much for the raid, everyone, have fun"];
        foreach (var (text, i) in texts.Select((t, i) => (t, i)))
            await server.EnqueueAsync(ChatTestServer.Message($"user{i}", text));

        for (int i = 0; i < texts.Length; i++)
        {
            var frame = await player.NextClipAsync();
            var clip = Wire.DecodeAudio(frame.Wav!);
            var lufs = Loudness.IntegratedLufs(clip.Samples, clip.SampleRate);
            Assert.InRange(lufs, target - 1, target + 1);
            Assert.True(clip.Samples.Max(Math.Abs) <= 0.9 /* −1 dBFS ≈ 0.891 */, "peak above the ceiling");
            await player.AckAsync(frame.Id);
        }
    }

    [Fact]
    public async Task AChannelFilteredPlayerGetsOnlyItsChannelAndDoesNotHoldTheOthersUp()
    {
        await using var server = await ChatTestServer.StartAsync();
        await using var player = await WsPlayer.ConnectAsync(server, "?channel=twitch:second_channel");
        var other = await server.EnqueueAsync(ChatTestServer.Message("viewer", "for the first channel", channel: "first_channel"));
        var mine = await server.EnqueueAsync(ChatTestServer.Message("viewer", "for the second channel", channel: "second_channel"));

        Assert.Equal(mine, (await player.NextClipAsync()).Id);
        await TestServer.WaitUntilAsync(() => History(server).Any(e => e.GetProperty("item").GetProperty("id").GetInt64() == other), "the other channel's item ended");
    }

    [Fact]
    public async Task TheSsePlayerGetsPlayEventsWithAnAudioUrlAndAcksByPost()
    {
        await using var server = await ChatTestServer.StartAsync();
        using var response = await server.Http.GetAsync("api/danmaku/playback?player=overlay", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        using var events = new SseReader(await response.Content.ReadAsStreamAsync());
        var hello = await events.NextAsync();
        Assert.Equal("hello", hello.Name);
        var playerId = hello.Data.GetProperty("player_id").GetString()!;
        Assert.StartsWith("overlay-", playerId);

        var id = await server.EnqueueAsync(ChatTestServer.Message("sse_viewer", "hello from the overlay"));
        var play = await events.NextAsync();
        Assert.Equal("play", play.Name);
        Assert.Equal(id, play.Data.GetProperty("id").GetInt64());
        var url = play.Data.GetProperty("audio_url").GetString()!;
        var audio = await server.Http.GetAsync(url.TrimStart('/'));
        Assert.Equal("audio/wav", audio.Content.Headers.ContentType!.MediaType);
        Assert.True(Wire.DecodeAudio(await audio.Content.ReadAsByteArrayAsync()).Seconds > 0.3);

        Assert.Equal(HttpStatusCode.NoContent, (await server.Http.PostJsonAsync("api/danmaku/ack", new { player_id = playerId, id })).StatusCode);
        await TestServer.WaitUntilAsync(() => History(server).Any(e => e.GetProperty("acknowledged").GetBoolean()), "the SSE ack arrived");
        await Wire.AssertProblemAsync(await server.Http.PostJsonAsync("api/danmaku/ack", new { player_id = "nobody-1", id }), 404, "urn:ishowtts:problem:unknown-player");
        await Wire.AssertProblemAsync(await server.Http.GetAsync("api/danmaku/clips/999999"), 404, "urn:ishowtts:problem:unknown-chat-item");
    }

    [Fact]
    public async Task TheFeedShowsMessagesAndEachItemsStateWithTheFilterReason()
    {
        await using var server = await ChatTestServer.StartAsync(s => s with { Filter = s.Filter with { BannedKeywords = ["badword"] } });
        using var response = await server.Http.GetAsync("api/danmaku/feed", HttpCompletionOption.ResponseHeadersRead);
        using var events = new SseReader(await response.Content.ReadAsStreamAsync());

        var dropped = await server.Http.PostJsonAsync("api/danmaku/enqueue", ChatTestServer.Message("troll", "you are a b a d w o r d"));
        Assert.Equal(HttpStatusCode.NoContent, dropped.StatusCode);
        Assert.Equal("BannedKeyword", dropped.Headers.GetValues("X-Danmaku-Drop-Reason").Single());

        var message = await events.NextAsync();
        Assert.Equal(("message", "troll"), (message.Name, message.Data.GetProperty("username").GetString()));
        var item = await events.NextAsync();
        Assert.Equal("item", item.Name);
        Assert.Equal(("Filtered", "BannedKeyword"), (item.Data.GetProperty("state").GetString(), item.Data.GetProperty("reason").GetString()));
    }

    private static JsonElement[] History(TestServer server) =>
        Wire.ReadJsonAsync(server.Http.GetAsync("api/danmaku/history").GetAwaiter().GetResult()).GetAwaiter().GetResult().EnumerateArray().ToArray();
}
