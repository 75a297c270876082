// One finished chat item (played or skipped) in GET /api/danmaku/history, with who skipped it and
// whether a player acknowledged it.
using IShowTts.Chat.Queue;

namespace IShowTts.Server.Contracts;

public sealed record DanmakuHistoryView(DanmakuItemView Item, QueueItemState Outcome, DateTimeOffset At, string? By, bool Acknowledged)
{
    public static DanmakuHistoryView Of(HistoryEntry entry) =>
        new(DanmakuItemView.Of(entry.Item, entry.Outcome, entry.At, by: entry.By), entry.Outcome, entry.At, entry.By, entry.Acknowledged);
}
