using IShowTts.Engine.Sampling;

namespace IShowTts.Engine.Tests.Sampling;

public sealed class TimeGridTests
{
    [Fact]
    public void Nfe7UsesTheEpssPoints() =>
        Assert.Equal(new[] { 0, 2, 4, 6, 8, 16, 24, 32 }.Select(k => k / 32f), TimeGrid.Create(7, null));

    [Fact]
    public void UnlistedNfeIsUniform() =>
        Assert.Equal([0f, 0.25f, 0.5f, 0.75f, 1f], TimeGrid.Create(4, null));

    [Fact]
    public void SwayMinusOneGivesOneMinusCosine()
    {
        // t + (−1)(cos(πt/2) − 1 + t) = 1 − cos(πt/2)
        var t = TimeGrid.Create(4, -1f);
        Assert.Equal(new[] { 0, 0.25, 0.5, 0.75, 1 }.Select(v => (float)(1 - Math.Cos(Math.PI / 2 * v))), t,
            (a, b) => MathF.Abs(a - b) < 1e-6f);
    }

    [Fact]
    public void ZeroStepsIsAnError() => Assert.Throws<EngineException>(() => TimeGrid.Create(0, null));
}
