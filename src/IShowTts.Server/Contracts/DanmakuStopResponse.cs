// POST /api/danmaku/stop's answer: stopped is false when the channel was not being read.
using IShowTts.Chat.Model;

namespace IShowTts.Server.Contracts;

public sealed record DanmakuStopResponse(ChatPlatform Platform, string Channel, bool Stopped);
