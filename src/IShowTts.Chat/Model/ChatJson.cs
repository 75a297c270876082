// The JSON options the chat types are meant to be read and written with: snake_case keys (the
// original's), enum names as strings, nulls omitted. Types also carry attributes, so other options work.
// A message parsed here also takes the facts the original kept in its metadata (color, bits, badges and
// the roles they stand for, first_msg) when they are not given as our own top-level fields.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IShowTts.Chat.Model;

public static class ChatJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static ChatMessage ParseMessage(string json) =>
        WithMetadataFacts(JsonSerializer.Deserialize<ChatMessage>(json, Options)
            ?? throw new JsonException("a chat message must be a JSON object, not null"));

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    private static ChatMessage WithMetadataFacts(ChatMessage message)
    {
        if (message.Metadata is not { ValueKind: JsonValueKind.Object } metadata) return message;
        if (string.IsNullOrEmpty(message.Color) && metadata.TryGetProperty("color", out var color)
            && color.ValueKind == JsonValueKind.String && color.GetString() is { Length: > 0 } value)
            message = message with { Color = value };
        if (message.Bits == 0 && metadata.TryGetProperty("bits", out var bits)
            && bits.ValueKind == JsonValueKind.Number && bits.TryGetInt32(out var count) && count > 0)
            message = message with { Bits = count };
        if (message.Badges.Count == 0 && metadata.TryGetProperty("badges", out var badges) && badges.ValueKind == JsonValueKind.Array)
        {
            string[] names = [.. badges.EnumerateArray().Where(b => b.ValueKind == JsonValueKind.String).Select(b => b.GetString()!).Where(b => b.Length > 0)];
            message = message with { Badges = names, Roles = message.Roles | BadgeRoles.Of(names) };
        }
        if (!message.FirstMessage && metadata.TryGetProperty("first_msg", out var first) && first.ValueKind == JsonValueKind.True)
            message = message with { FirstMessage = true };
        return message;
    }

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
