// `ishowtts profile` on the real engine with the tiny golden checkpoint (CPU): every DiT op of the
// sampling loop lands in the steps phase, FLOPs and bytes are counted in the right units, and each op
// is compared with the ceiling of its own element type.
using IShowTts.Engine.Backends.Cpu;
using IShowTts.Ops.Profile;
using IShowTts.Text;

namespace IShowTts.Ops.Tests.Profile;

public sealed class RequestProfilerTests(RequestProfilerTests.CpuProfile cpu) : IClassFixture<RequestProfilerTests.CpuProfile>
{
    /// <summary>One profile of the tiny model on the CPU, shared by the tests of this class (it takes seconds).</summary>
    public sealed class CpuProfile
    {
        public ProfileReport Report { get; } = ProfileTiny(new CpuBackend());
    }

    private const int Nfe = 3;

    /// <summary>W1 on the tiny model: CFG packs 2 items of 1326 frames.</summary>
    private const long AttentionFlopsPerCall = 4L * 2 * TinyModel.Heads * 1326 * 1326 * TinyModel.HeadSize;

    internal static ProfileReport ProfileTiny(Engine.Tensors.IBackend device)
    {
        var (profiler, counter) = RequestProfiler.Stack(device);
        using var engine = TinyModel.Load(profiler);
        return RequestProfiler.Run(engine, profiler, counter, Vocabulary.Default, Nfe);
    }

    /// <summary>What the test asserts on any backend: the loop's ops are all in the steps phase, with their FLOPs.</summary>
    /// <param name="minOpShare">least share of the profiled phase the synchronised ops must account for: half on the
    /// CPU; on a GPU the tiny model's kernels take microseconds and the host's launches dominate the eager pass.</param>
    internal static void AssertEveryDiTOpIsSeen(ProfileReport report, double minOpShare = 0.5)
    {
        Assert.Equal(["mel", "steps", "vocoder"], report.Phases.Select(p => p.Phase));
        var steps = report.Phases[1];
        var attention = Assert.Single(steps.Ops, o => o.Op == "attention");
        Assert.Equal(Nfe * TinyModel.Depth, attention.Calls);
        Assert.Equal(Nfe * TinyModel.Depth * AttentionFlopsPerCall, attention.Flops);
        Assert.Equal(Nfe, Assert.Single(steps.Ops, o => o.Op == "euler_cfg").Calls);
        // The ops, each synchronised, account for most of the profiled phase (the rest is host work between them).
        Assert.True(steps.OpSeconds > minOpShare * steps.ProfiledSeconds, $"ops {steps.OpSeconds:F4} s of a {steps.ProfiledSeconds:F4} s phase");
    }

    [Fact]
    public void EveryOpOfTheSamplingLoopIsInTheStepsPhase() => AssertEveryDiTOpIsSeen(cpu.Report);

    [Fact]
    public void PhasesShareTheRequestAndOpsSharePhases()
    {
        var report = cpu.Report;

        Assert.Equal("W1", report.Workload);
        Assert.Equal(Nfe, report.Nfe);
        Assert.InRange(report.Phases.Sum(p => p.ShareOfRequest), 0.95, 1.0 + 1e-9);
        Assert.Contains(report.Phases[0].Ops, o => o.Op == "log_mel");
        Assert.Contains(report.Phases[2].Ops, o => o.Op == "istft");
        Assert.All(report.Phases, p => Assert.Equal(1.0, p.Ops.Sum(o => o.ShareOfPhase), 9));
        Assert.InRange(report.GeneratedSeconds, 4.13, 4.15);
    }

    [Fact]
    public void RatesAreInFlopsAndBytesPerSecondAgainstTheCeilingOfTheirType()
    {
        var report = cpu.Report;
        var c = report.Ceilings;

        // One F32 ceiling on the CPU, from a 1536³ GEMM; plausible magnitudes for 2 cores (not a speed test: units).
        var gemm = Assert.Single(c.Gemm);
        Assert.Equal(("F32", 1536, 1536, 1536), (gemm.DType, gemm.M, gemm.I, gemm.O));
        Assert.InRange(gemm.FlopsPerSecond, 1e8, 1e13);
        Assert.InRange(c.BytesPerSecond, 1e8, 1e12);
        Assert.Equal(2L * (16 << 20) * 4, c.CopyBytes);

        var linear = Assert.Single(report.Phases[1].Ops, o => o.Op == "linear");
        Assert.Equal("F32", linear.DType);
        Assert.Equal(linear.Flops / linear.Seconds, linear.FlopsPerSecond, 6);
        Assert.Equal(linear.FlopsPerSecond / gemm.FlopsPerSecond, report.ShareOfGemmCeiling(linear.FlopsPerSecond, linear.DType), 12);
        Assert.InRange(report.ShareOfGemmCeiling(linear.FlopsPerSecond, linear.DType), 0.001, 5);
        Assert.True(linear.Bytes > 0);
        Assert.Equal(linear.BytesPerSecond / c.BytesPerSecond, report.ShareOfCopyCeiling(linear.BytesPerSecond), 12);
        Assert.Equal("F32", report.Phases[1].DType);
        Assert.Null(report.Phases[0].DType); // the mel phase counts no FLOPs (the STFT is not a GEMM)
    }
}
