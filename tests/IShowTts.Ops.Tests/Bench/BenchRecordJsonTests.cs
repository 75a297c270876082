// A bench result survives its JSON file (what --compare and the history read back): every run, phase and
// machine fact, in snake_case keys, with the summary figures written for people and tools.
using System.Text.Json;
using IShowTts.Ops.Bench;
using IShowTts.Ops.Files;
using IShowTts.Ops.Machine;
using IShowTts.Ops.Nvml;
using IShowTts.Ops.Tests.Bench;

namespace IShowTts.Ops.Tests.Bench;

public sealed class BenchRecordJsonTests
{
    private static BenchRecord Sample()
    {
        var gpu = new GpuSnapshot(0, "NVIDIA H200", 9, 0, 150_000_000_000, 1_000_000, 1980, 1980, 3201, 3201, 1980, 120.5, 700, 41, 0, true, 1, []);
        var machine = new MachineFacts("gpu-host", "Ubuntu 24.04", ".NET 10.0.0", "Xeon", 16, 128L << 30, "d60fbd938a1b7fc7f8a4f15c6631704b9e195f7c",
            "580.159", "13.0", gpu, null);
        var diagnostics = new BenchDiagnostics(3.1e14, 5.5e14, 0.62, -1, [new OpTime("linear", 1540, 0.021, 3.1e14), new OpTime("attention", 154, 0.008, 2.0e14)]);
        var result = Records.Result(7, 0.0389, spread: 0.02) with { FirstAudioSeconds = 0.012, Diagnostics = diagnostics };
        return new BenchRecord(BenchRecord.CurrentSchema, new DateTimeOffset(2026, 12, 4, 6, 30, 0, TimeSpan.Zero), "W1", "random", "cuda",
            "NVIDIA H200", "cuBLASLt 13.0, F16 compute", 3, 0.02, machine, [result, Records.Result(32, 0.152)]);
    }

    [Fact]
    public void RoundTripsEveryStoredField()
    {
        using var dir = new TempDirectory();
        var path = dir.File("bench.json");
        var record = Sample();

        OpsJson.Write(path, record);
        var back = OpsJson.Read<BenchRecord>(path);

        Assert.Equal((record.Schema, record.Timestamp, record.Workload, record.Weights, record.DeviceKind, record.DeviceName, record.DeviceDetails),
            (back.Schema, back.Timestamp, back.Workload, back.Weights, back.DeviceKind, back.DeviceName, back.DeviceDetails));
        Assert.Equal((record.Warmups, record.TargetRtf), (back.Warmups, back.TargetRtf));
        Assert.Equal(record.Machine with { Gpu = null }, back.Machine with { Gpu = null });
        Assert.Equal(record.Machine.Gpu!.Name, back.Machine.Gpu!.Name);
        Assert.Equal(record.Machine.Gpu.SmClockMhz, back.Machine.Gpu.SmClockMhz);
        Assert.Equal(record.Machine.Gpu.PowerWatts, back.Machine.Gpu.PowerWatts);
        Assert.Equal(record.Results.Count, back.Results.Count);
        for (int i = 0; i < record.Results.Count; i++)
        {
            var (a, b) = (record.Results[i], back.Results[i]);
            Assert.Equal((a.Nfe, a.GeneratedSeconds, a.FirstAudioSeconds, a.PeakMemoryBytes, a.PeakMemoryKind),
                (b.Nfe, b.GeneratedSeconds, b.FirstAudioSeconds, b.PeakMemoryBytes, b.PeakMemoryKind));
            Assert.Equal(a.Seconds, b.Seconds);
            Assert.Equal(a.Phases.Keys, b.Phases.Keys);
            foreach (var phase in a.Phases.Keys) Assert.Equal(a.Phases[phase], b.Phases[phase]);
            Assert.Equal((a.Median, a.Spread, a.Rtf), (b.Median, b.Spread, b.Rtf));
        }
        var d = back.Results[0].Diagnostics!;
        Assert.Equal((3.1e14, 5.5e14, 0.62, -1L), (d.LinearRate, d.GemmAloneRate, d.LinearShare, d.AllocatedBytesPerStep));
        Assert.Equal(["linear", "attention"], d.Ops.Select(o => o.Op));
        Assert.Equal(1540, d.Ops[0].Calls);
    }

    [Fact]
    public void TheFileUsesSnakeCaseAndCarriesTheSummaries()
    {
        using var dir = new TempDirectory();
        var path = dir.File("bench.json");
        OpsJson.Write(path, Sample());

        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var root = doc.RootElement;
        Assert.Equal("ishowtts-bench/1", root.GetProperty("schema").GetString());
        Assert.Equal("d60fbd938a1b7fc7f8a4f15c6631704b9e195f7c", root.GetProperty("machine").GetProperty("commit").GetString());
        Assert.Equal(1980u, root.GetProperty("machine").GetProperty("gpu").GetProperty("sm_clock_mhz").GetUInt32());
        Assert.Equal("580.159", root.GetProperty("machine").GetProperty("gpu_driver").GetString());
        var nfe7 = root.GetProperty("results")[0];
        Assert.Equal(0.0389, nfe7.GetProperty("median").GetDouble(), 12);
        Assert.Equal(0.0389 / 4.149, nfe7.GetProperty("median_rtf").GetDouble(), 12);
        Assert.Equal(5, nfe7.GetProperty("seconds").GetArrayLength());
        Assert.Equal(5, nfe7.GetProperty("phases").GetProperty("steps").GetArrayLength());
        Assert.False(root.GetProperty("passed").GetBoolean()); // NFE 32: RTF 0.0366 > the target 0.02
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(0.05, true)]   // NFE 7: 0.0389 / 4.149 = 0.0094; NFE 32: 0.152 / 4.149 = 0.0366 (means of symmetric runs)
    [InlineData(0.02, false)]  // NFE 32 misses
    [InlineData(0.005, false)]
    public void PassesWhenEveryNfeMeetsTheTarget(double? target, bool passed) =>
        Assert.Equal(passed, (Sample() with { TargetRtf = target }).Passed);

    [Fact]
    public void RealTimeFiguresFollowFromTheRuns()
    {
        var r = Records.Result(7, 0.0415, spread: 0.0);
        Assert.Equal(0.0415 / 4.149, r.Rtf, 12);
        Assert.Equal(4.149 / 0.0415, r.SpeedUp, 9);
        Assert.Equal(0.0, r.OutsidePhasesSeconds(), 12); // the synthetic phases split each run exactly
    }
}
