// The JSON settings every file of the kit uses: snake_case like the HTTP API, indented for people
// (manifests, bench results) or one line (history records), nulls left out.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IShowTts.Ops.Files;

public static class OpsJson
{
    public static JsonSerializerOptions Indented { get; } = Create(true);

    public static JsonSerializerOptions Compact { get; } = Create(false);

    private static JsonSerializerOptions Create(bool indented) => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = indented,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Reads <paramref name="path"/> as T; a missing or malformed file is an OpsException naming it.</summary>
    public static T Read<T>(string path)
    {
        if (!File.Exists(path)) throw new OpsException($"{path} does not exist");
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Indented) ?? throw new OpsException($"{path} is empty (JSON null)");
        }
        catch (JsonException e)
        {
            throw new OpsException($"{path} is not a valid {typeof(T).Name} file: {e.Message}", e);
        }
    }

    public static void Write<T>(string path, T value) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(value, Indented) + "\n");
}
