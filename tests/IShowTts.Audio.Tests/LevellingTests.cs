// Loudness.Normalize on speech-like clips: a peaky clip reaches loud targets that a plain gain could only
// reach by clipping, its peaks stay under the ceiling, and a clip that needs no limiting is only scaled
// (its waveform untouched).
namespace IShowTts.Audio.Tests;

public sealed class LevellingTests
{
    private const int Rate = 24_000;

    // Voiced bursts with sharp onsets: peaks ~18 dB over the loudness, as speech has.
    private static float[] PeakySpeechLike()
    {
        var random = new Random(7);
        return Enumerable.Range(0, Rate * 3).Select(i =>
        {
            double t = (double)i / Rate;
            double syllable = t * 4 % 1;
            double envelope = syllable < 0.6 ? Math.Exp(-6 * syllable) : 0.02;
            double voiced = Math.Sin(2 * Math.PI * 140 * t) + 0.6 * Math.Sin(2 * Math.PI * 280 * t) + 0.3 * Math.Sin(2 * Math.PI * 2400 * t);
            return (float)(0.05 * envelope * (voiced + 0.2 * (random.NextDouble() - 0.5)));
        }).ToArray();
    }

    [Theory]
    [InlineData(-23.0)]
    [InlineData(-16.0)]
    [InlineData(-14.0)]
    public void APeakyClipReachesTheTargetWithItsPeaksUnderTheCeiling(double target)
    {
        var levelled = Loudness.Normalize(PeakySpeechLike(), Rate, target, peakCeilingDbfs: -1);

        Assert.InRange(Loudness.IntegratedLufs(levelled, Rate), target - 0.2, target + 0.2);
        Assert.True(levelled.Max(Math.Abs) <= Math.Pow(10, -1 / 20.0) + 1e-6, "a peak passed −1 dBFS");
    }

    [Fact]
    public void AClipThatNeedsNoLimitingIsOnlyScaled()
    {
        var clip = PeakySpeechLike();
        var levelled = Loudness.Normalize(clip, Rate, targetLufs: -30, peakCeilingDbfs: -1);

        var ratio = levelled[1000] / clip[1000];
        Assert.All(Enumerable.Range(0, clip.Length).Where(i => Math.Abs(clip[i]) > 1e-3), i => Assert.Equal(ratio, levelled[i] / clip[i], 3));
        Assert.InRange(Loudness.IntegratedLufs(levelled, Rate), -30.2, -29.8);
    }

    [Fact]
    public void SilenceComesBackUnchanged() =>
        Assert.All(Loudness.Normalize(new float[Rate], Rate, -16, -1), s => Assert.Equal(0f, s));
}
