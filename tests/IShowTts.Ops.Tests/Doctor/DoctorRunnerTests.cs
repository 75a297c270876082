// doctor end to end on this machine: a valid or broken configuration, the model not downloaded, a voice
// that does not decode, the port, the disk, and the GPU checks skipped with the reason where there is no
// NVIDIA driver (reported, not skipped, where there is one).
using System.Net;
using System.Net.Sockets;
using IShowTts.Engine.Backends.Cuda;
using IShowTts.Ops.Doctor;
using IShowTts.Ops.Nvml;
using IShowTts.TestSupport;

namespace IShowTts.Ops.Tests.Doctor;

public sealed class DoctorRunnerTests
{
    internal static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    private static DoctorCheck Check(DoctorReport r, string name) => Assert.Single(r.Checks, c => c.Name == name);

    [Fact]
    public void AFreshInstallationHasWarningsButNoProblems()
    {
        using var dir = new TempDirectory();
        var file = DoctorConfig.Write(dir, $"127.0.0.1:{FreePort()}");
        var seen = new List<DoctorCheck>();

        var report = DoctorRunner.Run(new DoctorOptions(DoctorConfig.Loader(dir, file), Cuda: false), seen.Add);

        Assert.Equal(report.Checks, seen); // every finding is reported as it is made, in order
        var config = Check(report, "configuration");
        Assert.Equal(CheckStatus.Ok, config.Status);
        Assert.Contains(file, config.Detail);
        var model = Check(report, "model files");
        Assert.Equal(CheckStatus.Warning, model.Status);
        Assert.Contains("model_1250000.safetensors", model.Detail);
        Assert.StartsWith("ishowtts download", model.Fix);
        Assert.Equal(CheckStatus.Ok, Check(report, "port").Status);
        Assert.Contains("logical cores", Check(report, "CPU backend").Detail);
        Assert.Contains("GiB free", Check(report, "disk space (data)").Detail);
        Assert.Equal(0, report.Problems);
        Assert.Equal(0, report.ExitCode());
    }

    [Fact]
    public void AnInvalidConfigurationIsAProblemAndTheChecksNeedingItAreSkipped()
    {
        using var dir = new TempDirectory();
        var file = DoctorConfig.WriteText(dir, "bind_addr = 5\n[f5]\ndevise = \"cpu\"\n");

        var report = DoctorRunner.Run(new DoctorOptions(DoctorConfig.Loader(dir, file), Cuda: false));

        var config = Check(report, "configuration");
        Assert.Equal(CheckStatus.Failed, config.Status);
        Assert.Contains("ishowtts.toml:1", config.Detail);
        Assert.Contains("devise", config.Detail);
        foreach (var name in new[] { "model files", "voices", "port" })
        {
            var skipped = Check(report, name);
            Assert.Equal(CheckStatus.Skipped, skipped.Status);
            Assert.Equal("the configuration is not valid", skipped.Detail);
        }
        Assert.Equal(DoctorReport.ProblemsExitCode, report.ExitCode());
    }

    [Fact]
    public void ABusyPortIsAProblemWithTheCommandThatFindsItsOwner()
    {
        using var dir = new TempDirectory();
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        int port = ((IPEndPoint)busy.LocalEndpoint).Port;
        var file = DoctorConfig.Write(dir, $"127.0.0.1:{port}");

        var report = DoctorRunner.Run(new DoctorOptions(DoctorConfig.Loader(dir, file), Cuda: false));

        var check = Check(report, "port");
        Assert.Equal(CheckStatus.Failed, check.Status);
        Assert.Contains("used by another program", check.Detail);
        Assert.Contains($"sport = :{port}", check.Fix);
        Assert.Equal(5, report.ExitCode());
    }

    [Fact]
    public void EachVoiceIsDecodedAndAnUnreadableOneIsAProblem()
    {
        using var dir = new TempDirectory();
        var bad = dir.File("bad.wav");
        File.WriteAllText(bad, "this is text pretending to be a wav file");
        var good = Golden.PathOf("audio/short_16k_quiet.wav");
        var file = DoctorConfig.WriteText(dir, $"""
            bind_addr = "127.0.0.1:{FreePort()}"
            [f5]
            model_dir = "{dir.File("models")}"
            [[f5.voices]]
            id = "streamer"
            reference_audio = "{good}"
            reference_text = "The transcript of the clip."
            [[f5.voices]]
            id = "broken"
            reference_audio = "{bad}"
            reference_text = "Whatever."
            [paths]
            data_dir = "{dir.File("data")}"
            """);

        var report = DoctorRunner.Run(new DoctorOptions(DoctorConfig.Loader(dir, file), Cuda: false));

        var streamer = Check(report, "voice streamer");
        Assert.Equal(CheckStatus.Ok, streamer.Status);
        Assert.Contains("4.3 s, 16000 Hz", streamer.Detail);
        var broken = Check(report, "voice broken");
        Assert.Equal(CheckStatus.Failed, broken.Status);
        Assert.Contains("WAV, MP3, FLAC, Ogg", broken.Fix);
        Assert.Equal(5, report.ExitCode());
    }

    [Fact]
    public void GpuChecksSayWhyTheyAreSkippedWithoutAnNvidiaDriver()
    {
        var nvml = GpuChecks.Run();
        var cuda = CudaChecks.Run();

        if (NvmlSession.TryOpen(out var session, out var reason))
        {
            // A GPU machine: the checks report the GPU instead of skipping.
            session!.Dispose();
            Assert.DoesNotContain(nvml, c => c.Status == CheckStatus.Skipped && c.Name == "NVIDIA GPU");
            Assert.Contains(nvml, c => c.Name.EndsWith("clocks", StringComparison.Ordinal));
            return;
        }
        var skipped = Assert.Single(nvml);
        Assert.Equal(CheckStatus.Skipped, skipped.Status);
        Assert.Equal("gpu", skipped.Area);
        Assert.Contains(reason, skipped.Detail);
        Assert.Contains("libnvidia-ml.so.1", skipped.Detail);
        Assert.Contains("the CPU backend is used", skipped.Detail);
        if (CudaDevices.Count(out var why) == 0 && why.Contains("libcuda", StringComparison.Ordinal))
        {
            Assert.Equal(CheckStatus.Skipped, cuda.Status);
            Assert.Contains("libcuda.so.1", cuda.Detail);
        }
    }

    [Fact]
    public void NotAJetsonIsSkippedWithTheReason()
    {
        using var root = new TempDirectory();
        var check = Assert.Single(JetsonChecks.Run(root.Path));
        Assert.Equal(CheckStatus.Skipped, check.Status);
        Assert.Contains("/etc/nv_tegra_release absent", check.Detail);
    }
}
