// The chat keys beyond the original's: Twitch transport/server/port, YouTube API key and endpoints,
// queue limits, filter modes and lists, loudness and per-channel/per-user voices — read from the main
// file and from danmaku_gateway.toml (the main file wins), with a clear error for a bad value.
namespace IShowTts.Configuration.Tests;

public sealed class DanmakuKeysTests
{
    [Fact]
    public void EveryChatKeyIsReadFromTheMainFile()
    {
        using var dir = new TempConfigDirectory();
        var path = dir.Write("ishowtts.toml", """
            [danmaku.twitch]
            transport = "TCP"
            server = "127.0.0.1"
            port = 6667

            [danmaku.youtube]
            api_key = "AIza-test"
            base_url = "http://127.0.0.1:9999/youtube/v3/"
            skip_backlog = false

            [danmaku.queue]
            prefetch = 3
            max_age_secs = 0
            resume_size = 5

            [danmaku.filter]
            mode = "Approval"
            denied_users = ["nightbot"]
            user_cooldown_secs = 7

            [danmaku.tts]
            engine = "espeak"
            loudness_lufs = -18.5

            [[danmaku.tts.channel_voices]]
            platform = "twitch"
            channel = "somechannel"
            voice_id = "espeak-zh"

            [[danmaku.tts.user_voices]]
            user = "vip_viewer"
            voice_id = "espeak-en"
            """);

        var d = ConfigurationLoader.Load(path, dir.Environment(), []).Config.Danmaku;

        Assert.Equal(("tcp", "127.0.0.1", 6667), (d.Twitch.Transport, d.Twitch.Server, d.Twitch.Port));
        Assert.Equal(("AIza-test", "http://127.0.0.1:9999/youtube/v3/", false), (d.YouTube.ApiKey, d.YouTube.BaseUrl, d.YouTube.SkipBacklog));
        Assert.Equal((3, 0, 5, 2), (d.Queue.Prefetch, d.Queue.MaxAgeSecs, d.Queue.ResumeSize, d.Queue.PlayerBuffer));
        Assert.Equal(("approval", 7), (d.Filter.Mode, d.Filter.UserCooldownSecs));
        Assert.Equal(["nightbot"], d.Filter.DeniedUsers);
        Assert.Equal(("espeak", -18.5), (d.Tts.Engine, d.Tts.LoudnessLufs));
        Assert.Equal(new ChatVoiceSection("twitch", "somechannel", "espeak-zh", ""), Assert.Single(d.Tts.ChannelVoices));
        Assert.Equal(new ChatVoiceSection("", "vip_viewer", "espeak-en", ""), Assert.Single(d.Tts.UserVoices));
    }

    [Fact]
    public void GatewayFileKeysApplyAndTheMainFileWins()
    {
        using var dir = new TempConfigDirectory();
        dir.Write("danmaku_gateway.toml", """
            [queue]
            capacity = 64
            prefetch = 4
            [filter]
            mode = "subscribers"
            max_repeated_chars = 5
            """);
        var path = dir.Write("ishowtts.toml", """
            [danmaku.queue]
            prefetch = 1
            """);

        var d = ConfigurationLoader.Load(path, dir.Environment(), []).Config.Danmaku;

        Assert.Equal((64, 1), (d.Queue.Capacity, d.Queue.Prefetch));
        Assert.Equal(("subscribers", 5), (d.Filter.Mode, d.Filter.MaxRepeatedChars));
    }

    [Fact]
    public void TheOriginalBackendsGatewayTablesInTheMainFileSitBetweenTheGatewayFileAndDanmaku()
    {
        using var dir = new TempConfigDirectory();
        dir.Write("danmaku_gateway.toml", """
            [queue]
            capacity = 64
            rate_limit_per_sec = 1.5
            [filter]
            max_words = 50
            [tts]
            timeout_secs = 20
            """);
        var path = dir.Write("ishowtts.toml", """
            [danmaku_gateway.queue]
            capacity = 128
            rate_limit_per_sec = 3.0
            [danmaku_gateway.filter]
            banned_keywords = ["bad"]
            max_words = 40
            [danmaku_gateway.tts]
            voice_id = "espeak-zh"

            [danmaku.queue]
            capacity = 256
            """);

        var (config, warnings) = ConfigurationLoader.Load(path, dir.Environment(), []);
        var d = config.Danmaku;

        Assert.Equal((256, 3.0), (d.Queue.Capacity, d.Queue.RateLimitPerSec));
        Assert.Equal((40, 280), (d.Filter.MaxWords, d.Filter.MaxChars));
        Assert.Equal(["bad"], d.Filter.BannedKeywords);
        Assert.Equal(("espeak-zh", 20), (d.Tts.VoiceId, d.Tts.TimeoutSecs));
        Assert.Equal(path, config.Origins["danmaku.queue.rate_limit_per_sec"].Source);
        Assert.EndsWith("danmaku_gateway.toml", config.Origins["danmaku.tts.timeout_secs"].Source);
        Assert.DoesNotContain(warnings, w => w.Key.StartsWith("danmaku_gateway", StringComparison.Ordinal));
    }

    [Fact]
    public void ABadValueInTheGatewayFileIsReportedAtItsLine()
    {
        using var dir = new TempConfigDirectory();
        dir.Write("danmaku_gateway.toml", "[queue]\ncapacity = 0\n");
        var path = dir.Write("ishowtts.toml", "");

        var e = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Load(path, dir.Environment(), []));

        var problem = Assert.Single(e.Problems);
        Assert.Equal(("danmaku.queue.capacity", 2), (problem.Key, problem.Origin.Line));
        Assert.EndsWith("danmaku_gateway.toml", problem.Origin.Source);
    }

    [Theory]
    [InlineData("[danmaku.filter]\nmode = \"vips\"\n", "danmaku.filter.mode")]
    [InlineData("[danmaku.twitch]\ntransport = \"udp\"\n", "danmaku.twitch.transport")]
    [InlineData("[danmaku.youtube]\nbase_url = \"not a url\"\n", "danmaku.youtube.base_url")]
    [InlineData("[danmaku.youtube]\nenabled = true\n", "danmaku.youtube.enabled")]
    [InlineData("[danmaku.queue]\nprefetch = 0\n", "danmaku.queue.prefetch")]
    [InlineData("[danmaku.tts]\nloudness_lufs = 3.0\n", "danmaku.tts.loudness_lufs")]
    [InlineData("[[danmaku.tts.channel_voices]]\nplatform = \"twitch\"\nchannel = \"x\"\nvoice_id = \"nobody\"\n", "danmaku.tts.channel_voices[0].voice_id")]
    [InlineData("[[danmaku.tts.user_voices]]\nvoice_id = \"espeak-en\"\n", "danmaku.tts.user_voices[0].user")]
    public void ABadChatValueNamesItsKey(string toml, string key)
    {
        using var dir = new TempConfigDirectory();
        var path = dir.Write("ishowtts.toml", toml);

        var e = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Load(path, dir.Environment(), []));

        Assert.Contains(e.Problems, p => p.Key == key);
    }
}
