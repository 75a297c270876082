// Band-limited resampling exactly as torchaudio.transforms.Resample(orig, new) with its defaults:
// windowed sinc, Hann window, lowpass_filter_width 6, rolloff 0.99, the kernel computed in float64
// and stored as float32, applied as a strided convolution. Not a streaming or a "better" resampler:
// its job is to feed the model what the official path feeds it (golden audio README, tolerance 1e-5).
using System.Collections.Concurrent;
using IShowTts.Audio.Internal;

namespace IShowTts.Audio;

public static class Resampler
{
    static readonly ConcurrentDictionary<(int From, int To), SincResampleKernel> Kernels = new();

    /// <summary>Resamples a mono signal from <paramref name="fromRate"/> to <paramref name="toRate"/> Hz;
    /// the output has ceil(length · to / from) samples (reduced by the rates' gcd, as torchaudio does).</summary>
    public static float[] Resample(ReadOnlySpan<float> x, int fromRate, int toRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fromRate, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(toRate, 1);
        if (fromRate == toRate) return x.ToArray();
        var kernel = Kernels.GetOrAdd((fromRate, toRate), static k => SincResampleKernel.Build(k.From, k.To));
        return kernel.Apply(x);
    }
}
