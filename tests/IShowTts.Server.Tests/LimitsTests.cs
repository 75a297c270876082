// Limits and scheduling: max_parallel syntheses with a bounded queue (429 + Retry-After when full), the
// per-request timeout, work stopped when the client goes away, graceful shutdown, and concurrent
// requests for different texts and voices each getting exactly the audio they get alone.
using System.Net;

namespace IShowTts.Server.Tests;

public sealed class LimitsTests
{
    // Long enough, at NFE 32 on the tiny model, to keep a slot busy for many seconds.
    private const string SlowText =
        "Welcome back to the stream, everybody. Today we are going to try the new update and see whether the boss fight is any easier. " +
        "Thanks for all the follows and the subs, chat. Remember to stay hydrated, and be nice to each other in the comments. " +
        "We will start with the side quests and then go for the dragon, if the chat agrees, and the dragon is not too scary today.";

    private const int SlowNfe = 32;

    private static object Slow(int seed = 1) => new { text = SlowText, nfe_step = SlowNfe, seed };

    [Fact]
    public async Task FullQueueIsRefusedAtOnceWithRetryAfter()
    {
        await using var server = await TestServer.StartAsync(TestServer.DefaultOptions() with { MaxParallel = 1, QueueCapacity = 1 });
        using var cancel = new CancellationTokenSource();
        var running = server.Http.PostJsonAsync("api/tts", Slow(1), cancel.Token);
        await TestServer.WaitUntilAsync(() => server.Scheduler.Running == 1, "the first request runs");
        var waiting = server.Http.PostJsonAsync("api/tts", Slow(2), cancel.Token);
        await TestServer.WaitUntilAsync(() => server.Scheduler.Waiting == 1, "the second request waits");

        var refused = await server.Http.PostJsonAsync("v1/audio/speech", new { model = "tts-1", input = "one more", voice = TestServer.F5Voice });

        await Wire.AssertProblemAsync(refused, 429, "urn:ishowtts:problem:overloaded");
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        var metrics = await server.Http.GetStringAsync("metrics");
        Assert.Contains("ishowtts_rejected_total{reason=\"queue_full\"} 1", metrics);
        Assert.Contains("ishowtts_queue_depth 1", metrics);
        Assert.Contains("ishowtts_inflight_syntheses 1", metrics);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public async Task ClientThatGoesAwayStopsItsSynthesis()
    {
        await using var server = await TestServer.StartAsync(TestServer.DefaultOptions() with { MaxParallel = 1 });
        using var cancel = new CancellationTokenSource();
        var request = server.Http.PostJsonAsync("api/tts", Slow(3), cancel.Token);
        await TestServer.WaitUntilAsync(() => server.SamplingSteps > 0, "sampling has started");
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);

        await TestServer.WaitUntilAsync(() => server.Scheduler.Running == 0, "the slot is free again", seconds: 10);
        long steps = server.SamplingSteps;
        await Task.Delay(500);
        Assert.Equal(steps, server.SamplingSteps);   // nothing keeps sampling for a client that left
        Assert.True(steps < SlowNfe * 2, $"cancelled after {steps} steps, before the synthesis could finish");
        Assert.Contains("ishowtts_syntheses_total{engine=\"f5\",outcome=\"cancelled\"} 1", await server.Http.GetStringAsync("metrics"));
        var next = await server.Http.PostJsonAsync("api/tts", new { text = "Still here." });
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task StreamReaderThatGoesAwayStopsItsSynthesis()
    {
        await using var server = await TestServer.StartAsync(TestServer.DefaultOptions() with { MaxParallel = 1 });
        using (var request = new HttpRequestMessage(HttpMethod.Post, "api/tts/stream") { Content = Wire.Json(new { text = SlowText, nfe_step = 8, format = "pcm" }) })
        using (var response = await server.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead))
        {
            await using var body = await response.Content.ReadAsStreamAsync();
            await body.ReadExactlyAsync(new byte[2]);
        }
        await TestServer.WaitUntilAsync(() => server.Scheduler.Running == 0, "the slot is free again", seconds: 10);
        long steps = server.SamplingSteps;
        await Task.Delay(500);
        Assert.Equal(steps, server.SamplingSteps);
    }

