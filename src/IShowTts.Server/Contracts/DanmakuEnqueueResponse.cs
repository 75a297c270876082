// POST /api/danmaku/enqueue's 202 answer: the queue item's id and its state (Queued or AwaitingApproval).
using IShowTts.Chat.Queue;

namespace IShowTts.Server.Contracts;

public sealed record DanmakuEnqueueResponse(long Id, QueueItemState State);
