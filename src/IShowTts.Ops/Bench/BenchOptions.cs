namespace IShowTts.Ops.Bench;

/// <param name="Nfes">each NFE to time, in order.</param>
/// <param name="Warmups">untimed runs per NFE before the timed ones (the first builds graphs and tunes GEMMs).</param>
/// <param name="Runs">timed runs per NFE.</param>
/// <param name="FirstAudio">also measure time to first audio through the streamed path.</param>
/// <param name="Diagnostics">profile ops (CPU: the timed runs; GPU: one extra eager run after the warm-ups, untimed) and time the GEMMs alone.</param>
public sealed record BenchOptions(IReadOnlyList<int> Nfes, int Warmups = 1, int Runs = 3, ulong Seed = 0, bool FirstAudio = false, bool Diagnostics = true)
{
    public static BenchOptions Single(int nfe, int warmups = 1, int runs = 3) => new([nfe], warmups, runs);
}
