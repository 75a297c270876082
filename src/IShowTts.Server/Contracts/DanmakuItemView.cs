// One chat item as the danmaku routes show it: its state and why, who sent it and what players show.
// Built from the chat library's QueueItemChange / QueueItem; the shape is documented in docs/chat.md.
using IShowTts.Chat.Model;
using IShowTts.Chat.Queue;

namespace IShowTts.Server.Contracts;

public sealed record DanmakuItemView(
    long Id,
    QueueItemState State,
    DateTimeOffset At,
    DropReason? Reason,
    string? Detail,
    string? By,
    ChatPlatform Platform,
    string Channel,
    string Username,
    string DisplayName,
    string? Color,
    ChatPriority Priority,
    string Text,
    Guid MessageId,
    string? VoiceId,
    string? Engine)
{
    public static DanmakuItemView Of(QueueItemChange change) => Of(change.Item, change.State, change.At, change.Reason, change.Detail, change.By);

    public static DanmakuItemView Of(QueueItem item, QueueItemState state, DateTimeOffset at, DropReason? reason = null, string? detail = null, string? by = null) =>
        new(item.Id, state, at, reason, detail, by, item.Message.Platform, item.Message.Channel, item.Message.Username,
            item.Message.SpeakerName, item.Message.Color, item.Priority, item.Text, item.Message.Id, item.VoiceId, item.Engine);
}
