namespace IShowTts.Audio.Tests;

public sealed class SilenceRemoverTests
{
    [Fact]
    public void LongPausesShrinkAndSpeechStays()
    {
        int rate = 24000;
        float[] Tone(double s) => Enumerable.Range(0, (int)(s * rate)).Select(i => (float)(0.3 * Math.Sin(i * 0.05))).ToArray();
        var wave = Tone(1).Concat(new float[rate * 3]).Concat(Tone(1)).ToArray(); // 1 s, 3 s pause, 1 s
        var trimmed = SilenceRemover.RemoveLongSilences(wave, rate);
        double seconds = (double)trimmed.Length / rate;
        Assert.InRange(seconds, 2.9, 3.1); // 1 + (0.5 kept after + 0.5 kept before) + 1
        Assert.True(trimmed.Max(Math.Abs) > 0.29f);
    }

    [Fact]
    public void ShortPausesAreKept()
    {
        int rate = 24000;
        var wave = Enumerable.Range(0, rate * 3).Select(i => i is > 24000 and < 36000 ? 0f : (float)(0.3 * Math.Sin(i * 0.05))).ToArray();
        Assert.Equal(wave.Length, SilenceRemover.RemoveLongSilences(wave, rate).Length);
    }
}
