// Resampler: torchaudio's output length, identity at equal rates, a tone keeps its frequency and level,
// and the stored per-phase support holds every tap torchaudio's full kernel has (the rest are 0f).
using IShowTts.Audio.Internal;
using IShowTts.TestSupport;

namespace IShowTts.Audio.Tests;

public sealed class ResamplerTests
{
    [Theory]
    [InlineData(44100, 24000, 1000, 545)]   // ceil(1000 · 80 / 147)
    [InlineData(16000, 24000, 1001, 1502)]  // ceil(1001 · 3 / 2)
    [InlineData(48000, 24000, 999, 500)]
    [InlineData(22050, 24000, 22050, 24000)]
    [InlineData(8000, 24000, 7, 21)]
    public void OutputLengthIsTheCeilingOfTheRateRatio(int from, int to, int length, int expected)
        => Assert.Equal(expected, Resampler.Resample(new float[length], from, to).Length);

    [Fact]
    public void EqualRatesReturnACopy()
    {
        float[] x = [0.1f, -0.2f, 0.3f];

        var y = Resampler.Resample(x, 24000, 24000);

        Assert.Equal(x, y);
        Assert.NotSame(x, y);
    }

    [Theory]
    [InlineData(44100)]
    [InlineData(48000)]
    [InlineData(16000)]
    [InlineData(22050)]
    [InlineData(11025)]
    public void ToneKeepsItsFrequencyAndLevel(int from)
    {
        const double hz = 440, amplitude = 0.5;
        var x = Enumerable.Range(0, from).Select(i => (float)(amplitude * Math.Sin(2 * Math.PI * hz * i / from))).ToArray();

        var y = Resampler.Resample(x, from, 24000);

        // Away from the zero-padded edges the output is the same tone sampled at 24 kHz.
        var middle = Enumerable.Range(2400, 24000 - 4800).ToArray();
        var expected = middle.Select(j => (float)(amplitude * Math.Sin(2 * Math.PI * hz * j / 24000))).ToArray();
        var actual = middle.Select(j => y[j]).ToArray();
        Assert.InRange(Compare.RelativeL2(actual, expected), 0, 2e-3);
    }

    [Theory]
    [InlineData(44100, 24000)]
    [InlineData(16000, 24000)]
    [InlineData(48000, 24000)]
    [InlineData(22050, 24000)]
    [InlineData(8000, 24000)]
    [InlineData(32000, 24000)]
    [InlineData(24000, 16000)]
    public void TapsOutsideTheStoredSupportAreExactlyZero(int from, int to)
    {
        int gcd = (int)System.Numerics.BigInteger.GreatestCommonDivisor(from, to);
        int orig = from / gcd, @new = to / gcd;
        double baseFreq = Math.Min(orig, @new) * SincResampleKernel.Rolloff;
        int width = (int)Math.Ceiling(SincResampleKernel.LowpassFilterWidth * orig / baseFreq);

        for (int p = 0; p < @new; p++)
        {
            int lo = (int)Math.Floor((double)p * orig / @new), hi = lo + 2 * width + 2;
            for (int m = 0; m < 2 * width + orig; m++)
                if (m < lo || m >= hi)
                    Assert.Equal(0f, SincResampleKernel.Tap(p, m, orig, @new, width, baseFreq));
        }
    }

    [Fact]
    public void KernelCentreTapIsTheRolloffScale()
    {
        // t = 0 at phase 0, m = width: sinc(0) · window(0) · base / orig = 0.99 · min(orig, new) / orig.
        var kernel = SincResampleKernel.Build(44100, 24000);
        double baseFreq = 80 * SincResampleKernel.Rolloff;

        Assert.Equal(147, kernel.Orig);
        Assert.Equal(80, kernel.New);
        Assert.Equal(12, kernel.Width); // ceil(6 · 147 / 79.2)
        Assert.Equal((float)(baseFreq / 147), SincResampleKernel.Tap(0, 12, 147, 80, 12, baseFreq));
    }
}
