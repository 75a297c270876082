// One viewer's own voice ([[danmaku.tts.user_voices]]): User is a login, display name or user id;
// Platform null means on every platform. Wins over the channel's voice.
using IShowTts.Chat.Model;

namespace IShowTts.Chat.Settings;

public sealed record UserVoice(string User, string VoiceId, ChatPlatform? Platform = null, string? Engine = null)
{
    /// <summary>For binders that set properties (TOML, JSON).</summary>
    public UserVoice() : this("", "") { }
}
