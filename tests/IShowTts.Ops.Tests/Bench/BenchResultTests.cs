using IShowTts.Ops.Bench;

namespace IShowTts.Ops.Tests.Bench;

public sealed class BenchResultTests
{
    private static BenchResult With(params double[] seconds) =>
        new("cpu", "", 7, 4.0, seconds, 0, 0, 0, 0, 0, 0, 0, []);

    [Fact]
    public void MedianOfOddCountIsTheMiddle() => Assert.Equal(2.0, With(3, 1, 2).Median);

    [Fact]
    public void MedianOfEvenCountInterpolates() => Assert.Equal(2.5, With(4, 1, 2, 3).Median);

    [Fact]
    public void RtfIsMedianOverGeneratedSeconds() => Assert.Equal(0.5, With(2, 2, 2).Rtf);

    [Fact]
    public void MinAndMax()
    {
        var r = With(3, 1, 2);
        Assert.Equal((1.0, 3.0), (r.Min, r.Max));
    }
}
