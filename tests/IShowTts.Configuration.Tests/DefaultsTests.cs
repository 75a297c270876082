// With no file at all the product runs on the built-in defaults: these tests pin the defaults that
// the documentation promises and the original system used.
namespace IShowTts.Configuration.Tests;

public sealed class DefaultsTests
{
    [Fact]
    public void NoFileGivesTheDocumentedDefaults()
    {
        using var dir = new TempConfigDirectory();
        var (config, warnings) = ConfigurationLoader.Load(null, dir.Environment(), []);

        Assert.Empty(warnings);
        Assert.Null(config.SourceFile);
        Assert.Equal("127.0.0.1:27121", config.BindAddress);
        Assert.Equal("", config.DefaultVoice);
        Assert.Equal(3, config.Api.MaxParallel);
        Assert.False(config.Api.AllowInsecureLan);
        Assert.Empty(config.Api.Keys);
        Assert.Equal("F5TTS_v1_Base", config.F5.Model);
        Assert.Equal("auto", config.F5.Device);
        Assert.Equal(7, config.F5.DefaultNfeStep);
        Assert.True(config.F5.AutoDownload);
        Assert.Null(config.F5.CheckpointFile);
        Assert.Null(config.F5.HfCacheDirectory);
        Assert.Empty(config.F5.Voices);
        Assert.Equal(["espeak-en", "espeak-zh"], config.Espeak.Voices.Select(v => v.Id));
        Assert.Equal(175, config.Espeak.Rate);
        Assert.False(config.Danmaku.Twitch.Enabled);
        Assert.Equal(512, config.Danmaku.Queue.Capacity);
        Assert.Equal(10.0, config.Danmaku.Queue.RateLimitPerSec);
        Assert.Equal(77, config.Danmaku.Filter.MaxWords);
        Assert.Equal(280, config.Danmaku.Filter.MaxChars);
        Assert.False(config.Danmaku.Filter.AllowLinks);
        Assert.Empty(config.Danmaku.Filter.BannedKeywords);
        Assert.Equal(15, config.Danmaku.Tts.TimeoutSecs);
        Assert.Equal("", config.Danmaku.Tts.VoiceId);
    }

    [Fact]
    public void DataDirectoryFollowsXdgDataHomeElseTheHomeDirectory()
    {
        using var dir = new TempConfigDirectory();
        var plain = ConfigurationLoader.Load(null, dir.Environment(), []).Config;
        Assert.Equal(Path.Combine(dir.Home, ".local", "share", "ishowtts"), plain.Paths.DataDirectory);
        Assert.Equal(Path.Combine(plain.Paths.DataDirectory, "models", "F5TTS_v1_Base"), plain.F5.ModelDirectory);
        Assert.Equal(Path.Combine(plain.Paths.DataDirectory, "voices", "overrides"), plain.Paths.VoiceOverridesDirectory);

        var xdg = Path.Combine(dir.Root, "xdg-data");
        var withXdg = ConfigurationLoader.Load(null, dir.Environment(("XDG_DATA_HOME", xdg)), []).Config;
        Assert.Equal(Path.Combine(xdg, "ishowtts"), withXdg.Paths.DataDirectory);
    }

    [Fact]
    public void TheUserConfigurationFileIsReadWhenNoPathIsGiven()
    {
        using var dir = new TempConfigDirectory();
        dir.Write("home/.config/ishowtts/ishowtts.toml", "[api]\nmax_parallel = 5\n");

        var (config, _) = ConfigurationLoader.Load(null, dir.Environment(), []);

        Assert.Equal(5, config.Api.MaxParallel);
        Assert.Equal(Path.Combine(dir.Home, ".config", "ishowtts", "ishowtts.toml"), config.SourceFile);
    }

    [Fact]
    public void DefaultsIgnoreTheIshowttsVariablesAndTheUserFile()
    {
        using var dir = new TempConfigDirectory();
        dir.Write("home/.config/ishowtts/ishowtts.toml", "[api]\nmax_parallel = 5\n");

        var config = ConfigurationLoader.Defaults(dir.Environment(("ISHOWTTS_F5__DEVICE", "cpu")));

        Assert.Equal(3, config.Api.MaxParallel);
        Assert.Equal("auto", config.F5.Device);
    }

    [Fact]
    public void TheEmbeddedDefaultTextSetsEveryKeyItDocuments()
    {
        var text = ConfigurationLoader.DefaultText();
        foreach (var key in new[] { "bind_addr", "default_voice", "max_parallel", "default_nfe_step", "hf_cache_dir", "data_dir", "rate_limit_per_sec" })
            Assert.Contains(key + " =", text);
    }
}
