// The regression decision on synthetic baseline / current records: a figure regresses when its median
// moved by more than the threshold AND by more than the spreads both benches measured can explain.
using IShowTts.Ops.Bench;
using IShowTts.Ops.Regression;
using IShowTts.Ops.Statistics;
using IShowTts.Ops.Tests.Bench;

namespace IShowTts.Ops.Tests.Regression;

public sealed class RegressionDetectorTests
{
    private static RegressionFinding Finding(RegressionReport report, int nfe, string figure) =>
        Assert.Single(report.Findings, f => f.Nfe == nfe && f.Figure == figure);

    [Fact]
    public void SlowerBeyondThresholdAndSpreadIsARegression()
    {
        var baseline = Records.Record([Records.Result(7, 0.400, spread: 0.01)]);
        var current = Records.Record([Records.Result(7, 0.480, spread: 0.01)]);

        var report = RegressionDetector.Compare(baseline, current);

        var total = Finding(report, 7, "total");
        Assert.Equal(RegressionVerdict.Slower, total.Verdict);
        Assert.Equal(0.20, total.Change, 9);
        Assert.Equal(0.10, total.Allowed, 9); // the threshold: the spreads explain only 2·√2·1 % ≈ 2.8 %
        Assert.Equal(2 * Math.Sqrt(2) * 0.01, total.Noise, 9);
        Assert.True(report.Regressed);
        // Every phase moved by the same 20 %, and each by more than a millisecond (mel and Vocos 40 → 48 ms).
        Assert.All(report.Findings, f => Assert.Equal(RegressionVerdict.Slower, f.Verdict));
    }

    [Fact]
    public void ChangeWithinTheMeasuredSpreadIsTheSame()
    {
        // ±15 % run to run on both sides: a 20 % slower median is what noise alone gives (allowed 2·√2·15 % ≈ 42 %).
        var baseline = Records.Record([Records.Result(7, 0.040, spread: 0.15)]);
        var current = Records.Record([Records.Result(7, 0.048, spread: 0.15)]);

        var report = RegressionDetector.Compare(baseline, current);

        var total = Finding(report, 7, "total");
        Assert.Equal(RegressionVerdict.Same, total.Verdict);
        Assert.Equal(2 * Math.Sqrt(2) * 0.15, total.Allowed, 9);
        Assert.False(report.Regressed);
    }

    [Fact]
    public void ChangeBelowTheThresholdIsTheSame()
    {
        var report = RegressionDetector.Compare(Records.Record([Records.Result(7, 0.040)]), Records.Record([Records.Result(7, 0.043)]));

        Assert.Equal(RegressionVerdict.Same, Finding(report, 7, "total").Verdict);
        Assert.Equal(0.075, Finding(report, 7, "total").Change, 9);
        Assert.False(report.Regressed);
    }

    [Fact]
    public void TheThresholdIsAParameter()
    {
        var baseline = Records.Record([Records.Result(7, 0.040)]);
        var current = Records.Record([Records.Result(7, 0.043)]);

        Assert.True(RegressionDetector.Compare(baseline, current, threshold: 0.05).Regressed);
        Assert.False(RegressionDetector.Compare(baseline, current, threshold: 0.10).Regressed);
    }

    [Fact]
    public void FasterIsFlaggedAsFasterAndIsNoRegression()
    {
        var report = RegressionDetector.Compare(Records.Record([Records.Result(7, 0.080)]), Records.Record([Records.Result(7, 0.040)]));

        var total = Finding(report, 7, "total");
        Assert.Equal(RegressionVerdict.Faster, total.Verdict);
        Assert.Equal(-0.5, total.Change, 9);
        Assert.False(report.Regressed);
    }

    [Fact]
    public void APhaseRegressesEvenWhenTheTotalDoesNot()
    {
        // Steps 12.5 % slower, Vocos 80 % faster: the request is only 2 % slower, yet the steps regressed.
        var baseline = Records.Record([Records.Result(7, 0.100, split: (0.10, 0.80, 0.10))]);
        var current = Records.Record([Records.Result(7, 0.102, split: (0.1 / 1.02, 0.09 / 0.102, 0.002 / 0.102))]);

        var report = RegressionDetector.Compare(baseline, current);

        Assert.Equal(RegressionVerdict.Same, Finding(report, 7, "total").Verdict);
        Assert.Equal(RegressionVerdict.Same, Finding(report, 7, "mel").Verdict);
        var steps = Finding(report, 7, "steps");
        Assert.Equal(RegressionVerdict.Slower, steps.Verdict);
        Assert.Equal(0.125, steps.Change, 9);
        Assert.Equal(RegressionVerdict.Faster, Finding(report, 7, "vocoder").Verdict);
        Assert.True(report.Regressed);
    }

    [Fact]
    public void APhaseUnderAMillisecondThatMovedLessThanAMillisecondIsTheSame()
    {
        // Vocos 0.2 ms → 0.5 ms: +150 %, but 0.3 ms is below the phase floor (timer and scheduling noise).
        var baseline = Records.Record([Records.Result(7, 0.040, split: (0.1, 0.895, 0.005))]);
        var current = Records.Record([Records.Result(7, 0.040, split: (0.1, 0.8875, 0.0125))]);

        var vocoder = Finding(RegressionDetector.Compare(baseline, current), 7, "vocoder");

        Assert.Equal(1.5, vocoder.Change, 6);
        Assert.Equal(RegressionVerdict.Same, vocoder.Verdict);
    }

