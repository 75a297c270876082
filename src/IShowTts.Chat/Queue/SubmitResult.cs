// What became of a submitted message: Accepted when it is queued or waits for approval (the
// original's 202), otherwise filtered/dropped with the reason (the original's 204).
using IShowTts.Chat.Model;

namespace IShowTts.Chat.Queue;

public sealed record SubmitResult(QueueItem Item, QueueItemState State, DropReason? Reason = null, string? Detail = null)
{
    public bool Accepted => State is QueueItemState.Queued or QueueItemState.AwaitingApproval;
}
