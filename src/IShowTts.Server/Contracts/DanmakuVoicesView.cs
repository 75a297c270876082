// GET /api/danmaku/voices: the chat default voice, each channel's voice and each viewer's own voice.
using IShowTts.Chat.Model;

namespace IShowTts.Server.Contracts;

public sealed record DanmakuVoicesView(DanmakuVoiceChoice Default, IReadOnlyList<DanmakuChannelView> Channels, IReadOnlyList<DanmakuUserVoice> Users);

public sealed record DanmakuVoiceChoice(string? VoiceId, string? Engine);

/// <summary>A viewer's own voice (PUT /api/danmaku/voices/users); platform null means every platform.</summary>
public sealed record DanmakuUserVoice(string? User, ChatPlatform? Platform, string? VoiceId, string? Engine);
