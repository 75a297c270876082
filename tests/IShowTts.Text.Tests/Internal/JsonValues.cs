// Small readers for golden JSON values (string lists, int lists) and a printer that shows token lists
// unambiguously (quoted, escaped) in failure messages.
using System.Text.Encodings.Web;
using System.Text.Json;

namespace IShowTts.Text.Tests.Internal;

internal static class JsonValues
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static List<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    public static List<int> Ints(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetInt32())];

    public static List<double> Doubles(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetDouble())];

    public static string Show<T>(IEnumerable<T> values) => JsonSerializer.Serialize(values, Readable);

    public static string Show(string value) => JsonSerializer.Serialize(value, Readable);
}
