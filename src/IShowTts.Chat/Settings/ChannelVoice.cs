// A channel's voice and engine ([[danmaku.tts.channel_voices]], or set by /api/danmaku/start).
using IShowTts.Chat.Model;

namespace IShowTts.Chat.Settings;

public sealed record ChannelVoice(ChatPlatform Platform, string Channel, string? VoiceId, string? Engine = null)
{
    /// <summary>For binders that set properties (TOML, JSON).</summary>
    public ChannelVoice() : this(ChatPlatform.Twitch, "", null) { }
}
