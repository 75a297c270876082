// One golden model set (`<set>_meta.json` + weights + cases), loaded once per test class run and shared.
using System.Collections.Concurrent;
using System.Text.Json;
using IShowTts.Engine;
using IShowTts.TestSupport;

namespace IShowTts.Engine.Tests.Parity;

internal sealed class GoldenModelSet
{
    private static readonly ConcurrentDictionary<string, Lazy<GoldenModelSet>> Cache = new();

    private GoldenModelSet(string metaPath)
    {
        MetaPath = metaPath;
        Meta = JsonDocument.Parse(File.ReadAllText(metaPath)).RootElement;
        Files = ModelFiles.Resolve(Path.GetDirectoryName(metaPath)!);
        Cases = new GoldenTensors(metaPath[..^"_meta.json".Length] + "_cases.safetensors");
        Model = F5Tts.Load(Files, TestBackend.Create());
    }

    public string MetaPath { get; }
    public JsonElement Meta { get; }
    public ModelFiles Files { get; }
    public GoldenTensors Cases { get; }
    public F5Tts Model { get; }

    public JsonElement Case(string kind) => Meta.GetProperty("cases").GetProperty(kind);

    /// <summary>Relative path (as in the theory row) → the loaded set.</summary>
    public static GoldenModelSet Get(string relativeMeta) =>
        Cache.GetOrAdd(relativeMeta, r => new Lazy<GoldenModelSet>(() => new GoldenModelSet(Golden.PathOf(r)))).Value;

    /// <summary>Theory rows: (meta path, case kind, parameter) for every case every meta file lists.</summary>
    public static TheoryData<string, string, string> AllCases()
    {
        var rows = new TheoryData<string, string, string>();
        foreach (var meta in Golden.Find("*_meta.json"))
        {
            var rel = Path.GetRelativePath(Golden.Directory, meta);
            var cases = JsonDocument.Parse(File.ReadAllText(meta)).RootElement.GetProperty("cases");
            foreach (var kind in cases.EnumerateObject())
            {
                switch (kind.Name)
                {
                    case "dit":
                        foreach (var t in kind.Value.GetProperty("times").EnumerateArray()) rows.Add(rel, "dit", PythonFloat(t.GetDouble()));
                        break;
                    case "sample":
                        foreach (var nfe in kind.Value.GetProperty("nfes").EnumerateArray()) rows.Add(rel, "sample", nfe.GetInt32().ToString());
                        break;
                    default:
                        rows.Add(rel, kind.Name, "");
                        break;
                }
            }
        }
        return rows;
    }

    /// <summary>A float as Python's repr prints it (0.0, 0.37, 0.93), the key format of the cases file.</summary>
    public static string PythonFloat(double value)
    {
        var s = value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        return s.Contains('.') || s.Contains('E') ? s : s + ".0";
    }
}
