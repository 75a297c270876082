// [danmaku.tts] (or [tts] in danmaku_gateway.toml): how chat lines are spoken — voice, engine, timeout,
// NFE, the spoken template, the loudness every clip is brought to, and per-channel / per-user voices.
namespace IShowTts.Configuration;

/// <param name="VoiceId">the voice for chat, or "" for the default voice.</param>
/// <param name="MessageTemplate">the spoken text; {user} and {message} are replaced.</param>
public sealed record ChatTtsSection(string VoiceId, int TimeoutSecs, int NfeStep, bool RemoveSilence, string MessageTemplate)
{
    /// <summary>The engine of that voice, or "" for the voice's own.</summary>
    public string Engine { get; init; } = "";

    /// <summary>EBU R128 integrated loudness every chat clip is normalised to.</summary>
    public double LoudnessLufs { get; init; } = -23;

    public IReadOnlyList<ChatVoiceSection> ChannelVoices { get; init; } = [];

    public IReadOnlyList<ChatVoiceSection> UserVoices { get; init; } = [];
}
