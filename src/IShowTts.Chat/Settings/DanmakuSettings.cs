// The whole [danmaku] table: what ChatReader is built from. Loading it from TOML is
// IShowTts.Configuration's job; this is only the shape, the defaults and the checks.
namespace IShowTts.Chat.Settings;

public sealed record DanmakuSettings
{
    public TwitchSettings Twitch { get; init; } = new();

    public YouTubeSettings YouTube { get; init; } = new();

    public QueueSettings Queue { get; init; } = new();

    public FilterSettings Filter { get; init; } = new();

    public TtsSettings Tts { get; init; } = new();

    /// <summary>Every problem in every section, as "danmaku.section.key …" sentences; empty when valid.</summary>
    public IReadOnlyList<string> Validate() =>
        [.. Twitch.Validate(), .. YouTube.Validate(), .. Queue.Validate(), .. Filter.Validate(), .. Tts.Validate()];
}
