// The body of a chat message. In JSON it is the original's externally tagged enum:
// {"Text": "hello"} or {"System": "ronni subscribed for 6 months!"}; a bare string reads as Text.
using System.Text.Json.Serialization;
using IShowTts.Chat.Internal;

namespace IShowTts.Chat.Model;

[JsonConverter(typeof(ChatContentJsonConverter))]
public sealed record ChatContent(ChatContentKind Kind, string Value)
{
    public static ChatContent Text(string value) => new(ChatContentKind.Text, value);

    public static ChatContent System(string value) => new(ChatContentKind.System, value);

    public override string ToString() => $"{Kind}: {Value}";
}
