// The queue's counters since start: admitted, played, skipped, every reason a message did not play,
// what waits now, whether playback is paused and how many players are connected.
using IShowTts.Chat.Model;
using IShowTts.Chat.Queue;

namespace IShowTts.Server.Contracts;

public sealed record DanmakuStatisticsView(
    long Admitted,
    long Played,
    long Skipped,
    IReadOnlyDictionary<string, long> NotSpoken,
    long NotSpokenTotal,
    int Waiting,
    int AwaitingApproval,
    bool Paused,
    int Players)
{
    public static DanmakuStatisticsView Of(QueueStatistics s) =>
        new(s.Admitted, s.Played, s.Skipped, s.NotSpoken.ToDictionary(p => p.Key.ToString(), p => p.Value), s.NotSpokenTotal,
            s.Waiting, s.AwaitingApproval, s.Paused, s.Players);
}
