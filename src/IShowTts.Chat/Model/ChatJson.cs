// The JSON options the chat types are meant to be read and written with: snake_case keys (the
// original's), enum names as strings, nulls omitted. Types also carry attributes, so other options work.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IShowTts.Chat.Model;

public static class ChatJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static ChatMessage ParseMessage(string json) =>
        JsonSerializer.Deserialize<ChatMessage>(json, Options)
        ?? throw new JsonException("a chat message must be a JSON object, not null");

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
