// One [[danmaku.tts.channel_voices]] or [[danmaku.tts.user_voices]] entry: whose messages (a channel on a
// platform, or a user — login, display name or id — on one platform or all) speak with which voice.
namespace IShowTts.Configuration;

/// <param name="Platform">"twitch" or "youtube"; "" (user voices only) for every platform.</param>
/// <param name="Name">the channel (channel_voices) or the user (user_voices).</param>
public sealed record ChatVoiceSection(string Platform, string Name, string VoiceId, string Engine);
