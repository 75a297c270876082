// What a player is told: play this clip, stop/forget this item (skipped, removed, deleted by a
// moderator), or that playback was paused/resumed.
using System.Text.Json.Serialization;

namespace IShowTts.Chat.Queue;

[JsonConverter(typeof(JsonStringEnumConverter<PlayoutEventKind>))]
public enum PlayoutEventKind
{
    Play,
    Stop,
    Paused,
    Resumed,
}
