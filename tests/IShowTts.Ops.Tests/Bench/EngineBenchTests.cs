// The bench on the real engine with the tiny golden checkpoint (CPU): what it times is the synthesis from
// W1's waveform and ids, every run accounted for by its phases, with the diagnostics of the timed runs.
using IShowTts.Engine.Backends.Cpu;
using IShowTts.Engine.Tensors;
using IShowTts.Ops.Bench;
using IShowTts.Text;

namespace IShowTts.Ops.Tests.Bench;

public sealed class EngineBenchTests
{
    [Fact]
    public void W1InputsAreMadeOnceNotPerRun()
    {
        var profiler = new ProfilingBackend(new CpuBackend());
        using var engine = TinyModel.Load(profiler);
        var target = new W1Target(engine, Vocabulary.Default);

        var a = target.Request(7);
        var b = target.Request(16, seed: 3);

        Assert.Same(a.ReferenceWave, b.ReferenceWave);
        Assert.Same(a.TextIds, b.TextIds);
        Assert.Equal(W1Workload.ReferenceWave(), a.ReferenceWave);
        Assert.Equal(W1Workload.TextIds(Vocabulary.Default), a.TextIds);
        Assert.Equal((1326, 16, 2f, -1f, 3UL), (b.DurationFrames, b.Nfe, b.CfgStrength, b.SwaySamplingCoefficient!.Value, b.Seed));
    }

    [Fact]
    public void EveryTimedRunIsAccountedForByItsPhases()
    {
        var profiler = new ProfilingBackend(new CpuBackend());
        using var engine = TinyModel.Load(profiler);
        var target = new W1Target(engine, Vocabulary.Default);

        var result = Assert.Single(EngineBench.Run(target, profiler, new BenchOptions([2], Warmups: 0, Runs: 3, Diagnostics: false)));

        Assert.Equal(3, result.Seconds.Count);
        Assert.Equal(["mel", "steps", "vocoder"], result.Phases.Keys.Order());
        Assert.All(result.Phases.Values, p => Assert.Equal(3, p.Count));
        Assert.InRange(result.GeneratedSeconds, 4.13, W1Workload.GeneratedSeconds); // 389 frames (4.149 s) less the ISTFT's trimmed edges
        // What is timed is the synthesis: making W1's reference (2 M sines, tens of ms) inside a run once
        // doubled the GPU's NFE 7 figure. The runs' time outside the phases is the bench's own overhead.
        double outside = result.OutsidePhasesSeconds();
        Assert.True(outside < 0.010, $"{outside * 1000:F1} ms of each run is outside mel + steps + vocoder ({string.Join(", ", result.Seconds.Select(s => $"{s * 1000:F0} ms"))})");
        Assert.True(result.PeakMemoryBytes > 10 << 20, $"peak {result.PeakMemoryBytes} bytes");
        Assert.Equal("process_peak_resident", result.PeakMemoryKind);
        Assert.Null(result.Diagnostics);
        Assert.Null(result.FirstAudioSeconds);
    }

    [Fact]
    public void OnTheCpuTheTimedRunsAreProfiled()
    {
        var profiler = new ProfilingBackend(new CpuBackend());
        using var engine = TinyModel.Load(profiler);
        var target = new W1Target(engine, Vocabulary.Default);
        var progress = new List<BenchProgress>();

        var result = Assert.Single(EngineBench.Run(target, profiler, new BenchOptions([3], Warmups: 1, Runs: 2), new SyncProgress(progress)));

        var d = result.Diagnostics!;
        var attention = Assert.Single(d.Ops, o => o.Op == "attention");
        Assert.Equal(2 * 3 * TinyModel.Depth, attention.Calls); // 2 timed runs × NFE 3 × depth 2, the warm-up not counted
        Assert.True(d.LinearRate > 1e6, $"linear layers at {d.LinearRate} FLOP/s");
        Assert.True(d.GemmAloneRate > 1e6, $"GEMMs alone at {d.GemmAloneRate} FLOP/s");
        Assert.InRange(d.LinearShare, 0.0001, 1);
        Assert.True(d.AllocatedBytesPerStep >= 0, "an eager CPU run of 3 steps measures allocations");
        Assert.Equal(Enumerable.Range(1, 9).Select(i => i / 9.0), progress.Select(p => p.Fraction), new Tolerance(1e-9));
        Assert.Equal("NFE 3 warm-up 1/1, step 1/3", progress[0].Label);
        Assert.Equal("NFE 3 run 2/2, step 3/3", progress[^1].Label);
    }

    [Fact]
    public void NoNfeIsAnError()
    {
        var profiler = new ProfilingBackend(new CpuBackend());
        using var engine = TinyModel.Load(profiler);
        Assert.Throws<OpsException>(() => EngineBench.Run(new W1Target(engine, Vocabulary.Default), profiler, new BenchOptions([])));
    }

    /// <summary>Progress reported on the calling thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SyncProgress(List<BenchProgress> into) : IProgress<BenchProgress>
    {
        public void Report(BenchProgress value) => into.Add(value);
    }

    private sealed class Tolerance(double epsilon) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= epsilon;
        public int GetHashCode(double obj) => 0;
    }
}
