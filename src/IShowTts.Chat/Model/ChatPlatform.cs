// Where a chat message came from. The names are the original's JSON values ("Twitch", "YouTube").
using System.Text.Json.Serialization;

namespace IShowTts.Chat.Model;

[JsonConverter(typeof(JsonStringEnumConverter<ChatPlatform>))]
public enum ChatPlatform
{
    Twitch,
    YouTube,
}
