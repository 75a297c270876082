// The objective companions on synthetic signals whose answers are known: clipping and silence ratios,
// and the mel distance (0 for identical audio, larger for more different audio, NaN when too short).
using IShowTts.Ops.Quality;

namespace IShowTts.Ops.Tests.Quality;

public sealed class AudioMeasuresTests
{
    private const int Rate = 24000;

    private static float[] Sine(double seconds, double hz, double amplitude, int phaseSamples = 0) =>
        Enumerable.Range(phaseSamples, (int)(seconds * Rate)).Select(i => (float)(amplitude * Math.Sin(2 * Math.PI * hz * i / Rate))).ToArray();

    [Fact]
    public void ClippingCountsSamplesAtFullScale()
    {
        Assert.Equal(0.5, AudioMeasures.ClippingRatio([0f, 1f, -1f, 0.5f]));
        Assert.Equal(0.25, AudioMeasures.ClippingRatio([0f, 0.9995f, -0.998f, 0.5f]));
        Assert.Equal(0.0, AudioMeasures.ClippingRatio(Sine(1, 440, 0.9)));
        Assert.Equal(0.0, AudioMeasures.ClippingRatio([]));
    }

    [Fact]
    public void SilenceCountsQuietFrames()
    {
        // 1 s: the first half digital silence, the second a −6 dBFS tone: 25 of 50 frames are silent.
        var half = new float[Rate / 2].Concat(Sine(0.5, 440, 0.5)).ToArray();
        Assert.Equal(0.5, AudioMeasures.SilenceRatio(half, Rate), 12);
        Assert.Equal(1.0, AudioMeasures.SilenceRatio(Sine(1, 440, 0.005), Rate));   // −46 dBFS RMS: below −40 dBFS
        Assert.Equal(0.0, AudioMeasures.SilenceRatio(Sine(1, 440, 0.05), Rate));    // −29 dBFS RMS
        Assert.Equal(1.0, AudioMeasures.SilenceRatio(new float[10], Rate));         // shorter than a frame
    }

    [Fact]
    public void MelDistanceIsZeroForIdenticalAudio()
    {
        var a = Sine(1, 220, 0.3);
        Assert.Equal(0.0, AudioMeasures.MelDistance(a, (float[])a.Clone()));
        Assert.Equal(0.0, AudioMeasures.MelDistance(a, a));
    }

    [Fact]
    public void MelDistanceGrowsWithTheDifference()
    {
        var a = Sine(1, 220, 0.3);
        var near = Sine(1, 230, 0.3);
        var far = Sine(1, 2000, 0.3);
        double dNear = AudioMeasures.MelDistance(a, near), dFar = AudioMeasures.MelDistance(a, far);
        Assert.True(dNear > 0, $"near {dNear}");
        Assert.True(dFar > dNear, $"far {dFar} ≤ near {dNear}");
        Assert.Equal(dNear, AudioMeasures.MelDistance(near, a), 9);   // symmetric
    }

    [Fact]
    public void MelDistanceUsesTheFramesBothHave()
    {
        var a = Sine(1, 220, 0.3);
        var longer = a.Concat(Sine(1, 3000, 0.3)).ToArray();
        Assert.True(AudioMeasures.MelDistance(a, longer) < AudioMeasures.MelDistance(a, Sine(1, 3000, 0.3)));
    }

    [Fact]
    public void MelDistanceOfTooShortAudioIsNaN() => Assert.True(double.IsNaN(AudioMeasures.MelDistance(new float[100], Sine(1, 220, 0.3))));
}
