// What `ishowtts profile` prints: one request split into its phases (mel, steps, vocoder), each with its
// unprofiled time, share of the request, and the per-op table of the profiled run (calls, time, share,
// FLOP/s and bytes/s, each against the device's measured ceilings: the GEMM ceiling of the op's element
// type, and the copy ceiling).
namespace IShowTts.Ops.Profile;

/// <param name="Flops">floating-point operations of the op's calls (ProfilingBackend's count; 0 for ops it does not count).</param>
/// <param name="Bytes">the least bytes the op's calls must move (TrafficCounter).</param>
/// <param name="DType">the element type the op computes in (TrafficCounter), which picks its GEMM ceiling.</param>
public sealed record OpProfile(string Op, long Calls, double Seconds, double ShareOfPhase, long Flops, long Bytes, string? DType = null)
{
    public double FlopsPerSecond => Seconds > 0 ? Flops / Seconds : 0;
    public double BytesPerSecond => Seconds > 0 ? Bytes / Seconds : 0;
}

/// <param name="Seconds">the phase in the unprofiled request.</param>
/// <param name="ProfiledSeconds">the same phase with every op synchronised and timed (what the op table adds up to, roughly).</param>
public sealed record PhaseProfile(string Phase, double Seconds, double ShareOfRequest, double ProfiledSeconds, IReadOnlyList<OpProfile> Ops)
{
    public long Flops => Ops.Sum(o => o.Flops);
    public long Bytes => Ops.Sum(o => o.Bytes);
    public double FlopsPerSecond => ProfiledSeconds > 0 ? Flops / ProfiledSeconds : 0;
    public double BytesPerSecond => ProfiledSeconds > 0 ? Bytes / ProfiledSeconds : 0;

    /// <summary>Seconds the op table adds up to: the rest of <see cref="ProfiledSeconds"/> is host work between ops.</summary>
    public double OpSeconds => Ops.Sum(o => o.Seconds);

    /// <summary>The element type of the phase's FLOPs (that of its ops with the most), null when it counts none.</summary>
    public string? DType => Ops.Where(o => o.Flops > 0).GroupBy(o => o.DType).OrderByDescending(g => g.Sum(o => o.Flops)).Select(g => g.Key).FirstOrDefault();
}

public sealed record ProfileReport(string Workload, string Device, string DeviceDetails, int Nfe, double RequestSeconds, double GeneratedSeconds,
    IReadOnlyList<PhaseProfile> Phases, DeviceCeilings Ceilings)
{
    /// <summary>Achieved over ceiling (0.37 = 37 %): FLOP/s against the GEMM ceiling of <paramref name="dtype"/>; 0 without a ceiling.</summary>
    public double ShareOfGemmCeiling(double flopsPerSecond, string? dtype) =>
        Ceilings.FlopsPerSecond(dtype) is > 0 and var c ? flopsPerSecond / c : 0;

    /// <summary>Achieved bytes/s over the copy ceiling.</summary>
    public double ShareOfCopyCeiling(double bytesPerSecond) => Ceilings.BytesPerSecond > 0 ? bytesPerSecond / Ceilings.BytesPerSecond : 0;
}
