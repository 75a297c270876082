// What `ishowtts profile` prints: one request split into its phases (mel, steps, vocoder), each with its
// unprofiled time, share of the request, and the per-op table of the profiled run (calls, time, share,
// FLOP/s and bytes/s, each against the device's measured ceilings).
namespace IShowTts.Ops.Profile;

/// <param name="Bytes">the least bytes the op's calls must move (TrafficCounter).</param>
public sealed record OpProfile(string Op, long Calls, double Seconds, double ShareOfPhase, long Flops, long Bytes)
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
}

public sealed record ProfileReport(string Workload, string Device, string DeviceDetails, int Nfe, double RequestSeconds, double GeneratedSeconds,
    IReadOnlyList<PhaseProfile> Phases, DeviceCeilings Ceilings);
