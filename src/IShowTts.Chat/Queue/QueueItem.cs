// One message on its way to speech: the message, the text the filters left (what players show), the
// text to speak (the say template applied), and the voice/engine chosen for it. Immutable; its life
// is told by QueueItemChange events. Id is the queue's own, unique per process, increasing.
using IShowTts.Chat.Model;

namespace IShowTts.Chat.Queue;

public sealed record QueueItem(
    long Id,
    ChatMessage Message,
    string Text,
    string SpokenText,
    string? VoiceId,
    string? Engine,
    DateTimeOffset ReceivedAt)
{
    public ChatPriority Priority => Message.Priority;
}
