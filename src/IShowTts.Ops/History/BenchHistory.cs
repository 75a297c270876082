// The bench history: one BenchRecord per line (JSON Lines), appended by `bench --json` and read by
// `bench history`. Appends are single writes of one line; a line that does not parse (a crash in the
// middle of a write on a filesystem without atomic appends) is skipped and reported, never fatal.
using System.Text.Json;
using IShowTts.Ops.Bench;
using IShowTts.Ops.Files;

namespace IShowTts.Ops.History;

public static class BenchHistory
{
    /// <summary>&lt;data_dir&gt;/bench/history.jsonl.</summary>
    public static string DefaultPath(string dataDirectory) => Path.Combine(dataDirectory, "bench", "history.jsonl");

    public static void Append(string path, BenchRecord record) =>
        AtomicFile.AppendLine(path, JsonSerializer.Serialize(record, OpsJson.Compact));

    /// <summary>Every readable record in file order, and one note per line that could not be read.</summary>
    public static (IReadOnlyList<BenchRecord> Records, IReadOnlyList<string> Skipped) Read(string path)
    {
        if (!File.Exists(path)) throw new OpsException($"no bench history at {path} (run `ishowtts bench … --json FILE` to start one)");
        var records = new List<BenchRecord>();
        var skipped = new List<string>();
        int number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                var record = JsonSerializer.Deserialize<BenchRecord>(line, OpsJson.Compact);
                if (record?.Results is null) skipped.Add($"{path}:{number}: not a bench record");
                else records.Add(record);
            }
            catch (JsonException e)
            {
                skipped.Add($"{path}:{number}: unreadable ({e.Message})");
            }
        }
        return (records, skipped);
    }
}
