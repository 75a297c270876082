using IShowTts.Synthesis;

namespace IShowTts.Synthesis.Tests;

public sealed class CrossFadeTests
{
    [Fact]
    public void OverlapFadesLinearlyIncludingBothEnds()
    {
        // 3-sample overlap: fades (1, .5, 0) and (0, .5, 1).
        var joined = CrossFade.Join([[1f, 1, 1, 1, 1], [3f, 3, 3, 3]], 3.0 / 24000, 24000);
        Assert.Equal([1f, 1, 1, 2, 3, 3], joined);
    }

    [Fact]
    public void OverlapIsLimitedByTheShorterChunk()
    {
        var joined = CrossFade.Join([[1f, 1], [5f, 5, 5, 5]], 1.0, 24000);
        Assert.Equal(4, joined.Length);
        Assert.Equal(1f, joined[0]);
        Assert.Equal(5f, joined[1]);
    }

    [Fact]
    public void ZeroDurationConcatenates() =>
        Assert.Equal([1f, 2, 3], CrossFade.Join([[1f], [2f, 3]], 0, 24000));

    [Fact]
    public void JoinIsContinuousForContinuousChunks()
    {
        // Two halves of one sine, each extended by the overlap: the join must not jump.
        int sr = 24000, overlap = 3600;
        var a = Enumerable.Range(0, 12000 + overlap).Select(i => MathF.Sin(i * 0.01f)).ToArray();
        var b = Enumerable.Range(12000, 12000).Select(i => MathF.Sin(i * 0.01f)).ToArray();
        var joined = CrossFade.Join([a, b], 0.15, sr);
        for (int i = 1; i < joined.Length; i++) Assert.True(MathF.Abs(joined[i] - joined[i - 1]) < 0.05f, $"jump at {i}");
    }
}
