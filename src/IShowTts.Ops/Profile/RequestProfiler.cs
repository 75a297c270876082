// `ishowtts profile`: one W1 request, phase by phase. A warm-up (kernels compiled, GEMMs tuned, graphs
// recorded), one unprofiled request for the true phase times, then the same request run phase by phase
// (mel, then flow sampling, then Vocos — the calls F5Tts.Synthesize makes) with every op synchronised and
// timed, so each op lands in its phase. The profiled pass runs the sampling loop eagerly (the sampler's
// graphs off): a replayed graph would run the DiT without the profiler seeing one op. Finally the device
// ceilings. The engine must be built on profiler → counter → device backend (Stack builds that).
using System.Diagnostics;
using IShowTts.Engine;
using IShowTts.Engine.Sampling;
using IShowTts.Engine.Tensors;
using IShowTts.Ops.Bench;
using IShowTts.Text;

namespace IShowTts.Ops.Profile;

public static class RequestProfiler
{
    /// <summary>The backend stack a profiled engine runs on: the profiler outside, the byte counter under it.</summary>
    public static (ProfilingBackend Profiler, TrafficCounter Counter) Stack(IBackend device)
    {
        var counter = new TrafficCounter(device);
        return (new ProfilingBackend(counter), counter);
    }

    public static ProfileReport Run(F5Tts engine, ProfilingBackend profiler, TrafficCounter counter, Vocabulary vocabulary, int nfe,
        Action<string>? log = null, CancellationToken cancel = default)
    {
        var request = new W1Target(engine, vocabulary).Request(nfe);
        log?.Invoke("warm-up request (compiles kernels, tunes GEMMs)…");
        profiler.Enabled = false;
        engine.Synthesize(request, null, cancel);
        log?.Invoke("timed request…");
        var clock = Stopwatch.StartNew();
        var plain = engine.Synthesize(request, null, cancel);
        double requestSeconds = clock.Elapsed.TotalSeconds;
        var truePhases = new Dictionary<string, double>
        {
            ["mel"] = plain.Timings.Mel.TotalSeconds,
            ["steps"] = (plain.Timings.Prepare + plain.Timings.Steps).TotalSeconds,
            ["vocoder"] = plain.Timings.Vocoder.TotalSeconds,
        };

        log?.Invoke("profiled request, phase by phase (every op synchronised)…");
        var phases = new List<PhaseProfile>();
        float[] refMel = [];
        phases.Add(Phase("mel", () => refMel = engine.Mel.Compute(request.ReferenceWave)));
        int melFrames = refMel.Length / engine.Config.MelDim;
        int refLen = request.ReferenceWave.Length / F5Tts.HopLength;
        float[] mel = [];
        int frames = 0;
        bool graphs = engine.Sampler.UseGraphs;
        engine.Sampler.UseGraphs = false;
        try
        {
            phases.Add(Phase("steps", () => mel = engine.Sampler.Sample(new SampleRequest([refMel], [melFrames], [request.TextIds], [request.DurationFrames],
                nfe, request.CfgStrength, request.SwaySamplingCoefficient, request.Seed, null), out frames, null, cancel)));
        }
        finally
        {
            engine.Sampler.UseGraphs = graphs;
        }
        if (engine.Sampler.LastMode != "eager")
            throw new OpsException($"the profiled sampling loop ran as '{engine.Sampler.LastMode}', not eagerly: its op table would miss the DiT");
        int generated = frames - refLen;
        phases.Add(Phase("vocoder", () => engine.Vocoder.Decode(mel.AsSpan(refLen * engine.Config.MelDim, generated * engine.Config.MelDim), generated)));

        log?.Invoke("measuring the device's GEMM and copy ceilings…");
        var ceilings = DeviceCeilings.Measure(counter.Inner);
        return new ProfileReport("W1", engine.Backend.Device.Name, engine.Backend.Device.Details, nfe, requestSeconds,
            (double)plain.Wave.Length / F5Tts.SampleRate, phases, ceilings);

        PhaseProfile Phase(string name, Action work)
        {
            profiler.Reset();
            counter.Reset();
            profiler.Enabled = true;
            var phaseClock = Stopwatch.StartNew();
            try { work(); }
            finally
            {
                profiler.Synchronize();
                profiler.Enabled = false;
            }
            double profiled = phaseClock.Elapsed.TotalSeconds;
            double opTotal = profiler.Stats.Values.Sum(s => s.Time.TotalSeconds);
            var ops = profiler.Stats.OrderByDescending(kv => kv.Value.Time)
                .Select(kv => new OpProfile(kv.Key, kv.Value.Calls, kv.Value.Time.TotalSeconds, opTotal > 0 ? kv.Value.Time.TotalSeconds / opTotal : 0,
                    kv.Value.Flops, counter.Bytes.GetValueOrDefault(kv.Key), counter.Types.GetValueOrDefault(kv.Key)))
                .ToList();
            double seconds = truePhases[name];
            return new PhaseProfile(name, seconds, requestSeconds > 0 ? seconds / requestSeconds : 0, profiled, ops);
        }
    }
}
