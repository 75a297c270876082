// One bench invocation as stored: what ran (workload, weights, device), on what (machine facts, build
// commit), when, and the per-NFE results. Written by `bench --json` and appended to the history file;
// read back by `bench --compare` and `bench history`.
using IShowTts.Ops.Machine;

namespace IShowTts.Ops.Bench;

public sealed record BenchRecord(
    string Schema, DateTimeOffset Timestamp, string Workload, string Weights, string DeviceKind, string DeviceName, string DeviceDetails,
    int Warmups, double? TargetRtf, MachineFacts Machine, IReadOnlyList<BenchNfeResult> Results)
{
    public const string CurrentSchema = "ishowtts-bench/1";

    /// <summary>Whether every NFE's mean RTF meets the target (true when no target was given).</summary>
    public bool Passed => TargetRtf is not { } target || Results.All(r => r.Rtf <= target);

    public BenchNfeResult? ForNfe(int nfe) => Results.FirstOrDefault(r => r.Nfe == nfe);
}
