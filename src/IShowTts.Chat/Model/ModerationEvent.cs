// A moderation action seen on a platform (Twitch CLEARCHAT/CLEARMSG, YouTube messageDeletedEvent /
// userBannedEvent). The queue removes what it names from everything not yet played and stops it if playing.
namespace IShowTts.Chat.Model;

public sealed record ModerationEvent(
    ChatPlatform Platform,
    string Channel,
    ModerationKind Kind,
    DateTimeOffset Timestamp,
    string? TargetUserId = null,
    string? TargetUsername = null,
    string? TargetMessageId = null,
    TimeSpan? Duration = null);
