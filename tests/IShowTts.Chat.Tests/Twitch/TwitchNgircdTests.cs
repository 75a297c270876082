// The Twitch client against a real IRC server (ngircd, started by the test on a free loopback port):
// it joins, reads what a second ordinary IRC client says, survives the server being killed and
// restarted (reconnects, rejoins, reads what is said afterwards, loses nothing already queued), and
// connects over TLS to the server's self-signed TLS port. Skipped only when ngircd is not installed.
using IShowTts.TestSupport.Irc;
using IShowTts.Chat.Model;
using IShowTts.Chat.Queue;
using IShowTts.Chat.Settings;
using IShowTts.Chat.Tests.Internal;
using IShowTts.Chat.Twitch;

namespace IShowTts.Chat.Tests.Twitch;

public sealed class TwitchNgircdTests
{
    private static ChatReader Reader(int port, TwitchTransport transport = TwitchTransport.Tcp, TwitchClientOptions? options = null, params string[] channels) =>
        new(new DanmakuSettings
        {
            Twitch = new TwitchSettings { Enabled = true, Channels = channels, Transport = transport, Server = "127.0.0.1", Port = port },
            Queue = new QueueSettings { MaxAgeSecs = 0, RateLimitPerSec = 0 },
        }, Messages.InstantSynth(), new ChatReaderOptions
        {
            Twitch = (options ?? new TwitchClientOptions()) with
            {
                ReconnectInitialDelay = TimeSpan.FromMilliseconds(50),
                ReconnectMaxDelay = TimeSpan.FromMilliseconds(400),
            },
        });

    [Fact]
    public async Task ItJoinsSeveralChannelsAndReadsWhatAnotherClientSays()
    {
        await using var server = NgircdServer.Create();
        await server.StartAsync();
        await using var reader = Reader(server.Port, channels: ["lobby", "games"]);
        using var queue = reader.SubscribeQueue();
        await reader.StartAsync();
        await Eventually.TrueAsync(() => reader.Connections.Count(s => s.State == ConnectionState.Joined) == 2, "the joins of #lobby and #games");

        await using var human = await PlainIrcClient.ConnectAsync(server.Port, "alice", "lobby");
        await human.SayAsync("lobby", "hello from a real IRC server");

        var queued = await queue.NextAsync(c => c.State == QueueItemState.Queued, "alice's message to be queued");
        Assert.Equal(("alice", "lobby", "hello from a real IRC server", ChatPlatform.Twitch),
            (queued.Item.Message.Username, queued.Item.Message.Channel, queued.Item.Text, queued.Item.Message.Platform));
        Assert.Equal("alice says: hello from a real IRC server", queued.Item.SpokenText);
    }

    [Fact]
    public async Task AfterTheServerIsKilledAndRestartedItReconnectsRejoinsAndLosesNothing()
    {
        await using var server = NgircdServer.Create();
        await server.StartAsync();
        await using var reader = Reader(server.Port, channels: ["lobby"]);
        using var connections = reader.SubscribeConnections();
        using var queue = reader.SubscribeQueue();
        await reader.StartAsync();
        await connections.NextAsync(s => s.State == ConnectionState.Joined, "the first join");

        await using (var before = await PlainIrcClient.ConnectAsync(server.Port, "alice", "lobby"))
        {
            await before.SayAsync("lobby", "said before the crash");
            await before.SayAsync("lobby", "also before the crash");
            await queue.NextAsync(c => c.State == QueueItemState.Queued && c.Item.Text == "also before the crash", "the messages before the crash");
        }

        await server.KillAsync();
        await connections.NextAsync(s => s.State == ConnectionState.Disconnected, "the client to notice the server is gone");
        await server.StartAsync();
        await connections.NextAsync(s => s.State == ConnectionState.Joined && s.Channel == "lobby", "the rejoin after the restart");

        await using var after = await PlainIrcClient.ConnectAsync(server.Port, "bob", "lobby");
        await after.SayAsync("lobby", "said after the restart");
        await queue.NextAsync(c => c.State == QueueItemState.Queued && c.Item.Text == "said after the restart", "the message after the restart");

        Assert.Equal(["said before the crash", "also before the crash", "said after the restart"],
            reader.Queue.Snapshot().Select(c => c.Item.Text));
        Assert.Empty(reader.Queue.Statistics().NotSpoken);
    }

    [Fact]
    public async Task ItReadsOverTlsFromTheServersTlsPort()
    {
        await using var server = NgircdServer.Create(tls: true);
        await server.StartAsync();
        var expected = server.Certificate!.GetCertHashString();
        var options = new TwitchClientOptions { CertificateValidation = (_, certificate, _, _) => certificate?.GetCertHashString() == expected };
        await using var reader = Reader(server.TlsPort, TwitchTransport.Tls, options, "secure");
        using var connections = reader.SubscribeConnections();
        using var queue = reader.SubscribeQueue();
        await reader.StartAsync();
        await connections.NextAsync(s => s.State == ConnectionState.Joined && s.Channel == "secure", "the join over TLS");

        await using var human = await PlainIrcClient.ConnectAsync(server.Port, "carol", "secure");
        await human.SayAsync("secure", "over tls");

        var queued = await queue.NextAsync(c => c.State == QueueItemState.Queued, "the message read over TLS");
        Assert.Equal("over tls", queued.Item.Text);
    }
}
