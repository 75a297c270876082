// What ConfigurationWriter prints loads back to the same configuration, so `ishowtts config` output
// can be saved and edited; secrets can be masked for display.
namespace IShowTts.Configuration.Tests;

public sealed class RoundTripTests
{
    private const string Rich = """
        bind_addr = "[::1]:9000"
        default_voice = "host"

        [api]
        max_parallel = 4
        cors_origins = ["https://overlay.example"]
        [[api.keys]]
        name = "obs"
        key = "k-123456"
        scopes = ["speak", "chat"]

        [f5]
        device = "cuda:1"
        default_nfe_step = 16
        hf_cache_dir = "hub"

        [[f5.voices]]
        id = "host"
        reference_audio = "voices/host.wav"
        reference_text = "Hello there, this is my voice. 你好。"
        language = "zh"
        preload = true
        owner = "me"
        consent_note = "recorded by me, 2025"

        [espeak]
        rate = 200
        voices = []

        [danmaku.twitch]
        enabled = true
        bot_username = "mybot"
        oauth_token = "oauth:abc"
        channels = ["somechannel"]

        [danmaku.tts]
        voice_id = "host"
        """;

    [Fact]
    public void WrittenConfigurationLoadsBackUnchanged()
    {
        using var dir = new TempConfigDirectory();
        dir.Clip("voices/host.wav");
        var first = ConfigurationLoader.Load(dir.Write("ishowtts.toml", Rich), dir.Environment(), []).Config;

        var text = ConfigurationWriter.Write(first);
        var (second, warnings) = ConfigurationLoader.Load(dir.Write("again/ishowtts.toml", text), dir.Environment(), []);

        Assert.Empty(warnings);
        Assert.Equal(text, ConfigurationWriter.Write(second));
        Assert.Equal("zh-CN", second.F5.Voices[0].Language);
        Assert.Equal("Hello there, this is my voice. 你好。", second.F5.Voices[0].ReferenceText);
        Assert.Empty(second.Espeak.Voices);
        Assert.Equal(["speak", "chat"], second.Api.Keys[0].Scopes);
        Assert.Equal(first.F5 with { Voices = second.F5.Voices }, second.F5);
        Assert.Equal(first.F5.Voices, second.F5.Voices);
    }

    [Fact]
    public void DefaultsRoundTrip()
    {
        using var dir = new TempConfigDirectory();
        var defaults = ConfigurationLoader.Defaults(dir.Environment());

        var text = ConfigurationWriter.Write(defaults);
        var again = ConfigurationLoader.Load(dir.Write("d.toml", text), dir.Environment(), []).Config;

        Assert.Equal(text, ConfigurationWriter.Write(again));
    }

    [Fact]
    public void SecretsCanBeMasked()
    {
        using var dir = new TempConfigDirectory();
        dir.Clip("voices/host.wav");
        var config = ConfigurationLoader.Load(dir.Write("ishowtts.toml", Rich), dir.Environment(), []).Config;

        var text = ConfigurationWriter.Write(config, maskSecrets: true);

        Assert.DoesNotContain("oauth:abc", text);
        Assert.DoesNotContain("k-123456", text);
        Assert.Contains(ConfigurationWriter.Mask, text);
    }
}
