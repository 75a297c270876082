// Reads and writes ChatContent as the original's serde enum: {"Text": "…"} / {"System": "…"}.
// A bare JSON string is accepted as Text so hand-written /enqueue bodies stay short.
using System.Text.Json;
using System.Text.Json.Serialization;
using IShowTts.Chat.Model;

namespace IShowTts.Chat.Internal;

internal sealed class ChatContentJsonConverter : JsonConverter<ChatContent>
{
    public override ChatContent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
            return ChatContent.Text(reader.GetString()!);
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException("content must be {\"Text\": string} or {\"System\": string}");
        ChatContent? content = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
                throw new JsonException("content must be {\"Text\": string} or {\"System\": string}");
            var name = reader.GetString();
            reader.Read();
            var kind = name switch
            {
                _ when string.Equals(name, "Text", StringComparison.OrdinalIgnoreCase) => ChatContentKind.Text,
                _ when string.Equals(name, "System", StringComparison.OrdinalIgnoreCase) => ChatContentKind.System,
                _ => throw new JsonException($"content has an unknown kind \"{name}\" (expected Text or System)"),
            };
            if (reader.TokenType != JsonTokenType.String)
                throw new JsonException($"content.{name} must be a string");
            content = new ChatContent(kind, reader.GetString()!);
        }
        return content ?? throw new JsonException("content must name Text or System");
    }

    public override void Write(Utf8JsonWriter writer, ChatContent value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString(value.Kind == ChatContentKind.System ? "System" : "Text", value.Value);
        writer.WriteEndObject();
    }
}
