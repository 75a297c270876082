// Environment variables and --set override the file, in the documented order
// (defaults < file < environment < command line), converted to each key's type.
namespace IShowTts.Configuration.Tests;

public sealed class OverrideTests
{
    [Fact]
    public void EnvironmentVariablesSetSectionKeysAndTopLevelKeys()
    {
        using var dir = new TempConfigDirectory();
        var env = dir.Environment(("ISHOWTTS_F5__DEVICE", "cpu"), ("ISHOWTTS_BIND_ADDR", "0.0.0.0:8080"),
            ("ISHOWTTS_DANMAKU__QUEUE__CAPACITY", "100"), ("ISHOWTTS_DANMAKU__TWITCH__CHANNELS", "#Alpha, beta"),
            ("ISHOWTTS_API__ALLOW_INSECURE_LAN", "yes"), ("ISHOWTTS_DANMAKU__FILTER__BANNED_KEYWORDS", "[\"a,b\", \"c\"]"));

        var (config, warnings) = ConfigurationLoader.Load(null, env, []);

        Assert.Empty(warnings);
        Assert.Equal("cpu", config.F5.Device);
        Assert.Equal("0.0.0.0:8080", config.BindAddress);
        Assert.Equal(100, config.Danmaku.Queue.Capacity);
        Assert.Equal(["alpha", "beta"], config.Danmaku.Twitch.Channels);
        Assert.True(config.Api.AllowInsecureLan);
        Assert.Equal(["a,b", "c"], config.Danmaku.Filter.BannedKeywords);
        Assert.Equal("environment variable ISHOWTTS_F5__DEVICE", config.Origins["f5.device"].Source);
    }

    [Fact]
    public void CommandLineBeatsEnvironmentWhichBeatsTheFile()
    {
        using var dir = new TempConfigDirectory();
        var path = dir.Write("ishowtts.toml", "[f5]\ndevice = \"cuda\"\ndefault_nfe_step = 16\n[api]\nmax_parallel = 2\n");
        var env = dir.Environment(("ISHOWTTS_F5__DEVICE", "cpu"), ("ISHOWTTS_F5__DEFAULT_NFE_STEP", "32"));

        var config = ConfigurationLoader.Load(path, env, ["f5.default_nfe_step=8"]).Config;

        Assert.Equal("cpu", config.F5.Device);
        Assert.Equal(8, config.F5.DefaultNfeStep);
        Assert.Equal(2, config.Api.MaxParallel);
        Assert.Equal("--set f5.default_nfe_step=8", config.Origins["f5.default_nfe_step"].Source);
        Assert.Equal(path, config.Origins["api.max_parallel"].Source);
        Assert.Equal(5, config.Origins["api.max_parallel"].Line);
    }

    [Fact]
    public void SetAcceptsQuotedStringsAndTomlArrays()
    {
        using var dir = new TempConfigDirectory();
        var config = ConfigurationLoader.Load(null, dir.Environment(),
            ["danmaku.tts.message_template=\"{user}: {message}\"", "api.cors_origins=[\"https://a.example\", \"http://b.example:8080\"]"]).Config;

        Assert.Equal("{user}: {message}", config.Danmaku.Tts.MessageTemplate);
        Assert.Equal(["https://a.example", "http://b.example:8080"], config.Api.CorsOrigins);
    }

    [Fact]
    public void IshowttsConfigNamesTheFileAndOtherIshowttsVariablesAreLeftAlone()
    {
        using var dir = new TempConfigDirectory();
        var path = dir.Write("elsewhere/my.toml", "default_voice = \"espeak-zh\"\n");
        var env = dir.Environment(("ISHOWTTS_CONFIG", path), ("ISHOWTTS_GOLDEN_DIR", "/somewhere"));

        var (config, warnings) = ConfigurationLoader.Load(null, env, []);

        Assert.Equal(path, config.SourceFile);
        Assert.Equal("espeak-zh", config.DefaultVoice);
        Assert.Empty(warnings);
    }

    [Fact]
    public void AMisspelledVariableIsAnErrorNamingTheVariableAndTheLikelyKey()
    {
        using var dir = new TempConfigDirectory();
        var env = dir.Environment(("ISHOWTTS_F5__DEVIC", "cpu"));

        var e = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Load(null, env, []));

        var problem = Assert.Single(e.Problems);
        Assert.Equal("environment variable ISHOWTTS_F5__DEVIC", problem.Origin.Source);
        Assert.Equal("f5.devic", problem.Key);
        Assert.Contains("did you mean \"device\"", problem.Message);
    }

    [Fact]
    public void BadOverridesAreErrorsThatQuoteTheArgument()
    {
        using var dir = new TempConfigDirectory();

        var e = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Load(null, dir.Environment(),
            ["f5.device", "f5.default_nfe_step=many", "api.max_parallel=0", "f5.voices=x"]));

        Assert.Equal(4, e.Problems.Count);
        Assert.Contains(e.Problems, p => p.Origin.Source == "--set f5.device" && p.Message.Contains("KEY=VALUE"));
        Assert.Contains(e.Problems, p => p.Key == "f5.default_nfe_step" && p.Message.Contains("expected an integer, got \"many\""));
        Assert.Contains(e.Problems, p => p.Key == "api.max_parallel" && p.Message.Contains("between 1 and 256"));
        Assert.Contains(e.Problems, p => p.Key == "f5.voices" && p.Message.Contains("list of tables"));
    }

    [Fact]
    public void ConfigurationArgumentsAreTakenOutOfTheCommandLine()
    {
        var parsed = ConfigurationArguments.Parse(["serve", "--config", "a.toml", "--set", "f5.device=cpu", "--set=api.max_parallel=4", "--warmup"]);

        Assert.Equal("a.toml", parsed.ConfigPath);
        Assert.Equal(["f5.device=cpu", "api.max_parallel=4"], parsed.Overrides);
        Assert.Equal(["serve", "--warmup"], parsed.Remaining);
        Assert.Throws<ArgumentException>(() => ConfigurationArguments.Parse(["--set"]));
        Assert.Throws<ArgumentException>(() => ConfigurationArguments.Parse(["--config=a", "--config", "b"]));
    }
}
