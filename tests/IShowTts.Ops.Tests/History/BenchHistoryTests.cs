// The history file: JSON Lines appended by `bench --json`, read back by `bench history`; a bad line is
// skipped and reported, never fatal; appends from concurrent benches never overwrite one another.
using IShowTts.Ops.Bench;
using IShowTts.Ops.Files;
using IShowTts.Ops.History;
using IShowTts.Ops.Tests.Bench;

namespace IShowTts.Ops.Tests.History;

public sealed class BenchHistoryTests
{
    [Fact]
    public void AppendedRecordsReadBackInOrder()
    {
        using var dir = new TempDirectory();
        var path = BenchHistory.DefaultPath(dir.Path);
        var first = Records.Record([Records.Result(7, 0.040)], new DateTimeOffset(2026, 11, 1, 6, 0, 0, TimeSpan.Zero), commit: "aaaa");
        var second = Records.Record([Records.Result(7, 0.038), Records.Result(32, 0.150)], new DateTimeOffset(2026, 11, 2, 6, 0, 0, TimeSpan.Zero), commit: "bbbb");

        BenchHistory.Append(path, first);
        BenchHistory.Append(path, second);
        var (records, skipped) = BenchHistory.Read(path);

        Assert.Equal(Path.Combine(dir.Path, "bench", "history.jsonl"), path);
        Assert.Equal(2, File.ReadAllLines(path).Length);
        Assert.Empty(skipped);
        Assert.Equal(["aaaa", "bbbb"], records.Select(r => r.Machine.Commit));
        Assert.Equal(second.Timestamp, records[1].Timestamp);
        Assert.Equal(second.Results[1].Seconds, records[1].Results[1].Seconds);
        Assert.Equal(0.150, records[1].ForNfe(32)!.Median, 12);
    }

    [Fact]
    public void UnreadableLinesAreSkippedAndReportedWithTheirLineNumbers()
    {
        using var dir = new TempDirectory();
        var path = dir.File("history.jsonl");
        BenchHistory.Append(path, Records.Record([Records.Result(7, 0.040)], commit: "good1"));
        var full = File.ReadAllLines(path)[0];
        File.AppendAllLines(path, [
            full[..(full.Length / 2)],          // 2: cut off by a crash mid-write
            "not json at all",                  // 3
            "{}",                               // 4: JSON, but no bench record
            "",                                 // 5: blank lines are not records and not problems
            "{\"schema\":\"ishowtts-bench/1\",\"workload\":\"W1\",\"device_name\":\"x\",\"machine\":{\"commit\":\"c\"},\"results\":[{\"nfe\":7,\"seconds\":[]}]}", // 6: no runs
        ]);
        BenchHistory.Append(path, Records.Record([Records.Result(7, 0.041)], commit: "good2"));

        var (records, skipped) = BenchHistory.Read(path);

        Assert.Equal(["good1", "good2"], records.Select(r => r.Machine.Commit));
        Assert.Equal(4, skipped.Count);
        Assert.StartsWith($"{path}:2: unreadable", skipped[0]);
        Assert.StartsWith($"{path}:3: unreadable", skipped[1]);
        Assert.StartsWith($"{path}:4: not a bench record", skipped[2]);
        Assert.StartsWith($"{path}:6: not a bench record (a result without runs)", skipped[3]);
    }

    [Fact]
    public void ConcurrentAppendsKeepEveryRecord()
    {
        using var dir = new TempDirectory();
        var path = dir.File("history.jsonl");
        const int writers = 6, each = 15;

        Parallel.For(0, writers, new ParallelOptions { MaxDegreeOfParallelism = writers }, w =>
        {
            for (int i = 0; i < each; i++)
                BenchHistory.Append(path, Records.Record([Records.Result(7, 0.040 + i * 0.001)], commit: $"w{w}-{i}"));
        });
        var (records, skipped) = BenchHistory.Read(path);

        Assert.Empty(skipped);
        Assert.Equal(writers * each, records.Count);
        Assert.Equal(writers * each, records.Select(r => r.Machine.Commit).Distinct().Count());
    }

    [Fact]
    public void AMissingHistorySaysHowToStartOne()
    {
        using var dir = new TempDirectory();
        var e = Assert.Throws<OpsException>(() => BenchHistory.Read(dir.File("none.jsonl")));
        Assert.Contains("none.jsonl", e.Message);
        Assert.Contains("--json", e.Message);
    }

    [Fact]
    public void AStoredResultIsCheckedWhenRead()
    {
        using var dir = new TempDirectory();
        var good = dir.File("good.json");
        var bad = dir.File("bad.json");
        OpsJson.Write(good, Records.Record([Records.Result(7, 0.040)]));
        File.WriteAllText(bad, "{\"schema\":\"something else\"}");

        Assert.Equal(0.040, BenchHistory.ReadRecord(good).ForNfe(7)!.Median, 12);
        var e = Assert.Throws<OpsException>(() => BenchHistory.ReadRecord(bad));
        Assert.Contains("bad.json is not a bench result", e.Message);
    }
}
