// [danmaku.queue] (or [queue] in danmaku_gateway.toml): how many messages wait and how fast they drain,
// plus duplicates, age, per-user quota, prefetch and the player buffer (docs/chat.md has each key).
namespace IShowTts.Configuration;

public sealed record ChatQueueSection(int Capacity, double RateLimitPerSec)
{
    public int DuplicateWindowSecs { get; init; } = 30;
    public int MaxAgeSecs { get; init; } = 120;
    public int UserCharsPerMinute { get; init; }
    public int Prefetch { get; init; } = 2;
    public int PlayerBuffer { get; init; } = 2;
    public int AckGraceSecs { get; init; } = 10;
    public int HistorySize { get; init; } = 100;
    public int ResumeSize { get; init; } = 20;
}
