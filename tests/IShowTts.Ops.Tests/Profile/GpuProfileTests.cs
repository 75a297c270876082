// The GPU paths of profile and bench with the tiny golden checkpoint: the sampling loop runs as a replayed
// CUDA graph in normal requests, and the profiled pass must still see every DiT op (it runs eagerly).
// Skipped, with the reason, where there is no CUDA device; failed where one exists but does not open.
using IShowTts.Engine.Backends.Cuda;
using IShowTts.Engine.Tensors;
using IShowTts.Ops.Bench;
using IShowTts.Text;

namespace IShowTts.Ops.Tests.Profile;

[Trait("Category", "Gpu")]
public sealed class GpuProfileTests
{
    private static CudaBackend Cuda()
    {
        if (CudaDevices.Count(out var reason) == 0) Assert.Skip($"no CUDA device: {reason}");
        if (!CudaBackend.TryCreate(out var backend, out reason))
            throw new InvalidOperationException($"a CUDA device exists but the backend did not open: {reason}");
        return backend!;
    }

    [Fact]
    public void TheProfiledPassSeesEveryDiTOpThoughRequestsReplayAGraph()
    {
        var report = RequestProfilerTests.ProfileTiny(Cuda());

        // Measured on the H200 (2026-12-04): the tiny model's synchronised kernels were 2.5 ms of a 14.9 ms eager phase.
        RequestProfilerTests.AssertEveryDiTOpIsSeen(report, minOpShare: 0.05);
        Assert.Contains(report.Ceilings.Gemm, g => g.DType == "F32");
        Assert.Equal("F32", report.Phases[2].DType); // Vocos runs in F32, compared with the F32 ceiling
        Assert.NotEqual("F32", report.Phases[1].DType); // the DiT in the backend's half type
    }

    [Fact]
    public void TheBenchProfilesOneEagerRunAfterTheWarmUps()
    {
        var profiler = new ProfilingBackend(Cuda());
        using var engine = TinyModel.Load(profiler);
        var target = new W1Target(engine, Vocabulary.Default);

        var result = Assert.Single(EngineBench.Run(target, profiler, new BenchOptions([4], Warmups: 2, Runs: 3)));

        var attention = Assert.Single(result.Diagnostics!.Ops, o => o.Op == "attention");
        Assert.Equal(4 * TinyModel.Depth, attention.Calls); // the one profiled run, eager
        Assert.Equal("graph replayed", engine.Sampler.LastMode); // the timed runs replay the loop's graph
        Assert.True(result.OutsidePhasesSeconds() < 0.002, $"{result.OutsidePhasesSeconds() * 1000:F2} ms per run outside the phases");
        Assert.Equal("gpu_engine_peak_allocated", result.PeakMemoryKind);
    }
}
