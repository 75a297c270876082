// Times the engine on workload W1: warm-ups (the first one profiled: the linear layers' GEMM rate and
// the steps' allocations), then timed runs of the whole request. Prints progress and an estimate
// through the log callback; returns the figures for the CLI to print.
using System.Diagnostics;
using IShowTts.Engine;
using IShowTts.Engine.Tensors;
using IShowTts.Text;

namespace IShowTts.Ops.Bench;

public sealed record BenchOptions(int Nfe = 7, int Warmups = 1, int Runs = 3, ulong Seed = 0);

public static class EngineBench
{
    public static BenchResult Run(F5Tts engine, ProfilingBackend profiler, Vocabulary vocabulary, BenchOptions options, Action<string> log)
    {
        var request = W1Workload.Request(vocabulary, options.Nfe, options.Seed);
        long allocatedPerStep = 0;
        double firstRun = 0;
        for (int w = 0; w < Math.Max(1, options.Warmups); w++)
        {
            bool profile = w == 0 && engine.Backend.Device.Kind != DeviceKind.Cpu;
            if (profile) profiler.Reset();
            profiler.Enabled = profile;
            long firstStepBytes = 0, lastStepBytes = 0;
            var progress = new StepLog(options.Nfe, $"warm-up {w + 1}/{Math.Max(1, options.Warmups)}", log, step =>
            {
                if (step == 1) firstStepBytes = GC.GetTotalAllocatedBytes(true);
                if (step == options.Nfe) lastStepBytes = GC.GetTotalAllocatedBytes(true);
            });
            var clock = Stopwatch.StartNew();
            engine.Synthesize(request, progress);
            firstRun = clock.Elapsed.TotalSeconds;
            profiler.Enabled = false;
            if (profile && options.Nfe > 1 && firstStepBytes > 0) allocatedPerStep = (lastStepBytes - firstStepBytes) / (options.Nfe - 1);
        }
        // On the CPU profiling costs two timestamps an op, so the timed runs themselves are profiled.
        bool profileTimed = engine.Backend.Device.Kind == DeviceKind.Cpu;
        if (profileTimed) profiler.Reset();
        var seconds = new List<double>();
        double mel = 0, steps = 0, vocoder = 0;
        for (int r = 0; r < options.Runs; r++)
        {
            double eta = (options.Runs - r) * (seconds.Count > 0 ? seconds.Average() : firstRun);
            long firstStepBytes = 0, lastStepBytes = 0;
            var progress = new StepLog(options.Nfe, $"run {r + 1}/{options.Runs} (≈ {eta:F0} s left)", log, step =>
            {
                if (step == 1) firstStepBytes = GC.GetTotalAllocatedBytes(true);
                if (step == options.Nfe) lastStepBytes = GC.GetTotalAllocatedBytes(true);
            });
            profiler.Enabled = profileTimed;
            var clock = Stopwatch.StartNew();
            var result = engine.Synthesize(request, progress);
            profiler.Enabled = false;
            // A replayed graph reports only its last step: no per-step figure then (−1 = not measured).
            allocatedPerStep = options.Nfe > 1 && firstStepBytes > 0 ? (lastStepBytes - firstStepBytes) / (options.Nfe - 1) : -1;
            seconds.Add(clock.Elapsed.TotalSeconds);
            mel += result.Timings.Mel.TotalSeconds;
            steps += result.Timings.Steps.TotalSeconds;
            vocoder += result.Timings.Vocoder.TotalSeconds;
        }
        var linear = profiler.Stats.GetValueOrDefault("linear");
        double linearRate = linear?.FlopsPerSecond ?? 0;
        double linearShare = linear is null ? 0 : linear.Time.TotalSeconds / profiler.Stats.Values.Sum(s => s.Time.TotalSeconds);
        log($"linear layers: {linearRate / 1e9:F1} GFLOP/s in the model; timing the same GEMM shapes alone…");
        double gemmAlone = GemmAloneRate(engine.Backend, profiler.LinearShapes);
        var ops = profiler.Stats.OrderByDescending(kv => kv.Value.Time)
            .Select(kv => (kv.Key, kv.Value.Calls, kv.Value.Time.TotalSeconds, kv.Value.FlopsPerSecond)).ToList();
        int n = Math.Max(1, options.Runs);
        return new BenchResult(engine.Backend.Device.Name, engine.Backend.Device.Details, options.Nfe, W1Workload.GeneratedSeconds,
            seconds, mel / n, steps / n, vocoder / n, linearRate, gemmAlone, linearShare, allocatedPerStep, ops);
    }

    /// <summary>Weighted FLOP/s of plain Linear (no bias, no epilogue) on the model's shapes, random data, outside the model.</summary>
    private static double GemmAloneRate(IBackend backend, IReadOnlyDictionary<(int M, int I, int O), int> shapes)
    {
        double flops = 0, seconds = 0;
        foreach (var ((m, i, o), calls) in shapes)
        {
            using var x = new OwnedTensor(backend, m, i);
            using var w = new OwnedTensor(backend, o, i);
            using var y = new OwnedTensor(backend, m, o);
            var data = new float[Math.Max((long)m * i, (long)o * i)];
            Engine.Sampling.GaussianNoise.Fill(data, 7);
            backend.Upload(x.T, data.AsSpan(0, m * i));
            backend.Upload(w.T, data.AsSpan(0, o * i));
            backend.Linear(y.T, x.T, w.T, null, m, i, o, Epilogue.None);
            backend.Synchronize();
            int reps = 2;
            var clock = Stopwatch.StartNew();
            for (int k = 0; k < reps; k++) backend.Linear(y.T, x.T, w.T, null, m, i, o, Epilogue.None);
            backend.Synchronize();
            double per = clock.Elapsed.TotalSeconds / reps;
            flops += 2.0 * m * i * o * calls;
            seconds += per * calls;
        }
        return seconds > 0 ? flops / seconds : 0;
    }

    private sealed class StepLog(int total, string label, Action<string> log, Action<int>? onStep) : IProgress<int>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public void Report(int step)
        {
            onStep?.Invoke(step);
            log($"{label}: step {step}/{total} ({_clock.Elapsed.TotalSeconds:F1} s)");
        }
    }
}
