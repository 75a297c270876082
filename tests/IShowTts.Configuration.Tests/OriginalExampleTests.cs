// The original iShowTTS's config/ishowtts.example.toml (and its danmaku_gateway.toml beside it) loads
// unchanged: our keys are its keys, its Python-only and retired parts are accepted with a warning.
namespace IShowTts.Configuration.Tests;

public sealed class OriginalExampleTests
{
    private static string PlaceOriginal(TempConfigDirectory dir, bool withGateway = true)
    {
        var path = dir.CopyFixture("original/ishowtts.example.toml", "repo/config/ishowtts.toml");
        if (withGateway) dir.CopyFixture("original/danmaku_gateway.toml", "repo/config/danmaku_gateway.toml");
        return path;
    }

    [Fact]
    public void TheOriginalExampleLoadsWithItsVoiceResolvedAgainstTheConfigFolder()
    {
        using var dir = new TempConfigDirectory();
        var path = PlaceOriginal(dir);
        var clip = dir.Clip("repo/data/voices/walter_reference.wav");

        var (config, warnings) = ConfigurationLoader.Load(path, dir.Environment(), []);

        Assert.Equal("0.0.0.0:27121", config.BindAddress);
        Assert.Equal("walter", config.DefaultVoice);
        Assert.Equal("cuda", config.F5.Device);
        Assert.Equal(Path.Combine(dir.Root, "repo", "data", "cache", "huggingface"), config.F5.HfCacheDirectory);
        var voice = Assert.Single(config.F5.Voices);
        Assert.Equal("walter", voice.Id);
        Assert.Equal(clip, voice.ReferenceAudio);
        Assert.True(voice.Preload);
        Assert.Equal("en-US", voice.Language);
        Assert.Empty(config.UnavailableVoices);
        Assert.Equal("walter", config.Danmaku.Tts.VoiceId);
        Assert.Equal(new[] { "csm", "danmaku.tts.endpoint", "f5.python_package_path", "index_tts", "shimmy" },
            warnings.Select(w => w.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void IgnoredSectionsAreWarnedAboutAtTheirLines()
    {
        using var dir = new TempConfigDirectory();
        var path = PlaceOriginal(dir);
        dir.Clip("repo/data/voices/walter_reference.wav");

        var warnings = ConfigurationLoader.Load(path, dir.Environment(), []).Warnings;

        var python = Assert.Single(warnings, w => w.Key == "f5.python_package_path");
        Assert.Equal(path, python.Origin.Source);
        Assert.Equal(LineOf(path, "python_package_path = \"../third_party/F5-TTS/src\""), python.Origin.Line);
        var index = Assert.Single(warnings, w => w.Key == "index_tts");
        Assert.Contains("IndexTTS", index.Message);
        Assert.Equal(LineOf(path, "[index_tts]"), index.Origin.Line);
    }

    [Fact]
    public void AMissingReferenceClipLeavesOnlyThatVoiceOutWithAWarning()
    {
        using var dir = new TempConfigDirectory();
        var path = PlaceOriginal(dir);

        var (config, warnings) = ConfigurationLoader.Load(path, dir.Environment(), []);

        Assert.Empty(config.F5.Voices);
        var problem = Assert.Single(config.UnavailableVoices);
        Assert.Equal("walter", problem.VoiceId);
        Assert.Contains("walter_reference.wav not found", problem.Reason);
        Assert.Equal(LineOf(path, "reference_audio = \"../data/voices/walter_reference.wav\""), problem.Origin.Line);
        Assert.Contains(warnings, w => w.Key == "f5.voices[0].reference_audio" && w.Message.Contains("left out"));
        Assert.Contains(warnings, w => w.Key == "default_voice" && w.Message.Contains("not available"));
        Assert.Equal(["espeak-en", "espeak-zh"], config.Espeak.Voices.Select(v => v.Id));
    }

    [Fact]
    public void TheGatewayFileFillsTheChatSectionsAndTheMainFileWins()
    {
        using var dir = new TempConfigDirectory();
        dir.Write("c/danmaku_gateway.toml", "[queue]\ncapacity = 100\nrate_limit_per_sec = 2.5\n[filter]\nmax_words = 20\nbanned_keywords = [\"spam\"]\n");
        var path = dir.Write("c/ishowtts.toml", "[danmaku.queue]\ncapacity = 300\n");

        var config = ConfigurationLoader.Load(path, dir.Environment(), []).Config;

        Assert.Equal(300, config.Danmaku.Queue.Capacity);
        Assert.Equal(2.5, config.Danmaku.Queue.RateLimitPerSec);
        Assert.Equal(20, config.Danmaku.Filter.MaxWords);
        Assert.Equal(["spam"], config.Danmaku.Filter.BannedKeywords);
        Assert.Equal(280, config.Danmaku.Filter.MaxChars);
        Assert.Equal(Path.Combine(dir.Root, "c", "danmaku_gateway.toml"), config.Origins["danmaku.queue.rate_limit_per_sec"].Source);
    }

    internal static int LineOf(string path, string text) =>
        Array.FindIndex(File.ReadAllLines(path), l => l.Contains(text, StringComparison.Ordinal)) + 1;
}
