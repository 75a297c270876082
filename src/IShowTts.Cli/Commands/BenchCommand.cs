// `ishowtts bench`: workload W1 (shared/docs/gpu.md) timed end to end; figures on stdout.
using IShowTts.Engine;
using IShowTts.Engine.Backends;
using IShowTts.Engine.Tensors;
using IShowTts.Ops.Bench;
using IShowTts.Text;

namespace IShowTts.Cli.Commands;

public sealed class BenchCommand : ICommand
{
    public string Name => "bench";

    public string Summary => "time workload W1 (F5TTS_v1_Base shapes) end to end";

    public string Usage => """
        usage: ishowtts bench --random-weights [--device cpu|cuda|auto] [--nfe 7] [--warmup 1] [--runs 3]

          Workload W1: 10 s reference, 269 text ids, 1326 frames (4.15 s generated), CFG 2, sway −1,
          EPSS, Euler, batch 1. Timed from the reference waveform and ids to the waveform in host
          memory. On 2 CPU cores a run takes minutes: progress and an estimate go to stderr.
        """;

    public Task<int> RunAsync(Arguments args, CliContext context, CancellationToken cancel)
    {
        bool random = args.Flag("random-weights");
        var device = args.String("device") ?? "auto";
        var options = new BenchOptions(args.Int("nfe", 7, 1, 1000), args.Int("warmup", 1, 0, 100), args.Int("runs", 3, 1, 1000));
        args.Finish();
        if (!random) throw new UsageException("the bench needs --random-weights (real-model benches come with the operations kit)");

        var log = new ProgressLine();
        var profiler = new ProfilingBackend(BackendSelector.Create(device, log.Line));
        using var engine = F5Tts.Random(profiler);
        log.Line($"W1 on {profiler.Device.Name} ({profiler.Device.Details}), NFE {options.Nfe}, {options.Warmups} warm-up + {options.Runs} runs");
        var r = EngineBench.Run(engine, profiler, Vocabulary.Default, options, log.Progress);
        bool cpu = profiler.Device.Kind == DeviceKind.Cpu;
        log.Line("done");
        Console.Out.WriteLine($"""
            workload W1, NFE {r.Nfe}, {r.Device} ({r.Details})
              whole request   median {r.Median:F3} s   min {r.Min:F3} s   max {r.Max:F3} s   ({r.Seconds.Count} runs)
              RTF             {r.Rtf:F4}  ({r.GeneratedSeconds:F2} s of speech)
              phases (mean)   mel {r.MelSeconds:F3} s   text+steps {r.StepsSeconds:F3} s   vocoder {r.VocoderSeconds:F3} s
              linear layers   {LinearLine(r, cpu)}
              allocations     {(r.AllocatedBytesPerStep < 0 ? "n/a (the loop ran as one replayed graph)" : $"{r.AllocatedBytesPerStep / 1024.0:F1} KiB of managed memory per sampling step")}
              ops of the profiled runs (CPU: the timed runs; GPU: the first warm-up, each op synchronised) — op, calls, seconds, GFLOP/s:
            """);
        foreach (var (op, calls, seconds, rate) in r.Ops)
            Console.Out.WriteLine($"    {op,-20} {calls,6} {seconds,9:F3} s {(rate > 0 ? $"{rate / 1e9,8:F1}" : ""),8}");
        return Task.FromResult(0);
    }

    /// <summary>On the GPU the profiled warm-up synchronises every op and includes GEMM algorithm tuning: no fair in-model rate.</summary>
    private static string LinearLine(BenchResult r, bool cpu) => cpu
        ? $"{r.LinearRate / 1e9:F1} GFLOP/s in the model vs {r.GemmAloneRate / 1e9:F1} GFLOP/s for the same GEMMs alone " +
          $"({(r.GemmAloneRate > 0 ? r.LinearRate / r.GemmAloneRate * 100 : 0):F0} %); {r.LinearShare * 100:F0} % of op time"
        : $"same GEMMs alone {r.GemmAloneRate / 1e12:F0} TFLOP/s; in-model rate n/a on the GPU (see the per-op table in docs/performance.md)";
}
