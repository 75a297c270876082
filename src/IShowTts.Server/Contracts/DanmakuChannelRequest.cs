// The body of POST /api/danmaku/start and /stop (the original's): platform ("twitch" / "youtube", any
// case), channel, and for start an optional voice and engine for that channel.
namespace IShowTts.Server.Contracts;

public sealed record DanmakuChannelRequest(string? Platform, string? Channel, string? VoiceId = null, string? Engine = null);
