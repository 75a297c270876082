// The queue's mutable record of one live item (guarded by SpeechQueue's lock): its state, clip,
// synthesis cancellation, playout sequence and whether a player acknowledged it.
namespace IShowTts.Chat.Queue;

internal sealed class QueueEntry(QueueItem item)
{
    public QueueItem Item { get; } = item;

    public QueueItemState State { get; set; }

    public SpeechClip? Clip { get; set; }

    public CancellationTokenSource? Synthesis { get; set; }

    public long Sequence { get; set; }

    public bool Acknowledged { get; set; }

    /// <summary>When a Playing item is surely over if nobody acknowledges it (set once it is the head).</summary>
    public DateTimeOffset? Deadline { get; set; }
}
