// The JSON header of one played chat clip. The first six fields are the original's WebSocket header
// (platform, channel, username, display_text, format, color) with the original's values: format is the
// MIME type "audio/wav" (the original's page made its Blob and data: URL from it) and color is always
// present, null when the platform gave none. The rest are new, so an original player that reads only
// those keeps working. SSE players get the same object with audio_url set.
using System.Text.Json.Serialization;
using IShowTts.Chat.Queue;

namespace IShowTts.Server.Danmaku;

internal sealed record PlaybackHeader(
    [property: JsonPropertyName("platform")] string Platform,
    [property: JsonPropertyName("channel")] string Channel,
    [property: JsonPropertyName("username")] string Username,
    [property: JsonPropertyName("display_text")] string DisplayText,
    [property: JsonPropertyName("format")] string Format,
    [property: JsonPropertyName("color"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Color,
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("sequence")] long Sequence,
    [property: JsonPropertyName("sample_rate")] int SampleRate,
    [property: JsonPropertyName("resent")] bool Resent,
    [property: JsonPropertyName("display_name")] string DisplayName,
    [property: JsonPropertyName("priority")] string Priority,
    [property: JsonPropertyName("duration_ms")] long DurationMs,
    [property: JsonPropertyName("message_id")] Guid MessageId,
    [property: JsonPropertyName("audio_url")] string? AudioUrl = null)
{
    /// <summary>The original's format value: the clip's MIME type.</summary>
    public const string WavFormat = "audio/wav";

    public static PlaybackHeader For(PlayoutEvent play, string? audioUrl = null)
    {
        var item = play.Item!;
        var message = item.Message;
        return new PlaybackHeader(message.Platform.ToString(), message.Channel, message.Username, item.Text, WavFormat, message.Color,
            item.Id, play.Sequence, play.Clip!.SampleRate, play.Resent, message.SpeakerName, message.Priority.ToString(),
            (long)Math.Round(play.Clip.Duration.TotalMilliseconds), message.Id, audioUrl);
    }
}
