// Operator and moderator control: remove one, clear, moderation removals (deleted message, timeout,
// cleared chat) of waiting and playing items, the approval list, synthesis timeout and failure, and
// the voice chosen per channel and per user.
using IShowTts.Chat.Model;
using IShowTts.Chat.Queue;
using IShowTts.Chat.Settings;
using IShowTts.Chat.Tests.Internal;

namespace IShowTts.Chat.Tests.Queue;

public sealed class QueueControlTests
{
    private static ModerationEvent Moderation(ModerationKind kind, string? user = null, string? messageId = null, string channel = "streamer") =>
        new(ChatPlatform.Twitch, channel, kind, DateTimeOffset.UnixEpoch, TargetUsername: user, TargetMessageId: messageId);

    [Fact]
    public async Task ADeletedMessageIsRemovedFromTheQueueAndStoppedWhilePlaying()
    {
        await using var harness = new QueueHarness(new QueueSettings { PlayerBuffer = 1 });
        using var player = harness.Queue.OpenPlayer();
        var playing = harness.Enqueue("playing now", user: "a");
        await harness.WaitAsync(playing, QueueItemState.Playing);
        var waiting = harness.Enqueue("waiting", user: "b");

        Assert.Equal(1, harness.Queue.ApplyModeration(Moderation(ModerationKind.MessageDeleted, messageId: waiting.Item.Message.PlatformMessageId)));
        var removed = await harness.WaitAsync(waiting, QueueItemState.Removed);
        Assert.Equal(DropReason.RemovedByModeration, removed.Reason);

        Assert.Equal(1, harness.Queue.ApplyModeration(Moderation(ModerationKind.MessageDeleted, messageId: playing.Item.Message.Id.ToString())));
        await harness.WaitAsync(playing, QueueItemState.Removed);
        var events = new List<PlayoutEvent>();
        while (player.Reader.TryRead(out var e)) events.Add(e);
        Assert.Contains(events, e => e.Kind == PlayoutEventKind.Stop && e.ItemId == playing.Item.Id && e.Reason == "RemovedByModeration");
    }

    [Fact]
    public async Task ATimeoutRemovesEveryPendingItemOfThatUserInThatChannelOnly()
    {
        await using var harness = new QueueHarness(new QueueSettings { Prefetch = 1 }, gated: true);
        var spam = new[] { harness.Enqueue("spam 1", user: "troll"), harness.Enqueue("spam 2", user: "troll") };
        var elsewhere = harness.Enqueue("spam 3", user: "troll", channel: "other");
        var innocent = harness.Enqueue("hello", user: "fan");

        Assert.Equal(2, harness.Queue.ApplyModeration(Moderation(ModerationKind.UserTimedOut, user: "TROLL")));

        var left = harness.Queue.Snapshot().Select(c => c.Item.Id).ToList();
        Assert.DoesNotContain(spam[0].Item.Id, left);
        Assert.DoesNotContain(spam[1].Item.Id, left);
        Assert.Contains(elsewhere.Item.Id, left);
        Assert.Contains(innocent.Item.Id, left);
        Assert.Equal(2, harness.Queue.Statistics().NotSpoken[DropReason.RemovedByModeration]);
    }

    [Fact]
    public async Task AClearedChatEmptiesThatChannel()
    {
        await using var harness = new QueueHarness(gated: true);
        harness.Enqueue("a", user: "a");
        harness.Enqueue("b", user: "b");
        var other = harness.Enqueue("c", user: "c", channel: "other");

        Assert.Equal(2, harness.Queue.ApplyModeration(Moderation(ModerationKind.ChatCleared)));
        Assert.Equal([other.Item.Id], harness.Queue.Snapshot().Select(c => c.Item.Id));
    }

    [Fact]
    public async Task RemoveTakesOneItemAndClearTakesAllWithWhoDidIt()
    {
        await using var harness = new QueueHarness(gated: true);
        var a = harness.Enqueue("a", user: "a");
        harness.Enqueue("b", user: "b");
        harness.Enqueue("c", user: "c");

        Assert.True(harness.Queue.Remove(a.Item.Id, "streamer"));
        var removed = await harness.WaitAsync(a, QueueItemState.Removed);
        Assert.Equal((DropReason.RemovedByOperator, "streamer"), (removed.Reason, removed.By));
        Assert.False(harness.Queue.Remove(a.Item.Id));

        Assert.Equal(2, harness.Queue.Clear("streamer"));
        Assert.Empty(harness.Queue.Snapshot());
        Assert.Equal(2, harness.Queue.Statistics().NotSpoken[DropReason.Cleared]);
    }

