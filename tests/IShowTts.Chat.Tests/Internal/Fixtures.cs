// Reads the recorded-shape response files under Fixtures/ (copied next to the test binaries).
using System.Text.Json;

namespace IShowTts.Chat.Tests.Internal;

internal static class Fixtures
{
    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "YouTube", name));

    public static JsonElement Items(string name, string id)
    {
        using var document = JsonDocument.Parse(Text(name));
        return document.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == id).Clone();
    }
}
