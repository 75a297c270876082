// doctor's GPU rules on made-up NVML snapshots (what NVML returns, as records): idle and at full clocks is
// fine; held back by power or heat, a low application clock, persistence off, or running hot warns with
// the command to run; a driver without GPUs is a problem.
using IShowTts.Ops.Doctor;
using IShowTts.Ops.Nvml;

namespace IShowTts.Ops.Tests.Doctor;

public sealed class GpuChecksTests
{
    private static GpuSnapshot H200(uint sm = 1980, uint? app = 1980, ulong reasons = ThrottleReasons.GpuIdle, uint temperature = 35, bool? persistence = true) =>
        new(0, "NVIDIA H200", 9, 0, 150_000_000_000, 500_000_000, sm, 1980, 3201, 3201, app, 75, 700, temperature, 0, persistence, reasons, []);

    private static IReadOnlyList<DoctorCheck> Evaluate(params GpuSnapshot[] gpus) => GpuChecks.Evaluate(new GpuReport("580.159", "13.0", gpus));

    [Fact]
    public void AnIdleGpuAtFullClocksIsFine()
    {
        var checks = Evaluate(H200(sm: 345));

        Assert.All(checks, c => Assert.Equal(CheckStatus.Ok, c.Status));
        Assert.Equal(["GPU", "clocks", "power and thermal", "persistence mode"], checks.Select(c => c.Name));
        Assert.Contains("NVIDIA H200 (sm_90), 139.7 GiB memory", checks[0].Detail);
        Assert.Contains("driver 580.159, CUDA 13.0", checks[0].Detail);
        Assert.Contains("SM 345 of 1980 MHz, memory 3201 of 3201 MHz", checks[1].Detail);
        Assert.Contains("idle now", checks[1].Detail);
        Assert.Equal("75 W of 700 W limit, 35 °C, P0", checks[2].Detail);
    }

    [Fact]
    public void ClocksHeldBackByPowerOrHeatWarn()
    {
        var clocks = GpuChecks.Clocks("", H200(sm: 1400, reasons: ThrottleReasons.SwPowerCap | ThrottleReasons.HwThermalSlowdown));

        Assert.Equal(CheckStatus.Warning, clocks.Status);
        Assert.Contains("held back by software power cap, hardware thermal slowdown", clocks.Detail);
        Assert.Contains("nvidia-smi -q -d PERFORMANCE,POWER,TEMPERATURE", clocks.Fix);
    }

    [Fact]
    public void ALowApplicationClockWarnsWithTheResetCommand()
    {
        var clocks = GpuChecks.Clocks("", H200(sm: 1200, app: 1200, reasons: 0));

        Assert.Equal(CheckStatus.Warning, clocks.Status);
        Assert.Contains("1200 MHz, 39 % below its maximum", clocks.Detail);
        Assert.Contains("sudo nvidia-smi -rac", clocks.Fix);
        Assert.Contains("sudo nvidia-smi -lgc 1980,1980", clocks.Fix);
    }

    [Fact]
    public void PersistenceOffWarnsAndUnknownIsSkipped()
    {
        Assert.Equal("sudo nvidia-smi -pm 1", Evaluate(H200(persistence: false))[3].Fix);
        Assert.Equal(CheckStatus.Warning, Evaluate(H200(persistence: false))[3].Status);
        Assert.Equal(CheckStatus.Skipped, Evaluate(H200(persistence: null))[3].Status);
    }

    [Fact]
    public void AHotGpuWarns()
    {
        var check = GpuChecks.PowerAndThermal("", H200(temperature: 88));
        Assert.Equal(CheckStatus.Warning, check.Status);
        Assert.Contains("88 °C", check.Detail);
    }

    [Fact]
    public void SeveralGpusAreNamedByIndex()
    {
        var checks = Evaluate(H200(), H200() with { Index = 1 });
        Assert.Contains(checks, c => c.Name == "GPU 0 clocks");
        Assert.Contains(checks, c => c.Name == "GPU 1 persistence mode");
    }

    [Fact]
    public void ADriverWithoutGpusIsAProblem()
    {
        var check = Assert.Single(Evaluate());
        Assert.Equal(CheckStatus.Failed, check.Status);
        Assert.Contains("reports no GPU", check.Detail);
    }
}
