using IShowTts.Ops.Statistics;
using IShowTts.Ops.Tests.Bench;

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
    public void SpreadOfTenRunsMatchesTheHandComputedValue()
    {
        // 77.8 ms ± a few: mean 0.0778, deviations ±0.0005 ×4, ±0.001 ×2, 0 ×4 → Σd² = 4·0.25e-6 + 2·1e-6 = 3e-6, /9
        double[] runs = [0.0773, 0.0783, 0.0773, 0.0783, 0.0768, 0.0788, 0.0778, 0.0778, 0.0778, 0.0778];
        var s = RunStatistics.Of(runs);
        Assert.Equal(0.0778, s.Mean, 12);
        Assert.Equal(Math.Sqrt(3e-6 / 9), s.StandardDeviation, 12);
        Assert.Equal(Math.Sqrt(3e-6 / 9) / 0.0778, s.Spread, 12);
        Assert.Equal(0.0778, s.Median, 12);
        Assert.Equal((0.0768, 0.0788), (s.Best, s.Worst));
    }

    [Fact]
    public void OneRunHasNoSpread() => Assert.Equal(0.0, RunStatistics.Of([5]).Spread);

    [Fact]
    public void NoRunsIsAnError() => Assert.Throws<ArgumentException>(() => RunStatistics.Of([]));

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.25, 2.0)]
    [InlineData(0.9, 4.6)]
    [InlineData(1.0, 5.0)]
    public void PercentileInterpolatesBetweenClosestRanks(double p, double expected) =>
        Assert.Equal(expected, RunStatistics.Percentile([1, 2, 3, 4, 5], p), 12);

    [Fact]
    public void SyntheticRunsHaveTheRequestedMedianAndSpread()
    {
        var s = RunStatistics.Of(Records.Runs(0.040, 0.07));
        Assert.Equal(0.040, s.Median, 12);
        Assert.Equal(0.07, s.Spread, 9);
    }
}
