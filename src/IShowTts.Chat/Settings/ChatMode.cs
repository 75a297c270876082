// Who gets read aloud: everyone, subscribers (and members, VIPs, moderators, the broadcaster), only
// messages with bits/channel points/money, or everyone after a moderator approves each message.
using System.Text.Json.Serialization;

namespace IShowTts.Chat.Settings;

[JsonConverter(typeof(JsonStringEnumConverter<ChatMode>))]
public enum ChatMode
{
    Everyone,
    Subscribers,
    Paid,
    Approval,
}
