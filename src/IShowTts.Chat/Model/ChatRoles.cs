// What the author is in the channel, from Twitch badges/tags or YouTube authorDetails.
// Subscriber covers Twitch subscribers and YouTube members (isChatSponsor).
using System.Text.Json.Serialization;

namespace IShowTts.Chat.Model;

[Flags]
[JsonConverter(typeof(JsonStringEnumConverter<ChatRoles>))]
public enum ChatRoles
{
    None = 0,
    Broadcaster = 1,
    Moderator = 2,
    Vip = 4,
    Subscriber = 8,
    Verified = 16,
}
