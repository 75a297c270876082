// A real server for the chat tests: espeak voices only (fast, no model), chat spoken with espeak-en,
// and the chat settings a test gives. Starting one is cheap; each test class or test starts its own.
using IShowTts.Chat.Settings;
using IShowTts.Synthesis;
using IShowTts.Synthesis.Engines.Espeak;
using IShowTts.Synthesis.Voices;

namespace IShowTts.Server.Tests.Danmaku;

internal static class ChatTestServer
{
    public static async Task<TestServer> StartAsync(Func<DanmakuSettings, DanmakuSettings>? configure = null, double loudnessLufs = -23)
    {
        TestServer.RequireEspeak();
        var settings = new DanmakuSettings
        {
            Tts = new TtsSettings { VoiceId = "espeak-en", TimeoutSecs = 30 },
            Queue = new QueueSettings { AckGraceSecs = 30, MaxAgeSecs = 0, RateLimitPerSec = 0 },
        };
        settings = configure?.Invoke(settings) ?? settings;
        var synthesizer = new Synthesizer([new EspeakEngine()], new VoiceCatalog(), new SynthesizerOptions("espeak-en"));
        var options = TestServer.DefaultOptions() with
        {
            Danmaku = settings,
            ChatSpeech = new IShowTts.Server.Danmaku.ChatSpeechOptions { LoudnessLufs = loudnessLufs },
        };
        return await TestServer.StartAsync(options, synthesizer);
    }

    /// <summary>The original's enqueue JSON for one Twitch text message.</summary>
    public static object Message(string user, string text, string priority = "Normal", string channel = "somechannel", string platform = "Twitch",
        string? color = null) => new
        {
            id = Guid.NewGuid(),
            platform,
            channel,
            user_id = (string?)null,
            username = user,
            priority,
            content = new { Text = text },
            metadata = (object?)null,
            timestamp = DateTimeOffset.UtcNow,
            color,
        };

    public static async Task<long> EnqueueAsync(this TestServer server, object message)
    {
        var response = await server.Http.PostJsonAsync("api/danmaku/enqueue", message);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return (await Wire.ReadJsonAsync(response)).GetProperty("id").GetInt64();
    }
}
