// GET /api/danmaku/status: the channels read, each connection's latest state, the queue's counters and
// the loudness target clips are levelled to.
using IShowTts.Chat.Model;

namespace IShowTts.Server.Contracts;

public sealed record DanmakuStatusView(
    IReadOnlyList<DanmakuChannelView> Channels,
    IReadOnlyList<DanmakuConnectionView> Connections,
    DanmakuStatisticsView Statistics,
    double LoudnessTargetLufs);

public sealed record DanmakuConnectionView(ChatPlatform Platform, string? Channel, ConnectionState State, DateTimeOffset At, string? Detail, double? RetryInSeconds)
{
    public static DanmakuConnectionView Of(ConnectionStatus s) =>
        new(s.Platform, s.Channel, s.State, s.At, s.Detail, s.RetryIn?.TotalSeconds);
}
