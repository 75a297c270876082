// `ishowtts serve` as a user starts it on a fresh machine: no configuration, no weights, no network.
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace IShowTts.Cli.Tests;

public sealed class ServeCommandTests
{
    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    [Fact]
    public async Task FreshMachineServesWithEspeakAndSaysWhyF5IsNotReady()
    {
        var home = Directory.CreateTempSubdirectory("ishowtts-home-").FullName;
        int port = FreePort();
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "ishowtts.dll"), "serve", "--set", $"bind_addr=127.0.0.1:{port}" })
            psi.ArgumentList.Add(a);
        psi.Environment["HOME"] = home;
        psi.Environment["XDG_CONFIG_HOME"] = Path.Combine(home, ".config");
        psi.Environment["XDG_DATA_HOME"] = Path.Combine(home, ".local/share");
        psi.Environment["XDG_CACHE_HOME"] = Path.Combine(home, ".cache");
        psi.Environment["HF_HUB_OFFLINE"] = "1";
        using var server = Process.Start(psi)!;
        _ = server.StandardOutput.ReadToEndAsync();
        _ = server.StandardError.ReadToEndAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            string? ready = null;
            for (int i = 0; i < 120 && ready is null; i++)
            {
                try { ready = await http.GetStringAsync("/ready"); }
                catch (HttpRequestException) { await Task.Delay(250); }
            }
            Assert.NotNull(ready);
            Assert.Contains("\"f5\"", ready);
            Assert.Contains("ishowtts download", ready);

            var tts = await http.PostAsync("/api/tts", new StringContent("{\"text\":\"Hello chat\",\"voice_id\":\"espeak-en\"}", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, tts.StatusCode);
            Assert.Contains("audio_base64", await tts.Content.ReadAsStringAsync());

            var speech = await http.PostAsync("/v1/audio/speech",
                new StringContent("{\"model\":\"tts-1\",\"input\":\"Hello chat\",\"voice\":\"espeak-en\",\"response_format\":\"wav\"}", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, speech.StatusCode);
            var wav = await speech.Content.ReadAsByteArrayAsync();
            Assert.Equal("RIFF", Encoding.ASCII.GetString(wav, 0, 4));
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            server.WaitForExit();
            Directory.Delete(home, recursive: true);
        }
    }

    [Fact]
    public void OpenBindingWithoutKeysRefusesToStartAndSaysHowToFixIt()
    {
        var r = CliProcess.RunIsolated("serve", "--set", $"bind_addr=0.0.0.0:{FreePort()}");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("ishowtts keys create", r.Stderr);
        Assert.Contains("allow_insecure_lan", r.Stderr);
    }
}
