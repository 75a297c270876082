// What gets into the queue: capacity (a higher priority evicts the lowest), rate limit, duplicates,
// per-user character quota, maximum age; each drop is counted and logged under its reason.
using IShowTts.Chat.Model;
using IShowTts.Chat.Queue;
using IShowTts.Chat.Settings;
using IShowTts.Chat.Tests.Internal;

namespace IShowTts.Chat.Tests.Queue;

public sealed class AdmissionTests
{
    [Fact]
    public async Task AFullQueueDropsTheNewcomerUnlessItOutranksSomethingWaiting()
    {
        await using var harness = new QueueHarness(new QueueSettings { Capacity = 2, Prefetch = 1 }, gated: true);
        var first = harness.Enqueue("first");
        await harness.WaitAsync(first, QueueItemState.Synthesizing);
        var second = harness.Enqueue("second");

        var third = harness.Enqueue("third");
        Assert.Equal((QueueItemState.Dropped, DropReason.QueueFull), (third.State, third.Reason));

        var gift = harness.Enqueue("gift", priority: ChatPriority.Gift);
        Assert.True(gift.Accepted);
        var evicted = await harness.WaitAsync(second, QueueItemState.Dropped);
        Assert.Equal(DropReason.QueueFull, evicted.Reason);
        Assert.Equal(2, harness.Queue.Statistics().NotSpoken[DropReason.QueueFull]);
    }

    [Fact]
    public async Task MoreThanRateLimitPerSecondIsDroppedButPaidIsNot()
    {
        await using var harness = new QueueHarness(new QueueSettings { RateLimitPerSec = 3 });
        Assert.All(new[] { "a", "b", "c" }.Select(t => harness.Enqueue(t, user: t)), r => Assert.True(r.Accepted));

        var fourth = harness.Enqueue("d", user: "d");
        Assert.Equal(DropReason.RateLimited, fourth.Reason);
        Assert.True(harness.Enqueue("e", user: "e", priority: ChatPriority.Paid).Accepted);

        harness.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(harness.Enqueue("f", user: "f").Accepted);
    }

    [Fact]
    public async Task AFractionalRateAdmitsOneMessagePerPeriod()
    {
        await using var harness = new QueueHarness(new QueueSettings { RateLimitPerSec = 0.5 });
        Assert.True(harness.Enqueue("a", user: "a").Accepted);
        Assert.Equal(DropReason.RateLimited, harness.Enqueue("b", user: "b").Reason);
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(DropReason.RateLimited, harness.Enqueue("c", user: "c").Reason);
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(harness.Enqueue("d", user: "d").Accepted);
    }

    [Fact]
    public async Task TheSameTextFromTheSameUserWithinTheWindowIsADuplicate()
    {
        await using var harness = new QueueHarness(new QueueSettings { DuplicateWindowSecs = 30 });
        Assert.True(harness.Enqueue("GG  wp", user: "a").Accepted);

        var again = harness.Enqueue("gg wp", user: "a");
        Assert.Equal(DropReason.Duplicate, again.Reason);
        Assert.True(harness.Enqueue("gg wp", user: "b").Accepted);
        Assert.True(harness.Enqueue("gg wp", user: "a", channel: "other").Accepted);

        harness.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.True(harness.Enqueue("gg wp", user: "a").Accepted);
    }

    [Fact]
    public async Task AUserHasACharacterQuotaPerMinute()
    {
        await using var harness = new QueueHarness(new QueueSettings { UserCharsPerMinute = 20 });
        Assert.True(harness.Enqueue("0123456789", user: "a").Accepted);
        Assert.True(harness.Enqueue("abcdefghij", user: "a").Accepted);

        var over = harness.Enqueue("x", user: "a");
        Assert.Equal(DropReason.UserQuotaExceeded, over.Reason);
        Assert.Contains("20 of 20", over.Detail);
        Assert.True(harness.Enqueue("someone else", user: "b").Accepted);
        Assert.True(harness.Enqueue("a paid one", user: "a", priority: ChatPriority.Paid).Accepted);

        harness.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(harness.Enqueue("fresh minute", user: "a").Accepted);
    }

    [Fact]
    public async Task ItemsOlderThanMaxAgeAreDroppedAsStaleAndCounted()
    {
        await using var harness = new QueueHarness(new QueueSettings { MaxAgeSecs = 60, Prefetch = 1 }, new TtsSettings { TimeoutSecs = 600 }, gated: true);
        var first = harness.Enqueue("first");
        await harness.WaitAsync(first, QueueItemState.Synthesizing);
        var second = harness.Enqueue("second");

        await harness.Time.WaitForTimerAsync(d => d == TimeSpan.FromSeconds(60), what: "for the oldest waiting item to go stale");
        harness.Time.Advance(TimeSpan.FromSeconds(59));
        Assert.Contains(harness.Queue.Snapshot(), c => c.Item.Id == second.Item.Id);
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        var stale = await harness.WaitAsync(second, QueueItemState.Dropped);
        Assert.Equal(DropReason.Stale, stale.Reason);

        harness.OpenGate();
        await harness.WaitAsync(first, QueueItemState.Dropped);
        Assert.Equal(2, harness.Queue.Statistics().NotSpoken[DropReason.Stale]);
        Assert.Contains("(Stale)", harness.Log.All);
    }

    [Fact]
    public async Task EveryMessageEndsSomewhereCountedNothingIsSilentlyLost()
    {
        var harness = new QueueHarness(new QueueSettings { Capacity = 3, RateLimitPerSec = 4, Prefetch = 1 }, gated: true);
        var results = Enumerable.Range(0, 10).Select(i => harness.Enqueue("message " + (i % 6), user: "u" + (i % 2))).ToList();
        var accepted = results.Count(r => r.Accepted);
        var dropped = results.Count(r => !r.Accepted);
        Assert.Equal(10, accepted + dropped);

        await harness.DisposeAsync();
        var statistics = harness.Queue.Statistics();
        Assert.Equal(accepted, statistics.Admitted);
        Assert.Equal(10, statistics.Admitted + dropped);
        Assert.Equal(10, statistics.NotSpokenTotal);
        Assert.Equal(accepted, statistics.NotSpoken[DropReason.ShuttingDown]);
    }
}