    [Fact]
    public async Task HeldMessagesWaitForApprovalAndCanBeRejectedOrRemovedByModeration()
    {
        await using var harness = new QueueHarness();
        var approved = harness.Queue.Hold(Messages.Chat("approve me", "a"), "approve me");
        var rejected = harness.Queue.Hold(Messages.Chat("reject me", "b"), "reject me");
        var timedOut = harness.Queue.Hold(Messages.Chat("troll", "troll"), "troll");
        Assert.Equal(QueueItemState.AwaitingApproval, approved.State);
        Assert.Equal(3, harness.Queue.PendingApprovals().Count);
        Assert.Empty(harness.Queue.Snapshot());

        var queued = harness.Queue.Approve(approved.Item.Id, "mod_alice");
        Assert.Equal(QueueItemState.Queued, queued!.State);
        Assert.True(harness.Queue.Reject(rejected.Item.Id, "mod_bob"));
        harness.Queue.ApplyModeration(Moderation(ModerationKind.UserBanned, user: "troll"));

        Assert.Empty(harness.Queue.PendingApprovals());
        var rejection = await harness.WaitAsync(rejected, QueueItemState.Filtered);
        Assert.Equal((DropReason.RejectedByModerator, "mod_bob"), (rejection.Reason, rejection.By));
        await Eventually.TrueAsync(() => harness.Queue.Snapshot().Any(c => c.Item.Id == approved.Item.Id && c.State == QueueItemState.Ready),
            "the approved message to be synthesised");
        Assert.Null(harness.Queue.Approve(rejected.Item.Id));
    }

    [Fact]
    public async Task ASynthesisThatTakesTooLongIsDroppedAndTheNextGoesOn()
    {
        var calls = 0;
        await using var harness = new QueueHarness(tts: new TtsSettings { TimeoutSecs = 15 }, synth: async (_, token) =>
        {
            if (Interlocked.Increment(ref calls) == 1) await Task.Delay(Timeout.Infinite, token);
            return SpeechClip.FromSamples(new float[100], 24_000);
        });
        var slow = harness.Enqueue("slow");
        var fast = harness.Enqueue("fast");

        await harness.Time.WaitForTimerAsync(d => d == TimeSpan.FromSeconds(15), what: "for the 15 s synthesis timeout");
        harness.Time.Advance(TimeSpan.FromSeconds(15));

        var timedOut = await harness.WaitAsync(slow, QueueItemState.Dropped);
        Assert.Equal(DropReason.SynthesisTimeout, timedOut.Reason);
        await harness.WaitAsync(fast, QueueItemState.Ready);
    }

    [Fact]
    public async Task AFailedSynthesisIsDroppedWithTheEnginesMessage()
    {
        await using var harness = new QueueHarness(synth: (_, _) => throw new InvalidOperationException("voice 'x' is not loaded"));
        var item = harness.Enqueue("hello");
        var failed = await harness.WaitAsync(item, QueueItemState.Dropped);
        Assert.Equal((DropReason.SynthesisFailed, "voice 'x' is not loaded"), (failed.Reason, failed.Detail));
    }

    [Fact]
    public async Task RemovingAnItemBeingSynthesisedCancelsItsSynthesis()
    {
        var cancelled = new TaskCompletionSource();
        await using var harness = new QueueHarness(synth: async (_, token) =>
        {
            token.Register(() => cancelled.TrySetResult());
            await Task.Delay(Timeout.Infinite, token);
            throw new InvalidOperationException("unreachable");
        });
        var item = harness.Enqueue("hello");
        await harness.WaitAsync(item, QueueItemState.Synthesizing);

        Assert.True(harness.Queue.Remove(item.Item.Id));
        await cancelled.Task.WaitAsync(Eventually.DefaultTimeout);
    }

    [Fact]
    public async Task TheVoiceIsTheUsersThenTheChannelsThenTheDefaultAndTheTemplateIsApplied()
    {
        var tts = new TtsSettings
        {
            VoiceId = "default-voice",
            ChannelVoices = [new ChannelVoice(ChatPlatform.Twitch, "#Streamer", "channel-voice", "f5")],
            UserVoices = [new UserVoice("VIPfan", "fan-voice")],
        };
        await using var harness = new QueueHarness(tts: tts);

        var byUser = harness.Enqueue("hi", user: "vipfan").Item;
        var byChannel = harness.Enqueue("hi", user: "someone").Item;
        var byDefault = harness.Enqueue("hi", user: "someone", channel: "elsewhere").Item;
        var system = harness.Queue.Enqueue(Messages.Chat("x", "sys") with { Content = ChatContent.System("Alice raided") }, "Alice raided").Item;

        Assert.Equal(("fan-voice", "f5"), (byUser.VoiceId, byUser.Engine));
        Assert.Equal(("channel-voice", "f5"), (byChannel.VoiceId, byChannel.Engine));
        Assert.Equal(("default-voice", (string?)null), (byDefault.VoiceId, byDefault.Engine));
        Assert.Equal("vipfan says: hi", byUser.SpokenText);
        Assert.Equal("Alice raided", system.SpokenText);

        harness.Queue.Voices.SetChannel(new ChannelVoice(ChatPlatform.Twitch, "elsewhere", "new-voice"));
        Assert.Equal("new-voice", harness.Enqueue("later", user: "someone", channel: "elsewhere").Item.VoiceId);
    }
}
