// The exit-code policy an operator's cron relies on: nothing broken → 0 (warnings are printed, not failed
// on), a problem → 5, warnings under --strict → 4.
using IShowTts.Ops.Doctor;

namespace IShowTts.Ops.Tests.Doctor;

public sealed class DoctorReportTests
{
    private static DoctorReport With(params CheckStatus[] statuses) =>
        new(statuses.Select((s, i) => new DoctorCheck("area", $"check {i}", s, "detail")).ToList());

    [Theory]
    [InlineData(false, 0, CheckStatus.Ok, CheckStatus.Skipped)]
    [InlineData(false, 0, CheckStatus.Ok, CheckStatus.Warning, CheckStatus.Skipped)]
    [InlineData(false, 5, CheckStatus.Ok, CheckStatus.Failed)]
    [InlineData(false, 5, CheckStatus.Warning, CheckStatus.Failed)]
    [InlineData(true, 0, CheckStatus.Ok, CheckStatus.Skipped)]
    [InlineData(true, 4, CheckStatus.Ok, CheckStatus.Warning)]
    [InlineData(true, 5, CheckStatus.Warning, CheckStatus.Failed)]
    public void ExitCodeFollowsTheWorstFinding(bool strict, int exit, params CheckStatus[] statuses) =>
        Assert.Equal(exit, With(statuses).ExitCode(strict));

    [Fact]
    public void CountsEachKindOfFinding()
    {
        var r = With(CheckStatus.Ok, CheckStatus.Warning, CheckStatus.Warning, CheckStatus.Failed, CheckStatus.Skipped, CheckStatus.Skipped, CheckStatus.Skipped);
        Assert.Equal((1, 2, 3), (r.Problems, r.Warnings, r.Skipped));
    }
}
