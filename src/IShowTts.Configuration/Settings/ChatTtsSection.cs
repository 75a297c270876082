// [danmaku.tts] (or [tts] in danmaku_gateway.toml): how chat lines are spoken.
namespace IShowTts.Configuration;

/// <param name="VoiceId">the voice for chat, or "" for the default voice.</param>
/// <param name="MessageTemplate">the spoken text; {user} and {message} are replaced.</param>
public sealed record ChatTtsSection(string VoiceId, int TimeoutSecs, int NfeStep, bool RemoveSilence, string MessageTemplate);
