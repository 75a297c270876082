// A minimal human-style IRC client (no Twitch capabilities) used to talk in a channel on ngircd:
// registers, joins, says things. Every read has a timeout.
using System.Net.Sockets;
using System.Text;

namespace IShowTts.TestSupport.Irc;

public sealed class PlainIrcClient : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly StreamReader _reader;
    private readonly StreamWriter _writer;

    private PlainIrcClient(TcpClient tcp)
    {
        _tcp = tcp;
        var stream = tcp.GetStream();
        _reader = new StreamReader(stream, new UTF8Encoding(false));
        _writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
    }

    public static async Task<PlainIrcClient> ConnectAsync(int port, string nick, string channel)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", port);
        var client = new PlainIrcClient(tcp);
        await client._writer.WriteLineAsync($"NICK {nick}");
        await client._writer.WriteLineAsync($"USER {nick} 0 * :{nick}");
        await client.WaitForAsync(l => l.Contains(" 001 "), "the welcome");
        await client._writer.WriteLineAsync($"JOIN #{channel}");
        await client.WaitForAsync(l => l.Contains(" 366 "), "the end of the channel's names list");
        return client;
    }

    public Task SayAsync(string channel, string text) => _writer.WriteLineAsync($"PRIVMSG #{channel} :{text}");

    private async Task WaitForAsync(Func<string, bool> match, string what)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await _reader.ReadLineAsync(limit.Token) is { } line)
        {
            if (line.StartsWith("PING", StringComparison.Ordinal)) await _writer.WriteLineAsync("PONG" + line[4..]);
            if (match(line)) return;
        }
        throw new IOException($"the IRC server closed the connection before {what}");
    }

    public async ValueTask DisposeAsync()
    {
        try { await _writer.WriteLineAsync("QUIT :bye"); }
        catch (IOException) { }
        _tcp.Dispose();
    }
}
