// `ishowtts profile` on the tiny golden checkpoint (CPU): the phase table, each phase's op table with the
// DiT's ops in the steps phase, the measured ceilings, and the JSON report.
using System.Text.Json;
using IShowTts.Cli.Commands;
using IShowTts.TestSupport;

namespace IShowTts.Cli.Tests;

public sealed class ProfileCommandTests
{
    [Fact]
    public void ProfilesTheTinyModelPhaseByPhase()
    {
        using var dir = new TempDirectory();
        var json = dir.File("profile.json");

        var r = CliProcess.Run("profile", "--model-dir", Golden.PathOf("f5-tiny"), "--device", "cpu", "--nfe", "2", "--json", json);

        Assert.True(r.ExitCode == 0, $"exit {r.ExitCode}\n{r.Text}\n{r.Stderr}");
        Assert.Contains("ceilings measured here: GEMM F32 1536×1536×1536", r.Text);
        Assert.Matches(@"\nsteps\s+[\d.]+ m?s\s+[\d.]+%", r.Text);
        Assert.Matches(@"\n  attention\s+F32\s+4\s", r.Text); // NFE 2 × depth 2, in the steps table
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var phases = doc.RootElement.GetProperty("phases");
        Assert.Equal(["mel", "steps", "vocoder"], phases.EnumerateArray().Select(p => p.GetProperty("phase").GetString()));
        Assert.Equal(1536, doc.RootElement.GetProperty("ceilings").GetProperty("gemm")[0].GetProperty("m").GetInt32());
    }

    [Theory]
    [InlineData(0.0, "0 %")]
    [InlineData(0.004, "0.4 %")]
    [InlineData(0.0951, "9.5 %")]
    [InlineData(0.37, "37 %")]
    [InlineData(1.65, "165 %")]
    public void SharesUnderTenPercentKeepADecimal(double share, string text) => Assert.Equal(text, ProfileCommand.Pct(share));
}
