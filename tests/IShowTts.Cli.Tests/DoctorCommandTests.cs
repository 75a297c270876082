// `ishowtts doctor` as an operator's cron runs it: on a fresh machine it exits 0 with the warnings and the
// GPU checks skipped with the reason; a problem (busy port, broken configuration) exits 5; --strict makes
// warnings exit 4; --json writes the findings.
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace IShowTts.Cli.Tests;

public sealed class DoctorCommandTests
{
    private static bool HasNvidiaDriver =>
        new[] { "/usr/lib/x86_64-linux-gnu/libnvidia-ml.so.1", "/usr/lib/aarch64-linux-gnu/libnvidia-ml.so.1", "/usr/lib64/libnvidia-ml.so.1" }.Any(File.Exists);

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    [Fact]
    public void OnAFreshMachineItExplainsAndExitsZero()
    {
        var r = CliProcess.RunIsolated("doctor", "--set", $"bind_addr=127.0.0.1:{FreePort()}");

        Assert.True(r.ExitCode == 0, $"exit {r.ExitCode}\n{r.Text}\n{r.Stderr}");
        Assert.Contains("[ ok ] config  configuration: valid: built-in defaults", r.Text);
        Assert.Matches(@"\[warn\] model   model files: F5TTS_v1_Base is not in .*ishowtts/models/F5TTS_v1_Base", r.Text);
        Assert.Contains("→ ishowtts download", r.Text);
        Assert.Contains("[ ok ] server  port:", r.Text);
        Assert.Matches(@"\[ ok \] disk    disk space \(data\): .* GiB free on /", r.Text);
        Assert.Matches(@"checks: \d+ ok, [1-9]\d* warnings, 0 problems, \d+ skipped \(exit 0\)", r.Text);
        if (!HasNvidiaDriver)
        {
            Assert.Contains("[skip] gpu     NVIDIA GPU: libnvidia-ml.so.1 (the NVIDIA driver's management library) was not found", r.Text);
            Assert.Matches(@"\[skip\] gpu     CUDA libraries: .*libcuda\.so\.1", r.Text);
        }
    }

    [Fact]
    public void StrictMakesWarningsFail()
    {
        var r = CliProcess.RunIsolated("doctor", "--strict", "--no-cuda", "--set", $"bind_addr=127.0.0.1:{FreePort()}");

        Assert.True(r.ExitCode == 4, $"exit {r.ExitCode}\n{r.Text}\n{r.Stderr}"); // the model is not downloaded: a warning
        Assert.Contains("(exit 4)", r.Text);
    }

    [Fact]
    public void ABusyPortIsAProblemAndExitsFive()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        int port = ((IPEndPoint)busy.LocalEndpoint).Port;

        var r = CliProcess.RunIsolated("doctor", "--no-cuda", "--set", $"bind_addr=127.0.0.1:{port}");

        Assert.True(r.ExitCode == 5, $"exit {r.ExitCode}\n{r.Text}\n{r.Stderr}");
        Assert.Contains($"[FAIL] server  port: 127.0.0.1:{port} is used by another program", r.Text);
        Assert.Contains($"→ find it with `ss -ltnp 'sport = :{port}'`", r.Text);
    }

    [Fact]
    public void ABrokenConfigurationIsAFindingNotAUsageError()
    {
        using var dir = new TempDirectory();
        var file = dir.File("ishowtts.toml");
        File.WriteAllText(file, "bind_addr = 5\n[f5]\ndevise = \"cpu\"\n");

        var r = CliProcess.RunIsolated("doctor", "--no-cuda", "--config", file);

        Assert.True(r.ExitCode == 5, $"exit {r.ExitCode}\n{r.Text}\n{r.Stderr}");
        Assert.Contains("[FAIL] config  configuration:", r.Text);
        Assert.Contains("devise", r.Text);
        Assert.Contains("[skip] model   model files: the configuration is not valid", r.Text);
    }

    [Fact]
    public void JsonHasEveryFindingAndTheCounts()
    {
        using var dir = new TempDirectory();
        var json = dir.File("doctor.json");

        var r = CliProcess.RunIsolated("doctor", "--no-cuda", "--no-checksums", "--json", json, "--set", $"bind_addr=127.0.0.1:{FreePort()}");

        Assert.True(r.ExitCode == 0, r.Text + r.Stderr);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var checks = doc.RootElement.GetProperty("checks");
        Assert.Equal(0, doc.RootElement.GetProperty("problems").GetInt32());
        Assert.Contains(checks.EnumerateArray(), c => c.GetProperty("name").GetString() == "model files" && c.GetProperty("status").GetString() == "warning");
        Assert.All(checks.EnumerateArray(), c => Assert.False(string.IsNullOrEmpty(c.GetProperty("detail").GetString())));
    }
}
