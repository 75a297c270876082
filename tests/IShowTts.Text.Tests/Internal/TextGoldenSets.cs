// Finds text-frontend cases in golden/text/README.md's format: every *.json under the golden directory
// that has a "frontend" or "chunking" array (other JSON in the tree belongs to other formats and is
// skipped by content, not by name), plus this project's Fixtures/*.json in the same format. A case is
// named "<source>:<file>#<section>[<index>]", source being "golden" or "fixture".
using System.Text.Json;
using IShowTts.TestSupport;

namespace IShowTts.Text.Tests.Internal;

internal static class TextGoldenSets
{
    public const string Frontend = "frontend";
    public const string Chunking = "chunking";
    private const string GoldenSource = "golden";
    private const string FixtureSource = "fixture";

    /// <summary>One theory row per case of <paramref name="section"/> in every golden file, then in every fixture.</summary>
    public static TheoryData<string> Cases(string section)
    {
        var rows = new TheoryData<string>();
        var goldenRows = 0;
        foreach (var (source, relative, root) in Files())
        {
            if (!root.TryGetProperty(section, out var array) || array.ValueKind != JsonValueKind.Array) continue;
            for (var i = 0; i < array.GetArrayLength(); i++)
            {
                rows.Add($"{source}:{relative}#{section}[{i}]");
                if (source == GoldenSource) goldenRows++;
            }
        }
        if (goldenRows == 0)
            Assert.Fail($"No golden file under {Golden.Directory} has a '{section}' array: an empty set is a broken path, not a pass.");
        return rows;
    }

    /// <summary>The case named by <see cref="Cases"/>, and its file's root (for constants).</summary>
    public static (JsonElement Case, JsonElement Root) Load(string caseName)
    {
        var colon = caseName.IndexOf(':');
        var hash = caseName.LastIndexOf('#');
        var bracket = caseName.LastIndexOf('[');
        var source = caseName[..colon];
        var relative = caseName[(colon + 1)..hash];
        var section = caseName[(hash + 1)..bracket];
        var index = int.Parse(caseName[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
        var root = Parse(Path.Combine(source == GoldenSource ? Golden.Directory : FixtureDirectory, relative));
        return (root.GetProperty(section)[index], root);
    }

    private static string FixtureDirectory => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    private static IEnumerable<(string Source, string Relative, JsonElement Root)> Files()
    {
        var fixtures = Directory.Exists(FixtureDirectory)
            ? Directory.GetFiles(FixtureDirectory, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            : Enumerable.Empty<string>();
        var all = Golden.Find("*.json").Select(p => (GoldenSource, Golden.Directory, p))
            .Concat(fixtures.Select(p => (FixtureSource, FixtureDirectory, p)));
        foreach (var (source, directory, path) in all)
        {
            JsonElement root;
            try
            {
                root = Parse(path);
            }
            catch (JsonException)
            {
                continue; // not JSON, so not this format
            }
            if (root.ValueKind != JsonValueKind.Object) continue;
            if (!root.TryGetProperty(Frontend, out _) && !root.TryGetProperty(Chunking, out _)) continue;
            yield return (source, Path.GetRelativePath(directory, path), root);
        }
    }

    private static JsonElement Parse(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        return doc.RootElement.Clone();
    }
}
