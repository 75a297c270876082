// Whether a message is something a viewer typed (Text) or a platform announcement (System: subs, raids).
using System.Text.Json.Serialization;

namespace IShowTts.Chat.Model;

[JsonConverter(typeof(JsonStringEnumConverter<ChatContentKind>))]
public enum ChatContentKind
{
    Text,
    System,
}
