// One finished item in the history: played (acknowledged by a player or not) or skipped, and by whom.
namespace IShowTts.Chat.Queue;

public sealed record HistoryEntry(QueueItem Item, QueueItemState Outcome, DateTimeOffset At, string? By, bool Acknowledged);
