// One step in an item's life, as published to subscribers and returned by snapshots. Reason is set
// for Filtered, Dropped and Removed; By names the operator or moderator who skipped/removed/approved.
using IShowTts.Chat.Model;

namespace IShowTts.Chat.Queue;

public sealed record QueueItemChange(
    QueueItem Item,
    QueueItemState State,
    DateTimeOffset At,
    DropReason? Reason = null,
    string? Detail = null,
    string? By = null);
