// Reconnecting to a server that refuses every connection: each wait doubles from the initial delay up
// to the cap, scaled by a jitter factor in [0.5, 1] (so readers that lost the same server do not come
// back in lock-step), and the connection status says how long until the next try. On a manual clock.
using IShowTts.Chat.Model;
using IShowTts.Chat.Settings;
using IShowTts.Chat.Tests.Internal;
using IShowTts.Chat.Twitch;
using IShowTts.TestSupport.Irc;

namespace IShowTts.Chat.Tests.Twitch;

public sealed class TwitchBackoffTests
{
    [Fact]
    public async Task RetriesBackOffExponentiallyUpToTheCapWithJitter()
    {
        var time = new ManualTimeProvider();
        var nobodyListens = FreePort.Next();
        // Jitter factors 0.5 + 0.5·u for u = 0, 1, 0.5, 1, 0 → ×0.5, ×1, ×0.75, ×1, ×0.5.
        var options = new TwitchClientOptions
        {
            ReconnectInitialDelay = TimeSpan.FromSeconds(1), ReconnectMaxDelay = TimeSpan.FromSeconds(8),
            Random = new SequenceRandom(0, 1, 0.5, 1, 0), ConnectTimeout = TimeSpan.FromSeconds(30),
        };
        await using var reader = new ChatReader(new DanmakuSettings
        {
            Twitch = new TwitchSettings { Enabled = true, Channels = ["streamer"], Transport = TwitchTransport.Tcp, Server = "127.0.0.1", Port = nobodyListens },
        }, Messages.InstantSynth(), new ChatReaderOptions { Time = time, Twitch = options });
        using var connections = reader.SubscribeConnections();
        await reader.StartAsync();

        var waits = new List<double>();
        for (int attempt = 0; attempt < 5; attempt++)
        {
            var refused = await connections.NextAsync(s => s.State == ConnectionState.Disconnected, $"refusal {attempt + 1}");
            var wait = refused.RetryIn!.Value;
            waits.Add(wait.TotalSeconds);
            await time.WaitForTimerAsync(d => d == wait, what: $"for the back-off of {wait.TotalSeconds} s");
            time.Advance(wait);
        }

        // 1·2^k s capped at 8 s, times the jitter factor.
        Assert.Equal([0.5, 2, 3, 8, 4], waits);
    }
}
