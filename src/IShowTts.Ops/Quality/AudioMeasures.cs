// Objective companions of a listening test, per sample: clipping and silence ratios, and the mean
// absolute log-mel distance to a high-NFE rendering of the same text and seed (frames aligned from the
// start, the shorter length). They flag broken samples; they are not a quality score.
using IShowTts.Engine.Backends.Cpu;
using IShowTts.Engine.Vocoder;

namespace IShowTts.Ops.Quality;

public static class AudioMeasures
{
    public const float ClipLevel = 0.999f;
    public const double SilenceRms = 0.01; // −40 dBFS

    public static double ClippingRatio(ReadOnlySpan<float> samples)
    {
        if (samples.Length == 0) return 0;
        int clipped = 0;
        foreach (var s in samples) if (Math.Abs(s) >= ClipLevel) clipped++;
        return (double)clipped / samples.Length;
    }

    /// <summary>Share of whole 20 ms frames whose RMS is below −40 dBFS.</summary>
    public static double SilenceRatio(ReadOnlySpan<float> samples, int sampleRate)
    {
        int frame = Math.Max(1, sampleRate / 50);
        int frames = samples.Length / frame;
        if (frames == 0) return 1;
        int silent = 0;
        for (int f = 0; f < frames; f++)
        {
            double sum = 0;
            foreach (var s in samples.Slice(f * frame, frame)) sum += (double)s * s;
            if (Math.Sqrt(sum / frame) < SilenceRms) silent++;
        }
        return (double)silent / frames;
    }

    /// <summary>Mean |log-mel(a) − log-mel(b)| over the frames both have (24 kHz, the model's mel).</summary>
    public static double MelDistance(float[] a, float[] b)
    {
        if (ReferenceEquals(a, b)) return 0;
        using var backend = new CpuBackend();
        using var mel = new MelSpectrogram(backend);
        if (a.Length <= mel.NFft / 2 || b.Length <= mel.NFft / 2) return double.NaN;
        var ma = mel.Compute(a);
        var mb = mel.Compute(b);
        int count = Math.Min(ma.Length, mb.Length);
        double sum = 0;
        for (int i = 0; i < count; i++) sum += Math.Abs(ma[i] - mb[i]);
        return count > 0 ? sum / count : double.NaN;
    }
}
