// [danmaku.queue] (or [queue] in danmaku_gateway.toml): how many messages wait and how fast they drain.
namespace IShowTts.Configuration;

public sealed record ChatQueueSection(int Capacity, double RateLimitPerSec);
