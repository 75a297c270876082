// One message to a player. Play carries the item, its clip and its playout sequence number (increasing
// in the order items are to be played; a resent item keeps its number and has Resent set). Stop names
// the item to stop or drop from the player's buffer and why.
namespace IShowTts.Chat.Queue;

public sealed record PlayoutEvent(
    PlayoutEventKind Kind,
    QueueItem? Item = null,
    SpeechClip? Clip = null,
    long Sequence = 0,
    bool Resent = false,
    long? ItemId = null,
    string? Reason = null);
