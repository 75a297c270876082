// Times a bench target at each NFE: warm-ups, then timed runs of the whole request with their phase
// times; optionally time to first audio, and the profiled diagnostics (op table, the linear layers'
// GEMM rate in the model vs the same GEMMs alone, managed allocations per step). On a GPU the op table
// comes from one extra eager run after the warm-ups (graphs off, so the DiT's ops are seen); the timed
// runs are never profiled there. Reports progress as a share of all planned sampling steps; returns
// the figures for the CLI to print and store.
using System.Diagnostics;
using IShowTts.Engine.Backends.Cuda;
using IShowTts.Engine.Tensors;

namespace IShowTts.Ops.Bench;

public static class EngineBench
{
    public static IReadOnlyList<BenchNfeResult> Run(IBenchTarget target, ProfilingBackend profiler, BenchOptions options,
        IProgress<BenchProgress>? progress = null, CancellationToken cancel = default)
    {
        if (options.Nfes.Count == 0) throw new OpsException("no NFE to bench");
        var plan = new StepPlan(options, progress, options.Diagnostics && profiler.Device.Kind != DeviceKind.Cpu ? 1 : 0);
        var results = new List<BenchNfeResult>();
        foreach (int nfe in options.Nfes)
            results.Add(RunOne(target, profiler, options, nfe, plan, cancel));
        return results;
    }

    private static BenchNfeResult RunOne(IBenchTarget target, ProfilingBackend profiler, BenchOptions options, int nfe, StepPlan plan, CancellationToken cancel)
    {
        var cuda = profiler.Inner as CudaBackend;
        bool gpu = profiler.Device.Kind != DeviceKind.Cpu;
        var allocations = new AllocationMeter(nfe);
        profiler.Enabled = false;
        for (int w = 0; w < options.Warmups; w++)
            target.Run(nfe, options.Seed, plan.Steps(nfe, $"NFE {nfe} warm-up {w + 1}/{options.Warmups}", allocations.Begin(profiled: false)), cancel);

        // GPU: one more untimed run, after the warm-ups (kernels compiled, GEMMs tuned), with every op
        // synchronised and timed. The sampling loop must run eagerly for that: a replayed graph would hide
        // the DiT's ops from the profiler, so the sampler's graphs are off for this run only.
        bool profileExtra = options.Diagnostics && gpu;
        if (profileExtra)
        {
            profiler.Reset();
            bool graphs = target.Engine.Sampler.UseGraphs;
            target.Engine.Sampler.UseGraphs = false;
            profiler.Enabled = true;
            try { target.Run(nfe, options.Seed, plan.Steps(nfe, $"NFE {nfe} profiled run (each op synchronised)", allocations.Begin(profiled: true)), cancel); }
            finally
            {
                profiler.Enabled = false;
                target.Engine.Sampler.UseGraphs = graphs;
            }
        }
        // CPU: profiling costs two timestamps an op, so the timed runs themselves are profiled.
        bool profileTimed = options.Diagnostics && !gpu;
        if (profileTimed) profiler.Reset();
        cuda?.ResetPeakMemory();
        var seconds = new List<double>();
        var phases = new Dictionary<string, List<double>> { ["mel"] = [], ["prepare"] = [], ["steps"] = [], ["vocoder"] = [] };
        double generated = 0;
        for (int r = 0; r < options.Runs; r++)
        {
            var steps = plan.Steps(nfe, $"NFE {nfe} run {r + 1}/{options.Runs}", allocations.Begin(profiled: profileTimed));
            profiler.Enabled = profileTimed;
            var clock = Stopwatch.StartNew();
            (Engine.PhaseTimings timings, double made) result;
            try { result = target.Run(nfe, options.Seed, steps, cancel); }
            finally { profiler.Enabled = false; }
            seconds.Add(clock.Elapsed.TotalSeconds);
            generated = result.made;
            phases["mel"].Add(result.timings.Mel.TotalSeconds);
            phases["prepare"].Add(result.timings.Prepare.TotalSeconds);
            phases["steps"].Add(result.timings.Steps.TotalSeconds);
            phases["vocoder"].Add(result.timings.Vocoder.TotalSeconds);
        }
        long peak = cuda?.PeakAllocatedBytes ?? PeakResidentBytes();
        double? firstAudio = null;
        if (options.FirstAudio)
        {
            plan.Label($"NFE {nfe}: time to first audio (streamed)");
            firstAudio = target.TimeToFirstAudio(nfe, cancel);
        }
        BenchDiagnostics? diagnostics = options.Diagnostics ? Diagnose(profiler, allocations.PerStep) : null;
        return new BenchNfeResult(nfe, generated, seconds,
            phases.Where(p => p.Key != "prepare" || p.Value.Any(v => v > 0)).ToDictionary(p => p.Key, p => (IReadOnlyList<double>)p.Value),
            firstAudio, peak, cuda is not null ? "gpu_engine_peak_allocated" : "process_peak_resident", diagnostics);
    }

