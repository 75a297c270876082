// A WebSocket player as the original's page was: connects to /api/danmaku/stream, reads frames — binary
// (u32 LE header length, JSON header, WAV) or control texts — and acknowledges what it "played".
using System.Buffers.Binary;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace IShowTts.Server.Tests.Danmaku;

internal sealed class WsPlayer : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();

    private WsPlayer() { }

    public static async Task<WsPlayer> ConnectAsync(TestServer server, string query = "")
    {
        var player = new WsPlayer();
        var uri = new Uri(server.BaseAddress.ToString().Replace("http://", "ws://") + "api/danmaku/stream" + query);
        await player._socket.ConnectAsync(uri, CancellationToken.None);
        return player;
    }

    public WebSocketState State => _socket.State;

    /// <summary>The next frame: Header and Wav for a clip, or Control for a text frame; fails after <paramref name="seconds"/>.</summary>
    public async Task<Frame> NextAsync(double seconds = 30)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var buffer = new byte[64 * 1024];
        var message = new MemoryStream();
        WebSocketReceiveResult result;
        try
        {
            do
            {
                result = await _socket.ReceiveAsync(buffer, timeout.Token);
                if (result.MessageType == WebSocketMessageType.Close) throw new InvalidOperationException("the server closed the player");
                message.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no frame within {seconds} s");
        }
        var bytes = message.ToArray();
        if (result.MessageType == WebSocketMessageType.Text)
            return new Frame(null, null, JsonDocument.Parse(bytes).RootElement.Clone(), bytes);
        int length = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes);
        var header = JsonDocument.Parse(bytes.AsMemory(4, length)).RootElement.Clone();
        return new Frame(header, bytes[(4 + length)..], null, bytes);
    }

    /// <summary>The next clip frame, skipping control frames.</summary>
    public async Task<Frame> NextClipAsync(double seconds = 30)
    {
        while (true)
        {
            var frame = await NextAsync(seconds);
            if (frame.Header is not null) return frame;
        }
    }

    /// <summary>True when nothing arrives within <paramref name="seconds"/> (a timed-out receive aborts the socket: call it last).</summary>
    public async Task<bool> QuietForAsync(double seconds)
    {
        try
        {
            await NextAsync(seconds);
            return false;
        }
        catch (TimeoutException)
        {
            return true;
        }
    }

    public Task AckAsync(long id) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes($$"""{"type":"ack","id":{{id}}}"""), WebSocketMessageType.Text, true, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // the server went first
            }
        }
        _socket.Dispose();
    }

    public sealed record Frame(JsonElement? Header, byte[]? Wav, JsonElement? Control, byte[] Raw)
    {
        public long Id => Header!.Value.GetProperty("id").GetInt64();
        public string DisplayText => Header!.Value.GetProperty("display_text").GetString()!;
    }
}
