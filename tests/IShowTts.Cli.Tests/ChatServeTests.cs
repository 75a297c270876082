// `ishowtts serve` as a streamer runs it for chat: a real server process configured by an ishowtts.toml
// with a danmaku_gateway.toml beside it (the main file winning key by key) reads a channel on a real
// IRC server (Debian's ngircd) and plays what is said there on /api/danmaku/stream with espeak, filtered
// by the merged settings. Skipped only when ngircd is not installed.
using System.Buffers.Binary;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using IShowTts.TestSupport.Irc;

namespace IShowTts.Cli.Tests;

public sealed class ChatServeTests
{
    [Fact]
    public async Task TheServeCommandReadsTheConfiguredChannelWithTheGatewayFileUnderTheMainFile()
    {
        await using var irc = NgircdServer.Create();
        await irc.StartAsync();
        var home = Directory.CreateTempSubdirectory("ishowtts-home-").FullName;
        var config = Path.Combine(home, "config");
        Directory.CreateDirectory(config);
        int port = FreePort.Next();
        File.WriteAllText(Path.Combine(config, "danmaku_gateway.toml"), """
            [queue]
            rate_limit_per_sec = 0.0
            [filter]
            max_words = 5
            banned_keywords = ["spoiler"]
            [tts]
            voice_id = "espeak-zh"
            timeout_secs = 60
            """);
        File.WriteAllText(Path.Combine(config, "ishowtts.toml"), $"""
            bind_addr = "127.0.0.1:{port}"

            [danmaku.twitch]
            enabled = true
            channels = ["lobby"]
            transport = "tcp"
            server = "127.0.0.1"
            port = {irc.Port}

            [danmaku.filter]
            max_words = 8

            [danmaku.tts]
            voice_id = "espeak-en"
            """);

        using var server = StartServe(home, Path.Combine(config, "ishowtts.toml"), out var output);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
            await UntilAsync(async () => (await http.GetAsync("api/danmaku/status")).IsSuccessStatusCode, "the server to answer", server, output);
            await UntilAsync(async () => (await http.GetStringAsync("api/danmaku/status")).Contains("\"Joined\"", StringComparison.Ordinal),
                "the server's Twitch client to join #lobby", server, output);

            var filter = JsonDocument.Parse(await http.GetStringAsync("api/danmaku/filter")).RootElement;
            Assert.Equal(8, filter.GetProperty("max_words").GetInt32());                                   // the main file wins
            Assert.Equal(["spoiler"], filter.GetProperty("banned_keywords").EnumerateArray().Select(k => k.GetString()));   // the gateway file fills in
            var voices = JsonDocument.Parse(await http.GetStringAsync("api/danmaku/voices")).RootElement;
            Assert.Equal("espeak-en", voices.GetProperty("default").GetProperty("voice_id").GetString());

            using var player = new ClientWebSocket();
            await player.ConnectAsync(new Uri($"ws://127.0.0.1:{port}/api/danmaku/stream?player=obs"), CancellationToken.None);
            await using var alice = await PlainIrcClient.ConnectAsync(irc.Port, "alice", "lobby");
            await alice.SayAsync("lobby", "no spoiler please");
            await alice.SayAsync("lobby", "one two three four five six seven eight nine ten");

            var frame = await ReceiveAsync(player, TimeSpan.FromSeconds(120));
            int length = (int)BinaryPrimitives.ReadUInt32LittleEndian(frame);
            var header = JsonDocument.Parse(frame.AsMemory(4, length)).RootElement;
            Assert.Equal(("lobby", "alice", "one two three four five six seven eight", "audio/wav"),
                (header.GetProperty("channel").GetString(), header.GetProperty("username").GetString(),
                 header.GetProperty("display_text").GetString(), header.GetProperty("format").GetString()));
            Assert.Equal("RIFF", Encoding.ASCII.GetString(frame, 4 + length, 4));
            Assert.True(frame.Length - 4 - length > 24_000, "the clip is too short to be speech");

            var status = JsonDocument.Parse(await http.GetStringAsync("api/danmaku/status")).RootElement.GetProperty("statistics");
            Assert.Equal(1, status.GetProperty("not_spoken").GetProperty("BannedKeyword").GetInt64());
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            try { Directory.Delete(home, recursive: true); }
            catch (IOException) { }
        }
    }

    private static Process StartServe(string home, string configFile, out StringBuilder output)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "ishowtts.dll"), "serve", "--config", configFile })
            psi.ArgumentList.Add(a);
        psi.Environment["HOME"] = home;
        psi.Environment["XDG_CONFIG_HOME"] = Path.Combine(home, ".config");
        psi.Environment["XDG_DATA_HOME"] = Path.Combine(home, ".local/share");
        psi.Environment["XDG_CACHE_HOME"] = Path.Combine(home, ".cache");
        psi.Environment["HF_HUB_OFFLINE"] = "1";
        var process = Process.Start(psi)!;
        var log = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        output = log;
        return process;
    }

    /// <summary>Polls <paramref name="condition"/> (a process coming up sends no event we could wait on); fails with the server's output.</summary>
    private static async Task UntilAsync(Func<Task<bool>> condition, string what, Process server, StringBuilder output)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            try
            {
                if (await condition()) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            if (server.HasExited || DateTime.UtcNow > deadline)
            {
                string log;
                lock (output) log = output.ToString();
                Assert.Fail($"timed out waiting for {what} (server {(server.HasExited ? $"exited with {server.ExitCode}" : "running")}); its output:{Environment.NewLine}{log}");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>The next binary message (a clip frame), skipping control texts.</summary>
    private static async Task<byte[]> ReceiveAsync(ClientWebSocket socket, TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, limit.Token);
                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);
            if (result.MessageType == WebSocketMessageType.Binary) return message.ToArray();
        }
    }
}
