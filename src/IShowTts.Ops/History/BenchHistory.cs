// The bench history: one BenchRecord per line (JSON Lines), appended by `bench --json` and read by
// `bench history`. Appends are single writes of one line under a lock file (AtomicFile.AppendLine); a line
// that does not parse (a crash in the middle of a write, a hand edit) is skipped and reported, never fatal.
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

    /// <summary>One stored result (`bench --json FILE`), checked: a file that is not a bench record is an OpsException naming it.</summary>
    public static BenchRecord ReadRecord(string path)
    {
        var record = OpsJson.Read<BenchRecord>(path);
        return Problem(record) is { } problem ? throw new OpsException($"{path} is not a bench result ({problem}): give a file written by `ishowtts bench --json`") : record;
    }

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
                if (Problem(record) is { } problem) skipped.Add($"{path}:{number}: not a bench record ({problem})");
                else records.Add(record!);
            }
            catch (JsonException e)
            {
                skipped.Add($"{path}:{number}: unreadable ({e.Message})");
            }
        }
        return (records, skipped);
    }

    /// <summary>What makes a parsed line unusable (the fields the table, chart and comparison read), or null.</summary>
    private static string? Problem(BenchRecord? r) =>
        r is null ? "null"
        : r.Results is null ? "no results"
        : r.Machine is null ? "no machine facts"
        : r.Workload is null || r.DeviceName is null ? "no workload or device"
        : r.Results.Any(x => x is null || x.Seconds is not { Count: > 0 } || x.Phases is null || x.GeneratedSeconds <= 0) ? "a result without runs"
        : null;
}
