// Every kind of mistake in a configuration file is reported with its file, line, column and key,
// and all of them together in one ConfigurationException (the CLI's exit code 2).
namespace IShowTts.Configuration.Tests;

public sealed class ValidationTests
{
    private static ConfigurationException Fail(TempConfigDirectory dir, string toml)
    {
        var path = dir.Write("ishowtts.toml", toml);
        return Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Load(path, dir.Environment(), []));
    }

    private static ConfigProblem Only(ConfigurationException e)
    {
        Assert.True(e.Problems.Count == 1, e.Message);
        return e.Problems[0];
    }

    [Fact]
    public void SyntaxErrorsGiveLineAndColumn()
    {
        using var dir = new TempConfigDirectory();
        var e = Fail(dir, "bind_addr = \"127.0.0.1:1\"\n[api]\nmax_parallel = \n");

        var p = e.Problems[0];
        Assert.Equal(3, p.Origin.Line);
        Assert.True(p.Origin.Column >= 14, p.ToString());
        Assert.EndsWith("ishowtts.toml", p.Origin.Source);
        Assert.Contains($"ishowtts.toml:3:{p.Origin.Column}", e.Message);
        Assert.Equal(2, ConfigurationException.ExitCode);
    }

    [Fact]
    public void AKeyDefinedTwiceIsASyntaxError()
    {
        using var dir = new TempConfigDirectory();
        var p = Only(Fail(dir, "[f5]\ndevice = \"cpu\"\ndevice = \"cuda\"\n"));

        Assert.Equal(3, p.Origin.Line);
        Assert.Contains("already defined", p.Message);
    }

    [Fact]
    public void UnknownKeysAndSectionsSuggestTheClosestKnownOne()
    {
        using var dir = new TempConfigDirectory();
        var e = Fail(dir, "bind_adr = \"127.0.0.1:1\"\n[f5]\ndefault_nfe_steps = 8\n[danmaku.filtre]\nmax_words = 3\n");

        Assert.Equal(3, e.Problems.Count);
        var bind = Assert.Single(e.Problems, p => p.Key == "bind_adr");
        Assert.Equal((1, 1), (bind.Origin.Line, bind.Origin.Column));
        Assert.Contains("unknown key (did you mean \"bind_addr\"?)", bind.Message);
        var nfe = Assert.Single(e.Problems, p => p.Key == "f5.default_nfe_steps");
        Assert.Equal(3, nfe.Origin.Line);
        Assert.Contains("\"default_nfe_step\"", nfe.Message);
        var section = Assert.Single(e.Problems, p => p.Key == "danmaku.filtre");
        Assert.Equal(4, section.Origin.Line);
        Assert.Contains("unknown section (did you mean \"filter\"?)", section.Message);
    }

    [Fact]
    public void WrongTypesNameTheExpectedAndTheGivenType()
    {
        using var dir = new TempConfigDirectory();
        var e = Fail(dir, "[api]\nmax_parallel = \"three\"\nallow_insecure_lan = 1\n[danmaku.filter]\nbanned_keywords = \"spam\"\n");

        Assert.Equal(3, e.Problems.Count);
        Assert.Contains(e.Problems, p => p.Origin.Line == 2 && p.Key == "api.max_parallel" && p.Message == "expected an integer, got a string");
        Assert.Contains(e.Problems, p => p.Origin.Line == 3 && p.Key == "api.allow_insecure_lan" && p.Message.Contains("expected a boolean"));
        Assert.Contains(e.Problems, p => p.Origin.Line == 5 && p.Key == "danmaku.filter.banned_keywords" && p.Message.Contains("array of strings"));
    }

    [Fact]
    public void OutOfRangeAndInvalidValuesSayWhatIsAllowed()
    {
        using var dir = new TempConfigDirectory();
        var e = Fail(dir, "bind_addr = \"localhost:70000\"\n[f5]\ndefault_nfe_step = 0\ndevice = \"gpu\"\nmodel = \"F5TTS_v2\"\n[danmaku.queue]\nrate_limit_per_sec = -1.0\n");

        Assert.Equal(5, e.Problems.Count);
        Assert.Contains(e.Problems, p => p.Origin.Line == 1 && p.Key == "bind_addr" && p.Message.Contains("1 to 65535"));
        Assert.Contains(e.Problems, p => p.Origin.Line == 3 && p.Message == "must be between 1 and 128 (got 0)");
        Assert.Contains(e.Problems, p => p.Origin.Line == 4 && p.Message.Contains("auto, cpu, cuda or cuda:N"));
        Assert.Contains(e.Problems, p => p.Origin.Line == 5 && p.Message.Contains("F5TTS_v1_Base, F5TTS_Base"));
        Assert.Contains(e.Problems, p => p.Origin.Line == 7 && p.Key == "danmaku.queue.rate_limit_per_sec");
    }

    [Fact]
    public void DuplicateVoiceIdsPointAtBothDefinitions()
    {
        using var dir = new TempConfigDirectory();
        dir.Clip("a.wav");
        var e = Fail(dir, "[[f5.voices]]\nid = \"host\"\nreference_audio = \"a.wav\"\nreference_text = \"Hi.\"\n\n" +
                          "[[f5.voices]]\nid = \"host\"\nreference_audio = \"a.wav\"\nreference_text = \"Hi again.\"\n\n" +
                          "[[espeak.voices]]\nid = \"host\"\n");

        Assert.Equal(2, e.Problems.Count);
        Assert.All(e.Problems, p => Assert.Contains("duplicate voice id \"host\" (first defined at", p.Message));
        Assert.Equal([7, 12], e.Problems.Select(p => p.Origin.Line));
        Assert.Contains("ishowtts.toml:2:1", e.Problems[0].Message);
        Assert.Equal("f5.voices[1].id", e.Problems[0].Key);
    }

    [Fact]
    public void VoicesNeedAnIdAudioAndText()
    {
        using var dir = new TempConfigDirectory();
        var e = Fail(dir, "[[f5.voices]]\nreference_audio = \"a.wav\"\nreference_text = \"  \"\nlanguage = \"fr-FR\"\n");

        Assert.Equal(3, e.Problems.Count);
        Assert.Contains(e.Problems, p => p.Key == "f5.voices[0].id" && p.Message == "is required");
        Assert.Contains(e.Problems, p => p.Key == "f5.voices[0].reference_text" && p.Origin.Line == 3 && p.Message == "must not be empty");
        Assert.Contains(e.Problems, p => p.Key == "f5.voices[0].language" && p.Origin.Line == 4 && p.Message.Contains("en-US, zh-CN"));
    }

    [Fact]
    public void AnUnknownDefaultVoiceIsAnError()
    {
        using var dir = new TempConfigDirectory();
        var p = Only(Fail(dir, "\ndefault_voice = \"espeak-eng\"\n"));

        Assert.Equal(2, p.Origin.Line);
        Assert.Contains("no voice with id \"espeak-eng\"", p.Message);
        Assert.Contains("did you mean \"espeak-en\"", p.Message);
    }

    [Fact]
    public void AMissingFileIsAProblem()
    {
        using var dir = new TempConfigDirectory();
        var path = Path.Combine(dir.Root, "nope.toml");

        var e = Assert.Throws<ConfigurationException>(() => ConfigurationLoader.Load(path, dir.Environment(), []));

        Assert.Equal($"invalid configuration (1 problem):\n  {path}: configuration file not found", e.Message);
    }

    [Fact]
    public void EveryProblemOfEveryLayerIsReportedTogether()
    {
        using var dir = new TempConfigDirectory();
        dir.Write("danmaku_gateway.toml", "[queue]\ncapacity = = 3\n");
        var path = dir.Write("ishowtts.toml", "[api\n");

        var e = Assert.Throws<ConfigurationException>(() =>
            ConfigurationLoader.Load(path, dir.Environment(("ISHOWTTS_F5__X__", "1")), ["nokey"]));

        Assert.Contains(e.Problems, p => p.Origin.Source.EndsWith("danmaku_gateway.toml") && p.Origin.Line == 2);
        Assert.Contains(e.Problems, p => p.Origin.Source == path && p.Origin.Line == 1);
        Assert.Contains(e.Problems, p => p.Origin.Source == "environment variable ISHOWTTS_F5__X__");
        Assert.Contains(e.Problems, p => p.Origin.Source == "--set nokey");
        Assert.StartsWith($"invalid configuration ({e.Problems.Count} problems):", e.Message);
    }

    [Fact]
    public void ExplicitModelFilesThatDoNotExistAreWarningsNotErrors()
    {
        using var dir = new TempConfigDirectory();
        var path = dir.Write("ishowtts.toml", "[f5]\nckpt_file = \"ckpt/model_1250000.safetensors\"\n");

        var (config, warnings) = ConfigurationLoader.Load(path, dir.Environment(), []);

        Assert.Equal(Path.Combine(dir.Root, "ckpt", "model_1250000.safetensors"), config.F5.CheckpointFile);
        var w = Assert.Single(warnings);
        Assert.Equal((2, "f5.ckpt_file"), (w.Origin.Line, w.Key));
    }

    [Fact]
    public void ApiKeysAreCheckedForDuplicatesAndScopes()
    {
        using var dir = new TempConfigDirectory();
        var e = Fail(dir, "[[api.keys]]\nname = \"a\"\nkey = \"secret-1\"\n[[api.keys]]\nkey = \"secret-1\"\nscopes = []\n");

        Assert.Equal(2, e.Problems.Count);
        Assert.Contains(e.Problems, p => p.Key == "api.keys[1].key" && p.Message.Contains("already configured at") && p.Origin.Line == 5);
        Assert.Contains(e.Problems, p => p.Key == "api.keys[1].scopes" && p.Origin.Line == 6);
    }
}
