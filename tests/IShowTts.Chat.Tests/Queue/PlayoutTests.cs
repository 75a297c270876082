// Playback: priority order (then arrival), synthesis ahead of playback, acknowledgements, resend of
// unacknowledged items to a reconnecting player, the duration+grace fallback, skip, pause/resume.
using IShowTts.Chat.Model;
using IShowTts.Chat.Queue;
using IShowTts.Chat.Settings;
using IShowTts.Chat.Tests.Internal;

namespace IShowTts.Chat.Tests.Queue;

public sealed class PlayoutTests
{
    private static async Task<PlayoutEvent> NextPlayAsync(PlayerSession player)
    {
        using var limit = new CancellationTokenSource(Eventually.DefaultTimeout);
        while (await player.Reader.WaitToReadAsync(limit.Token))
            if (player.Reader.TryRead(out var playout) && playout.Kind == PlayoutEventKind.Play) return playout;
        throw new InvalidOperationException("the player was closed");
    }

    [Fact]
    public async Task ItemsPlayInPriorityOrderThenInArrivalOrder()
    {
        await using var harness = new QueueHarness(new QueueSettings { Prefetch = 10, PlayerBuffer = 1 });
        var submitted = new[]
        {
            harness.Enqueue("normal one", "a"), harness.Enqueue("mention", "b", ChatPriority.Mention),
            harness.Enqueue("gift", "c", ChatPriority.Gift), harness.Enqueue("normal two", "d"),
            harness.Enqueue("moderator", "e", ChatPriority.Moderator), harness.Enqueue("paid", "f", ChatPriority.Paid),
        };
        await Eventually.TrueAsync(() => harness.Queue.Snapshot().Count(c => c.State == QueueItemState.Ready) == submitted.Length, "all six to be ready");

        using var player = harness.Queue.OpenPlayer();
        var order = new List<string>();
        for (var i = 0; i < submitted.Length; i++)
        {
            var play = await NextPlayAsync(player);
            order.Add(play.Item!.Text);
            Assert.True(player.Acknowledge(play.Item.Id));
        }

        Assert.Equal(["gift", "paid", "moderator", "mention", "normal one", "normal two"], order);
    }

    [Fact]
    public async Task TheNextItemsAreSynthesisedWhileTheCurrentOnePlays()
    {
        await using var harness = new QueueHarness(new QueueSettings { Prefetch = 2, PlayerBuffer = 1 });
        using var player = harness.Queue.OpenPlayer();
        var first = harness.Enqueue("first");
        var second = harness.Enqueue("second");
        var third = harness.Enqueue("third");

        var playing = await NextPlayAsync(player);
        Assert.Equal(first.Item.Id, playing.Item!.Id);
        await harness.WaitAsync(second, QueueItemState.Ready);
        await harness.WaitAsync(third, QueueItemState.Ready);
        Assert.Equal(QueueItemState.Playing, harness.Queue.Snapshot()[0].State);

        player.Acknowledge(first.Item.Id);
        var next = await NextPlayAsync(player);
        Assert.Equal(second.Item.Id, next.Item!.Id);
        Assert.Equal(2, next.Sequence);
    }

    [Fact]
    public async Task AReconnectingPlayerGetsWhatWasNotAcknowledgedAndNotWhatWas()
    {
        await using var harness = new QueueHarness(new QueueSettings { PlayerBuffer = 2 });
        var first = harness.Enqueue("first");
        var second = harness.Enqueue("second");
        var player = harness.Queue.OpenPlayer("tab");
        var a = await NextPlayAsync(player);
        var b = await NextPlayAsync(player);
        Assert.Equal((first.Item.Id, second.Item.Id), (a.Item!.Id, b.Item!.Id));
        player.Acknowledge(first.Item.Id);
        player.Dispose();

        using var reloaded = harness.Queue.OpenPlayer("tab again");
        var resent = await NextPlayAsync(reloaded);
        Assert.Equal(second.Item.Id, resent.Item!.Id);
        Assert.True(resent.Resent);
        Assert.Equal(b.Sequence, resent.Sequence);
        Assert.NotNull(resent.Clip);
        Assert.False(reloaded.Reader.TryRead(out _));

        reloaded.Acknowledge(second.Item.Id);
        await harness.WaitAsync(second, QueueItemState.Played);
        using var third = harness.Queue.OpenPlayer();
        Assert.False(third.Reader.TryRead(out _));
        Assert.Equal(["tab", "tab again"], harness.Queue.History().Select(h => h.By).Reverse());
    }

