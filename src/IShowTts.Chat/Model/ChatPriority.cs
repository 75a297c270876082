// The original's five priorities, lowest first so that a larger value is spoken earlier:
// gift > paid > moderator > mention > normal. JSON names are the original's ("Gift", "Normal", …).
using System.Text.Json.Serialization;

namespace IShowTts.Chat.Model;

[JsonConverter(typeof(JsonStringEnumConverter<ChatPriority>))]
public enum ChatPriority
{
    Normal = 0,
    Mention = 1,
    Moderator = 2,
    Paid = 3,
    Gift = 4,
}
