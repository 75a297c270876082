// POST /api/danmaku/start's 202 answer: the original's {status: "started", channel} plus the platform and
// the channel's voice and engine (null: the chat default).
using IShowTts.Chat.Model;

namespace IShowTts.Server.Contracts;

public sealed record DanmakuStartResponse(string Status, ChatPlatform Platform, string Channel, string? VoiceId, string? Engine);
