// [danmaku.tts] (the gateway's [tts]): voice_id and timeout_secs 15 as the original, plus the engine,
// the spoken template ("{user} says: {message}" as the original spoke) and per-channel/per-user voices.
namespace IShowTts.Chat.Settings;

public sealed record TtsSettings
{
    /// <summary>Voice for channels with none of their own; null means the server's default voice.</summary>
    public string? VoiceId { get; init; }

    public string? Engine { get; init; }

    public int TimeoutSecs { get; init; } = 15;

    /// <summary>Spoken text of a viewer's message: {user} and {message} are replaced. System messages are spoken as they are.</summary>
    public string MessageTemplate { get; init; } = "{user} says: {message}";

    public IReadOnlyList<ChannelVoice> ChannelVoices { get; init; } = [];

    public IReadOnlyList<UserVoice> UserVoices { get; init; } = [];

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (TimeoutSecs <= 0) problems.Add($"danmaku.tts.timeout_secs must be > 0, not {TimeoutSecs}");
        if (!MessageTemplate.Contains("{message}", StringComparison.Ordinal))
            problems.Add("danmaku.tts.message_template must contain {message}");
        return problems;
    }
}