    [Fact]
    public void EachNfeIsDecidedOnItsOwn()
    {
        var baseline = Records.Record([Records.Result(7, 0.040), Records.Result(32, 0.160)]);
        var current = Records.Record([Records.Result(7, 0.040), Records.Result(32, 0.200)]);

        var report = RegressionDetector.Compare(baseline, current);

        Assert.Equal(RegressionVerdict.Same, Finding(report, 7, "total").Verdict);
        Assert.Equal(RegressionVerdict.Slower, Finding(report, 32, "total").Verdict);
        Assert.True(report.Regressed);
    }

    [Fact]
    public void AnNfeMissingFromTheBaselineIsNotedAndNotCompared()
    {
        var baseline = Records.Record([Records.Result(7, 0.040)]);
        var current = Records.Record([Records.Result(7, 0.040), Records.Result(16, 0.090)]);

        var report = RegressionDetector.Compare(baseline, current);

        Assert.DoesNotContain(report.Findings, f => f.Nfe == 16);
        Assert.Contains(report.Notes, n => n.Contains("NFE 16 is not in the baseline", StringComparison.Ordinal));
        Assert.False(report.Regressed);
    }

    [Fact]
    public void AnNfeOfTheBaselineNotRunNowIsNoted()
    {
        var baseline = Records.Record([Records.Result(7, 0.040), Records.Result(32, 0.160)]);
        var current = Records.Record([Records.Result(7, 0.060)]);

        var report = RegressionDetector.Compare(baseline, current);

        Assert.Contains(report.Notes, n => n.Contains("NFE 32 of the baseline was not run now", StringComparison.Ordinal));
        Assert.True(report.Regressed);
    }

    [Fact]
    public void APhaseMissingOnOneSideIsNoted()
    {
        var baseline = Records.Record([Records.Result(7, 0.040)]);
        var only = Records.Runs(0.040, 0.01);
        var current = Records.Record([Records.Result(7, 0.040, phases: new Dictionary<string, IReadOnlyList<double>> { ["steps"] = only, ["prepare"] = only })]);

        var report = RegressionDetector.Compare(baseline, current);

        Assert.Contains(report.Notes, n => n.Contains("phase 'prepare' is not in the baseline", StringComparison.Ordinal));
        Assert.Contains(report.Notes, n => n.Contains("phase 'mel' of the baseline was not measured now", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Findings, f => f.Figure is "prepare" or "mel");
    }

    [Fact]
    public void NoNfeInCommonIsAnErrorNotAPass()
    {
        var e = Assert.Throws<OpsException>(() =>
            RegressionDetector.Compare(Records.Record([Records.Result(32, 0.160)]), Records.Record([Records.Result(7, 0.040)])));
        Assert.Contains("nothing to compare", e.Message);
    }

    [Fact]
    public void DifferentWorkloadsAreNotComparable()
    {
        var e = Assert.Throws<OpsException>(() => RegressionDetector.Compare(
            Records.Record([Records.Result(7, 0.040)]), Records.Record([Records.Result(7, 0.040)], workload: "voice:streamer")));
        Assert.Contains("voice:streamer", e.Message);
    }

    [Fact]
    public void AnotherDeviceOrBuildIsNotedButCompared()
    {
        var report = RegressionDetector.Compare(
            Records.Record([Records.Result(7, 0.040)], device: "NVIDIA H100", commit: "aaaaaaaaaaaaaaaa"),
            Records.Record([Records.Result(7, 0.060)], device: "NVIDIA H200", commit: "bbbbbbbbbbbbbbbb"));

        Assert.Contains(report.Notes, n => n.Contains("devices differ", StringComparison.Ordinal) && n.Contains("H200", StringComparison.Ordinal));
        Assert.Contains(report.Notes, n => n.Contains("aaaaaaaaaaaa", StringComparison.Ordinal) && n.Contains("bbbbbbbbbbbb", StringComparison.Ordinal));
        Assert.True(report.Regressed);
    }

    [Fact]
    public void ANegativeThresholdIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            RegressionDetector.Compare(Records.Record([Records.Result(7, 0.04)]), Records.Record([Records.Result(7, 0.04)]), threshold: -0.1));

    [Fact]
    public void DecideUsesTheMedianNotTheMean()
    {
        // One slow outlier run moves the mean by 40 % but not the median.
        var baseline = RunStatistics.Of([0.040, 0.040, 0.040, 0.040, 0.040]);
        var current = RunStatistics.Of([0.040, 0.040, 0.040, 0.040, 0.120]);

        var finding = RegressionDetector.Decide(7, "total", baseline, current, 0.10, 2, 0);

        Assert.Equal(0.0, finding.Change, 12);
        Assert.Equal(RegressionVerdict.Same, finding.Verdict);
    }
}
