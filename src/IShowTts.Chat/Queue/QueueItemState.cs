// Where an item is. Filtered/Dropped/Removed/Played/Skipped are final; Playing means sent to players
// and not yet finished (the first Playing item is audible, the next ones are buffered by players).
using System.Text.Json.Serialization;

namespace IShowTts.Chat.Queue;

[JsonConverter(typeof(JsonStringEnumConverter<QueueItemState>))]
public enum QueueItemState
{
    Filtered,
    AwaitingApproval,
    Queued,
    Synthesizing,
    Ready,
    Playing,
    Played,
    Skipped,
    Dropped,
    Removed,
}
