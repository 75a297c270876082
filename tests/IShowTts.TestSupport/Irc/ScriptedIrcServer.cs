// A local server that speaks Twitch's IRC dialect under the test's control, over plain TCP or over a
// WebSocket (hand-made HTTP upgrade, then System.Net.WebSockets as the server side). The test accepts
// each connection and reads what the client sent and writes what Twitch would.
using System.Net;
using System.Net.Sockets;

namespace IShowTts.TestSupport.Irc;

public sealed class ScriptedIrcServer : IAsyncDisposable
{
    /// <summary>How long a read or an accept waits before it fails (generous: CI machines are slow).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly bool _webSocket;
    private readonly List<ScriptedIrcConnection> _connections = [];

    public ScriptedIrcServer(bool webSocket = false)
    {
        _webSocket = webSocket;
        _listener.Start();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The server address for TwitchSettings.Server (a ws:// URL for the WebSocket flavour).</summary>
    public string Server => _webSocket ? $"ws://127.0.0.1:{Port}/" : "127.0.0.1";

    public async Task<ScriptedIrcConnection> AcceptAsync(TimeSpan? timeout = null)
    {
        using var limit = new CancellationTokenSource(timeout ?? ScriptedIrcServer.DefaultTimeout);
        TcpClient tcp;
        try { tcp = await _listener.AcceptTcpClientAsync(limit.Token); }
        catch (OperationCanceledException) { throw new TimeoutException("the client did not connect to the scripted server"); }
        var connection = await ScriptedIrcConnection.OpenAsync(tcp, _webSocket);
        lock (_connections) _connections.Add(connection);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        List<ScriptedIrcConnection> all;
        lock (_connections) all = [.. _connections];
        foreach (var connection in all) await connection.DisposeAsync();
    }
}