    [Fact]
    public async Task RequestOverItsTimeoutIsCancelledWithAProblem()
    {
        await using var server = await TestServer.StartAsync(TestServer.DefaultOptions() with { RequestTimeout = TimeSpan.FromSeconds(1) });
        var response = await server.Http.PostJsonAsync("api/tts", Slow(4));
        await Wire.AssertProblemAsync(response, 504, "urn:ishowtts:problem:timeout");
        await TestServer.WaitUntilAsync(() => server.Scheduler.Running == 0, "the slot is free again", seconds: 10);
        Assert.Contains("outcome=\"timeout\"", await server.Http.GetStringAsync("metrics"));
    }

    [Fact]
    public async Task ShutdownLetsInFlightWorkFinish()
    {
        var server = await TestServer.StartAsync(TestServer.DefaultOptions() with { ShutdownGrace = TimeSpan.FromSeconds(60) });
        var request = server.Http.PostJsonAsync("api/tts", new { text = SlowText, nfe_step = 2 });
        await TestServer.WaitUntilAsync(() => server.SamplingSteps > 0, "sampling has started");
        var stopping = server.App.StopAsync();
        var response = await request;
        await stopping;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await Wire.ReadJsonAsync(response)).GetProperty("waveform_len").GetInt32() > 0);
        await server.DisposeAsync();
    }

    [Fact]
    public async Task ShutdownCancelsWorkThatOutlivesTheGracePeriod()
    {
        var server = await TestServer.StartAsync(TestServer.DefaultOptions() with { ShutdownGrace = TimeSpan.FromMilliseconds(300) });
        var request = server.Http.PostJsonAsync("api/tts", Slow(5));
        await TestServer.WaitUntilAsync(() => server.SamplingSteps > 0, "sampling has started");
        var stopping = server.App.StopAsync();
        var response = await request;
        await stopping;
        await Wire.AssertProblemAsync(response, 503, "urn:ishowtts:problem:shutting-down");
        Assert.Equal(0, server.Scheduler.Running);
        await server.DisposeAsync();
    }

    [Fact]
    public async Task ConcurrentRequestsEachGetTheirOwnAudio()
    {
        var guestWav = Path.Combine(Directory.CreateTempSubdirectory("ishowtts-guest-").FullName, "guest.wav");
        await File.WriteAllBytesAsync(guestWav, TestAudio.Short(3));
        var guest = new Synthesis.Voices.Voice("guest", "f5", "en-US", guestWav, "Another reference recording.");
        await using var server = await TestServer.StartAsync(TestServer.DefaultOptions() with { MaxParallel = 3 }, clipCache: 0, extraVoices: [guest]);
        var requests = new List<object>
        {
            new { text = "First line of chat, read in the streamer's voice.", voice_id = TestServer.F5Voice, seed = 1 },
            new { text = "A guest says something else entirely.", voice_id = "guest", seed = 2 },
            new { text = "Third message, streamer again, different words.", voice_id = TestServer.F5Voice, seed = 3 },
            new { text = "Guest number two with yet another sentence to read.", voice_id = "guest", seed = 4 },
        };
        if (TestServer.EspeakReady)
        {
            requests.Add(new { text = "The robot voice joins in.", voice_id = "espeak-en" });
            requests.Add(new { text = "机器人也说中文。", voice_id = "espeak-zh" });
        }

        var together = await Task.WhenAll(requests.Select(r => ClipAsync(server, r)));
        for (int i = 0; i < requests.Count; i++)
        {
            var alone = await ClipAsync(server, requests[i]);
            Assert.Equal(alone.VoiceId, together[i].VoiceId);
            if (alone.VoiceId.StartsWith("espeak", StringComparison.Ordinal))
                // espeak-ng is not bit-reproducible even alone (a few samples' jitter per call): same utterance, same length within 2%.
                Assert.InRange(together[i].Audio.Length, alone.Audio.Length * 0.98, alone.Audio.Length * 1.02);
            else
                Assert.True(alone.Audio.SequenceEqual(together[i].Audio), $"request {i} ({alone.VoiceId}) got different audio when run concurrently");
        }
        Assert.Equal(requests.Count, together.Select(t => Convert.ToBase64String(t.Audio)).Distinct().Count());
    }

    private static async Task<(string VoiceId, byte[] Audio)> ClipAsync(TestServer server, object request)
    {
        var body = await Wire.ReadJsonAsync(await server.Http.PostJsonAsync("api/tts", request));
        return (body.GetProperty("voice_id").GetString()!, Convert.FromBase64String(body.GetProperty("audio_base64").GetString()!));
    }
}
