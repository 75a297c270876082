// Integrated loudness after ITU-R BS.1770-4 / EBU R128 (K-weighting, 400 ms blocks with 75 % overlap,
// absolute gate −70 LUFS, relative gate −10 LU), and levelling a clip to a target with its sample peaks
// at or under a ceiling (gain + PeakLimiter, re-measured until on target). Filter coefficients for any
// rate as libebur128 derives them.
namespace IShowTts.Audio;

public static class Loudness
{
    /// <summary>EBU R128's programme target.</summary>
    public const double EbuTargetLufs = -23.0;

    /// <summary>Integrated loudness of mono samples in LUFS; −∞ for silence or clips shorter than one 400 ms block.</summary>
    public static double IntegratedLufs(ReadOnlySpan<float> samples, int sampleRate)
    {
        var weighted = KWeight(samples, sampleRate);
        int block = (int)Math.Round(0.4 * sampleRate), hop = (int)Math.Round(0.1 * sampleRate);
        if (weighted.Length < block) return double.NegativeInfinity;
        var powers = new List<double>();
        for (int start = 0; start + block <= weighted.Length; start += hop)
        {
            double sum = 0;
            for (int i = start; i < start + block; i++) sum += weighted[i] * weighted[i];
            powers.Add(sum / block);
        }
        static double Lufs(double meanSquare) => -0.691 + 10 * Math.Log10(meanSquare);
        var aboveAbsolute = powers.Where(p => p > 0 && Lufs(p) > -70).ToList();
        if (aboveAbsolute.Count == 0) return double.NegativeInfinity;
        double relativeGate = Lufs(aboveAbsolute.Average()) - 10;
        var gated = aboveAbsolute.Where(p => Lufs(p) > relativeGate).ToList();
        return gated.Count == 0 ? double.NegativeInfinity : Lufs(gated.Average());
    }

    private const double LimiterHalfWindowSeconds = 0.010;
    private const int MaxLevellingRounds = 8;
    private const double LevellingToleranceLu = 0.05;

    /// <summary>
    /// A copy brought to <paramref name="targetLufs"/> with its sample peaks at or under <paramref name="peakCeilingDbfs"/>:
    /// the gain, then a look-ahead limiter (PeakLimiter) on the peaks that would pass the ceiling, the loudness
    /// measured again and the gain corrected until on target. A clip that needs no limiting is only scaled;
    /// silence and sub-block clips come back unchanged.
    /// </summary>
    public static float[] Normalize(ReadOnlySpan<float> samples, int sampleRate, double targetLufs = EbuTargetLufs, double peakCeilingDbfs = -1.0)
    {
        double loudness = IntegratedLufs(samples, sampleRate);
        if (double.IsNegativeInfinity(loudness)) return samples.ToArray();
        float ceiling = (float)Math.Pow(10, peakCeilingDbfs / 20);
        int halfWindow = Math.Max(1, (int)Math.Round(LimiterHalfWindowSeconds * sampleRate));
        double gainDb = targetLufs - loudness;
        float[] levelled = [];
        for (int round = 0; round < MaxLevellingRounds; round++)
        {
            levelled = PeakLimiter.GainAndLimit(samples, (float)Math.Pow(10, gainDb / 20), ceiling, halfWindow);
            double reached = IntegratedLufs(levelled, sampleRate);
            if (double.IsNegativeInfinity(reached) || Math.Abs(targetLufs - reached) <= LevellingToleranceLu) break;
            gainDb += targetLufs - reached;
        }
        return levelled;
    }

    /// <summary>The BS.1770 K-weighting: a high shelf (+4 dB above ~1.7 kHz) then a high pass (~38 Hz).</summary>
    private static double[] KWeight(ReadOnlySpan<float> x, int rate)
    {
        // Stage 1: high shelf.
        double f0 = 1681.974450955533, gainDb = 3.999843853973347, q = 0.7071752369554196;
        double k = Math.Tan(Math.PI * f0 / rate);
        double vh = Math.Pow(10, gainDb / 20), vb = Math.Pow(vh, 0.4996667741545416);
        double a0 = 1 + k / q + k * k;
        double b0 = (vh + vb * k / q + k * k) / a0, b1 = 2 * (k * k - vh) / a0, b2 = (vh - vb * k / q + k * k) / a0;
        double a1 = 2 * (k * k - 1) / a0, a2 = (1 - k / q + k * k) / a0;
        // Stage 2: high pass.
        f0 = 38.13547087602444; q = 0.5003270373238773;
        k = Math.Tan(Math.PI * f0 / rate);
        double c0 = 1 + k / q + k * k;
        double d1 = 2 * (k * k - 1) / c0, d2 = (1 - k / q + k * k) / c0;

        var y = new double[x.Length];
        double s1x1 = 0, s1x2 = 0, s1y1 = 0, s1y2 = 0, s2x1 = 0, s2x2 = 0, s2y1 = 0, s2y2 = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double xin = x[i];
            double o1 = b0 * xin + b1 * s1x1 + b2 * s1x2 - a1 * s1y1 - a2 * s1y2;
            s1x2 = s1x1; s1x1 = xin; s1y2 = s1y1; s1y1 = o1;
            double o2 = o1 - 2 * s2x1 + s2x2 - d1 * s2y1 - d2 * s2y2;
            s2x2 = s2x1; s2x1 = o1; s2y2 = s2y1; s2y1 = o2;
            y[i] = o2;
        }
        return y;
    }
}
