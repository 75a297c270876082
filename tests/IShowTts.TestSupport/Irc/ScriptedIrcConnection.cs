// One client connection to the ScriptedIrcServer: read the client's lines (each read bounded), send
// Twitch lines, or run the usual registration (CAP ACK, 001, JOIN echoes) in one call.
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;

namespace IShowTts.TestSupport.Irc;

public sealed class ScriptedIrcConnection : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly StreamReader? _reader;
    private readonly Stream _stream;
    private readonly WebSocket? _socket;
    private readonly Queue<string> _pending = new();
    private readonly List<string> _received = [];

    private ScriptedIrcConnection(TcpClient tcp, Stream stream, StreamReader? reader, WebSocket? socket)
    {
        _tcp = tcp;
        _stream = stream;
        _reader = reader;
        _socket = socket;
    }

    public IReadOnlyList<string> Received
    {
        get { lock (_received) return [.. _received]; }
    }

    public static async Task<ScriptedIrcConnection> OpenAsync(TcpClient tcp, bool webSocket)
    {
        var stream = tcp.GetStream();
        if (!webSocket)
            return new ScriptedIrcConnection(tcp, stream, new StreamReader(stream, new UTF8Encoding(false)), null);

        // The HTTP upgrade by hand (RFC 6455 §4.2), then the framework's server-side WebSocket.
        var reader = new StreamReader(stream, Encoding.ASCII, false, 1, leaveOpen: true);
        string? key = null;
        using var limit = new CancellationTokenSource(ScriptedIrcServer.DefaultTimeout);
        while (await reader.ReadLineAsync(limit.Token) is { Length: > 0 } header)
            if (header.StartsWith("Sec-WebSocket-Key:", StringComparison.OrdinalIgnoreCase)) key = header[18..].Trim();
        var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {accept}\r\n\r\n"));
        var socket = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = true });
        return new ScriptedIrcConnection(tcp, stream, null, socket);
    }

    /// <summary>The next line from the client; null when it closed the connection.</summary>
    public async Task<string?> ReadLineAsync(TimeSpan? timeout = null)
    {
        using var limit = new CancellationTokenSource(timeout ?? ScriptedIrcServer.DefaultTimeout);
        try
        {
            string? line;
            if (_socket is null)
            {
                line = await _reader!.ReadLineAsync(limit.Token);
            }
            else
            {
                while (_pending.Count == 0)
                {
                    var buffer = new byte[8192];
                    var result = await _socket.ReceiveAsync(buffer, limit.Token);
                    if (result.MessageType == WebSocketMessageType.Close) return null;
                    foreach (var part in Encoding.UTF8.GetString(buffer, 0, result.Count).Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
                        _pending.Enqueue(part);
                }
                line = _pending.Dequeue();
            }
            if (line is not null) lock (_received) _received.Add(line);
            return line;
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the client sent nothing more; it sent:{Environment.NewLine}{string.Join(Environment.NewLine, Received)}");
        }
        catch (Exception e) when (e is IOException or WebSocketException)
        {
            return null;
        }
    }

    /// <summary>Reads until a line matches; fails with everything received when none does in time.</summary>
    public async Task<string> ExpectAsync(Func<string, bool> match, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? ScriptedIrcServer.DefaultTimeout);
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) break;
            string? line;
            try { line = await ReadLineAsync(left); }
            catch (TimeoutException) { break; }
            if (line is null) throw new IOException($"the client closed the connection before {what}");
            if (match(line)) return line;
        }
        throw new TimeoutException($"the client never sent {what}; it sent:{Environment.NewLine}{string.Join(Environment.NewLine, Received)}");
    }

    /// <summary>Sends lines as Twitch does: over TCP one per CRLF, over a WebSocket all in one message.</summary>
    public async Task SendAsync(params string[] lines)
    {
        if (_socket is null)
        {
            await _stream.WriteAsync(Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\r\n"))));
            await _stream.FlushAsync();
        }
        else
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n"), WebSocketMessageType.Text, true, CancellationToken.None);
        }
    }

    /// <summary>Answers registration like Twitch: CAP ACK, the welcome numerics, then echoes the JOINs it is sent.</summary>
    public async Task<string> RegisterAsync(int expectedChannels = 1)
    {
        var nickLine = Received.LastOrDefault(l => l.StartsWith("NICK ", StringComparison.Ordinal))
            ?? await ExpectAsync(l => l.StartsWith("NICK ", StringComparison.Ordinal), "NICK");
        var nick = nickLine[5..];
        await SendAsync(":tmi.twitch.tv CAP * ACK :twitch.tv/tags twitch.tv/commands",
            $":tmi.twitch.tv 001 {nick} :Welcome, GLHF!", $":tmi.twitch.tv 376 {nick} :>");
        var joined = 0;
        while (joined < expectedChannels)
        {
            var join = await ExpectAsync(l => l.StartsWith("JOIN ", StringComparison.Ordinal), "JOIN");
            foreach (var channel in join[5..].Split(','))
            {
                await SendAsync($":{nick}!{nick}@{nick}.tmi.twitch.tv JOIN {channel}");
                joined++;
            }
        }
        return nick;
    }

    public async ValueTask DisposeAsync()
    {
        _socket?.Abort();
        _socket?.Dispose();
        _reader?.Dispose();
        _tcp.Dispose();
        await Task.CompletedTask;
    }
}