    /// <summary>
    /// Managed bytes allocated per sampling step, from the allocation counter at step 1 and step NFE of a
    /// run: the last unprofiled run that reported both (the profiler allocates per op itself), else the last
    /// profiled one; −1 when no run did (a replayed graph reports only its last step; NFE 1 has no interval).
    /// </summary>
    private sealed class AllocationMeter(int nfe)
    {
        private long _plain = -1, _profiled = -1;

        public long PerStep => _plain >= 0 ? _plain : _profiled;

        public Action<int, long> Begin(bool profiled)
        {
            long first = 0;
            return (step, bytes) =>
            {
                if (step == 1) first = bytes;
                if (step != nfe || nfe < 2 || first <= 0) return;
                long perStep = (bytes - first) / (nfe - 1);
                if (profiled) _profiled = perStep;
                else _plain = perStep;
            };
        }
    }

    private static BenchDiagnostics Diagnose(ProfilingBackend profiler, long allocatedPerStep)
    {
        var linear = profiler.Stats.GetValueOrDefault("linear");
        double total = profiler.Stats.Values.Sum(s => s.Time.TotalSeconds);
        double linearShare = linear is null || total <= 0 ? 0 : linear.Time.TotalSeconds / total;
        double gemmAlone = GemmAlone.Rate(profiler.Inner, profiler.LinearShapes);
        var ops = profiler.Stats.OrderByDescending(kv => kv.Value.Time)
            .Select(kv => new OpTime(kv.Key, kv.Value.Calls, kv.Value.Time.TotalSeconds, kv.Value.FlopsPerSecond)).ToList();
        return new BenchDiagnostics(linear?.FlopsPerSecond ?? 0, gemmAlone, linearShare, allocatedPerStep, ops);
    }

    /// <summary>VmHWM of /proc/self/status (Linux); the current working set elsewhere.</summary>
    private static long PeakResidentBytes()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line[6..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64;
    }

    /// <summary>Turns sampling steps into progress over the whole bench, with an estimate from the steps timed so far.</summary>
    private sealed class StepPlan(BenchOptions options, IProgress<BenchProgress>? progress, int extraRuns)
    {
        private readonly long _total = options.Nfes.Sum(n => (long)n * (options.Warmups + options.Runs + extraRuns));
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private long _done;

        public IProgress<int> Steps(int nfe, string label, Action<int, long>? onStep = null) => new StepCounter(this, label, nfe, onStep);

        public void Label(string label) => progress?.Report(new BenchProgress((double)_done / _total, label, null));

        private void Step(string label, int step, int nfe, int stepsDone)
        {
            _done += stepsDone;
            double fraction = Math.Min(1, (double)_done / _total);
            double? left = _done > 0 ? _clock.Elapsed.TotalSeconds / _done * (_total - _done) : null;
            progress?.Report(new BenchProgress(fraction, $"{label}, step {step}/{nfe}", left));
        }

        /// <summary>A replayed graph reports only its last step: the steps in between count as done then.</summary>
        private sealed class StepCounter(StepPlan plan, string label, int nfe, Action<int, long>? onStep) : IProgress<int>
        {
            private int _last;

            public void Report(int step)
            {
                onStep?.Invoke(step, GC.GetTotalAllocatedBytes(true));
                plan.Step(label, step, nfe, Math.Max(1, step - _last));
                _last = step;
            }
        }
    }
}
