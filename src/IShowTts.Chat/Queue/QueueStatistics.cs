// Counters since start: admitted, played, skipped, and every reason a message did not play.
using IShowTts.Chat.Model;

namespace IShowTts.Chat.Queue;

public sealed record QueueStatistics(
    long Admitted,
    long Played,
    long Skipped,
    IReadOnlyDictionary<DropReason, long> NotSpoken,
    int Waiting,
    int AwaitingApproval,
    bool Paused,
    int Players)
{
    public long NotSpokenTotal => NotSpoken.Values.Sum();
}
