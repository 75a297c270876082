namespace IShowTts.Ops.Bench;

/// <param name="Seconds">each timed run, whole request (reference waveform + ids → waveform on the host).</param>
/// <param name="LinearRate">FLOP/s the model's linear layers reached (profiled warm-up run).</param>
/// <param name="GemmAloneRate">FLOP/s of the backend's plain GEMM on the same shapes, outside the model.</param>
/// <param name="AllocatedBytesPerStep">managed bytes allocated per sampling step (all threads).</param>
public sealed record BenchResult(
    string Device, string Details, int Nfe, double GeneratedSeconds, IReadOnlyList<double> Seconds,
    double MelSeconds, double StepsSeconds, double VocoderSeconds,
    double LinearRate, double GemmAloneRate, double LinearShare, long AllocatedBytesPerStep,
    IReadOnlyList<(string Op, long Calls, double Seconds, double Rate)> Ops)
{
    public double Median => Percentile(0.5);
    public double Min => Seconds.Min();
    public double Max => Seconds.Max();
    public double Rtf => Median / GeneratedSeconds;

    private double Percentile(double p)
    {
        var sorted = Seconds.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        double pos = p * (sorted.Length - 1);
        int lo = (int)Math.Floor(pos), hi = (int)Math.Ceiling(pos);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }
}