    [Fact]
    public async Task WithoutAnAcknowledgementAnItemEndsAfterItsDurationPlusGraceAndIsResentLater()
    {
        await using var harness = new QueueHarness(new QueueSettings { PlayerBuffer = 1, AckGraceSecs = 10 }, clipSeconds: 2);
        var first = harness.Enqueue("first");
        var second = harness.Enqueue("second");
        var player = harness.Queue.OpenPlayer();
        Assert.Equal(first.Item.Id, (await NextPlayAsync(player)).Item!.Id);

        await harness.Time.WaitForTimerAsync(d => d == TimeSpan.FromSeconds(12), what: "for the 2 s clip + 10 s grace");
        harness.Time.Advance(TimeSpan.FromSeconds(11));
        Assert.False(player.Reader.TryPeek(out _));
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        var played = await harness.WaitAsync(first, QueueItemState.Played);
        Assert.Equal("no player acknowledged it", played.Detail);
        Assert.Equal(second.Item.Id, (await NextPlayAsync(player)).Item!.Id);
        player.Dispose();

        using var reconnected = harness.Queue.OpenPlayer();
        Assert.Equal([first.Item.Id, second.Item.Id], [(await NextPlayAsync(reconnected)).Item!.Id, (await NextPlayAsync(reconnected)).Item!.Id]);
    }

    [Fact]
    public async Task NothingIsSentWhileNoPlayerIsConnected()
    {
        await using var harness = new QueueHarness();
        var item = harness.Enqueue("hello");
        await harness.WaitAsync(item, QueueItemState.Ready);
        Assert.Equal(QueueItemState.Ready, harness.Queue.Snapshot().Single().State);

        using var player = harness.Queue.OpenPlayer();
        Assert.Equal(item.Item.Id, (await NextPlayAsync(player)).Item!.Id);
    }

    [Fact]
    public async Task SkippingStopsThePlayingItemRecordsWhoAndPlaysTheNext()
    {
        await using var harness = new QueueHarness(new QueueSettings { PlayerBuffer = 1 });
        using var player = harness.Queue.OpenPlayer();
        var first = harness.Enqueue("first");
        var second = harness.Enqueue("second");
        await NextPlayAsync(player);

        Assert.True(harness.Queue.Skip("mod_alice"));

        Assert.True(player.Reader.TryRead(out var stop));
        Assert.Equal((PlayoutEventKind.Stop, first.Item.Id, "skipped"), (stop!.Kind, stop.ItemId, stop.Reason));
        Assert.Equal(second.Item.Id, (await NextPlayAsync(player)).Item!.Id);
        var skipped = harness.Queue.History().Single();
        Assert.Equal((QueueItemState.Skipped, "mod_alice", "first"), (skipped.Outcome, skipped.By, skipped.Item.Text));
        Assert.Equal(1, harness.Queue.Statistics().Skipped);
    }

    [Fact]
    public async Task PausedPlaybackSendsNothingNewUntilResumed()
    {
        await using var harness = new QueueHarness(new QueueSettings { PlayerBuffer = 1 });
        using var player = harness.Queue.OpenPlayer();
        harness.Queue.Pause();
        Assert.True(player.Reader.TryRead(out var paused));
        Assert.Equal(PlayoutEventKind.Paused, paused!.Kind);

        var item = harness.Enqueue("hello");
        await harness.WaitAsync(item, QueueItemState.Ready);
        Assert.False(player.Reader.TryRead(out _));

        harness.Queue.Resume();
        Assert.True(player.Reader.TryRead(out var resumed));
        Assert.Equal(PlayoutEventKind.Resumed, resumed!.Kind);
        Assert.Equal(item.Item.Id, (await NextPlayAsync(player)).Item!.Id);
    }

    [Fact]
    public async Task EveryConnectedPlayerGetsEveryItemInTheSameOrder()
    {
        await using var harness = new QueueHarness(new QueueSettings { PlayerBuffer = 3 });
        using var browser = harness.Queue.OpenPlayer("browser");
        using var overlay = harness.Queue.OpenPlayer("obs");
        var ids = new[] { harness.Enqueue("one").Item.Id, harness.Enqueue("two").Item.Id, harness.Enqueue("three").Item.Id };

        foreach (var player in new[] { browser, overlay })
        {
            long[] received = [(await NextPlayAsync(player)).Item!.Id, (await NextPlayAsync(player)).Item!.Id, (await NextPlayAsync(player)).Item!.Id];
            Assert.Equal(ids, received);
        }
    }
}
