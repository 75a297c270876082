// POST /api/danmaku/stop's answer: the original's status ("stopped", or "idle" when the channel was not
// being read) and channel, plus the platform and stopped as a boolean.
using IShowTts.Chat.Model;

namespace IShowTts.Server.Contracts;

public sealed record DanmakuStopResponse(string Status, ChatPlatform Platform, string Channel, bool Stopped);
