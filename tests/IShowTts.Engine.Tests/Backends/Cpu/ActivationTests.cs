using IShowTts.Engine.Backends.Cpu;

namespace IShowTts.Engine.Tests.Backends.Cpu;

public sealed class ActivationTests
{
    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(0.3, 0.3286267594591112)]
    [InlineData(0.49, 0.511668261188523)]
    [InlineData(1.0, 0.8427007929497149)]
    [InlineData(2.0, 0.9953222650189527)]
    [InlineData(-0.7, -0.6778011938374184)]
    [InlineData(4.5, 0.9999999998033839)]
    [InlineData(-6.0, -1.0)]
    public void ErfMatchesReferenceValues(double x, double expected) =>
        Assert.Equal(expected, Activations.Erf(x), 1e-12);

    [Theory]
    [InlineData(1.0f, 0.8413447460685429f)]   // x·Φ(x)
    [InlineData(-0.5f, -0.15426876936299347f)]
    public void GeluIsExact(float x, float expected) => Assert.Equal(expected, Activations.Gelu(x), 6);

    [Theory]
    [InlineData(1.0f, 0.8411919906082768f)]
    [InlineData(-0.5f, -0.15428599017829357f)]
    public void GeluTanhMatchesPyTorch(float x, float expected) => Assert.Equal(expected, Activations.GeluTanh(x), 6);

    [Theory]
    [InlineData(1.0f, 0.8650983882673103f)]
    [InlineData(-2.0f, -0.2525014826957201f)]
    [InlineData(25.0f, 25.0f)]
    public void MishMatchesPyTorch(float x, float expected) => Assert.Equal(expected, Activations.Mish(x), 6);
}
