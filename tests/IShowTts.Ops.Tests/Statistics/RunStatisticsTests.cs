using IShowTts.Ops.Statistics;

namespace IShowTts.Ops.Tests.Statistics;

public sealed class RunStatisticsTests
{
    [Fact]
    public void MedianOfOddCountIsTheMiddle() => Assert.Equal(2.0, RunStatistics.Of([3, 1, 2]).Median);

    [Fact]
    public void MedianOfEvenCountInterpolates() => Assert.Equal(2.5, RunStatistics.Of([4, 1, 2, 3]).Median);

    [Fact]
    public void BestAndWorst()
    {
        var s = RunStatistics.Of([3, 1, 2]);
        Assert.Equal((1.0, 3.0), (s.Best, s.Worst));
    }

    [Fact]
    public void SpreadIsSampleStandardDeviationOverMean()
    {
        // mean 2, sample variance ((1)² + 0 + (1)²) / 2 = 1
        var s = RunStatistics.Of([1, 2, 3]);
        Assert.Equal(2.0, s.Mean, 12);
        Assert.Equal(1.0, s.StandardDeviation, 12);
        Assert.Equal(0.5, s.Spread, 12);
    }

    [Fact]
    public void OneRunHasNoSpread() => Assert.Equal(0.0, RunStatistics.Of([5]).Spread);

    [Fact]
    public void NoRunsIsAnError() => Assert.Throws<ArgumentException>(() => RunStatistics.Of([]));
}
