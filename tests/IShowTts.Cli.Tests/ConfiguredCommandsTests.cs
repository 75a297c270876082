// The commands as they run on a fresh machine: no configuration file, no model weights, no network.
namespace IShowTts.Cli.Tests;

public sealed class ConfiguredCommandsTests
{
    [Fact]
    public void VoicesOnAFreshMachineShowsF5NotReadyAndEspeakReady()
    {
        var r = CliProcess.RunIsolated("voices");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Matches(@"f5\s+not ready", r.Stdout);
        Assert.Contains("ishowtts download", r.Stdout);
        Assert.Matches(@"espeak\s+ready", r.Stdout);
        Assert.Contains("espeak-en", r.Stdout);
        Assert.Contains("espeak-zh", r.Stdout);
    }

    [Fact]
    public void SayWithNoConfigurationSpeaksWithTheSystemVoice()
    {
        using var dir = new TempDirectory("ishowtts-say-");
        var output = dir.File("hello.wav");
        var r = CliProcess.RunIsolated("say", "Hello chat", "--out", output);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.True(new FileInfo(output).Length > 10_000);
    }

    [Fact]
    public void DownloadOfflineSaysWhichFilesToPlaceWhere()
    {
        var r = CliProcess.RunIsolated("download");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("model_1250000.safetensors", r.Stderr);
        Assert.Contains("pytorch_model.bin", r.Stderr);
    }

    [Fact]
    public void InvalidConfigurationExitsTwoWithEveryProblem()
    {
        using var dir = new TempDirectory("ishowtts-cfg-");
        var file = dir.File("ishowtts.toml");
        File.WriteAllText(file, "bind_addr = 5\n[f5]\ndevise = \"cpu\"\n");
        var r = CliProcess.RunIsolated("voices", "--config", file);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("ishowtts.toml:1", r.Stderr);
        Assert.Contains("devise", r.Stderr);
        Assert.Contains("device", r.Stderr); // did you mean
    }
}
