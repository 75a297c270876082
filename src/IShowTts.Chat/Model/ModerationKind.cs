// What a moderator did: removed one message, timed out or banned a user, or cleared the whole chat.
using System.Text.Json.Serialization;

namespace IShowTts.Chat.Model;

[JsonConverter(typeof(JsonStringEnumConverter<ModerationKind>))]
public enum ModerationKind
{
    MessageDeleted,
    UserTimedOut,
    UserBanned,
    ChatCleared,
}
