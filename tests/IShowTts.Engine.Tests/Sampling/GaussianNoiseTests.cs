using IShowTts.Engine.Sampling;

namespace IShowTts.Engine.Tests.Sampling;

public sealed class GaussianNoiseTests
{
    [Fact]
    public void SameSeedGivesSameNoise()
    {
        var a = new float[200_000];
        var b = new float[200_000];
        GaussianNoise.Fill(a, 42);
        GaussianNoise.Fill(b, 42);
        Assert.Equal(a, b);
    }

    [Fact]
    public void NoiseIsStandardNormal()
    {
        var a = new float[400_000];
        GaussianNoise.Fill(a, 7);
        double mean = a.Average(v => (double)v), var = a.Average(v => (v - mean) * (v - mean));
        Assert.InRange(mean, -0.01, 0.01);
        Assert.InRange(var, 0.98, 1.02);
        var c = new float[400_000];
        GaussianNoise.Fill(c, 8);
        Assert.NotEqual(a, c);
    }
}
