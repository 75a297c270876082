// A Jetson's power state from copies of its files under a temp root: the nvpmodel mode and its name, MAXN's
// id, the GPU's devfreq clocks, and doctor's advice (`nvpmodel -m`, `jetson_clocks`).
using IShowTts.Ops.Doctor;
using IShowTts.Ops.Machine;

namespace IShowTts.Ops.Tests.Machine;

public sealed class JetsonStateTests
{
    private static void Put(TempDirectory root, string path, string text)
    {
        var full = Path.Combine(root.Path, path.TrimStart('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    private static TempDirectory Orin(int mode, long cur, long max)
    {
        var root = new TempDirectory("ishowtts-jetson-");
        Put(root, JetsonState.ReleaseFile, "# R36 (release), REVISION: 3.0\n");
        Put(root, "/proc/device-tree/model", "NVIDIA Jetson AGX Orin Developer Kit\0");
        Put(root, "/var/lib/nvpmodel/status", $"pmode:{mode:D4} fmode:quiet\n");
        Put(root, "/etc/nvpmodel.conf", "< POWER_MODEL ID=0 NAME=MAXN >\nCPU_ONLINE CORE_0 1\n< POWER_MODEL ID=1 NAME=MODE_15W >\n< POWER_MODEL ID=2 NAME=MODE_30W >\n");
        Put(root, "/sys/class/devfreq/17000000.gpu/cur_freq", $"{cur}\n");
        Put(root, "/sys/class/devfreq/17000000.gpu/max_freq", $"{max}\n");
        return root;
    }

    [Fact]
    public void ReadsTheModeAndClocks()
    {
        using var root = Orin(2, 612_000_000, 1_300_500_000);

        var s = JetsonState.Read(root.Path);

        Assert.True(JetsonState.IsJetson(root.Path));
        Assert.Equal(new JetsonState("NVIDIA Jetson AGX Orin Developer Kit", 2, "MODE_30W", 0, 612_000_000, 1_300_500_000), s);
    }

    [Fact]
    public void NotMaxnAndUnlockedClocksWarnWithTheCommands()
    {
        using var root = Orin(2, 612_000_000, 1_300_500_000);

        var checks = JetsonChecks.Run(root.Path);

        Assert.Equal([CheckStatus.Warning, CheckStatus.Warning], checks.Select(c => c.Status));
        Assert.Equal("sudo nvpmodel -m 0", checks[0].Fix);
        Assert.Contains("mode 2 (MODE_30W), not MAXN", checks[0].Detail);
        Assert.Equal("sudo jetson_clocks", checks[1].Fix);
        Assert.Contains("612 of 1300 MHz", checks[1].Detail);
    }

    [Fact]
    public void MaxnWithLockedClocksIsFine()
    {
        using var root = Orin(0, 1_300_500_000, 1_300_500_000);
        Assert.All(JetsonChecks.Run(root.Path), c => Assert.Equal(CheckStatus.Ok, c.Status));
    }

    [Theory]
    [InlineData("pmode:0002 fmode:quiet", 2)]
    [InlineData("pmode:0000", 0)]
    [InlineData("garbage", null)]
    [InlineData(null, null)]
    public void ParsesTheNvpmodelStatus(string? status, int? mode) => Assert.Equal(mode, JetsonState.ParseMode(status));
}
