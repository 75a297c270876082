namespace IShowTts.Audio.Tests;

public sealed class LoudnessTests
{
    private static float[] Sine(double amplitude, double hz, int rate, double seconds) =>
        Enumerable.Range(0, (int)(rate * seconds)).Select(i => (float)(amplitude * Math.Sin(2 * Math.PI * hz * i / rate))).ToArray();

    [Theory]
    [InlineData(48000)]
    [InlineData(24000)]
    [InlineData(44100)]
    public void SineOfAmplitudeOneTenthAtOneKilohertzReadsMinus23(int rate)
    {
        // BS.1770's reference: a 997 Hz sine with mean square 0.005 (−23.01 dB) reads −23.0 LUFS in one channel.
        Assert.Equal(-23.0, Loudness.IntegratedLufs(Sine(0.1, 997, rate, 5), rate), 1);
    }

    [Fact]
    public void SilenceAndTooShortClipsHaveNoLoudness()
    {
        Assert.Equal(double.NegativeInfinity, Loudness.IntegratedLufs(new float[48000], 48000));
        Assert.Equal(double.NegativeInfinity, Loudness.IntegratedLufs(Sine(0.1, 997, 48000, 0.2), 48000));
    }

    [Theory]
    [InlineData(0.01, -23.0)]
    [InlineData(0.3, -23.0)]
    [InlineData(0.05, -16.0)]
    public void NormalizeReachesTheTargetWithinOneTenthOfALoudnessUnit(double amplitude, double target)
    {
        // Speech-like: a 220 Hz tone with harmonics and pauses.
        var rate = 24000;
        var clip = Enumerable.Range(0, rate * 4).Select(i =>
        {
            double t = (double)i / rate;
            double on = (int)(t * 2) % 2 == 0 ? 1 : 0.05;
            return (float)(amplitude * on * (Math.Sin(2 * Math.PI * 220 * t) + 0.5 * Math.Sin(2 * Math.PI * 660 * t)));
        }).ToArray();
        var normalized = Loudness.Normalize(clip, rate, target, peakCeilingDbfs: 0);
        Assert.Equal(target, Loudness.IntegratedLufs(normalized, rate), 0.1);
    }

    [Fact]
    public void GainIsLimitedByThePeakCeiling()
    {
        var loudTarget = Loudness.Normalize(Sine(0.01, 997, 24000, 2), 24000, targetLufs: 0, peakCeilingDbfs: -1);
        Assert.True(loudTarget.Max(Math.Abs) <= Math.Pow(10, -1 / 20.0) + 1e-6);
    }
}
